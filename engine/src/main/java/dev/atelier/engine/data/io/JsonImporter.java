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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Reads JSON: an array of objects (`.json`), or one object per line (JSON Lines: `.jsonl`, `.ndjson`, and
/// SageMaker augmented manifests). Nested objects are flattened to dotted column names (`address.city`); arrays
/// are kept as their JSON text. In JSON Lines, lines that are not JSON objects are skipped and reported
/// ([ErrorCode#IMPORT_LINES_UNREADABLE]); if no line is readable the file is rejected with
/// [ErrorCode#IMPORT_JSON_MALFORMED] and the line number. A malformed JSON array is rejected the same way.
final class JsonImporter {
    private JsonImporter() {
    }

    static ImportResult read(Path file, ImportOptions options, boolean lines, JobContext ctx) {
        String path = file.toString();
        TableAssembler table = new TableAssembler(options.csv().missingMarkers());
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> inferred = new LinkedHashMap<>();
        long max = options.maxRows();
        boolean limited = false;
        if (lines) {
            int bad = 0;
            long firstBad = -1;
            String firstReason = "";
            long lineNo = 0;
            try (BufferedReader in = reader(file)) {
                String line;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if ((lineNo & 1023) == 0) {
                        ctx.throwIfCancelled();
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    if (max > 0 && table.rows() >= max) {
                        limited = true;
                        break;
                    }
                    try {
                        if (!(JsonDocuments.parse(line) instanceof Map<?, ?> object)) {
                            throw new IllegalArgumentException("not a JSON object");
                        }
                        addRow(table, object);
                    } catch (MalformedJsonException | IllegalArgumentException e) {
                        if (bad++ == 0) {
                            firstBad = lineNo;
                            firstReason = e.getMessage();
                        }
                    }
                }
            } catch (IOException e) {
                throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
            }
            if (table.rows() == 0) {
                if (bad > 0) {
                    throw new DataException(ErrorCode.IMPORT_JSON_MALFORMED, path, firstBad, firstReason);
                }
                throw new DataException(ErrorCode.FILE_EMPTY, path);
            }
            if (bad > 0) {
                diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_LINES_UNREADABLE, bad, firstBad));
            }
            inferred.put("layout", "one object per line");
        } else {
            Object root;
            try (InputStream in = Files.newInputStream(file)) {
                root = JsonDocuments.parse(in);
            } catch (MalformedJsonException e) {
                throw new DataException(e, ErrorCode.IMPORT_JSON_MALFORMED, path, e.line(), e.getMessage());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
            }
            if (root == null) {
                throw new DataException(ErrorCode.FILE_EMPTY, path);
            }
            List<?> records = null;
            if (root instanceof Map<?, ?> object) {
                // {"data": [ {...}, ... ]}: the first property holding an array of objects
                for (Map.Entry<?, ?> e : object.entrySet()) {
                    if (e.getValue() instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map) {
                        records = list;
                        inferred.put("records", String.valueOf(e.getKey()));
                        break;
                    }
                }
                if (records == null) {
                    records = List.of(object);
                }
            } else if (root instanceof List<?> list) {
                records = list;
            } else {
                throw new DataException(ErrorCode.IMPORT_JSON_MALFORMED, path, 1, "expected an array of objects");
            }
            int i = 0;
            for (Object node : records) {
                if ((++i & 1023) == 0) {
                    ctx.throwIfCancelled();
                }
                if (max > 0 && table.rows() >= max) {
                    limited = true;
                    break;
                }
                if (node instanceof Map<?, ?> object) {
                    addRow(table, object);
                } else {
                    table.set(table.column("value"), scalar(node));
                    table.endRow();
                }
            }
            if (table.rows() == 0) {
                throw new DataException(ErrorCode.IMPORT_NO_ROWS, path);
            }
            inferred.put("layout", "array of objects");
        }
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, table.rows(), max));
        }
        inferred.put("encoding", "UTF-8");
        Dataset dataset = table.build(TableAssembler.datasetName(String.valueOf(file.getFileName())),
                options.typeOverrides(), diagnostics, ctx);
        return new ImportResult(dataset, options.csv(), diagnostics, lines ? DataFormat.JSON_LINES : DataFormat.JSON,
                inferred);
    }

    static BufferedReader reader(Path file) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static void addRow(TableAssembler table, Map<?, ?> object) {
        flatten(table, "", object);
        table.endRow();
    }

    private static void flatten(TableAssembler table, String prefix, Map<?, ?> object) {
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String name = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> inner && !inner.isEmpty()) {
                flatten(table, name + ".", inner);
            } else {
                table.set(table.column(name), scalar(v));
            }
        }
    }

    /// A JSON value as cell text: strings as they are, numbers and booleans as written, `null` as missing,
    /// arrays and empty objects as their JSON text.
    static @Nullable String scalar(@Nullable Object v) {
        return switch (v) {
            case null -> null;
            case java.math.BigDecimal b -> b.toPlainString();
            case Map<?, ?> m -> JsonDocuments.toText(m);
            case List<?> l -> JsonDocuments.toText(l);
            default -> v.toString();
        };
    }
}
