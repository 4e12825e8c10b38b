package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.atelier.engine.wrangle.Family.ENCODE_CATEGORICAL;

/// Encode categories as numbers. Each encoder learns its categories from the training rows and documents what a
/// category never seen in training becomes (a missing value is treated like an unseen category unless stated).
final class EncodeSteps {
    private EncodeSteps() {
    }

    static List<Transform> all() {
        var unseen = P.choice("unseen", "zeros", List.of("zeros", "error"),
                "A value not seen in training: all-zero columns, or stop with an error.");
        return List.of(
                T.of("one_hot", ENCODE_CATEGORICAL, "One-hot encode",
                                "Adds a 0/1 column per training category (the most frequent ones); unseen values get all zeros.")
                        .types(T.CATEGORIES)
                        .params(P.column(), P.integer("max_categories", 20, 1, 10_000, "Most categories to keep; rarer ones get all zeros."),
                                unseen, P.flag("keep_original", false, "Keep the original column."))
                        .fitted((f, p, s) -> State.builder().put("categories",
                                topCategories(f.strings(p.column()), p.integer("max_categories"))).put("seen",
                                new ArrayList<>(new TreeSet<>(Ops.counts(f.strings(p.column())).keySet()))).build(),
                                (f, p, s, ph) -> {
                                    String c = p.column();
                                    List<String> cats = s.texts("categories");
                                    String[] v = f.strings(c);
                                    checkUnseen(p, c, v, new HashSet<>(s.texts("seen")));
                                    String after = c;
                                    for (String cat : cats) {
                                        double[] o = new double[v.length];
                                        for (int i = 0; i < v.length; i++) {
                                            o[i] = v[i].equals(cat) ? 1 : 0;
                                        }
                                        f.putNumbers(c + "_" + cat, o, after);
                                        after = c + "_" + cat;
                                    }
                                    if (!p.flag("keep_original")) {
                                        f.drop(c);
                                    }
                                }),
                T.of("ordinal", ENCODE_CATEGORICAL, "Ordinal encode",
                                "Numbers the training categories 0, 1, 2, ... (alphabetically or by frequency); unseen values get -1.")
                        .types(T.CATEGORIES)
                        .params(P.column(), P.choice("order", "alphabetical", List.of("alphabetical", "frequency"), "How categories are numbered."),
                                P.choice("unseen", "minus_one", List.of("minus_one", "error"), "A value not seen in training: -1, or stop with an error."),
                                P.output())
                        .fitted((f, p, s) -> {
                            String[] v = f.strings(p.column());
                            List<String> cats = p.text("order").equals("frequency") ? topCategories(v, Integer.MAX_VALUE)
                                    : new ArrayList<>(Ops.counts(v).keySet());
                            return State.builder().put("categories", cats).build();
                        }, (f, p, s, ph) -> {
                            var code = index(s.texts("categories"));
                            String[] v = f.strings(p.column());
                            double[] o = new double[v.length];
                            for (int i = 0; i < v.length; i++) {
                                Integer k = code.get(v[i]);
                                if (k == null && !v[i].isEmpty() && p.text("unseen").equals("error")) {
                                    throw new DataException(ErrorCode.UNSEEN_CATEGORY, p.column(), v[i]);
                                }
                                o[i] = v[i].isEmpty() ? Double.NaN : k == null ? -1 : k;
                            }
                            f.putNumbers(p.output(p.column()), o, p.column());
                        }),
                T.of("target_encode", ENCODE_CATEGORICAL, "Target encode",
                                "Replaces each category by the smoothed training mean of the target; unseen and missing values get the overall mean.")
                        .types(T.CATEGORIES)
                        .params(P.column(), P.optionalColumn("target", "The target column; empty = the dataset's target."),
                                P.real("smoothing", 10, 0, 1e9, "How many rows of weight the overall mean gets (more = closer to it)."),
                                P.text("positive", "", "For a text target: the class whose share is encoded; empty = the last class alphabetically."),
                                P.output())
                        .fitted(EncodeSteps::fitTarget, (f, p, s, ph) -> {
                            Map<String, Double> means = s.realMap("means");
                            double global = s.real("global");
                            String[] v = f.strings(p.column());
                            double[] o = new double[v.length];
                            for (int i = 0; i < v.length; i++) {
                                o[i] = means.getOrDefault(v[i], global);
                            }
                            f.putNumbers(p.output(p.column()), o, p.column());
                        }),
                T.of("frequency_encode", ENCODE_CATEGORICAL, "Frequency encode",
                                "Replaces each category by its share of the training rows; unseen values get 0.")
                        .types(T.CATEGORIES).params(P.column(), P.output())
                        .fitted((f, p, s) -> {
                            String[] v = f.strings(p.column());
                            var m = new LinkedHashMap<String, Double>();
                            Ops.counts(v).forEach((k, c) -> m.put(k, (double) c / v.length));
                            return State.builder().put("shares", m).build();
                        }, (f, p, s, ph) -> mapValues(f, p, s.realMap("shares"), 0)),
                T.of("count_encode", ENCODE_CATEGORICAL, "Count encode",
                                "Replaces each category by how many training rows have it; unseen values get 0.")
                        .types(T.CATEGORIES).params(P.column(), P.output())
                        .fitted((f, p, s) -> {
                            var m = new LinkedHashMap<String, Double>();
                            Ops.counts(f.strings(p.column())).forEach((k, c) -> m.put(k, (double) c));
                            return State.builder().put("counts", m).build();
                        }, (f, p, s, ph) -> mapValues(f, p, s.realMap("counts"), 0)),
                T.of("hash_encode", ENCODE_CATEGORICAL, "Hash encode",
                                "Spreads categories over a fixed number of 0/1 columns by hashing; needs no training and takes any new value.")
                        .types(T.CATEGORIES)
                        .params(P.column(), P.integer("buckets", 16, 2, 4096, "Number of columns."),
                                P.flag("keep_original", false, "Keep the original column."))
                        .apply((f, p) -> {
                            String c = p.column();
                            int b = p.integer("buckets");
                            String[] v = f.strings(c);
                            double[][] o = new double[b][v.length];
                            for (int i = 0; i < v.length; i++) {
                                if (!v[i].isEmpty()) {
                                    o[bucket(v[i], b)][i] = 1;
                                }
                            }
                            String after = c;
                            for (int k = 0; k < b; k++) {
                                f.putNumbers(c + "_hash_" + k, o[k], after);
                                after = c + "_hash_" + k;
                            }
                            if (!p.flag("keep_original")) {
                                f.drop(c);
                            }
                        }),
                T.of("similarity_encode", ENCODE_CATEGORICAL, "Similarity encode",
                                "Adds, per frequent training category, how similar each value's spelling is to it (3-letter-chunk overlap, 0 to 1); handles typos and new values.")
                        .types(T.STRINGS)
                        .params(P.column(), P.integer("max_categories", 10, 1, 1000, "How many frequent categories to compare with."),
                                P.flag("keep_original", false, "Keep the original column."))
                        .fitted((f, p, s) -> State.builder().put("categories",
                                        topCategories(f.strings(p.column()), p.integer("max_categories"))).build(),
                                (f, p, s, ph) -> {
                                    String c = p.column();
                                    String[] v = f.strings(c);
                                    String after = c;
                                    for (String cat : s.texts("categories")) {
                                        Set<String> ref = grams(cat);
                                        double[] o = new double[v.length];
                                        for (int i = 0; i < v.length; i++) {
                                            o[i] = v[i].isEmpty() ? Double.NaN : jaccard(grams(v[i]), ref);
                                        }
                                        f.putNumbers(c + "_sim_" + cat, o, after);
                                        after = c + "_sim_" + cat;
                                    }
                                    if (!p.flag("keep_original")) {
                                        f.drop(c);
                                    }
                                }),
                T.of("binary_encode", ENCODE_CATEGORICAL, "Binary encode",
                                "Numbers the training categories 1, 2, 3, ... and writes the number in binary 0/1 columns; unseen and missing values get all zeros.")
                        .types(T.CATEGORIES).params(P.column(), P.flag("keep_original", false, "Keep the original column."))
                        .fitted((f, p, s) -> State.builder().put("categories",
                                        new ArrayList<>(Ops.counts(f.strings(p.column())).keySet())).build(),
                                (f, p, s, ph) -> {
                                    String c = p.column();
                                    var code = index(s.texts("categories"));
                                    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(code.size()));
                                    String[] v = f.strings(c);
                                    String after = c;
                                    for (int b = bits - 1; b >= 0; b--) {
                                        double[] o = new double[v.length];
                                        for (int i = 0; i < v.length; i++) {
                                            Integer k = code.get(v[i]);
                                            o[i] = k == null ? 0 : ((k + 1) >> b) & 1;
                                        }
                                        f.putNumbers(c + "_bit_" + b, o, after);
                                        after = c + "_bit_" + b;
                                    }
                                    if (!p.flag("keep_original")) {
                                        f.drop(c);
                                    }
                                }));
    }

    private static void checkUnseen(Params p, String c, String[] v, Set<String> seen) {
        if (p.text("unseen").equals("error")) {
            for (String x : v) {
                if (!x.isEmpty() && !seen.contains(x)) {
                    throw new DataException(ErrorCode.UNSEEN_CATEGORY, c, x);
                }
            }
        }
    }

    private static void mapValues(Frame f, Params p, Map<String, Double> map, double otherwise) {
        String[] v = f.strings(p.column());
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i].isEmpty() ? Double.NaN : map.getOrDefault(v[i], otherwise);
        }
        f.putNumbers(p.output(p.column()), o, p.column());
    }

    /// The `k` most frequent non-empty values, ties alphabetical.
    static List<String> topCategories(String[] v, int k) {
        var counts = Ops.counts(v);
        return counts.keySet().stream()
                .sorted(Comparator.comparing((String x) -> -counts.get(x)).thenComparing(x -> x))
                .limit(k).toList();
    }

    static Map<String, Integer> index(List<String> cats) {
        var m = new HashMap<String, Integer>();
        for (int i = 0; i < cats.size(); i++) {
            m.put(cats.get(i), i);
        }
        return m;
    }

    private static State fitTarget(Frame f, Params p, Sources src) {
        String target = p.column("target").isEmpty() ? f.target() : p.column("target");
        if (target.isEmpty()) {
            throw new DataException(ErrorCode.TRANSFORM_PARAMETER_MISSING, "target", "target_encode");
        }
        double[] y;
        ColumnType type = f.type(target);
        if (type == ColumnType.NUMERIC || type == ColumnType.BOOLEAN) {
            y = f.numbers(target);
        } else {
            String[] t = f.strings(target);
            var classes = new ArrayList<>(Ops.counts(t).keySet());
            String positive = p.text("positive");
            if (positive.isEmpty()) {
                if (classes.size() > 2) {
                    throw new DataException(ErrorCode.TRANSFORM_FAILED, "Target encode",
                            "the target " + target + " has more than two classes; choose the positive class");
                }
                positive = classes.isEmpty() ? "" : classes.getLast();
            }
            y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = t[i].isEmpty() ? Double.NaN : t[i].equals(positive) ? 1 : 0;
            }
        }
        double global = Ops.mean(y);
        String[] v = f.strings(p.column());
        var sums = new HashMap<String, double[]>();
        for (int i = 0; i < v.length; i++) {
            if (!v[i].isEmpty() && !Double.isNaN(y[i])) {
                double[] a = sums.computeIfAbsent(v[i], k -> new double[2]);
                a[0] += y[i];
                a[1]++;
            }
        }
        double m = p.real("smoothing");
        var means = new java.util.TreeMap<String, Double>();
        sums.forEach((k, a) -> means.put(k, (a[0] + m * global) / (a[1] + m)));
        return State.builder().put("global", global).put("means", means).build();
    }

    /// FNV-1a over the UTF-8 bytes: stable across runs and platforms, unlike `String.hashCode` salting concerns.
    static int bucket(String s, int buckets) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return Math.floorMod(h, buckets);
    }

    static Set<String> grams(String s) {
        String t = " " + s.toLowerCase(java.util.Locale.ROOT) + " ";
        var out = new HashSet<String>();
        for (int i = 0; i + 3 <= t.length(); i++) {
            out.add(t.substring(i, i + 3));
        }
        if (out.isEmpty()) {
            out.add(t);
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int inter = 0;
        for (String x : a) {
            if (b.contains(x)) {
                inter++;
            }
        }
        int union = a.size() + b.size() - inter;
        return union == 0 ? 0 : (double) inter / union;
    }
}
