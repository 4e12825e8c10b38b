package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.ColumnInference.Converted;
import dev.atelier.engine.data.io.ColumnInference.Guess;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// Collects the cells of a non-CSV source (spreadsheet, JSON, SQL, …) as text, row by row, and types each column
/// with the same inference the CSV importer uses ([ColumnInference]), so every importer reads "007", "1,5" or
/// "2024-03-01" the same way. Columns may appear mid-way (JSON objects with new keys): earlier rows are missing
/// there. Cells equal (after trimming) to a missing marker, `null` or blank are missing.
final class TableAssembler {
    private final Set<String> missingMarkers;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<@Nullable String>> columns = new ArrayList<>();
    private int rows;

    TableAssembler(Set<String> missingMarkers) {
        this.missingMarkers = missingMarkers;
    }

    /// The index of the column called `name`, adding it (missing in all earlier rows) if new.
    int column(String name) {
        Integer i = index.get(name);
        if (i != null) {
            return i;
        }
        int j = names.size();
        names.add(name);
        index.put(name, j);
        List<@Nullable String> values = new ArrayList<>(Math.max(16, rows));
        for (int r = 0; r < rows; r++) {
            values.add(null);
        }
        columns.add(values);
        return j;
    }

    /// Adds a column by position with a name that may be empty or repeated (spreadsheet headers); it is made
    /// unique later by [#build].
    int positionalColumn(String name) {
        int j = names.size();
        names.add(name);
        List<@Nullable String> values = new ArrayList<>(Math.max(16, rows));
        for (int r = 0; r < rows; r++) {
            values.add(null);
        }
        columns.add(values);
        return j;
    }

    /// Sets a cell of the current row.
    void set(int column, @Nullable String value) {
        List<@Nullable String> c = columns.get(column);
        while (c.size() < rows) {
            c.add(null);
        }
        String v = value == null || value.isBlank() || missingMarkers.contains(value.strip()) ? null : value;
        if (c.size() == rows) {
            c.add(v);
        } else {
            c.set(rows, v);
        }
    }

    /// Ends the current row (cells not set are missing).
    void endRow() {
        rows++;
        for (List<@Nullable String> c : columns) {
            while (c.size() < rows) {
                c.add(null);
            }
        }
    }

    int rows() {
        return rows;
    }

    int columnCount() {
        return names.size();
    }

    /// Types every column and builds the dataset. Columns that are missing in every row are dropped only when
    /// `dropEmpty` is set. Renamed (empty or repeated) headers are reported as [ErrorCode#IMPORT_HEADER_RENAMED].
    Dataset build(String datasetName, Map<String, ColumnType> overrides, List<Diagnostic> diagnostics,
                  JobContext ctx) {
        List<String> unique = uniqueNames(diagnostics);
        List<Column<?>> out = new ArrayList<>(names.size());
        List<ColumnSchema> schema = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            ctx.throwIfCancelled();
            String name = unique.get(j);
            TextColumnBuffer b = TextColumnBuffer.of(columns.get(j));
            columns.set(j, List.of());
            Guess g = ColumnInference.infer(b, 0, rows);
            ColumnType override = overrides.get(name);
            ColumnType type;
            Column<?> column;
            if (override != null) {
                type = override;
                Converted c = ColumnInference.convert(b, 0, rows, name, type,
                        ColumnInference.bestNumberStyle(b, 0, rows), ColumnInference.bestDateOrder(b, 0, rows), true,
                        null);
                column = c.column();
                failures(diagnostics, name, type, c);
            } else if (g.type() == ColumnType.CATEGORICAL || g.type() == ColumnType.TEXT) {
                ColumnInference.Strings s = ColumnInference.strings(b, 0, rows);
                type = ColumnInference.labelType(s, g.leadingZeros());
                column = StringColumn.create(name, s.values());
                if (g.leadingZeros()) {
                    diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_LEADING_ZEROS_KEPT, name));
                }
            } else {
                type = g.type();
                Converted c = ColumnInference.convert(b, 0, rows, name, type, g.numberStyle(), g.dateOrder(), false,
                        g.numbers());
                column = c.column();
                failures(diagnostics, name, type, c);
            }
            out.add(column.setName(name));
            schema.add(ColumnSchema.feature(name, type));
        }
        return Dataset.of(datasetName, Table.create(datasetName, out), new Schema(schema));
    }

    private static void failures(List<Diagnostic> diagnostics, String name, ColumnType type, Converted c) {
        if (c.failures() > 0) {
            diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_VALUES_SET_MISSING, c.failures(), name,
                    ValueParsers.typeWord(type), Objects.requireNonNullElse(c.example(), "")));
        }
    }

    private List<String> uniqueNames(List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>(names.size());
        Set<String> used = new HashSet<>();
        for (String n : names) {
            String clean = clean(n);
            if (!clean.isEmpty()) {
                used.add(clean.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> taken = new HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String original = clean(names.get(j));
            String name = original;
            if (name.isEmpty() || taken.contains(name.toLowerCase(Locale.ROOT))) {
                String base = name.isEmpty() ? "column_" + (j + 1) : name;
                name = base;
                int k = 2;
                while (taken.contains(name.toLowerCase(Locale.ROOT))
                        || used.contains(name.toLowerCase(Locale.ROOT)) && !name.equals(original)) {
                    name = base + "_" + k++;
                }
                diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_HEADER_RENAMED, original, name));
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            used.add(name.toLowerCase(Locale.ROOT));
            out.add(name);
        }
        return out;
    }

    private static String clean(String cell) {
        StringBuilder b = new StringBuilder(cell.length());
        cell.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        return b.toString().strip();
    }

    /// The dataset name for a file name: without its extension, "data" if nothing is left.
    static String datasetName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return base.isBlank() ? "data" : base;
    }
}
