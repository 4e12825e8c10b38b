package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.atelier.engine.wrangle.Family.CONCATENATE;
import static dev.atelier.engine.wrangle.Family.GROUP_BY;
import static dev.atelier.engine.wrangle.Family.JOIN;

/// Join and concatenate datasets, and group-by aggregates. A join or concatenate step keeps the other dataset's
/// rows in its fitted state, so the fitted recipe needs no other file at prediction time.
final class CombineSteps {
    private CombineSteps() {
    }

    static List<Transform> all() {
        var out = new ArrayList<Transform>();
        for (String how : List.of("inner", "left", "right", "full")) {
            String words = switch (how) {
                case "inner" -> "Keeps only rows whose key is in both datasets";
                case "left" -> "Keeps every row and adds the matching columns of the other dataset (missing when no match)";
                case "right" -> "Keeps every row of the other dataset, with matching rows of this one";
                default -> "Keeps every row of both datasets, matched where the keys agree";
            };
            out.add(T.of("join_" + how, JOIN, Character.toUpperCase(how.charAt(0)) + how.substring(1) + " join",
                            words + "; on prediction data it adds the first match's columns to each row.")
                    .rows(RowRule.RESHAPES)
                    .params(P.requiredText("source", "dataset name", "The other dataset."),
                            P.column("column", "The key column of this dataset."),
                            P.text("right_key", "", "The key column of the other dataset; empty = same name."),
                            P.text("suffix", "_right", "Added to the other dataset's column names that already exist here."))
                    .fitted(CombineSteps::captureSource, (f, p, s, ph) -> join(f, p, s, ph == Phase.PREDICTION ? "lookup" : how)));
        }
        out.add(T.of("concat_rows", CONCATENATE, "Append rows of another dataset",
                        "Adds the other dataset's rows below, matching columns by name (missing where it lacks a column).")
                .rows(RowRule.TRAINING_ONLY)
                .params(P.requiredText("source", "dataset name", "The other dataset."))
                .fitted(CombineSteps::captureSource, (f, p, s, ph) -> appendRows(f, restore(s))));
        out.add(T.of("concat_text", CONCATENATE, "Join text of columns",
                        "Adds a text column made of the chosen columns' values with a separator between them.")
                .params(P.columns(), P.text("separator", " ", "Put between values."),
                        P.requiredText("output", "new column name", "Name of the new column."))
                .apply((f, p) -> {
                    String[][] cols = p.columns().stream().map(f::strings).toArray(String[][]::new);
                    String[] o = new String[f.rows()];
                    for (int i = 0; i < o.length; i++) {
                        var sb = new StringBuilder();
                        for (String[] c : cols) {
                            if (!c[i].isEmpty()) {
                                if (!sb.isEmpty()) {
                                    sb.append(p.text("separator"));
                                }
                                sb.append(c[i]);
                            }
                        }
                        o[i] = sb.toString();
                    }
                    f.putStrings(p.text("output"), o, ColumnType.TEXT, null);
                }));
        // ---- group by
        out.add(T.of("group_aggregate", GROUP_BY, "Group and aggregate",
                        "Makes one row per group with a statistic of each chosen column (changes the table's grain, also on prediction data).")
                .rows(RowRule.RESHAPES).types(T.NUMERIC)
                .params(P.columns("by", "The columns that define a group."), P.columns(),
                        P.choice("statistic", "mean", STATS, "What to compute per group."))
                .apply((f, p) -> aggregate(f, p.columns("by"), p.columns(), p.text("statistic"))));
        out.add(T.of("group_stat", GROUP_BY, "Add group statistic",
                        "Adds a column with a statistic of a column within the row's group, learned on training rows; unseen groups get the overall value.")
                .types(T.NUMERIC)
                .params(P.column("by", "The column that defines a group."), P.column(),
                        P.choice("statistic", "mean", List.of("mean", "sum", "min", "max", "median", "std", "count"), "What to compute."))
                .fitted((f, p, s) -> {
                    String[] g = f.strings(p.column("by"));
                    double[] v = f.numbers(p.column());
                    var groups = new LinkedHashMap<String, List<Double>>();
                    for (int i = 0; i < g.length; i++) {
                        groups.computeIfAbsent(g[i], k -> new ArrayList<>()).add(v[i]);
                    }
                    var m = new java.util.TreeMap<String, Double>();
                    groups.forEach((k, list) -> m.put(k, stat(list.stream().mapToDouble(Double::doubleValue).toArray(), p.text("statistic"))));
                    return State.builder().put("groups", m).put("overall", stat(v, p.text("statistic"))).build();
                }, (f, p, s, ph) -> {
                    Map<String, Double> m = s.realMap("groups");
                    String[] g = f.strings(p.column("by"));
                    double[] o = new double[g.length];
                    for (int i = 0; i < g.length; i++) {
                        o[i] = m.getOrDefault(g[i], s.real("overall"));
                    }
                    f.putNumbers(p.column() + "_" + p.text("statistic") + "_by_" + p.column("by"), o, p.column());
                }));
        out.add(T.of("group_count", GROUP_BY, "Add group size",
                        "Adds how many training rows share the row's value of a column; unseen values get 0.")
                .params(P.column("by", "The column that defines a group."))
                .fitted((f, p, s) -> {
                    var m = new java.util.TreeMap<String, Double>();
                    for (String g : f.strings(p.column("by"))) {
                        m.merge(g, 1.0, Double::sum);
                    }
                    return State.builder().put("counts", m).build();
                }, (f, p, s, ph) -> {
                    Map<String, Double> m = s.realMap("counts");
                    String[] g = f.strings(p.column("by"));
                    double[] o = new double[g.length];
                    for (int i = 0; i < g.length; i++) {
                        o[i] = m.getOrDefault(g[i], 0.0);
                    }
                    f.putNumbers(p.column("by") + "_count", o, p.column("by"));
                }));
        return out;
    }

    static final List<String> STATS = List.of("mean", "sum", "min", "max", "median", "std", "count", "first");

    static double stat(double[] v, String statistic) {
        return switch (statistic) {
            case "mean" -> Ops.mean(v);
            case "sum" -> Ops.sum(v);
            case "min" -> Ops.min(v);
            case "max" -> Ops.max(v);
            case "median" -> Ops.median(v);
            case "std" -> Ops.std(v);
            case "count" -> Ops.present(v).length;
            default -> v.length == 0 ? Double.NaN : v[0];
        };
    }

    /// Replaces the frame by one row per distinct combination of `by` (in order of first appearance).
    static void aggregate(Frame f, List<String> by, List<String> columns, String statistic) {
        String[] keys = RowSteps.keys(f, by);
        var groups = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < keys.length; i++) {
            groups.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
        }
        int[] firsts = groups.values().stream().mapToInt(List::getFirst).toArray();
        var schema = new ArrayList<ColumnSchema>();
        var cols = new ArrayList<Column<?>>();
        for (String b : by) {
            schema.add(f.schema(b));
            cols.add(f.column(b).subset(firsts));
        }
        for (String c : columns) {
            double[] v = f.numbers(c);
            double[] o = new double[groups.size()];
            int g = 0;
            for (List<Integer> rows : groups.values()) {
                double[] part = rows.stream().mapToDouble(r -> v[r]).toArray();
                o[g++] = stat(part, statistic);
            }
            String name = c + "_" + statistic;
            ColumnSchema old = f.schema(c);
            schema.add(new ColumnSchema(name, ColumnType.NUMERIC, old.role()));
            cols.add(DoubleColumn.create(name, o));
        }
        f.replaceAll(schema, cols);
    }

    // ---- keeping another dataset in a fitted state

    private static State captureSource(Frame f, Params p, Sources sources) {
        Dataset d = sources.get(p.text("source"));
        var names = new ArrayList<String>();
        var types = new ArrayList<String>();
        var data = new ArrayList<Object>();
        for (int c = 0; c < d.columnCount(); c++) {
            names.add(d.schema().get(c).name());
            types.add(d.schema().get(c).type().name());
            var col = new ArrayList<String>(d.rowCount());
            for (int r = 0; r < d.rowCount(); r++) {
                col.add(d.text(r, c));
            }
            data.add(col);
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("names", names);
        m.put("types", types);
        m.put("data", data);
        return new State(m);
    }

    /// The captured dataset as columns.
    static Frame restore(State s) {
        List<String> names = s.texts("names");
        List<String> types = s.texts("types");
        List<?> data = (List<?>) s.values().get("data");
        var b = Dataset.builder("source");
        for (int c = 0; c < names.size(); c++) {
            List<?> raw = (List<?>) data.get(c);
            String[] v = raw.stream().map(String::valueOf).toArray(String[]::new);
            switch (ColumnType.valueOf(types.get(c))) {
                case NUMERIC -> b.numeric(names.get(c), java.util.Arrays.stream(v).mapToDouble(Frame::parseNumber).toArray());
                case DATETIME -> b.dateTime(names.get(c), java.util.Arrays.stream(v)
                        .map(x -> x.isEmpty() ? null : DateSteps.parse(x)).toArray(LocalDateTime[]::new));
                case BOOLEAN -> b.bool(names.get(c), java.util.Arrays.stream(v)
                        .map(x -> x.isEmpty() ? null : Boolean.parseBoolean(x)).toArray(Boolean[]::new));
                case TEXT -> b.text(names.get(c), v);
                case CATEGORICAL -> b.categorical(names.get(c), v);
            }
        }
        return Frame.of(b.build());
    }

    private static void join(Frame left, Params p, State s, String how) {
        Frame right = restore(s);
        String lk = p.column();
        String rk = p.text("right_key").isEmpty() ? lk : p.text("right_key");
        if (!right.has(rk)) {
            throw new DataException(ErrorCode.COLUMN_NOT_FOUND, rk);
        }
        String[] lkeys = left.strings(lk);
        String[] rkeys = right.strings(rk);
        var index = new HashMap<String, List<Integer>>();
        for (int i = 0; i < rkeys.length; i++) {
            if (!rkeys[i].isEmpty()) {
                index.computeIfAbsent(rkeys[i], k -> new ArrayList<>()).add(i);
            }
        }
        var li = new ArrayList<Integer>();
        var ri = new ArrayList<Integer>();
        boolean[] rightUsed = new boolean[rkeys.length];
        for (int i = 0; i < lkeys.length; i++) {
            List<Integer> m = lkeys[i].isEmpty() ? null : index.get(lkeys[i]);
            if (m == null) {
                if (!how.equals("inner") && !how.equals("right")) {
                    li.add(i);
                    ri.add(-1);
                }
                continue;
            }
            for (int r : how.equals("lookup") ? m.subList(0, 1) : m) {
                li.add(i);
                ri.add(r);
                rightUsed[r] = true;
            }
        }
        if (how.equals("right") || how.equals("full")) {
            for (int r = 0; r < rkeys.length; r++) {
                if (!rightUsed[r]) {
                    li.add(-1);
                    ri.add(r);
                }
            }
        }
        int[] lIdx = li.stream().mapToInt(x -> x < 0 ? left.rows() : x).toArray();
        int[] rIdx = ri.stream().mapToInt(x -> x < 0 ? right.rows() : x).toArray();
        var schema = new ArrayList<ColumnSchema>();
        var cols = new ArrayList<Column<?>>();
        for (ColumnSchema cs : left.schema()) {
            Column<?> c = withMissingRow(left.column(cs.name())).subset(lIdx);
            if (cs.name().equals(lk)) {
                // a right-only row takes its key from the other dataset
                Column<?> rc = withMissingRow(right.column(rk)).subset(rIdx);
                for (int i = 0; i < lIdx.length; i++) {
                    if (lIdx[i] == left.rows()) {
                        c = setFrom(c, i, rc, i, cs.type());
                    }
                }
            }
            schema.add(cs);
            cols.add(c);
        }
        for (ColumnSchema cs : right.schema()) {
            if (cs.name().equals(rk)) {
                continue;
            }
            String name = left.has(cs.name()) ? cs.name() + p.text("suffix") : cs.name();
            schema.add(ColumnSchema.feature(name, cs.type()));
            cols.add(withMissingRow(right.column(cs.name())).subset(rIdx).setName(name));
        }
        left.replaceAll(schema, cols);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> setFrom(Column<?> target, int i, Column<?> source, int j, ColumnType type) {
        Column t = target;
        if (type == ColumnType.NUMERIC || type == ColumnType.CATEGORICAL || type == ColumnType.TEXT
                || type == ColumnType.DATETIME || type == ColumnType.BOOLEAN) {
            if (target.getClass() == source.getClass()) {
                t.set(i, source.get(j));
            } else if (target instanceof StringColumn sc) {
                sc.set(i, source.getString(j));
            } else if (target instanceof DoubleColumn dc) {
                dc.set(i, Frame.parseNumber(source.getString(j)));
            }
        }
        return t;
    }

    static Column<?> withMissingRow(Column<?> c) {
        Column<?> copy = c.copy();
        copy.appendMissing();
        return copy;
    }

    /// Appends `other`'s rows, matching columns by name and converting values to this frame's types.
    private static void appendRows(Frame f, Frame other) {
        int n = f.rows();
        int m = other.rows();
        var cols = new ArrayList<Column<?>>();
        var schema = f.schema();
        for (ColumnSchema cs : schema) {
            Column<?> mine = f.column(cs.name());
            String[] theirs = other.has(cs.name()) ? other.strings(cs.name()) : new String[m];
            Column<?> out = mine.copy();
            for (int i = 0; i < m; i++) {
                String v = theirs[i] == null ? "" : theirs[i];
                switch (out) {
                    case DoubleColumn d -> d.append(Frame.parseNumber(v));
                    case StringColumn s -> s.append(v);
                    case DateTimeColumn t -> {
                        if (v.isEmpty()) {
                            t.appendMissing();
                        } else {
                            t.append(DateSteps.parse(v));
                        }
                    }
                    case BooleanColumn b -> {
                        if (v.isEmpty()) {
                            b.appendMissing();
                        } else {
                            b.append(Boolean.parseBoolean(v));
                        }
                    }
                    default -> out.appendMissing();
                }
            }
            cols.add(out);
        }
        f.replaceAll(schema, cols);
        assert f.rows() == n + m;
    }
}
