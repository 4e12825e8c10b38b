package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.Column;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.atelier.engine.wrangle.Family.TIME_SERIES_RESAMPLE;
import static dev.atelier.engine.wrangle.Family.TIME_SERIES_WINDOWS;

/// Time series: lags, leads, differences, percent changes, rolling and cumulative windows (over the rows in
/// their current order, optionally within groups such as one series per store), resampling and filling gaps.
final class TimeSteps {
    private TimeSteps() {
    }

    static List<Transform> all() {
        var out = new ArrayList<Transform>();
        out.add(shift("lag", "Lag", "Adds the value from k rows earlier (within the group), e.g. yesterday's sales.", -1,
                (cur, other) -> other));
        out.add(shift("lead", "Lead", "Adds the value from k rows later (within the group).", 1, (cur, other) -> other));
        out.add(shift("difference", "Difference", "Adds the change from k rows earlier (value − earlier value).", -1,
                (cur, other) -> cur - other));
        out.add(shift("pct_change", "Percent change", "Adds the relative change from k rows earlier ((value − earlier) / earlier).", -1,
                (cur, other) -> other == 0 ? Double.NaN : (cur - other) / other));
        out.add(T.of("rolling", TIME_SERIES_WINDOWS, "Rolling window",
                        "Adds a statistic over the last w rows including the current one (within the group).")
                .types(T.NUMERIC)
                .params(P.column(), P.integer("window", 3, 1, 100_000, "Window size in rows."),
                        P.choice("statistic", "mean", List.of("mean", "sum", "min", "max", "std", "median"), "What to compute."),
                        P.integer("min_periods", 1, 1, 100_000, "Fewest values needed, else missing."), by())
                .apply((f, p) -> {
                    double[] v = f.numbers(p.column());
                    double[] o = new double[v.length];
                    int w = p.integer("window");
                    for (int[] rows : groups(f, p)) {
                        for (int k = 0; k < rows.length; k++) {
                            double[] win = new double[Math.min(w, k + 1)];
                            for (int j = 0; j < win.length; j++) {
                                win[j] = v[rows[k - win.length + 1 + j]];
                            }
                            o[rows[k]] = Ops.present(win).length < p.integer("min_periods") ? Double.NaN
                                    : CombineSteps.stat(win, p.text("statistic"));
                        }
                    }
                    f.putNumbers(p.column() + "_rolling_" + p.text("statistic") + "_" + w, o, p.column());
                }));
        out.add(T.of("cumulative", TIME_SERIES_WINDOWS, "Cumulative statistic",
                        "Adds the running sum, mean, minimum, maximum or count from the first row to the current one (within the group).")
                .types(T.NUMERIC)
                .params(P.column(), P.choice("statistic", "sum", List.of("sum", "mean", "min", "max", "count"), "What to compute."), by())
                .apply((f, p) -> {
                    double[] v = f.numbers(p.column());
                    double[] o = new double[v.length];
                    String st = p.text("statistic");
                    for (int[] rows : groups(f, p)) {
                        double sum = 0;
                        int n = 0;
                        double min = Double.NaN;
                        double max = Double.NaN;
                        for (int r : rows) {
                            if (!Double.isNaN(v[r])) {
                                sum += v[r];
                                n++;
                                min = Double.isNaN(min) ? v[r] : Math.min(min, v[r]);
                                max = Double.isNaN(max) ? v[r] : Math.max(max, v[r]);
                            }
                            o[r] = switch (st) {
                                case "sum" -> sum;
                                case "mean" -> n == 0 ? Double.NaN : sum / n;
                                case "min" -> min;
                                case "max" -> max;
                                default -> n;
                            };
                        }
                    }
                    f.putNumbers(p.column() + "_cum_" + st, o, p.column());
                }));
        out.add(T.of("resample", TIME_SERIES_RESAMPLE, "Resample",
                        "Makes one row per period (hour, day, week, month, quarter, year) with a statistic of each chosen column, sorted by time.")
                .rows(RowRule.RESHAPES).types(T.NUMERIC)
                .params(P.column("time", "The date-time column."), P.columns(),
                        P.choice("unit", "day", List.of("hour", "day", "week", "month", "quarter", "year"), "The period."),
                        P.choice("statistic", "mean", CombineSteps.STATS, "What to compute per period."))
                .apply((f, p) -> {
                    String t = p.column("time");
                    requireDates(f, t);
                    LocalDateTime[] d = f.dates(t);
                    for (int i = 0; i < d.length; i++) {
                        d[i] = d[i] == null ? null : DateSteps.truncate(d[i], p.text("unit"));
                    }
                    f.putDates(t, d, null);
                    f.selectRows(RowSteps.sortOrder(f, List.of(t), false));
                    CombineSteps.aggregate(f, List.of(t), p.columns(), p.text("statistic"));
                }));
        out.add(T.of("fill_gaps", TIME_SERIES_RESAMPLE, "Fill time gaps",
                        "Sorts by time and inserts a row for every missing period between the first and last date (other columns missing).")
                .rows(RowRule.TRAINING_ONLY)
                .params(P.column("time", "The date-time column."),
                        P.choice("unit", "day", List.of("hour", "day", "week", "month", "quarter", "year"), "The period."))
                .apply((f, p) -> {
                    String t = p.column("time");
                    requireDates(f, t);
                    f.selectRows(RowSteps.sortOrder(f, List.of(t), false));
                    LocalDateTime[] d = f.dates(t);
                    var present = new java.util.HashSet<LocalDateTime>();
                    LocalDateTime first = null;
                    LocalDateTime last = null;
                    for (LocalDateTime x : d) {
                        if (x != null) {
                            LocalDateTime k = DateSteps.truncate(x, p.text("unit"));
                            present.add(k);
                            first = first == null ? k : first;
                            last = k;
                        }
                    }
                    if (first == null) {
                        return;
                    }
                    var missing = new ArrayList<LocalDateTime>();
                    for (LocalDateTime k = first; !k.isAfter(last); k = step(k, p.text("unit"))) {
                        if (!present.contains(k)) {
                            missing.add(k);
                        }
                        if (missing.size() > 10_000_000) {
                            throw new DataException(ErrorCode.TRANSFORM_FAILED, "Fill time gaps", "more than 10 million periods are missing");
                        }
                    }
                    if (missing.isEmpty()) {
                        return;
                    }
                    int n = f.rows();
                    var cols = new ArrayList<Column<?>>();
                    for (ColumnSchema cs : f.schema()) {
                        Column<?> c = f.column(cs.name()).copy();
                        for (LocalDateTime m : missing) {
                            if (cs.name().equals(t)) {
                                ((DateTimeColumn) c).append(m);
                            } else {
                                c.appendMissing();
                            }
                        }
                        cols.add(c);
                    }
                    f.replaceAll(f.schema(), cols);
                    f.selectRows(RowSteps.sortOrder(f, List.of(t), false));
                    assert f.rows() == n + missing.size();
                }));
        return out;
    }

    private static void requireDates(Frame f, String t) {
        if (f.type(t) != ColumnType.DATETIME) {
            throw new DataException(ErrorCode.TRANSFORM_COLUMN_TYPE, t, f.type(t).name().toLowerCase(java.util.Locale.ROOT),
                    "time series", "datetime");
        }
    }

    private static LocalDateTime step(LocalDateTime k, String unit) {
        return switch (unit) {
            case "hour" -> k.plusHours(1);
            case "day" -> k.plusDays(1);
            case "week" -> k.plusWeeks(1);
            case "month" -> k.plusMonths(1);
            case "quarter" -> k.plusMonths(3);
            default -> k.plusYears(1);
        };
    }

    private static dev.atelier.engine.algorithms.ParamSpec by() {
        return P.optionalColumn("by", "A column naming separate series (e.g. store); empty = one series.");
    }

    /// Row indices per group (one group when `by` is empty), in row order.
    private static List<int[]> groups(Frame f, Params p) {
        if (p.column("by").isEmpty()) {
            int[] all = new int[f.rows()];
            Arrays.setAll(all, i -> i);
            return List.of(all);
        }
        String[] g = f.strings(p.column("by"));
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < g.length; i++) {
            m.computeIfAbsent(g[i], k -> new ArrayList<>()).add(i);
        }
        return m.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    interface Combine {
        double of(double current, double other);
    }

    private static Transform shift(String key, String name, String description, int direction, Combine combine) {
        return T.of(key, TIME_SERIES_WINDOWS, name, description).types(T.NUMERIC)
                .params(P.column(), P.integer("periods", 1, 1, 100_000, "How many rows away."), by())
                .apply((f, p) -> {
                    double[] v = f.numbers(p.column());
                    double[] o = new double[v.length];
                    Arrays.fill(o, Double.NaN);
                    int k = p.integer("periods") * direction;
                    for (int[] rows : groups(f, p)) {
                        for (int i = 0; i < rows.length; i++) {
                            int j = i + k;
                            if (j >= 0 && j < rows.length) {
                                double cur = v[rows[i]];
                                double other = v[rows[j]];
                                o[rows[i]] = Double.isNaN(cur) && !key.equals("lag") && !key.equals("lead") ? Double.NaN
                                        : Ops.finite(combine.of(cur, other));
                            }
                        }
                    }
                    f.putNumbers(p.column() + "_" + key + "_" + p.integer("periods"), o, p.column());
                });
    }

    static Map<String, Object> none() {
        return new HashMap<>(new TreeMap<>());
    }
}
