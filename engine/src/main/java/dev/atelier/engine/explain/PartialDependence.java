package dev.atelier.engine.explain;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// Partial dependence (PDP) and individual conditional expectation (ICE) curves of any [Model] for one column.
///
/// For each value `v` of a grid over the column (numeric: its quantiles; categorical or yes/no: its levels, most
/// frequent first), every sampled row is predicted with the column set to `v` and everything else unchanged. One
/// row's predictions across the grid are its **ICE** line; their mean at each grid value is the **PDP**
/// (Friedman 2001; Goldstein et al. 2015). So the PDP is exactly the mean of the ICE lines, and for a model that is
/// additive in the column (a linear model on its output scale) every ICE line is the PDP shifted up or down.
///
/// Predictions are made in batches of about [#BATCH_ROWS] synthetic rows; progress and cancellation go through
/// the [JobContext]. Classification outputs are a class's probability or its log-odds
/// ([ShapExplainer.Scale]); regression outputs are the predicted value.
public final class PartialDependence {
    /// Synthetic rows predicted per model call.
    public static final int BATCH_ROWS = 20_000;

    /// Options.
    ///
    /// @param gridSize   numeric columns: the number of quantiles (at least 2; equal quantiles are merged);
    ///                   categorical columns: the most levels shown
    /// @param maxRows    the most rows whose ICE lines are computed (a seeded sample when the data has more)
    /// @param scale      the output scale of classification models (ignored for regression)
    /// @param classIndex the class (index into the model's classes); −1 = the last (the positive class of a
    ///                   binary model)
    /// @param seed       seed of the row sample
    public record Options(int gridSize, int maxRows, ShapExplainer.Scale scale, int classIndex, long seed) {
        public Options {
            if (gridSize < 2 || maxRows < 1) {
                throw new IllegalArgumentException("gridSize >= 2 and maxRows >= 1 needed");
            }
        }

        /// Defaults: 20 grid points, 200 rows, probability, the last class, seed 0.
        public static Options defaults() {
            return new Options(20, 200, ShapExplainer.Scale.PROBABILITY, -1, 0);
        }

        /// These options with another scale and class.
        public Options on(ShapExplainer.Scale newScale, int newClass) {
            return new Options(gridSize, maxRows, newScale, newClass, seed);
        }
    }

    /// The curves of one column.
    ///
    /// @param column      the column
    /// @param categorical whether the grid is a list of levels (else numbers)
    /// @param grid        the grid's positions: the numbers themselves, or 0, 1, 2 … for levels
    /// @param labels      the grid values as text
    /// @param average     the PDP: the mean output at each grid value
    /// @param ice         row-major `rows.length × grid.length`: each row's output at each grid value
    /// @param rows        the rows (indices into the data) the ICE lines belong to
    /// @param actual      each ICE row's own value of the column, on the grid's axis (NaN when missing or, for
    ///                    levels, not on the grid)
    /// @param scale       "probability", "logit" or "value"
    /// @param className   the explained class ("" for regression)
    public record Curves(String column, boolean categorical, double[] grid, List<String> labels, double[] average,
                         double[] ice, int[] rows, double[] actual, String scale, String className) {
        public Curves {
            labels = List.copyOf(labels);
            if (labels.size() != grid.length || average.length != grid.length
                    || ice.length != rows.length * grid.length || actual.length != rows.length) {
                throw new IllegalArgumentException("sizes do not match");
            }
        }

        /// ICE value of line `line` at grid point `point`.
        public double ice(int line, int point) {
            return ice[line * grid.length + point];
        }

        /// The smallest and largest output on the curves, as `{min, max}`.
        public double[] range() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : ice) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (double v : average) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return new double[] {lo, hi};
        }
    }

    private PartialDependence() {
    }

    /// The PDP and ICE curves of `column` over (a sample of) the rows of `data`.
    ///
    /// @throws DataException `FEATURE_COLUMN_MISSING` if `data` has no such column; `ANALYSIS_OPTION_INVALID` for a
    ///                       date or text column, a column without values, or a class out of range
    public static Curves compute(Model model, Dataset data, String column, Options options, JobContext ctx) {
        int index = data.schema().indexOf(column);
        if (index < 0) {
            throw new DataException(ErrorCode.FEATURE_COLUMN_MISSING, column);
        }
        ColumnType type = data.schema().get(index).type();
        if (type == ColumnType.DATETIME || type == ColumnType.TEXT) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "column", column,
                    "a numeric, categorical or yes/no column");
        }
        boolean regression = model.header().problem() == ProblemType.REGRESSION;
        List<String> classes = model.header().classes();
        int cls = options.classIndex() < 0 ? Math.max(0, classes.size() - 1) : options.classIndex();
        if (!regression && cls >= classes.size()) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "class", String.valueOf(cls),
                    "one of " + classes);
        }
        boolean logit = !regression && options.scale() == ShapExplainer.Scale.LOGIT;
        if (data.rowCount() == 0) {
            throw new DataException(ErrorCode.DATASET_EMPTY, data.name());
        }
        int[] rows = sample(data.rowCount(), options.maxRows(), options.seed());
        Dataset sampled = data.rows(rows);
        boolean categorical = type != ColumnType.NUMERIC;
        Grid grid = categorical ? levelGrid(sampled, data, index, type, options.gridSize())
                : quantileGrid(data, index, options.gridSize());
        if (grid.labels().isEmpty()) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "column", column, "a column with values");
        }
        int n = rows.length;
        int g = grid.labels().size();
        double[] ice = new double[n * g];
        int perBatch = Math.max(1, BATCH_ROWS / n);
        ctx.status("job.explain.pdp", column);
        for (int from = 0; from < g; from += perBatch) {
            ctx.throwIfCancelled();
            ctx.progress(from, g);
            int to = Math.min(g, from + perBatch);
            Dataset synthetic = withGrid(sampled, index, type, grid, from, to);
            double[] out = ShapExplainer.output(model.predict(synthetic), cls, regression, logit);
            // synthetic row (p − from) · n + r is row r at grid point p
            for (int p = from; p < to; p++) {
                for (int r = 0; r < n; r++) {
                    ice[r * g + p] = out[(p - from) * n + r];
                }
            }
        }
        ctx.progress(g, g);
        double[] average = new double[g];
        for (int p = 0; p < g; p++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += ice[r * g + p];
            }
            average[p] = sum / n;
        }
        double[] actual = new double[n];
        for (int r = 0; r < n; r++) {
            if (sampled.isMissing(r, index)) {
                actual[r] = Double.NaN;
            } else if (categorical) {
                int at = grid.labels().indexOf(sampled.text(r, index));
                actual[r] = at < 0 ? Double.NaN : at;
            } else {
                actual[r] = sampled.number(r, index);
            }
        }
        String scale = regression ? "value" : logit ? "logit" : "probability";
        return new Curves(column, categorical, grid.positions(), grid.labels(), average, ice, rows, actual, scale,
                regression ? "" : classes.get(cls));
    }

    /// The grid: positions on the x axis, the values as text, and (numeric) the values.
    private record Grid(double[] positions, List<String> labels, double[] numbers, List<String> levels) {
    }

    /// Quantiles `i / (size − 1)` of the column's non-missing values (lower order statistic), duplicates merged.
    static double[] quantiles(double[] values, int size) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new double[0];
        }
        double[] out = new double[size];
        int k = 0;
        for (int i = 0; i < size; i++) {
            double q = v[(int) Math.round((double) i / (size - 1) * (v.length - 1))];
            if (k == 0 || q != out[k - 1]) {
                out[k++] = q;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static Grid quantileGrid(Dataset data, int index, int size) {
        double[] q = quantiles(data.numbers(index), size);
        var labels = new ArrayList<String>();
        for (double v : q) {
            labels.add(Dataset.formatNumber(v));
        }
        return new Grid(q, labels, q, List.of());
    }

    /// The levels of the whole data, most frequent first (ties by value), at most `size`.
    private static Grid levelGrid(Dataset sampled, Dataset data, int index, ColumnType type, int size) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            if (!data.isMissing(r, index)) {
                counts.merge(data.text(r, index), 1, Integer::sum);
            }
        }
        List<String> levels = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(type == ColumnType.BOOLEAN ? 2 : size).toList();
        if (type == ColumnType.BOOLEAN) {
            levels = levels.stream().sorted().toList(); // false, then true
        }
        double[] positions = new double[levels.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return new Grid(positions, levels, new double[0], levels);
    }

    /// `sampled` repeated once per grid point `from..to−1`, with the column set to that grid value.
    private static Dataset withGrid(Dataset sampled, int index, ColumnType type, Grid grid, int from, int to) {
        int n = sampled.rowCount();
        int total = n * (to - from);
        int[] repeat = new int[total];
        for (int i = 0; i < total; i++) {
            repeat[i] = i % n;
        }
        List<Column<?>> source = sampled.columnsUnsafe();
        List<Column<?>> cols = new ArrayList<>(source.size());
        String name = sampled.schema().get(index).name();
        for (int c = 0; c < source.size(); c++) {
            if (c != index) {
                cols.add(source.get(c).subset(repeat));
                continue;
            }
            cols.add(switch (type) {
                case NUMERIC -> {
                    double[] v = new double[total];
                    for (int p = from; p < to; p++) {
                        Arrays.fill(v, (p - from) * n, (p - from + 1) * n, grid.numbers()[p]);
                    }
                    yield DoubleColumn.create(name, v);
                }
                case BOOLEAN -> {
                    BooleanColumn b = BooleanColumn.create(name);
                    for (int p = from; p < to; p++) {
                        boolean value = Boolean.parseBoolean(grid.levels().get(p))
                                || grid.levels().get(p).equalsIgnoreCase("yes");
                        for (int r = 0; r < n; r++) {
                            b.append(value);
                        }
                    }
                    yield b;
                }
                default -> {
                    String[] v = new String[total];
                    for (int p = from; p < to; p++) {
                        Arrays.fill(v, (p - from) * n, (p - from + 1) * n, grid.levels().get(p));
                    }
                    yield StringColumn.create(name, v);
                }
            });
        }
        return Dataset.of(sampled.name(), Table.create(sampled.name(), cols), sampled.schema());
    }

    /// All rows when there are at most `max`, else `max` of them drawn without replacement (seeded), in order.
    private static int[] sample(int n, int max, long seed) {
        if (n <= max) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        var random = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, max);
        Arrays.sort(out);
        return out;
    }
}
