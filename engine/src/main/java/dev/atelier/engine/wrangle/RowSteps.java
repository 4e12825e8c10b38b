package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static dev.atelier.engine.wrangle.Family.MANAGE_ROWS;

/// Manage rows: filter, sort, drop duplicates, sample, keep the first rows. All run on training data only.
final class RowSteps {
    private RowSteps() {
    }

    static List<Transform> all() {
        return List.of(
                T.of("filter_formula", MANAGE_ROWS, "Filter rows by formula",
                                "Keeps the rows where a formula is true, e.g. age >= 18 and country = 'FR'.")
                        .rows(RowRule.TRAINING_ONLY)
                        .params(P.requiredText("formula", "formula", "A condition; rows where it is false or missing are removed."))
                        .apply((f, p) -> {
                            Formula.Result r = Formula.parse(p.text("formula")).evaluate(f);
                            if (r.type() != null && r.type() != ColumnType.BOOLEAN) {
                                throw new DataException(ErrorCode.FORMULA_INVALID, "a filter needs a true/false condition",
                                        p.text("formula"));
                            }
                            f.selectRows(IntStream.range(0, f.rows()).filter(i -> Boolean.TRUE.equals(r.values()[i])).toArray());
                        }),
                T.of("filter_value", MANAGE_ROWS, "Filter rows by value",
                                "Keeps the rows whose column compares as chosen with a value (equals, above, contains, ...).")
                        .rows(RowRule.TRAINING_ONLY)
                        .params(P.column(), P.choice("operator", "equals", List.of("equals", "not_equals", "greater",
                                        "greater_or_equal", "less", "less_or_equal", "contains", "is_missing", "is_not_missing"),
                                        "How to compare."),
                                P.text("value", "", "The value to compare with."))
                        .apply((f, p) -> {
                            int c = f.index(p.column());
                            String op = p.text("operator");
                            String value = p.text("value");
                            boolean numeric = f.type(p.column()) == ColumnType.NUMERIC;
                            double x = Frame.parseNumber(value);
                            double[] nums = numeric ? f.numbers(p.column()) : null;
                            String[] strs = numeric ? null : f.strings(p.column());
                            f.selectRows(IntStream.range(0, f.rows()).filter(i -> {
                                boolean missing = f.isMissing(c, i);
                                if (op.equals("is_missing")) {
                                    return missing;
                                }
                                if (op.equals("is_not_missing")) {
                                    return !missing;
                                }
                                if (missing) {
                                    return false;
                                }
                                int cmp = numeric ? Double.compare(nums[i], x) : strs[i].compareTo(value);
                                return switch (op) {
                                    case "equals" -> cmp == 0;
                                    case "not_equals" -> cmp != 0;
                                    case "greater" -> cmp > 0;
                                    case "greater_or_equal" -> cmp >= 0;
                                    case "less" -> cmp < 0;
                                    case "less_or_equal" -> cmp <= 0;
                                    default -> (numeric ? Dataset.formatNumber(nums[i]) : strs[i]).contains(value);
                                };
                            }).toArray());
                        }),
                T.of("sort_rows", MANAGE_ROWS, "Sort rows", "Orders the rows by one or more columns; missing values go last.")
                        .rows(RowRule.TRAINING_ONLY)
                        .params(P.columns(), P.flag("descending", false, "Largest first."))
                        .apply((f, p) -> f.selectRows(sortOrder(f, p.columns(), p.flag("descending")))),
                T.of("drop_duplicates", MANAGE_ROWS, "Drop duplicate rows",
                                "Keeps the first of rows that are equal in the chosen columns (all columns if none chosen).")
                        .rows(RowRule.TRAINING_ONLY)
                        .params(new dev.atelier.engine.algorithms.StringParam("columns", "", P.COLUMNS,
                                dev.atelier.engine.algorithms.Requirement.OPTIONAL, "Columns that define a duplicate; empty = all."))
                        .apply((f, p) -> {
                            List<String> cols = p.columns().isEmpty() ? f.names() : p.columns();
                            var keys = keys(f, cols);
                            var seen = new HashSet<String>();
                            f.selectRows(IntStream.range(0, f.rows()).filter(i -> seen.add(keys[i])).toArray());
                        }),
                T.of("sample_rows", MANAGE_ROWS, "Sample rows", "Keeps a random sample of the rows, in their original order.")
                        .rows(RowRule.TRAINING_ONLY)
                        .params(P.real("fraction", 0.5, 0, 1, "Share of the rows to keep."), P.seed())
                        .apply((f, p) -> {
                            int n = f.rows();
                            int k = (int) Math.round(n * p.real("fraction"));
                            int[] perm = permutation(n, p.longValue("seed"));
                            int[] keep = Arrays.copyOf(perm, k);
                            Arrays.sort(keep);
                            f.selectRows(keep);
                        }),
                T.of("head_rows", MANAGE_ROWS, "Keep first rows", "Keeps the first rows and removes the rest.")
                        .rows(RowRule.TRAINING_ONLY)
                        .params(P.integer("count", 1000, 0, Integer.MAX_VALUE, "How many rows to keep."))
                        .apply((f, p) -> f.selectRows(IntStream.range(0, Math.min(f.rows(), p.integer("count"))).toArray())));
    }

    /// A stable sort order by the columns (numbers numerically, text alphabetically), missing last.
    static int[] sortOrder(Frame f, List<String> columns, boolean descending) {
        var comparators = new ArrayList<Comparator<Integer>>();
        for (String c : columns) {
            int idx = f.index(c);
            Comparator<Integer> cmp;
            if (f.type(c) == ColumnType.CATEGORICAL || f.type(c) == ColumnType.TEXT) {
                String[] s = f.strings(c);
                cmp = (a, b) -> s[a].compareTo(s[b]);
            } else {
                double[] v = f.numbers(c);
                cmp = (a, b) -> Double.compare(v[a], v[b]);
            }
            Comparator<Integer> dir = descending ? cmp.reversed() : cmp;
            comparators.add((a, b) -> {
                boolean ma = f.isMissing(idx, a);
                boolean mb = f.isMissing(idx, b);
                if (ma || mb) {
                    return Boolean.compare(ma, mb);
                }
                return dir.compare(a, b);
            });
        }
        Comparator<Integer> all = (a, b) -> 0;
        for (var c : comparators) {
            all = all.thenComparing(c);
        }
        return IntStream.range(0, f.rows()).boxed().sorted(all).mapToInt(Integer::intValue).toArray();
    }

    static String[] keys(Frame f, List<String> cols) {
        String[] keys = new String[f.rows()];
        Arrays.fill(keys, "");
        for (String c : cols) {
            String[] s = f.strings(c);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = keys[i] + s[i].length() + ":" + s[i] + "|";
            }
        }
        return keys;
    }

    /// A seeded random permutation of 0..n-1 (Fisher–Yates).
    static int[] permutation(int n, long seed) {
        int[] p = IntStream.range(0, n).toArray();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
