package dev.atelier.sampledata.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/// A table of text cells that writes itself as RFC 4180 CSV: comma-separated, `\n` line endings (also after the
/// last row), UTF-8 without a byte-order mark, and a field quoted (with inner quotes doubled) only when it holds a
/// comma, a quote, a line break, or leading or trailing spaces. An empty cell means "missing".
///
/// The static `number`/`integer` methods give the fixed-format number text every generator uses, so that the
/// bytes written never depend on the default locale or on `Double.toString`'s shortest-repr algorithm.
final class CsvTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /// An empty table with these column names.
    CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /// The column names.
    List<String> header() {
        return header;
    }

    /// The rows added so far (live view; do not modify).
    List<List<String>> rows() {
        return rows;
    }

    /// Appends a row; it must have one cell per column (use "" for missing).
    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(row));
    }

    /// Inserts a row at `index` (used to plant duplicates).
    void insert(int index, List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(index, List.copyOf(row));
    }

    /// The CSV text.
    String toCsv() {
        StringBuilder out = new StringBuilder(64 * (rows.size() + 1));
        appendLine(out, header);
        for (List<String> row : rows) {
            appendLine(out, row);
        }
        return out.toString();
    }

    /// Writes the CSV text to `file` as UTF-8, replacing it if it exists.
    void write(Path file) throws IOException {
        Files.write(file, toCsv().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, cells.get(i));
        }
        out.append('\n');
    }

    private static void appendField(StringBuilder out, String cell) {
        Objects.requireNonNull(cell, "cell");
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.endsWith(" ")));
        if (quote) {
            out.append('"').append(cell.replace("\"", "\"\"")).append('"');
        } else {
            out.append(cell);
        }
    }

    /// `value` rounded half-even to `decimals` places, in plain notation with a `.` decimal point
    /// (`1234.5` with 2 decimals gives `1234.50`; negative zero gives `0.00`).
    static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /// A whole number.
    static String integer(long value) {
        return Long.toString(value);
    }

    /// `true` or `false`.
    static String bool(boolean value) {
        return value ? "true" : "false";
    }
}
