package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static dev.atelier.engine.wrangle.Family.BALANCE;
import static dev.atelier.engine.wrangle.Family.SPLIT;

/// Balance classes (random over/under-sampling, SMOTE) and split rows into train and test. Training data only:
/// on prediction data these steps are skipped, so no row to predict is dropped or duplicated.
final class SampleSteps {
    private SampleSteps() {
    }

    static List<Transform> all() {
        var target = P.optionalColumn("target", "The class column; empty = the dataset's target.");
        return List.of(
                T.of("oversample_random", BALANCE, "Random oversampling",
                                "Repeats randomly chosen rows of the smaller classes until every class is as large as the largest.")
                        .rows(RowRule.TRAINING_ONLY).params(target, P.seed())
                        .apply((f, p) -> {
                            var classes = classes(f, p);
                            int max = classes.values().stream().mapToInt(List::size).max().orElse(0);
                            SplittableRandom r = new SplittableRandom(p.longValue("seed"));
                            var rows = new ArrayList<Integer>();
                            for (int i = 0; i < f.rows(); i++) {
                                rows.add(i);
                            }
                            for (List<Integer> members : classes.values()) {
                                for (int k = members.size(); k < max; k++) {
                                    rows.add(members.get(r.nextInt(members.size())));
                                }
                            }
                            f.selectRows(rows.stream().mapToInt(Integer::intValue).toArray());
                        }),
                T.of("undersample_random", BALANCE, "Random undersampling",
                                "Keeps a random subset of the larger classes so every class is as small as the smallest.")
                        .rows(RowRule.TRAINING_ONLY).params(target, P.seed())
                        .apply((f, p) -> {
                            var classes = classes(f, p);
                            int min = classes.values().stream().mapToInt(List::size).min().orElse(0);
                            var keep = new ArrayList<Integer>();
                            long seed = p.longValue("seed");
                            for (List<Integer> members : classes.values()) {
                                int[] perm = RowSteps.permutation(members.size(), seed++);
                                for (int k = 0; k < min; k++) {
                                    keep.add(members.get(perm[k]));
                                }
                            }
                            f.selectRows(keep.stream().mapToInt(Integer::intValue).sorted().toArray());
                        }),
                T.of("smote", BALANCE, "SMOTE",
                                "Adds synthetic rows to the smaller classes, each between a row and one of its nearest neighbours of the same class (numbers interpolated, other columns copied).")
                        .rows(RowRule.TRAINING_ONLY)
                        .params(target, P.integer("neighbours", 5, 1, 100, "How many nearest neighbours to choose from."), P.seed())
                        .apply(SampleSteps::smote),
                split("split_random", "Random split", "Marks a random share of the rows as test and the rest as train."),
                split("split_stratified", "Stratified split",
                        "Marks a share of each class as test, so train and test keep the class proportions."),
                split("split_ordered", "Ordered split", "Marks the last rows (in their current order, e.g. the latest dates) as test."),
                split("split_by_key", "Split by key",
                        "Marks a share of the keys (e.g. customers) as test, keeping all rows of a key on the same side."));
    }

    private static Transform split(String key, String name, String description) {
        var params = new ArrayList<dev.atelier.engine.algorithms.ParamSpec>();
        if (key.equals("split_stratified")) {
            params.add(P.optionalColumn("column", "The class column to stratify by; empty = the dataset's target."));
        } else if (key.equals("split_by_key")) {
            params.add(P.column("column", "The key column: rows with the same key stay together."));
        }
        params.add(P.real("test_share", 0.2, 0, 1, "Share of rows (or keys) marked as test."));
        if (!key.equals("split_ordered")) {
            params.add(P.seed());
        }
        params.add(P.choice("keep", "all", List.of("all", "train", "test"), "Keep all rows with a split column, or only one side."));
        params.add(P.text("output", "split", "Name of the split column (it is not used as a feature)."));
        return T.of(key, SPLIT, name, description).rows(RowRule.TRAINING_ONLY)
                .params(params.toArray(dev.atelier.engine.algorithms.ParamSpec[]::new))
                .apply((f, p) -> {
                    boolean[] test = switch (key) {
                        case "split_random" -> randomTest(f.rows(), p.real("test_share"), p.longValue("seed"));
                        case "split_ordered" -> {
                            boolean[] t = new boolean[f.rows()];
                            int k = (int) Math.round(f.rows() * p.real("test_share"));
                            for (int i = f.rows() - k; i < f.rows(); i++) {
                                t[i] = true;
                            }
                            yield t;
                        }
                        case "split_stratified" -> {
                            boolean[] t = new boolean[f.rows()];
                            long seed = p.longValue("seed");
                            String col = p.column().isEmpty() ? requireTarget(f) : p.column();
                            var groups = groups(f.strings(col));
                            for (List<Integer> members : groups.values()) {
                                boolean[] part = randomTest(members.size(), p.real("test_share"), seed++);
                                for (int i = 0; i < part.length; i++) {
                                    t[members.get(i)] = part[i];
                                }
                            }
                            yield t;
                        }
                        default -> {
                            String[] keys = f.strings(p.column());
                            var distinct = new ArrayList<>(new java.util.TreeSet<>(Arrays.asList(keys)));
                            boolean[] part = randomTest(distinct.size(), p.real("test_share"), p.longValue("seed"));
                            var testKeys = new java.util.HashSet<String>();
                            for (int i = 0; i < part.length; i++) {
                                if (part[i]) {
                                    testKeys.add(distinct.get(i));
                                }
                            }
                            boolean[] t = new boolean[keys.length];
                            for (int i = 0; i < keys.length; i++) {
                                t[i] = testKeys.contains(keys[i]);
                            }
                            yield t;
                        }
                    };
                    String keep = p.text("keep");
                    if (keep.equals("all")) {
                        String[] labels = new String[test.length];
                        for (int i = 0; i < test.length; i++) {
                            labels[i] = test[i] ? "test" : "train";
                        }
                        f.putStrings(p.text("output"), labels, ColumnType.CATEGORICAL, null);
                        f.setRole(p.text("output"), ColumnRole.IGNORED);
                    } else {
                        boolean wantTest = keep.equals("test");
                        f.selectRows(IntStream.range(0, test.length).filter(i -> test[i] == wantTest).toArray());
                    }
                });
    }

    /// Exactly round(n × share) rows marked, chosen by a seeded permutation.
    private static boolean[] randomTest(int n, double share, long seed) {
        boolean[] t = new boolean[n];
        int k = (int) Math.round(n * share);
        int[] perm = RowSteps.permutation(n, seed);
        for (int i = 0; i < k; i++) {
            t[perm[i]] = true;
        }
        return t;
    }

    private static String requireTarget(Frame f) {
        if (f.target().isEmpty()) {
            throw new DataException(ErrorCode.TRANSFORM_PARAMETER_MISSING, "target", "balance/split");
        }
        return f.target();
    }

    private static Map<String, List<Integer>> classes(Frame f, Params p) {
        String col = p.column("target").isEmpty() ? requireTarget(f) : p.column("target");
        return groups(f.strings(col));
    }

    /// Rows per non-empty value, classes in alphabetical order.
    private static Map<String, List<Integer>> groups(String[] v) {
        var m = new TreeMap<String, List<Integer>>();
        for (int i = 0; i < v.length; i++) {
            if (!v[i].isEmpty()) {
                m.computeIfAbsent(v[i], k -> new ArrayList<>()).add(i);
            }
        }
        return m;
    }

    private static void smote(Frame f, Params p) {
        var classes = classes(f, p);
        int max = classes.values().stream().mapToInt(List::size).max().orElse(0);
        String target = p.column("target").isEmpty() ? f.target() : p.column("target");
        var numeric = new ArrayList<String>();
        for (var cs : f.schema()) {
            if (cs.type() == ColumnType.NUMERIC && !cs.name().equals(target)) {
                numeric.add(cs.name());
            }
        }
        double[][] x = numeric.stream().map(f::numbers).toArray(double[][]::new);
        double[] scale = new double[x.length];
        double[] mean = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            mean[j] = Ops.mean(x[j]);
            scale[j] = Ops.std(x[j]) > 0 ? Ops.std(x[j]) : 1;
        }
        SplittableRandom r = new SplittableRandom(p.longValue("seed"));
        int k = p.integer("neighbours");
        var base = new ArrayList<Integer>();
        var neighbour = new ArrayList<Integer>();
        var gap = new ArrayList<Double>();
        for (List<Integer> members : classes.values()) {
            int need = max - members.size();
            if (need <= 0 || members.size() < 2) {
                continue;
            }
            var nearest = new HashMap<Integer, int[]>();
            for (int s = 0; s < need; s++) {
                int a = members.get(r.nextInt(members.size()));
                int[] nn = nearest.computeIfAbsent(a, row -> neighbours(row, members, x, mean, scale, k));
                base.add(a);
                neighbour.add(nn[r.nextInt(nn.length)]);
                gap.add(r.nextDouble());
            }
        }
        if (base.isEmpty()) {
            return;
        }
        int n = f.rows();
        int[] all = new int[n + base.size()];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < base.size(); i++) {
            all[n + i] = base.get(i);
        }
        f.selectRows(all);                                   // copies of the base rows...
        for (int j = 0; j < numeric.size(); j++) {           // ...whose numbers move towards a neighbour
            double[] v = f.numbers(numeric.get(j));
            double[] orig = x[j];
            for (int i = 0; i < base.size(); i++) {
                double a = orig[base.get(i)];
                double b = orig[neighbour.get(i)];
                v[n + i] = Double.isNaN(a) || Double.isNaN(b) ? a : a + gap.get(i) * (b - a);
            }
            Column<?> c = DoubleColumn.create(numeric.get(j), v);
            f.put(numeric.get(j), ColumnType.NUMERIC, c, null);
        }
    }

    private static int[] neighbours(int row, List<Integer> members, double[][] x, double[] mean, double[] scale, int k) {
        var dist = new LinkedHashMap<Integer, Double>();
        for (int m : members) {
            if (m == row) {
                continue;
            }
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                double a = Double.isNaN(x[j][row]) ? mean[j] : x[j][row];
                double b = Double.isNaN(x[j][m]) ? mean[j] : x[j][m];
                d += (a - b) * (a - b) / (scale[j] * scale[j]);
            }
            dist.put(m, d);
        }
        return dist.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).mapToInt(Map.Entry::getKey).toArray();
    }
}
