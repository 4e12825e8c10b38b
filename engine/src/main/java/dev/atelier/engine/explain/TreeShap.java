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

    private final List<Tree> trees;
    private final double[] weights;
    private final double base;
    private final int maxDepth;

    /// The weighted sum `Σ w_t f_t` of `trees` (a forest's mean: every weight `1/T`).
    public TreeShap(List<Tree> trees, double[] weights) {
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

    /// Adds the SHAP values of row `row` of `x` (row-major, `d` wide) into `phi[offset .. offset + d)`.
    public void shap(double[] x, int row, int d, double[] phi, int offset) {
        Path path = new Path(maxDepth + 2);
        for (int t = 0; t < trees.size(); t++) {
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
