package dev.atelier.engine.explain;

import dev.atelier.engine.learn.forest.TreeData;
import java.util.List;

/// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2) for decision trees given as node tables:
/// the Shapley values of the game `v(S) = E[f(x) | x_S]`, where the expectation over the absent inputs follows the
/// training cover of the tree's branches. Polynomial: `O(L · D²)` per tree and row (L leaves, D depth), against
/// `O(2^M)` coalitions for the brute-force formula. The result is additive: `E f + Σ φ = f(x)` exactly (up to
/// floating point) for every row.
public final class TreeShap {
    /// One tree for TreeSHAP. Node 0 is the root; `feature[i] < 0` marks a leaf. An inner node sends a row left when
    /// `x <= threshold` (or `x < threshold` when `strict`); a missing input (NaN) goes left only where `missingLeft` is
    /// true (null: always right, as `NaN <= t` is false).
    ///
    /// @param feature     the input tested at each node, −1 at leaves
    /// @param threshold   the split value of inner nodes
    /// @param left        left child of inner nodes
    /// @param right       right child of inner nodes
    /// @param value       the output at each node (only leaves' values are used)
    /// @param cover       the training weight that reached each node (> 0)
    /// @param strict      whether the left branch is `x < threshold` (XGBoost) rather than `x <= threshold`
    /// @param missingLeft per node, whether a missing input goes left; null = always right
    public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[] cover,
                       boolean strict, boolean[] missingLeft) {
        /// The tree of a random forest / extra-trees table, explaining output `output` of `outputs` per node.
        public static Tree of(TreeData t, int output, int outputs) {
            int n = t.nodes();
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = t.value()[i * outputs + output];
            }
            return new Tree(t.feature(), t.threshold(), t.left(), t.right(), v, t.cover(), false, null);
        }

        private static final java.util.regex.Pattern SPLIT = java.util.regex.Pattern.compile(
                "(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+).*cover=([^,\\s]+)");
        private static final java.util.regex.Pattern LEAF = java.util.regex.Pattern.compile(
                "(\\d+):leaf=([^,]+),cover=([^,\\s]+)");

        /// One tree of XGBoost's text dump with statistics ([dev.atelier.engine.learn.xgboost.XgboostModel#treeDump]):
        /// left is `x < threshold` (compared in float32, as XGBoost does), missing inputs follow `missing=`.
        ///
        /// @throws IllegalArgumentException for a line it does not understand (categorical splits)
        public static Tree ofXgboost(String dump) {
            String[] lines = dump.strip().split("\n");
            int n = 0;
            for (String line : lines) {
                String t = line.strip();
                n = Math.max(n, Integer.parseInt(t.substring(0, t.indexOf(':'))) + 1);
            }
            int[] feature = new int[n];
            double[] threshold = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            double[] value = new double[n];
            double[] cover = new double[n];
            boolean[] missingLeft = new boolean[n];
            for (String line : lines) {
                String t = line.strip();
                var m = SPLIT.matcher(t);
                if (m.matches()) {
                    int id = Integer.parseInt(m.group(1));
                    feature[id] = Integer.parseInt(m.group(2));
                    threshold[id] = Float.parseFloat(m.group(3));
                    left[id] = Integer.parseInt(m.group(4));
                    right[id] = Integer.parseInt(m.group(5));
                    missingLeft[id] = Integer.parseInt(m.group(6)) == left[id];
                    cover[id] = Double.parseDouble(m.group(7));
                    continue;
                }
                var leaf = LEAF.matcher(t);
                if (!leaf.matches()) {
                    throw new IllegalArgumentException("unexpected tree line: " + t);
                }
                int id = Integer.parseInt(leaf.group(1));
                feature[id] = -1;
                value[id] = Float.parseFloat(leaf.group(2));
                cover[id] = Double.parseDouble(leaf.group(3));
            }
            return new Tree(feature, threshold, left, right, value, cover, true, missingLeft);
        }

        /// The child `x` goes to from inner node `node`.
        int next(int node, double x) {
            boolean goLeft = Double.isNaN(x) ? missingLeft != null && missingLeft[node]
                    : strict ? x < threshold[node] : x <= threshold[node];
            return goLeft ? left[node] : right[node];
        }

        /// The leaf value `x` (row `offset` of a row-major matrix) reaches.
        double predict(double[] x, int offset) {
            int node = 0;
            while (feature[node] >= 0) {
                node = next(node, x[offset + feature[node]]);
            }
            return value[node];
        }

        /// The cover-weighted mean of the leaves: `E f`, the base value of path-dependent TreeSHAP.
        double expected() {
            return expected(0);
        }

        private double expected(int node) {
            if (feature[node] < 0) {
                return value[node];
            }
            return (cover[left[node]] * expected(left[node]) + cover[right[node]] * expected(right[node]))
                    / cover[node];
        }

        int depth() {
            return depth(0);
        }

        private int depth(int node) {
            return feature[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
        }
    }

    /// Per tree, at most this many table entries (doubles) …
    private static final int TREE_TABLE = 1 << 18;
    /// … and for all trees together.
    private static final long TOTAL_TABLE = 1L << 23;

    private final List<Tree> trees;
    private final double[] weights;
    private final double base;
    private final int maxDepth;
    /// Per tree, its leaf tables, or null where the tree is explained by the recursive algorithm.
    private final Table[] tables;

    /// The weighted sum `Σ w_t f_t` of `trees` (a forest's mean: every weight `1/T`).
    public TreeShap(List<Tree> trees, double[] weights) {
        this(trees, weights, true);
    }

    /// As [#TreeShap(List, double[])]; `tables` false always uses the recursive algorithm (for tests).
    TreeShap(List<Tree> trees, double[] weights, boolean useTables) {
        if (trees.size() != weights.length) {
            throw new IllegalArgumentException("one weight per tree");
        }
        this.trees = List.copyOf(trees);
        this.weights = weights.clone();
        double b = 0;
        int depth = 0;
        for (int t = 0; t < this.trees.size(); t++) {
            b += weights[t] * this.trees.get(t).expected();
            depth = Math.max(depth, this.trees.get(t).depth());
        }
        this.base = b;
        this.maxDepth = depth;
        this.tables = new Table[this.trees.size()];
        long used = 0;
        for (int t = 0; t < this.trees.size(); t++) {
            long size = Table.size(this.trees.get(t));
            if (useTables && size <= TREE_TABLE && used + size <= TOTAL_TABLE) {
                tables[t] = new Table(this.trees.get(t), weights[t]);
                used += size;
            }
        }
    }

    /// Precomputed leaf contributions (the idea of Fast TreeSHAP v2, Yang 2021): a leaf's share of the SHAP values
    /// depends on the row only through which branches of its path the row follows, so for every leaf and every
    /// pattern of followed/not-followed branches (`2^depth`) the contributions of the leaf's unique features are
    /// computed once. A row then costs one walk over the tree's nodes plus one table row per leaf: `O(L · D)` instead
    /// of `O(L · D²)`.
    private static final class Table {
        final Tree tree;
        /// Per node: for a leaf, the offset of its table in `values`; unused for inner nodes.
        final int[] offset;
        /// Per node: for a leaf, its unique path features (in `features` from `featureStart[node]`), count.
        final int[] unique;
        final int[] featureStart;
        final int[] features;
        final double[] values;

        static long size(Tree tree) {
            return size(tree, 0, 0);
        }

        /// Table entries of the subtree, saturating just above [#TREE_TABLE] (deep trees stop early).
        private static long size(Tree tree, int node, int depth) {
            if (depth > 24) {
                return TREE_TABLE + 1L;
            }
            if (tree.feature()[node] < 0) {
                return (1L << depth) * Math.max(1, depth);
            }
            long left = size(tree, tree.left()[node], depth + 1);
            return left > TREE_TABLE ? left : Math.min(TREE_TABLE + 1L, left + size(tree, tree.right()[node], depth + 1));
        }

        Table(Tree tree, double scale) {
            this.tree = tree;
            int n = tree.feature().length;
            offset = new int[n];
            unique = new int[n];
            featureStart = new int[n];
            var featureList = new java.util.ArrayList<Integer>();
            var valueList = new java.util.ArrayList<double[]>();
            int[] pathFeature = new int[64];
            double[] pathRatio = new double[64];
            int[] total = {0};
            build(0, 0, pathFeature, pathRatio, scale, featureList, valueList, total);
            features = featureList.stream().mapToInt(Integer::intValue).toArray();
            values = new double[total[0]];
            int at = 0;
            for (double[] v : valueList) {
                System.arraycopy(v, 0, values, at, v.length);
                at += v.length;
            }
        }

        private void build(int node, int depth, int[] pathFeature, double[] pathRatio, double scale,
                           List<Integer> featureList, List<double[]> valueList, int[] total) {
            if (tree.feature()[node] >= 0) {
                double c = tree.cover()[node];
                pathFeature[depth] = tree.feature()[node];
                pathRatio[depth] = tree.cover()[tree.left()[node]] / c;
                build(tree.left()[node], depth + 1, pathFeature, pathRatio, scale, featureList, valueList, total);
                pathRatio[depth] = tree.cover()[tree.right()[node]] / c;
                build(tree.right()[node], depth + 1, pathFeature, pathRatio, scale, featureList, valueList, total);
                return;
            }
            // unique features of the path, in order of first appearance; step k belongs to unique index of[k]
            int[] of = new int[depth];
            int[] uf = new int[depth];
            int u = 0;
            for (int k = 0; k < depth; k++) {
                int j = 0;
                while (j < u && uf[j] != pathFeature[k]) {
                    j++;
                }
                if (j == u) {
                    uf[u++] = pathFeature[k];
                }
                of[k] = j;
            }
            unique[node] = u;
            featureStart[node] = featureList.size();
            for (int j = 0; j < u; j++) {
                featureList.add(uf[j]);
            }
            offset[node] = total[0];
            int patterns = 1 << depth;
            double[] table = new double[patterns * u];
            Path p = new Path(u + 2);
            double[] zero = new double[u];
            double[] one = new double[u];
            double v = tree.value()[node] * scale;
            for (int pattern = 0; pattern < patterns; pattern++) {
                java.util.Arrays.fill(zero, 1);
                java.util.Arrays.fill(one, 1);
                for (int k = 0; k < depth; k++) {
                    zero[of[k]] *= pathRatio[k];
                    if ((pattern >> (depth - 1 - k) & 1) == 0) {
                        one[of[k]] = 0;
                    }
                }
                extend(p, 0, 0, 1, 1, -1);
                for (int j = 0; j < u; j++) {
                    extend(p, 0, j + 1, zero[j], one[j], uf[j]);
                }
                for (int j = 0; j < u; j++) {
                    table[pattern * u + j] = unwoundSum(p, 0, u, j + 1) * (one[j] - zero[j]) * v;
                }
            }
            valueList.add(table);
            total[0] += table.length;
        }

        /// Adds the tree's contributions for row `x` (from `rowOffset`) to `phi` (from `phiOffset`).
        void shap(double[] x, int rowOffset, double[] phi, int phiOffset) {
            walk(0, 0, x, rowOffset, phi, phiOffset);
        }

        private void walk(int node, int pattern, double[] x, int rowOffset, double[] phi, int phiOffset) {
            int f = tree.feature()[node];
            if (f < 0) {
                int u = unique[node];
                int at = offset[node] + pattern * u;
                int fs = featureStart[node];
                for (int j = 0; j < u; j++) {
                    phi[phiOffset + features[fs + j]] += values[at + j];
                }
                return;
            }
            int hot = tree.next(node, x[rowOffset + f]);
            int l = tree.left()[node];
            walk(l, pattern << 1 | (hot == l ? 1 : 0), x, rowOffset, phi, phiOffset);
            int r = tree.right()[node];
            walk(r, pattern << 1 | (hot == r ? 1 : 0), x, rowOffset, phi, phiOffset);
        }
    }

    /// `E f`: the base value of every row.
    public double base() {
        return base;
    }

    /// The model's output for row `row` of `x` (row-major, `d` wide).
    public double predict(double[] x, int row, int d) {
        double s = 0;
        for (int t = 0; t < trees.size(); t++) {
            s += weights[t] * trees.get(t).predict(x, row * d);
        }
        return s;
    }

    /// Adds the SHAP values of rows `from .. to` of `x` (row-major, `d` wide) into `phi` (row-major, `d` wide), tree
    /// by tree, so that each tree's leaf table stays in the cache while the rows pass through it.
    public void shapRows(double[] x, int from, int to, int d, double[] phi) {
        Path path = new Path(maxDepth + 2);
        for (int t = 0; t < trees.size(); t++) {
            Table table = tables[t];
            for (int r = from; r < to; r++) {
                if (table != null) {
                    table.shap(x, r * d, phi, r * d);
                } else {
                    recurse(trees.get(t), x, r * d, phi, r * d, weights[t], path, 0, 0, 0, 1, 1, -1);
                }
            }
        }
    }

    /// Adds the SHAP values of row `row` of `x` (row-major, `d` wide) into `phi[offset .. offset + d)`.
    public void shap(double[] x, int row, int d, double[] phi, int offset) {
        Path path = new Path(maxDepth + 2);
        for (int t = 0; t < trees.size(); t++) {
            if (tables[t] != null) {
                tables[t].shap(x, row * d, phi, offset);
                continue;
            }
            recurse(trees.get(t), x, row * d, phi, offset, weights[t], path, 0, 0, 0, 1, 1, -1);
        }
    }

    /// The unique path of features met from the root: per element the feature, the fraction of "zero" paths
    /// (feature absent: cover ratio) and "one" paths (feature present: 1 if x follows the branch), and the weight of
    /// each subset size. Levels are stored one after the other, so a child's copy never overwrites its parent's.
    private static final class Path {
        final int[] feature;
        final double[] zero;
        final double[] one;
        final double[] weight;

        Path(int maxDepth) {
            int size = (maxDepth + 1) * (maxDepth + 2) / 2 + maxDepth + 2;
            feature = new int[size];
            zero = new double[size];
            one = new double[size];
            weight = new double[size];
        }
    }

    private static void recurse(Tree tree, double[] x, int rowOffset, double[] phi, int phiOffset, double scale,
                                Path p, int node, int parentStart, int uniqueDepth, double parentZero,
                                double parentOne, int parentFeature) {
        // this level's copy of the path lives right after the parent's uniqueDepth + 1 elements
        int s = parentStart + uniqueDepth + 1;
        System.arraycopy(p.feature, parentStart, p.feature, s, uniqueDepth + 1);
        System.arraycopy(p.zero, parentStart, p.zero, s, uniqueDepth + 1);
        System.arraycopy(p.one, parentStart, p.one, s, uniqueDepth + 1);
        System.arraycopy(p.weight, parentStart, p.weight, s, uniqueDepth + 1);
        extend(p, s, uniqueDepth, parentZero, parentOne, parentFeature);
        int f = tree.feature()[node];
        if (f < 0) {
            double v = tree.value()[node] * scale;
            for (int i = 1; i <= uniqueDepth; i++) {
                double w = unwoundSum(p, s, uniqueDepth, i);
                phi[phiOffset + p.feature[s + i]] += w * (p.one[s + i] - p.zero[s + i]) * v;
            }
            return;
        }
        int hot = tree.next(node, x[rowOffset + f]);
        int cold = hot == tree.left()[node] ? tree.right()[node] : tree.left()[node];
        double[] cover = tree.cover();
        double incomingZero = 1;
        double incomingOne = 1;
        int depth = uniqueDepth;
        int k = 1;
        while (k <= depth && p.feature[s + k] != f) {
            k++;
        }
        if (k <= depth) {   // the feature was met higher up: undo that split and redo it here
            incomingZero = p.zero[s + k];
            incomingOne = p.one[s + k];
            unwind(p, s, depth, k);
            depth--;
        }
        recurse(tree, x, rowOffset, phi, phiOffset, scale, p, hot, s, depth + 1,
                cover[hot] / cover[node] * incomingZero, incomingOne, f);
        recurse(tree, x, rowOffset, phi, phiOffset, scale, p, cold, s, depth + 1,
                cover[cold] / cover[node] * incomingZero, 0, f);
    }

    private static void extend(Path p, int s, int l, double zero, double one, int feature) {
        p.feature[s + l] = feature;
        p.zero[s + l] = zero;
        p.one[s + l] = one;
        p.weight[s + l] = l == 0 ? 1 : 0;
        for (int i = l - 1; i >= 0; i--) {
            p.weight[s + i + 1] += one * p.weight[s + i] * (i + 1) / (l + 1);
            p.weight[s + i] = zero * p.weight[s + i] * (l - i) / (l + 1);
        }
    }

    private static void unwind(Path p, int s, int l, int index) {
        double one = p.one[s + index];
        double zero = p.zero[s + index];
        double next = p.weight[s + l];
        for (int i = l - 1; i >= 0; i--) {
            if (one != 0) {
                double tmp = p.weight[s + i];
                p.weight[s + i] = next * (l + 1) / ((i + 1) * one);
                next = tmp - p.weight[s + i] * zero * (l - i) / (l + 1);
            } else {
                p.weight[s + i] = p.weight[s + i] * (l + 1) / (zero * (l - i));
            }
        }
        for (int i = index; i < l; i++) {
            p.feature[s + i] = p.feature[s + i + 1];
            p.zero[s + i] = p.zero[s + i + 1];
            p.one[s + i] = p.one[s + i + 1];
        }
    }

    private static double unwoundSum(Path p, int s, int l, int index) {
        double one = p.one[s + index];
        double zero = p.zero[s + index];
        double next = p.weight[s + l];
        double total = 0;
        for (int i = l - 1; i >= 0; i--) {
            if (one != 0) {
                double tmp = next * (l + 1) / ((i + 1) * one);
                total += tmp;
                next = p.weight[s + i] - tmp * zero * ((l - i) / (double) (l + 1));
            } else if (zero != 0) {
                total += p.weight[s + i] / zero / ((l - i) / (double) (l + 1));
            }
        }
        return total;
    }
}
