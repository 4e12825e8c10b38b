package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

import static dev.atelier.engine.wrangle.Family.BIN_NUMERIC;
import static dev.atelier.engine.wrangle.Family.COMBINE_NUMERIC;
import static dev.atelier.engine.wrangle.Family.HANDLE_OUTLIERS;
import static dev.atelier.engine.wrangle.Family.NUMERIC_MATH;
import static dev.atelier.engine.wrangle.Family.POWER_TRANSFORM;
import static dev.atelier.engine.wrangle.Family.SCALE_NUMERIC;

/// Numbers: outliers, scaling, math, power transforms, binning and combining columns. Statistics (means,
/// quantiles, lambdas, bin edges) are learned from the training rows and reused on new data.
final class NumericSteps {
    private NumericSteps() {
    }

    static List<Transform> all() {
        var out = new ArrayList<Transform>();
        // ---- outliers
        out.add(clip("clip_stddev", "Clip by standard deviations",
                "Clips numbers further than k standard deviations from the training mean.",
                List.of(P.real("k", 3, 0, 1e6, "How many standard deviations are normal.")),
                (v, p) -> {
                    double m = Ops.mean(v);
                    double s = Ops.std(v);
                    return new double[]{m - p.real("k") * s, m + p.real("k") * s};
                }));
        out.add(clip("clip_robust", "Clip by robust deviations",
                "Clips numbers further than k robust deviations (1.4826 × median absolute deviation) from the median.",
                List.of(P.real("k", 3, 0, 1e6, "How many robust deviations are normal.")),
                (v, p) -> {
                    double m = Ops.median(v);
                    double s = 1.4826 * Ops.mad(v);
                    return new double[]{m - p.real("k") * s, m + p.real("k") * s};
                }));
        out.add(clip("clip_quantile", "Clip by quantiles",
                "Clips numbers below the lower and above the upper training quantile (winsorising).",
                List.of(P.real("lower", 0.01, 0, 1, "Lower quantile."), P.real("upper", 0.99, 0, 1, "Upper quantile.")),
                (v, p) -> new double[]{Ops.quantile(v, p.real("lower")), Ops.quantile(v, p.real("upper"))}));
        out.add(clip("clip_minmax", "Clip to a range", "Clips numbers to a fixed minimum and maximum.",
                List.of(P.requiredReal("min", "Smallest allowed value."), P.requiredReal("max", "Largest allowed value.")),
                (v, p) -> new double[]{p.real("min"), p.real("max")}));
        out.add(T.of("replace_rare", HANDLE_OUTLIERS, "Replace rare categories",
                        "Replaces categories rarer than a share of the training rows (and unseen ones) with \"Other\".")
                .types(T.STRINGS)
                .params(P.column(), P.real("min_share", 0.01, 0, 1, "Smallest share of rows a category needs to keep its name."),
                        P.text("other", "Other", "The label rare categories get."))
                .fitted((f, p, s) -> {
                    String[] v = f.strings(p.column());
                    var keep = new ArrayList<String>();
                    Ops.counts(v).forEach((k, c) -> {
                        if (c >= p.real("min_share") * v.length) {
                            keep.add(k);
                        }
                    });
                    return State.builder().put("kept", keep).build();
                }, (f, p, s, ph) -> {
                    var keep = new java.util.HashSet<>(s.texts("kept"));
                    String[] v = f.strings(p.column());
                    for (int i = 0; i < v.length; i++) {
                        if (!v[i].isEmpty() && !keep.contains(v[i])) {
                            v[i] = p.text("other");
                        }
                    }
                    f.putStrings(p.column(), v, f.type(p.column()), null);
                }));
        out.add(T.of("remove_outliers", HANDLE_OUTLIERS, "Remove outlier rows",
                        "Removes training rows whose value is further than k standard deviations from the mean.")
                .types(T.NUMERIC).rows(RowRule.TRAINING_ONLY)
                .params(P.column(), P.real("k", 3, 0, 1e6, "How many standard deviations are normal."))
                .apply((f, p) -> {
                    double[] v = f.numbers(p.column());
                    double m = Ops.mean(v);
                    double s = Ops.std(v) * p.real("k");
                    f.selectRows(IntStream.range(0, v.length)
                            .filter(i -> Double.isNaN(v[i]) || Math.abs(v[i] - m) <= s).toArray());
                }));
        out.add(T.of("flag_outliers", HANDLE_OUTLIERS, "Flag outliers",
                        "Adds a true/false column <name>_outlier: outside the training quartiles ± 1.5 × IQR.")
                .types(T.NUMERIC).params(P.column(), P.real("factor", 1.5, 0, 1e6, "How many IQRs beyond the quartiles is unusual."))
                .fitted((f, p, s) -> {
                    double[] v = f.numbers(p.column());
                    double q1 = Ops.quantile(v, 0.25);
                    double q3 = Ops.quantile(v, 0.75);
                    double k = p.real("factor") * (q3 - q1);
                    return State.builder().put("low", q1 - k).put("high", q3 + k).build();
                }, (f, p, s, ph) -> {
                    double[] v = f.numbers(p.column());
                    Boolean[] o = new Boolean[v.length];
                    for (int i = 0; i < v.length; i++) {
                        o[i] = Double.isNaN(v[i]) ? null : v[i] < s.real("low") || v[i] > s.real("high");
                    }
                    f.putBooleans(p.column() + "_outlier", o, p.column());
                }));
        // ---- scaling
        out.add(scale("scale_standard", "Standardise", "Subtracts the training mean and divides by the standard deviation.",
                v -> new double[]{Ops.mean(v), Ops.std(v)}));
        out.add(scale("scale_robust", "Robust scale", "Subtracts the training median and divides by the interquartile range.",
                v -> new double[]{Ops.median(v), Ops.quantile(v, 0.75) - Ops.quantile(v, 0.25)}));
        out.add(scale("scale_maxabs", "Scale by largest absolute value", "Divides by the largest absolute training value, giving -1 to 1.",
                v -> new double[]{0, Math.max(Math.abs(Ops.min(v)), Math.abs(Ops.max(v)))}));
        out.add(scale("center_mean", "Center on mean", "Subtracts the training mean, keeping the spread.",
                v -> new double[]{Ops.mean(v), 1}));
        out.add(T.of("scale_minmax", SCALE_NUMERIC, "Min-max scale",
                        "Maps the training minimum and maximum to a range (default 0 to 1); new values may fall outside.")
                .types(T.NUMERIC)
                .params(P.columns(), P.real("low", 0, -1e12, 1e12, "Value for the minimum."), P.real("high", 1, -1e12, 1e12, "Value for the maximum."))
                .fitted(perColumn(v -> new double[]{Ops.min(v), Ops.max(v)}), (f, p, s, ph) -> {
                    for (String c : p.columns()) {
                        double[] mm = s.reals(c);
                        double range = mm[1] - mm[0];
                        double lo = p.real("low");
                        double hi = p.real("high");
                        f.putNumbers(c, Ops.map(f.numbers(c), x -> range == 0 ? lo : lo + (x - mm[0]) / range * (hi - lo)), null);
                    }
                }));
        out.add(T.of("normalize_rows", SCALE_NUMERIC, "Normalise rows",
                        "Divides the chosen columns of each row by the row's length (L2 norm), so each row has length 1.")
                .types(T.NUMERIC).params(P.columns())
                .apply((f, p) -> {
                    List<String> cols = p.columns();
                    double[][] v = cols.stream().map(f::numbers).toArray(double[][]::new);
                    for (int i = 0; i < f.rows(); i++) {
                        double s = 0;
                        for (double[] c : v) {
                            s += Double.isNaN(c[i]) ? 0 : c[i] * c[i];
                        }
                        double norm = Math.sqrt(s);
                        for (double[] c : v) {
                            if (norm > 0) {
                                c[i] /= norm;
                            }
                        }
                    }
                    for (int j = 0; j < cols.size(); j++) {
                        f.putNumbers(cols.get(j), v[j], null);
                    }
                }));
        // ---- math
        out.add(math("log", "Natural log", "Takes the natural logarithm; zero and negative numbers become missing.", x -> x > 0 ? Math.log(x) : Double.NaN));
        out.add(math("log1p", "Log(1 + x)", "Takes log(1 + x), which keeps zero at zero; values at or below -1 become missing.", x -> x > -1 ? Math.log1p(x) : Double.NaN));
        out.add(math("log10", "Log base 10", "Takes the base-10 logarithm; zero and negative numbers become missing.", x -> x > 0 ? Math.log10(x) : Double.NaN));
        out.add(math("sqrt", "Square root", "Takes the square root; negative numbers become missing.", x -> x >= 0 ? Math.sqrt(x) : Double.NaN));
        out.add(math("square", "Square", "Multiplies each number by itself.", x -> x * x));
        out.add(math("exp", "Exponential", "Raises e to the number (the inverse of the natural log).", Math::exp));
        out.add(math("reciprocal", "Reciprocal", "Takes 1 / x; zero becomes missing.", x -> x == 0 ? Double.NaN : 1 / x));
        out.add(math("abs", "Absolute value", "Drops the sign of each number.", Math::abs));
        out.add(math("floor", "Round down", "Rounds down to a whole number.", Math::floor));
        out.add(math("ceil", "Round up", "Rounds up to a whole number.", Math::ceil));
        out.add(T.of("round", NUMERIC_MATH, "Round", "Rounds to a number of decimal places (halves away from zero).")
                .types(T.NUMERIC).params(P.column(), P.integer("digits", 0, -15, 15, "Decimal places to keep."), P.output())
                .apply((f, p) -> {
                    java.math.RoundingMode mode = java.math.RoundingMode.HALF_UP;
                    int digits = p.integer("digits");
                    f.putNumbers(p.output(p.column()), Ops.map(f.numbers(p.column()),
                            x -> new java.math.BigDecimal(Double.toString(x)).setScale(digits, mode).doubleValue()), p.column());
                }));
        // ---- power transforms
        out.add(T.of("power", POWER_TRANSFORM, "Raise to a power", "Raises each number to a power (e.g. 0.5 is a square root).")
                .types(T.NUMERIC).params(P.column(), P.real("exponent", 2, -100, 100, "The power."), P.output())
                .apply((f, p) -> f.putNumbers(p.output(p.column()),
                        Ops.map(f.numbers(p.column()), x -> Ops.finite(Math.pow(x, p.real("exponent")))), p.column())));
        out.add(T.of("box_cox", POWER_TRANSFORM, "Box-Cox",
                        "Makes positive numbers more bell-shaped with the Box-Cox power whose lambda fits the training data best.")
                .types(T.NUMERIC).params(P.column(), P.output())
                .fitted((f, p, s) -> {
                    double[] v = Ops.present(f.numbers(p.column()));
                    if (Arrays.stream(v).anyMatch(x -> x <= 0)) {
                        throw new DataException(ErrorCode.TRANSFORM_FAILED, "Box-Cox",
                                "the column " + p.column() + " has zero or negative values; use Yeo-Johnson instead");
                    }
                    return State.builder().put("lambda", bestLambda(v, true)).build();
                }, (f, p, s, ph) -> f.putNumbers(p.output(p.column()),
                        Ops.map(f.numbers(p.column()), x -> x > 0 ? boxCox(x, s.real("lambda")) : Double.NaN), p.column())));
        out.add(T.of("yeo_johnson", POWER_TRANSFORM, "Yeo-Johnson",
                        "Makes numbers (also zero and negative) more bell-shaped with the Yeo-Johnson power fitted on training data.")
                .types(T.NUMERIC).params(P.column(), P.output())
                .fitted((f, p, s) -> State.builder().put("lambda", bestLambda(Ops.present(f.numbers(p.column())), false)).build(),
                        (f, p, s, ph) -> f.putNumbers(p.output(p.column()),
                                Ops.map(f.numbers(p.column()), x -> yeoJohnson(x, s.real("lambda"))), p.column())));
        out.add(quantileMap("quantile_uniform", "Quantile transform (uniform)",
                "Replaces each number by its share of training values below it, spreading values evenly from 0 to 1.", false));
        out.add(quantileMap("quantile_normal", "Quantile transform (normal)",
                "Maps numbers through the training quantiles onto a standard bell curve.", true));
        // ---- binning
        out.add(T.of("bin_width", BIN_NUMERIC, "Bin by equal width",
                        "Cuts the training range into bins of equal width and labels each number with its bin.")
                .types(T.NUMERIC).params(P.column(), P.integer("bins", 5, 1, 1000, "Number of bins."), binLabels(), P.output())
                .fitted((f, p, s) -> {
                    double[] v = f.numbers(p.column());
                    double lo = Ops.min(v);
                    double hi = Ops.max(v);
                    int k = p.integer("bins");
                    double[] edges = new double[k + 1];
                    for (int i = 0; i <= k; i++) {
                        edges[i] = lo + (hi - lo) * i / k;
                    }
                    return State.builder().put("edges", edges).build();
                }, (f, p, s, ph) -> bin(f, p, s.reals("edges"), true)));
        out.add(T.of("bin_frequency", BIN_NUMERIC, "Bin by equal frequency",
                        "Cuts at training quantiles so each bin holds about the same number of rows.")
                .types(T.NUMERIC).params(P.column(), P.integer("bins", 4, 1, 1000, "Number of bins."), binLabels(), P.output())
                .fitted((f, p, s) -> {
                    double[] v = Ops.present(f.numbers(p.column()));
                    Arrays.sort(v);
                    int k = p.integer("bins");
                    double[] edges = IntStream.rangeClosed(0, k)
                            .mapToDouble(i -> v.length == 0 ? Double.NaN : Ops.sortedQuantile(v, (double) i / k)).distinct().toArray();
                    return State.builder().put("edges", edges).build();
                }, (f, p, s, ph) -> bin(f, p, s.reals("edges"), true)));
        out.add(T.of("bin_custom", BIN_NUMERIC, "Bin by custom edges",
                        "Labels each number with the interval between your edges it falls in, e.g. edges 18,30,50.")
                .types(T.NUMERIC).params(P.column(), P.requiredText("edges", "numbers separated by commas", "The cut points, increasing."),
                        binLabels(), P.output())
                .apply((f, p) -> {
                    double[] edges = ColumnSteps.list(p.text("edges")).stream().mapToDouble(Frame::parseNumber).toArray();
                    for (int i = 0; i < edges.length; i++) {
                        if (Double.isNaN(edges[i]) || i > 0 && edges[i] <= edges[i - 1]) {
                            throw new DataException(ErrorCode.TRANSFORM_PARAMETER_INVALID, "edges", "bin_custom",
                                    p.text("edges"), "increasing numbers separated by commas");
                        }
                    }
                    bin(f, p, edges, false);
                }));
        out.add(T.of("binarize", BIN_NUMERIC, "Threshold to true/false", "Makes a true/false column: true where the number is above a threshold.")
                .types(T.NUMERIC).params(P.column(), P.real("threshold", 0, -1e300, 1e300, "Numbers above it are true."), P.output())
                .apply((f, p) -> {
                    double[] v = f.numbers(p.column());
                    Boolean[] o = new Boolean[v.length];
                    for (int i = 0; i < v.length; i++) {
                        o[i] = Double.isNaN(v[i]) ? null : v[i] > p.real("threshold");
                    }
                    f.putBooleans(p.output(p.column()), o, p.column());
                }));
        // ---- combining columns
        out.add(T.of("math_columns", COMBINE_NUMERIC, "Combine two columns",
                        "Adds, subtracts, multiplies or divides two numeric columns into a new column.")
                .types(T.NUMERIC)
                .params(P.column("column", "The left-hand column."), P.column("other", "The right-hand column."),
                        P.choice("operation", "add", List.of("add", "subtract", "multiply", "divide"), "The operation."),
                        P.requiredText("output", "new column name", "Name of the result column."))
                .apply((f, p) -> {
                    double[] a = f.numbers(p.column());
                    double[] b = f.numbers(p.column("other"));
                    double[] o = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        o[i] = Ops.finite(switch (p.text("operation")) {
                            case "add" -> a[i] + b[i];
                            case "subtract" -> a[i] - b[i];
                            case "multiply" -> a[i] * b[i];
                            default -> a[i] / b[i];
                        });
                    }
                    f.putNumbers(p.text("output"), o, null);
                }));
        out.add(T.of("row_stat", COMBINE_NUMERIC, "Row statistic",
                        "Adds a column with the sum, mean, minimum, maximum or count of missing across columns of each row.")
                .types(T.NUMERIC)
                .params(P.columns(), P.choice("statistic", "sum", List.of("sum", "mean", "min", "max", "missing"), "What to compute."),
                        P.requiredText("output", "new column name", "Name of the result column."))
                .apply((f, p) -> {
                    double[][] cols = p.columns().stream().map(f::numbers).toArray(double[][]::new);
                    double[] o = new double[f.rows()];
                    double[] row = new double[cols.length];
                    for (int i = 0; i < o.length; i++) {
                        for (int j = 0; j < cols.length; j++) {
                            row[j] = cols[j][i];
                        }
                        o[i] = switch (p.text("statistic")) {
                            case "sum" -> Ops.present(row).length == 0 ? Double.NaN : Ops.sum(row);
                            case "mean" -> Ops.mean(row);
                            case "min" -> Ops.min(row);
                            case "max" -> Ops.max(row);
                            default -> row.length - Ops.present(row).length;
                        };
                    }
                    f.putNumbers(p.text("output"), o, null);
                }));
        return out;
    }

    private static dev.atelier.engine.algorithms.ParamSpec binLabels() {
        return P.choice("labels", "interval", List.of("interval", "index"),
                "Label bins by their interval, e.g. [10, 20), or by their number 0, 1, 2, ...");
    }

    /// Labels values by bin. `clampEnds`: values beyond the training range go to the first/last bin.
    private static void bin(Frame f, Params p, double[] edges, boolean clampEnds) {
        double[] v = f.numbers(p.column());
        boolean index = p.text("labels").equals("index");
        int bins = Math.max(1, edges.length - 1);
        String[] labels = new String[bins + 2];
        if (clampEnds) {
            for (int b = 0; b < bins; b++) {
                labels[b] = edges.length < 2 ? "all" : "[" + Dataset.formatNumber(edges[b]) + ", "
                        + Dataset.formatNumber(edges[b + 1]) + (b == bins - 1 ? "]" : ")");
            }
        }
        double[] idx = new double[v.length];
        String[] text = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i]) || edges.length == 0) {
                idx[i] = Double.NaN;
                text[i] = "";
                continue;
            }
            int b = Arrays.binarySearch(edges, v[i]);
            b = b >= 0 ? b : -b - 2;                             // index of the last edge <= v
            if (clampEnds) {
                b = Math.max(0, Math.min(bins - 1, b));
                idx[i] = b;
                text[i] = labels[b];
            } else {
                // custom edges: below the first edge is bin 0 "< e0", then [e0, e1) ..., at/after the last "≥ eN"
                idx[i] = b + 1;
                text[i] = b < 0 ? "< " + Dataset.formatNumber(edges[0])
                        : b >= edges.length - 1 ? ">= " + Dataset.formatNumber(edges[edges.length - 1])
                        : "[" + Dataset.formatNumber(edges[b]) + ", " + Dataset.formatNumber(edges[b + 1]) + ")";
            }
        }
        if (index) {
            f.putNumbers(p.output(p.column()), idx, p.column());
        } else {
            f.putStrings(p.output(p.column()), text, ColumnType.CATEGORICAL, p.column());
        }
    }

    interface ColumnStat {
        double[] of(double[] values, Params p);
    }

    private static Transform clip(String key, String name, String description, List<dev.atelier.engine.algorithms.ParamSpec> extra,
                                  ColumnStat bounds) {
        var params = new ArrayList<dev.atelier.engine.algorithms.ParamSpec>();
        params.add(P.columns());
        params.addAll(extra);
        return T.of(key, HANDLE_OUTLIERS, name, description).types(T.NUMERIC)
                .params(params.toArray(dev.atelier.engine.algorithms.ParamSpec[]::new))
                .fitted((f, p, s) -> {
                    var b = State.builder();
                    for (String c : p.columns()) {
                        b.put(c, bounds.of(f.numbers(c), p));
                    }
                    return b.build();
                }, (f, p, s, ph) -> {
                    for (String c : p.columns()) {
                        double[] lh = s.reals(c);
                        f.putNumbers(c, Ops.map(f.numbers(c), x -> Math.max(lh[0], Math.min(lh[1], x))), null);
                    }
                });
    }

    private static Transform.Fit perColumn(java.util.function.Function<double[], double[]> stat) {
        return (f, p, s) -> {
            var b = State.builder();
            for (String c : p.columns()) {
                b.put(c, stat.apply(f.numbers(c)));
            }
            return b.build();
        };
    }

    /// (x - center) / scale with a learned center and scale per column; a zero scale only centers.
    private static Transform scale(String key, String name, String description,
                                   java.util.function.Function<double[], double[]> centerScale) {
        return T.of(key, SCALE_NUMERIC, name, description).types(T.NUMERIC).params(P.columns())
                .fitted(perColumn(centerScale), (f, p, s, ph) -> {
                    for (String c : p.columns()) {
                        double[] cs = s.reals(c);
                        double scale = cs[1] == 0 || Double.isNaN(cs[1]) ? 1 : cs[1];
                        f.putNumbers(c, Ops.map(f.numbers(c), x -> (x - cs[0]) / scale), null);
                    }
                });
    }

    private static Transform math(String key, String name, String description, DoubleUnaryOperator op) {
        return T.of(key, NUMERIC_MATH, name, description).types(T.NUMERIC).params(P.column(), P.output())
                .apply((f, p) -> f.putNumbers(p.output(p.column()),
                        Ops.map(f.numbers(p.column()), x -> Ops.finite(op.applyAsDouble(x))), p.column()));
    }

    private static Transform quantileMap(String key, String name, String description, boolean normal) {
        return T.of(key, POWER_TRANSFORM, name, description).types(T.NUMERIC)
                .params(P.column(), P.integer("quantiles", 100, 2, 10_000, "How many training quantiles to keep."), P.output())
                .fitted((f, p, s) -> {
                    double[] v = Ops.present(f.numbers(p.column()));
                    Arrays.sort(v);
                    int q = p.integer("quantiles");
                    double[] ref = new double[v.length == 0 ? 0 : q];
                    for (int i = 0; i < ref.length; i++) {
                        ref[i] = Ops.sortedQuantile(v, (double) i / (q - 1));
                    }
                    return State.builder().put("quantiles", ref).build();
                }, (f, p, s, ph) -> {
                    double[] ref = s.reals("quantiles");
                    f.putNumbers(p.output(p.column()), Ops.map(f.numbers(p.column()), x -> {
                        double u = rankIn(ref, x);
                        return normal ? Normal.inverse(Math.max(1e-7, Math.min(1 - 1e-7, u))) : u;
                    }), p.column());
                });
    }

    /// Where `x` falls among the sorted reference quantiles, interpolated, as a share 0..1.
    static double rankIn(double[] ref, double x) {
        int n = ref.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (x <= ref[0]) {
            return 0;
        }
        if (x >= ref[n - 1]) {
            return 1;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (ref[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // ties: average the positions of equal reference values
        int first = lo;
        while (first > 0 && ref[first - 1] == ref[lo]) {
            first--;
        }
        double pos = ref[hi] == ref[lo] ? (first + lo) / 2.0 : lo + (x - ref[lo]) / (ref[hi] - ref[lo]);
        if (ref[lo] == x && first < lo) {
            pos = (first + lo) / 2.0;
        }
        return pos / (n - 1);
    }

    static double boxCox(double x, double lambda) {
        return Math.abs(lambda) < 1e-12 ? Math.log(x) : (Math.pow(x, lambda) - 1) / lambda;
    }

    static double yeoJohnson(double x, double l) {
        if (x >= 0) {
            return Math.abs(l) < 1e-12 ? Math.log1p(x) : (Math.pow(x + 1, l) - 1) / l;
        }
        return Math.abs(l - 2) < 1e-12 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - l) - 1) / (2 - l);
    }

    /// The lambda in [-5, 5] maximising the profile log-likelihood (golden-section search), rounded to 1e-6 so
    /// it prints compactly.
    static double bestLambda(double[] v, boolean boxCox) {
        if (v.length < 2) {
            return 1;
        }
        double logJac = 0;
        for (double x : v) {
            logJac += boxCox ? Math.log(x) : Math.signum(x) * Math.log1p(Math.abs(x));
        }
        final double jac = logJac;
        java.util.function.DoubleUnaryOperator ll = l -> {
            double[] t = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                t[i] = boxCox ? boxCox(v[i], l) : yeoJohnson(v[i], l);
            }
            double m = Ops.mean(t);
            double var = 0;
            for (double x : t) {
                var += (x - m) * (x - m);
            }
            var /= v.length;
            return var <= 0 || !Double.isFinite(var) ? Double.NEGATIVE_INFINITY
                    : -v.length / 2.0 * Math.log(var) + (l - 1) * jac;
        };
        double a = -5;
        double b = 5;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        for (int i = 0; i < 100; i++) {
            if (ll.applyAsDouble(c) > ll.applyAsDouble(d)) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return Math.round((a + b) / 2 * 1e6) / 1e6;
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
