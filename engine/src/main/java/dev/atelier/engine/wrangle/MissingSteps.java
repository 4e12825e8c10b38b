package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.atelier.engine.wrangle.Family.HANDLE_MISSING;

/// Handle missing values: drop, fill (constant, mean, median, mode, forward, backward, interpolate, model),
/// indicator columns and dropping mostly-empty columns. Fill values are learned from the training rows.
final class MissingSteps {
    private MissingSteps() {
    }

    static List<Transform> all() {
        return List.of(
                T.of("drop_missing", HANDLE_MISSING, "Drop rows with missing values",
                                "Removes training rows with a missing value in any of the chosen columns.")
                        .rows(RowRule.TRAINING_ONLY).params(P.columns())
                        .apply((f, p) -> {
                            int[] idx = p.columns().stream().mapToInt(f::index).toArray();
                            f.selectRows(IntStream.range(0, f.rows())
                                    .filter(r -> IntStream.of(idx).noneMatch(c -> f.isMissing(c, r))).toArray());
                        }),
                T.of("fill_constant", HANDLE_MISSING, "Fill with a value", "Replaces missing values with a value you choose.")
                        .params(P.columns(), P.requiredText("value", "number, text, date or true/false", "The value to fill in."))
                        .apply((f, p) -> p.columns().forEach(c -> fillConstant(f, c, p.text("value")))),
                fillWith("fill_mean", "Fill with mean", "Replaces missing numbers with the training mean.", Ops::mean),
                fillWith("fill_median", "Fill with median", "Replaces missing numbers with the training median.", Ops::median),
                T.of("fill_mode", HANDLE_MISSING, "Fill with most frequent value",
                                "Replaces missing values with the value seen most often in training.")
                        .params(P.columns())
                        .fitted((f, p, s) -> {
                            var b = State.builder();
                            for (String c : p.columns()) {
                                b.put(c, Ops.mode(f.strings(c)));
                            }
                            return b.build();
                        }, (f, p, s, ph) -> {
                            for (String c : p.columns()) {
                                if (!s.text(c).isEmpty()) {
                                    fillConstant(f, c, s.text(c));
                                }
                            }
                        }),
                T.of("fill_forward", HANDLE_MISSING, "Fill forward",
                                "Replaces a missing value with the last value above it (rows in their current order).")
                        .params(P.columns()).apply((f, p) -> p.columns().forEach(c -> fillDirection(f, c, true))),
                T.of("fill_backward", HANDLE_MISSING, "Fill backward",
                                "Replaces a missing value with the next value below it (rows in their current order).")
                        .params(P.columns()).apply((f, p) -> p.columns().forEach(c -> fillDirection(f, c, false))),
                T.of("fill_interpolate", HANDLE_MISSING, "Fill by interpolation",
                                "Replaces missing numbers by a straight line between the values above and below.")
                        .types(T.NUMERIC).params(P.columns())
                        .apply((f, p) -> p.columns().forEach(c -> f.putNumbers(c, interpolate(f.numbers(c)), null))),
                T.of("impute_model", HANDLE_MISSING, "Fill by a model",
                                "Predicts missing numbers from other numeric columns with a linear regression learned on training rows.")
                        .types(T.NUMERIC)
                        .params(P.column(), P.columns("predictors", "The numeric columns to predict from."))
                        .fitted(MissingSteps::fitImpute, MissingSteps::applyImpute),
                T.of("missing_indicator", HANDLE_MISSING, "Add missing indicator",
                                "Adds a true/false column <name>_missing that says whether the value was missing.")
                        .params(P.columns())
                        .apply((f, p) -> {
                            for (String c : p.columns()) {
                                int idx = f.index(c);
                                Boolean[] v = new Boolean[f.rows()];
                                for (int r = 0; r < v.length; r++) {
                                    v[r] = f.isMissing(idx, r);
                                }
                                f.putBooleans(c + "_missing", v, c);
                            }
                        }),
                T.of("drop_sparse_columns", HANDLE_MISSING, "Drop mostly-empty columns",
                                "Drops the columns whose share of missing training values is above a threshold.")
                        .params(P.real("threshold", 0.5, 0, 1, "Largest share of missing values a column may have."))
                        .fitted((f, p, src) -> {
                            var drop = new ArrayList<String>();
                            String target = f.target();
                            for (String c : f.names()) {
                                int idx = f.index(c);
                                long missing = IntStream.range(0, f.rows()).filter(r -> f.isMissing(idx, r)).count();
                                if (!c.equals(target) && f.rows() > 0 && missing > p.real("threshold") * f.rows()) {
                                    drop.add(c);
                                }
                            }
                            return State.builder().put("dropped", drop).build();
                        }, (f, p, s, ph) -> s.texts("dropped").stream().filter(f::has).forEach(f::drop)));
    }

    private static Transform fillWith(String key, String name, String description,
                                      java.util.function.ToDoubleFunction<double[]> stat) {
        return T.of(key, HANDLE_MISSING, name, description).types(T.NUMERIC).params(P.columns())
                .fitted((f, p, s) -> {
                    var b = State.builder();
                    for (String c : p.columns()) {
                        b.put(c, stat.applyAsDouble(f.numbers(c)));
                    }
                    return b.build();
                }, (f, p, s, ph) -> {
                    for (String c : p.columns()) {
                        double fill = s.real(c);
                        double[] v = f.numbers(c);
                        for (int i = 0; i < v.length; i++) {
                            if (Double.isNaN(v[i])) {
                                v[i] = fill;
                            }
                        }
                        f.putNumbers(c, v, null);
                    }
                });
    }

    static void fillConstant(Frame f, String c, String value) {
        ColumnType type = f.type(c);
        switch (type) {
            case NUMERIC -> {
                double x = Frame.parseNumber(value);
                if (Double.isNaN(x)) {
                    throw new DataException(ErrorCode.TRANSFORM_FAILED, "Fill with a value",
                            "\"" + value + "\" is not a number, but " + c + " is numeric");
                }
                double[] v = f.numbers(c);
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = x;
                    }
                }
                f.putNumbers(c, v, null);
            }
            case CATEGORICAL, TEXT -> {
                String[] v = f.strings(c);
                for (int i = 0; i < v.length; i++) {
                    if (v[i].isEmpty()) {
                        v[i] = value;
                    }
                }
                f.putStrings(c, v, type, null);
            }
            case BOOLEAN -> {
                boolean x = Boolean.parseBoolean(value.strip()) || value.strip().equals("1");
                Boolean[] v = new Boolean[f.rows()];
                double[] n = f.numbers(c);
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.isNaN(n[i]) ? x : n[i] == 1;
                }
                f.putBooleans(c, v, null);
            }
            case DATETIME -> {
                LocalDateTime x = ColumnSteps.parseDate(value.strip(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
                if (x == null) {
                    x = ColumnSteps.parseDate(value.strip(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                }
                if (x == null) {
                    throw new DataException(ErrorCode.TRANSFORM_FAILED, "Fill with a value",
                            "\"" + value + "\" is not a date such as 2024-01-31");
                }
                LocalDateTime[] v = f.dates(c);
                for (int i = 0; i < v.length; i++) {
                    if (v[i] == null) {
                        v[i] = x;
                    }
                }
                f.putDates(c, v, null);
            }
        }
    }

    private static void fillDirection(Frame f, String c, boolean forward) {
        int n = f.rows();
        int idx = f.index(c);
        int[] source = new int[n];
        int last = -1;
        for (int k = 0; k < n; k++) {
            int r = forward ? k : n - 1 - k;
            if (!f.isMissing(idx, r)) {
                last = r;
            }
            source[r] = f.isMissing(idx, r) && last >= 0 ? last : r;
        }
        f.put(c, f.type(c), f.column(c).subset(source), null);
    }

    static double[] interpolate(double[] v) {
        double[] out = v.clone();
        int n = v.length;
        int prev = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            if (prev < 0) {
                for (int j = 0; j < i; j++) {
                    out[j] = v[i];
                }
            } else {
                for (int j = prev + 1; j < i; j++) {
                    out[j] = v[prev] + (v[i] - v[prev]) * (j - prev) / (i - prev);
                }
            }
            prev = i;
        }
        if (prev >= 0) {
            for (int j = prev + 1; j < n; j++) {
                out[j] = v[prev];
            }
        }
        return out;
    }

    private static State fitImpute(Frame f, Params p, Sources s) {
        List<String> preds = p.columns("predictors").stream().filter(c -> !c.equals(p.column())).toList();
        for (String c : preds) {
            if (f.type(c) != ColumnType.NUMERIC && f.type(c) != ColumnType.BOOLEAN) {
                throw new DataException(ErrorCode.TRANSFORM_COLUMN_TYPE, c, f.type(c).name().toLowerCase(), "Fill by a model", "numeric");
            }
        }
        double[] y = f.numbers(p.column());
        int d = preds.size();
        double[][] x = new double[d][];
        double[] means = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = f.numbers(preds.get(j));
            means[j] = Ops.mean(x[j]);
        }
        // normal equations with a tiny ridge, on rows where y is known; missing predictors take their mean
        int k = d + 1;
        double[][] a = new double[k][k];
        double[] b = new double[k];
        double[] row = new double[k];
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            row[0] = 1;
            for (int j = 0; j < d; j++) {
                row[j + 1] = Double.isNaN(x[j][i]) ? means[j] : x[j][i];
            }
            for (int u = 0; u < k; u++) {
                b[u] += row[u] * y[i];
                for (int v = 0; v < k; v++) {
                    a[u][v] += row[u] * row[v];
                }
            }
        }
        for (int u = 1; u < k; u++) {
            a[u][u] += 1e-9 * (1 + a[u][u]);
        }
        double[] coef = Linear.solve(a, b);
        if (coef == null) {
            coef = new double[k];
            coef[0] = Ops.mean(y);
        }
        return State.builder().put("predictors", preds).put("means", means).put("coefficients", coef).build();
    }

    private static void applyImpute(Frame f, Params p, State s, Phase ph) {
        List<String> preds = s.texts("predictors");
        double[] means = s.reals("means");
        double[] coef = s.reals("coefficients");
        double[][] x = new double[preds.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = f.numbers(preds.get(j));
        }
        double[] y = f.numbers(p.column());
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                double v = coef[0];
                for (int j = 0; j < x.length; j++) {
                    v += coef[j + 1] * (Double.isNaN(x[j][i]) ? means[j] : x[j][i]);
                }
                y[i] = v;
            }
        }
        f.putNumbers(p.column(), y, null);
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
