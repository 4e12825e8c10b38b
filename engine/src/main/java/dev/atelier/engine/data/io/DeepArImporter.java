package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.JsonDocuments;
import dev.atelier.engine.persist.JsonDocuments.MalformedJsonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// Reads SageMaker DeepAR training files (JSON Lines with `start`, `target` and optional `cat`, `dynamic_feat`
/// and `item_id`/`id`) into a long table: one row per series and time step with the columns `item_id`,
/// `timestamp`, `target`, `cat_1…` and `dynamic_feat_1…`. The time step comes from [ImportOptions#frequency()]
/// in DeepAR's notation (`5min`, `H`, `D`, `W`, `M`, with an optional count such as `2H`); without one it is
/// assumed daily and reported. `"NaN"` targets are missing. Malformed lines are skipped and reported.
final class DeepArImporter {
    private static final Pattern FREQ = Pattern.compile("(\\d*)\\s*(min|t|h|d|w|m|y|s)", Pattern.CASE_INSENSITIVE);

    private DeepArImporter() {
    }

    static ImportResult read(Path file, ImportOptions options, JobContext ctx) {
        String path = file.toString();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> inferred = new LinkedHashMap<>();
        String freq = options.frequency();
        if (freq == null) {
            freq = "D";
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_VALUE_ASSUMED, "time step", "1 day", "--frequency"));
        }
        Matcher m = FREQ.matcher(freq.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown frequency '" + freq + "'; use e.g. 5min, H, D, W or M");
        }
        int count = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        inferred.put("frequency", count + unit);
        TableAssembler table = new TableAssembler(options.csv().missingMarkers());
        int itemCol = table.column("item_id");
        int timeCol = table.column("timestamp");
        int targetCol = table.column("target");
        long max = options.maxRows();
        int bad = 0;
        long firstBad = -1;
        String reason = "";
        long lineNo = 0;
        int series = 0;
        boolean limited = false;
        try (BufferedReader in = JsonImporter.reader(file)) {
            String line;
            outer:
            while ((line = in.readLine()) != null) {
                lineNo++;
                ctx.throwIfCancelled();
                if (line.isBlank()) {
                    continue;
                }
                Map<?, ?> node;
                List<?> target;
                LocalDateTime start;
                try {
                    if (!(JsonDocuments.parse(line) instanceof Map<?, ?> object)
                            || !(object.get("target") instanceof List<?> values)) {
                        throw new IllegalArgumentException("no \"target\" array");
                    }
                    node = object;
                    target = values;
                    start = parseStart(String.valueOf(object.get("start")));
                } catch (MalformedJsonException | IllegalArgumentException | DateTimeParseException e) {
                    if (bad++ == 0) {
                        firstBad = lineNo;
                        reason = e.getMessage();
                    }
                    continue;
                }
                series++;
                Object id = node.containsKey("item_id") ? node.get("item_id") : node.get("id");
                String item = id != null ? JsonImporter.scalar(id) : "series_" + series;
                Object cats = node.get("cat");
                Object dyn = node.get("dynamic_feat");
                for (int t = 0; t < target.size(); t++) {
                    if (max > 0 && table.rows() >= max) {
                        limited = true;
                        break outer;
                    }
                    table.set(itemCol, item);
                    table.set(timeCol, format(step(start, unit, (long) count * t)));
                    Object v = target.get(t);
                    table.set(targetCol, v instanceof Number ? JsonImporter.scalar(v) : null);
                    if (cats instanceof List<?> list) {
                        for (int c = 0; c < list.size(); c++) {
                            table.set(table.column("cat_" + (c + 1)), JsonImporter.scalar(list.get(c)));
                        }
                    } else if (cats instanceof Number) {
                        table.set(table.column("cat_1"), JsonImporter.scalar(cats));
                    }
                    if (dyn instanceof List<?> features) {
                        for (int f = 0; f < features.size(); f++) {
                            Object x = features.get(f) instanceof List<?> feature && t < feature.size()
                                    ? feature.get(t) : null;
                            table.set(table.column("dynamic_feat_" + (f + 1)),
                                    x instanceof Number ? JsonImporter.scalar(x) : null);
                        }
                    }
                    table.endRow();
                }
            }
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
        }
        if (series == 0) {
            if (bad > 0) {
                throw new DataException(ErrorCode.IMPORT_JSON_MALFORMED, path, firstBad, reason);
            }
            throw new DataException(ErrorCode.FILE_EMPTY, path);
        }
        if (bad > 0) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_LINES_UNREADABLE, bad, firstBad));
        }
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, table.rows(), max));
        }
        inferred.put("series", Integer.toString(series));
        Map<String, dev.atelier.engine.data.ColumnType> overrides = new LinkedHashMap<>();
        overrides.put("item_id", dev.atelier.engine.data.ColumnType.CATEGORICAL);
        overrides.putAll(options.typeOverrides());
        Dataset dataset = table.build(TableAssembler.datasetName(String.valueOf(file.getFileName())), overrides,
                diagnostics, ctx);
        return new ImportResult(dataset, options.csv(), diagnostics, DataFormat.DEEPAR, inferred);
    }

    /// Whether a JSON object looks like a DeepAR record.
    static boolean looksLikeDeepAr(@Nullable Object record) {
        return record instanceof Map<?, ?> m && m.get("start") instanceof String && m.get("target") instanceof List;
    }

    private static LocalDateTime parseStart(String s) {
        String t = s.strip().replace('T', ' ');
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay();
        }
        if (t.length() == 16) {
            t = t + ":00";
        }
        return LocalDateTime.parse(t.substring(0, Math.min(19, t.length())),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private static LocalDateTime step(LocalDateTime start, String unit, long n) {
        return switch (unit) {
            case "min", "t" -> start.plusMinutes(n);
            case "s" -> start.plusSeconds(n);
            case "h" -> start.plusHours(n);
            case "w" -> start.plusWeeks(n);
            case "m" -> start.plusMonths(n);
            case "y" -> start.plusYears(n);
            default -> start.plusDays(n);
        };
    }

    private static String format(LocalDateTime t) {
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                : t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
}
