package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/// The target column of training data, read once: the rows that have a target, and for classification the
/// sorted class labels and each row's class index, for regression each row's value.
///
/// Class labels are the cells' display text (`Dataset.text`), sorted numerically when every label is a number and
/// by code point otherwise, so `0 < 1 < 10`, `false < true` and `no < yes`; the last class of a binary problem is
/// the positive one.
public final class Target {
    private final String column;
    private final int[] rows;
    private final List<String> classes;
    private final int[] labels;
    private final double[] values;
    private final List<Diagnostic> diagnostics;

    private Target(String column, int[] rows, List<String> classes, int[] labels, double[] values,
                   List<Diagnostic> diagnostics) {
        this.column = column;
        this.rows = rows;
        this.classes = classes;
        this.labels = labels;
        this.values = values;
        this.diagnostics = diagnostics;
    }

    /// Reads the target of `data` for `problem`.
    ///
    /// @throws DataException `DATASET_EMPTY` (name) with no rows; `TARGET_ALL_MISSING` (column);
    ///         `TARGET_SINGLE_CLASS` (column, value); `TARGET_NOT_NUMERIC` (column) for regression on a non-numeric
    ///         column
    /// @throws dev.atelier.engine.error.SpecException `COLUMN_NOT_FOUND` (column); `TARGET_ROLE_INVALID`
    public static Target read(Dataset data, String target, ProblemType problem) {
        ColumnSchema cs = data.schema().column(target);
        if (cs.role() == ColumnRole.ID || cs.role() == ColumnRole.IGNORED || cs.role() == ColumnRole.SENSITIVE) {
            throw new dev.atelier.engine.error.SpecException(ErrorCode.TARGET_ROLE_INVALID, target,
                    cs.role().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (data.rowCount() == 0) {
            throw new DataException(ErrorCode.DATASET_EMPTY, data.name());
        }
        int col = data.schema().indexOf(target);
        var kept = new ArrayList<Integer>();
        for (int r = 0; r < data.rowCount(); r++) {
            if (!data.isMissing(r, col)) {
                kept.add(r);
            }
        }
        if (kept.isEmpty()) {
            throw new DataException(ErrorCode.TARGET_ALL_MISSING, target);
        }
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        var diagnostics = new ArrayList<Diagnostic>();
        if (rows.length < data.rowCount()) {
            diagnostics.add(Diagnostic.ofColumn(target, ErrorCode.TARGET_ROWS_DROPPED, data.rowCount() - rows.length,
                    target));
        }
        if (problem == ProblemType.REGRESSION) {
            if (cs.type() != ColumnType.NUMERIC && cs.type() != ColumnType.BOOLEAN) {
                throw new DataException(ErrorCode.TARGET_NOT_NUMERIC, target);
            }
            double[] values = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                values[i] = data.number(rows[i], col);
            }
            return new Target(target, rows, List.of(), new int[0], values, List.copyOf(diagnostics));
        }
        var distinct = new TreeSet<String>();
        for (int r : rows) {
            distinct.add(data.text(r, col));
        }
        List<String> classes = sortClasses(distinct);
        if (classes.size() < 2) {
            throw new DataException(ErrorCode.TARGET_SINGLE_CLASS, target, classes.getFirst());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = index.get(data.text(rows[i], col));
        }
        return new Target(target, rows, classes, labels, new double[0], List.copyOf(diagnostics));
    }

    /// Sorts labels numerically when all are numbers, otherwise by code point.
    public static List<String> sortClasses(java.util.Collection<String> labels) {
        var list = new ArrayList<>(labels);
        boolean numeric = list.stream().allMatch(Target::isNumber);
        if (numeric) {
            list.sort(Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder()));
        } else {
            list.sort(Comparator.naturalOrder());
        }
        return List.copyOf(list);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /// The target column's name.
    public String column() {
        return column;
    }

    /// The row indices (into the dataset) that have a target, ascending (a copy).
    public int[] rows() {
        return rows.clone();
    }

    /// How many rows have a target.
    public int size() {
        return rows.length;
    }

    /// The sorted class labels (empty for regression).
    public List<String> classes() {
        return classes;
    }

    /// The class index of each kept row (a copy).
    public int[] labels() {
        return labels.clone();
    }

    /// The value of each kept row, regression (a copy).
    public double[] values() {
        return values.clone();
    }

    /// What was dropped.
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /// The class indices of `data`'s target for these classes (`-1` for a label not among them or missing), used to
    /// score validation data.
    public int[] labelsOf(Dataset data) {
        int col = data.schema().indexOf(column);
        int[] out = new int[data.rowCount()];
        Arrays.fill(out, -1);
        if (col < 0) {
            return out;
        }
        for (int r = 0; r < out.length; r++) {
            if (!data.isMissing(r, col)) {
                out[r] = classes.indexOf(data.text(r, col));
            }
        }
        return out;
    }
}
