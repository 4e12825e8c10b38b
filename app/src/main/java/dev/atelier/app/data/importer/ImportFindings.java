package dev.atelier.app.data.importer;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.data.importer.ImportViewModel.Delimiter;
import dev.atelier.app.data.importer.ImportViewModel.Finding;
import dev.atelier.app.data.importer.ImportViewModel.ImageClass;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.DataFormat;
import dev.atelier.engine.data.io.IdColumns;
import dev.atelier.engine.data.io.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/// What the Import dialog tells about a source, worked out from an import's result or the files: the findings
/// panel, an image folder's classes, and the time-series columns it guesses. Toolkit-free.
final class ImportFindings {
    private ImportFindings() {
    }

    /// What was inferred from the source, as labelled findings (format, and for CSV delimiter, quote, character set
    /// and header; then whatever else the importer reports, such as sheet, table, classes or time step).
    static List<Finding> of(ImportResult result, ImportViewModel vm, Messages messages) {
        List<Finding> out = new ArrayList<>();
        out.add(finding(messages, "format", vm.formatLabel(result.source())));
        CsvOptions used = result.format();
        if (result.source() == DataFormat.CSV) {
            out.add(finding(messages, "delimiter", vm.delimiterLabel(Delimiter.of(used.delimiter()))));
            out.add(finding(messages, "quote", used.quote() == '"' ? messages.get("import.quote.double")
                    : String.valueOf(used.quote())));
            out.add(finding(messages, "encoding", Objects.requireNonNullElse(used.charset(), "")));
            out.add(finding(messages, "header", vm.headerLabel(used.header())));
        }
        for (Map.Entry<String, String> e : result.inferred().entrySet()) {
            String k = e.getKey();
            if (result.source() == DataFormat.CSV && List.of("delimiter", "encoding", "header").contains(k)
                    || k.equals("sheets") || k.equals("tables")) {
                continue;
            }
            out.add(finding(messages, k, e.getValue()));
        }
        return out;
    }

    /// One finding, labelled from `import.found.<key>` (else the key in words).
    static Finding finding(Messages messages, String key, String value) {
        String labelKey = "import.found." + key;
        String label = messages.has(labelKey) ? messages.get(labelKey)
                : Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('_', ' ');
        return new Finding(key, label, value);
    }

    /// The class subfolders of an image folder with their image counts (empty when it cannot be read: the preview
    /// reports the folder's problem).
    static List<ImageClass> imageClasses(Path folder) {
        List<ImageClass> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(d)) {
                    int n = (int) files.filter(p -> Files.isRegularFile(p) && isImageName(p)).count();
                    if (n > 0) {
                        out.add(new ImageClass(d.getFileName().toString(), n));
                    }
                }
            }
        } catch (IOException e) {
            return out; // the preview reports the folder's problem
        }
        return out;
    }

    private static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif")
                || n.endsWith(".bmp") || n.endsWith(".webp");
    }

    /// The first date-time column, or -1.
    static int firstDateColumn(Dataset ds) {
        for (int i = 0; i < ds.columnCount(); i++) {
            if (ds.schema().get(i).type() == ColumnType.DATETIME) {
                return i;
            }
        }
        return -1;
    }

    /// The column that most likely names the series (item id, store, product), or "".
    static String seriesItem(Dataset ds) {
        for (ColumnSchema cs : ds.schema().columns()) {
            String n = cs.name().toLowerCase(Locale.ROOT);
            if (cs.type() != ColumnType.NUMERIC && cs.type() != ColumnType.DATETIME && cs.role() != ColumnRole.ID
                    && (IdColumns.hasIdName(cs.name()) || n.contains("item") || n.contains("series")
                    || n.contains("store") || n.contains("product"))) {
                return cs.name();
            }
        }
        return "";
    }
}
