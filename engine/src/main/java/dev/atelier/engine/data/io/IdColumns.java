package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/// Gives identifier columns the role [ColumnRole#ID] when data is imported, so that a customer number is not
/// learned from as if it were a measurement. The user can still give the column another role.
///
/// A column is an identifier when it is a `FEATURE`, has no missing value, its values are different in every
/// row (at least two rows; up to 1 % repeats are allowed, as copied rows are a data-quality problem of their
/// own that should not hide an identifier), it is not true/false or a date, and one of these holds:
///
/// - its name ends with the word `id`, `key`, `code`, `number`, `uuid` or `guid` (`applicant_id`, `CustomerID`,
///   `order-key`);
/// - it is text of digits only and some values have leading zeros (`007`, `0123`);
/// - it holds whole numbers that increase strictly from row to row (at least [#MIN_ROWS_FOR_COUNTER] rows), like
///   row numbers.
///
/// Each such column is reported with [ErrorCode#IMPORT_ID_COLUMN].
public final class IdColumns {
    /// The fewest rows from which a strictly increasing whole-number column is taken for a row counter.
    public static final int MIN_ROWS_FOR_COUNTER = 10;
    /// The share of rows that may repeat an earlier value (copied rows) in a column still taken for an identifier.
    public static final double MAX_REPEATED_SHARE = 0.01;
    private static final Set<String> ID_WORDS = Set.of("id", "key", "code", "number", "uuid", "guid");

    private IdColumns() {
    }

    /// `result` with its identifier columns given the role `ID` and one diagnostic per such column.
    public static ImportResult apply(ImportResult result) {
        Dataset ds = result.dataset();
        Schema schema = ds.schema();
        List<Diagnostic> diagnostics = null;
        for (int c = 0; c < ds.columnCount(); c++) {
            ColumnSchema cs = schema.get(c);
            if (cs.role() == ColumnRole.FEATURE && isIdentifier(ds, c)) {
                schema = schema.withRole(cs.name(), ColumnRole.ID);
                if (diagnostics == null) {
                    diagnostics = new ArrayList<>(result.diagnostics());
                }
                diagnostics.add(Diagnostic.ofColumn(cs.name(), ErrorCode.IMPORT_ID_COLUMN, cs.name()));
            }
        }
        if (diagnostics == null) {
            return result;
        }
        return new ImportResult(ds.withSchema(schema), result.format(), diagnostics, result.source(),
                result.inferred());
    }

    /// Whether column `c` of `ds` looks like an identifier (see the class comment); ignores its role.
    public static boolean isIdentifier(Dataset ds, int c) {
        int n = ds.rowCount();
        ColumnSchema cs = ds.schema().get(c);
        if (n < 2 || ds.missingCount(c) > 0 || cs.type() == ColumnType.BOOLEAN || cs.type() == ColumnType.DATETIME) {
            return false;
        }
        int allowed = (int) Math.floor(n * MAX_REPEATED_SHARE);
        if (cs.type() == ColumnType.NUMERIC) {
            double[] x = ds.numbers(c);
            boolean increasing = n >= MIN_ROWS_FOR_COUNTER;
            Set<Double> seen = new HashSet<>(n * 2);
            int repeats = 0;
            for (int r = 0; r < n; r++) {
                if (x[r] != Math.rint(x[r])) {
                    return false;
                }
                if (!seen.add(x[r]) && ++repeats > allowed) {
                    return false;
                }
                if (r > 0 && x[r] <= x[r - 1]) {
                    increasing = false;
                }
            }
            return increasing || hasIdName(cs.name());
        }
        Set<String> seen = new HashSet<>(n * 2);
        int repeats = 0;
        boolean digits = true;
        boolean leadingZero = false;
        for (int r = 0; r < n; r++) {
            String v = ds.text(r, c);
            if (!seen.add(v) && ++repeats > allowed) {
                return false;
            }
            if (digits) {
                if (v.isEmpty() || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    digits = false;
                } else if (v.length() > 1 && v.charAt(0) == '0') {
                    leadingZero = true;
                }
            }
        }
        return digits && leadingZero || hasIdName(cs.name());
    }

    /// Whether `name`'s last word is one that names identifiers: `id`, `key`, `code`, `number`, `uuid`, `guid`
    /// (words split at non-letters and at lower-to-upper case changes, so `customerId` counts and `paid` or
    /// `valid` do not).
    public static boolean hasIdName(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!Character.isLetterOrDigit(ch)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(ch) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                flush(word, words);
            }
            word.append(ch);
        }
        flush(word, words);
        return !words.isEmpty() && ID_WORDS.contains(words.getLast().toLowerCase(Locale.ROOT));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
