package dev.atelier.engine.learn.forest;

import dev.atelier.engine.job.JobContext;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/// Grows one CART tree on pre-binned inputs, breadth first. Random forest: the best split of each of `mtry` sampled
/// inputs over all bin boundaries. Extra trees: one uniformly random boundary between the node's smallest and
/// largest bin per sampled input. Gini or entropy for classification, squared error for regression. One instance per
/// tree; not thread-safe.
final class TreeGrower {
    /// The binned data shared by all trees.
    record Binned(short[][] bins, double[][] cuts, double[] y, int n, int d, int k, double[] classWeight) {
    }

    /// Tree settings.
    record Settings(boolean extra, int maxDepth, int maxLeaves, int minSplit, int minLeaf, int mtry, boolean entropy) {
    }

    private final Binned data;
    private final Settings s;
    private final RandomGenerator random;
    private final boolean regression;
    private final int k;
    private final double[] hist;
    private final double[] histW;
    private final int[] histN;

    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private double[] value;
    private double[] cover = new double[64];
    private int nodes;

    TreeGrower(Binned data, Settings settings, RandomGenerator random) {
        this.data = data;
        this.s = settings;
        this.random = random;
        this.regression = data.k() == 0;
        this.k = regression ? 1 : data.k();
        this.value = new double[64 * k];
        int maxBins = 0;
        for (double[] c : data.cuts()) {
            maxBins = Math.max(maxBins, c.length + 1);
        }
        this.hist = new double[maxBins * (regression ? 2 : k)];
        this.histW = new double[maxBins];
        this.histN = new int[maxBins];
    }

    private record Task(int node, int start, int end, int depth) {
    }

    /// Grows the tree on `rows` (indices into the data, repeats allowed for bootstrap).
    TreeData grow(int[] rows, JobContext ctx) {
        var queue = new ArrayDeque<Task>();
        int root = newNode();
        queue.add(new Task(root, 0, rows.length, 0));
        int leaves = 1;
        int[] candidates = new int[data.d()];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = i;
        }
        long visited = 0;
        while (!queue.isEmpty()) {
            Task t = queue.poll();
            if ((++visited & 255) == 0 && ctx.isCancelled()) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
            double parentImpurity = nodeStats(rows, t);
            int count = t.end() - t.start();
            feature[t.node()] = -1;
            if (count < s.minSplit() || count < 2 * s.minLeaf() || t.depth() >= s.maxDepth()
                    || leaves >= s.maxLeaves() || parentImpurity <= 1e-12) {
                continue;
            }
            int bestFeature = -1;
            int bestBin = -1;
            double bestGain = 1e-12;
            int tried = 0;
            // partial Fisher–Yates over the inputs: sample mtry, keep going past constant inputs (as scikit-learn)
            for (int i = 0; i < data.d() && (tried < s.mtry()); i++) {
                int j = i + random.nextInt(data.d() - i);
                int f = candidates[j];
                candidates[j] = candidates[i];
                candidates[i] = f;
                double[] split = bestSplit(rows, t, f, parentImpurity);
                if (split == null) {
                    continue;
                }
                tried++;
                if (split[1] > bestGain) {
                    bestGain = split[1];
                    bestFeature = f;
                    bestBin = (int) split[0];
                }
            }
            if (bestFeature < 0) {
                continue;
            }
            // partition rows[start, end) by bin <= bestBin
            short[] col = data.bins()[bestFeature];
            int i = t.start();
            int j = t.end() - 1;
            while (i <= j) {
                if (col[rows[i]] <= bestBin) {
                    i++;
                } else {
                    int tmp = rows[i];
                    rows[i] = rows[j];
                    rows[j] = tmp;
                    j--;
                }
            }
            int l = newNode();
            int r = newNode();
            feature[t.node()] = bestFeature;
            threshold[t.node()] = data.cuts()[bestFeature][bestBin];
            left[t.node()] = l;
            right[t.node()] = r;
            leaves++;
            queue.add(new Task(l, t.start(), i, t.depth() + 1));
            queue.add(new Task(r, i, t.end(), t.depth() + 1));
        }
        return new TreeData(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
                Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), Arrays.copyOf(value, nodes * k),
                Arrays.copyOf(cover, nodes));
    }

    private int newNode() {
        if (nodes == feature.length) {
            int size = nodes * 2;
            feature = Arrays.copyOf(feature, size);
            threshold = Arrays.copyOf(threshold, size);
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
            cover = Arrays.copyOf(cover, size);
            value = Arrays.copyOf(value, size * k);
        }
        feature[nodes] = -1;
        return nodes++;
    }

    private double weight(int row) {
        return regression ? 1 : data.classWeight()[(int) data.y()[row]];
    }

    /// Fills the node's value and cover; returns its impurity.
    private double nodeStats(int[] rows, Task t) {
        double w = 0;
        int node = t.node();
        if (regression) {
            double sum = 0;
            double sq = 0;
            for (int i = t.start(); i < t.end(); i++) {
                double y = data.y()[rows[i]];
                sum += y;
                sq += y * y;
                w += 1;
            }
            value[node] = sum / w;
            cover[node] = w;
            return Math.max(0, sq / w - (sum / w) * (sum / w));
        }
        double[] counts = new double[k];
        for (int i = t.start(); i < t.end(); i++) {
            int c = (int) data.y()[rows[i]];
            double cw = data.classWeight()[c];
            counts[c] += cw;
            w += cw;
        }
        for (int c = 0; c < k; c++) {
            value[node * k + c] = counts[c] / w;
        }
        cover[node] = w;
        return impurity(counts, w);
    }

    private double impurity(double[] counts, double w) {
        if (w <= 0) {
            return 0;
        }
        double out = s.entropy() ? 0 : 1;
        for (double c : counts) {
            double p = c / w;
            if (s.entropy()) {
                out -= p > 0 ? p * Math.log(p) : 0;
            } else {
                out -= p * p;
            }
        }
        return out;
    }

    /// The best {bin, gain} of input `f` in the node, or null if the input is constant there.
    private double[] bestSplit(int[] rows, Task t, int f, double parentImpurity) {
        short[] col = data.bins()[f];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = t.start(); i < t.end(); i++) {
            int b = col[rows[i]];
            min = Math.min(min, b);
            max = Math.max(max, b);
        }
        if (min == max) {
            return null;
        }
        int width = regression ? 2 : k;
        Arrays.fill(hist, min * width, (max + 1) * width, 0);
        Arrays.fill(histW, min, max + 1, 0);
        Arrays.fill(histN, min, max + 1, 0);
        for (int i = t.start(); i < t.end(); i++) {
            int row = rows[i];
            int b = col[row];
            double y = data.y()[row];
            double w = weight(row);
            if (regression) {
                hist[b * 2] += y;
                hist[b * 2 + 1] += y * y;
            } else {
                hist[b * k + (int) y] += w;
            }
            histW[b] += w;
            histN[b]++;
        }
        double total = 0;
        int totalN = t.end() - t.start();
        double[] tot = new double[width];
        for (int b = min; b <= max; b++) {
            total += histW[b];
            for (int c = 0; c < width; c++) {
                tot[c] += hist[b * width + c];
            }
        }
        int only = s.extra() ? min + random.nextInt(max - min) : -1;
        double[] acc = new double[width];
        double[] rest = new double[width];
        double accW = 0;
        int accN = 0;
        double bestGain = Double.NEGATIVE_INFINITY;
        int bestBin = -1;
        for (int b = min; b < max; b++) {
            for (int c = 0; c < width; c++) {
                acc[c] += hist[b * width + c];
            }
            accW += histW[b];
            accN += histN[b];
            if (only >= 0 && b != only) {
                continue;
            }
            if (accN < s.minLeaf() || totalN - accN < s.minLeaf()) {
                continue;
            }
            double restW = total - accW;
            for (int c = 0; c < width; c++) {
                rest[c] = tot[c] - acc[c];
            }
            double child;
            if (regression) {
                double lv = Math.max(0, acc[1] / accW - (acc[0] / accW) * (acc[0] / accW));
                double rv = Math.max(0, rest[1] / restW - (rest[0] / restW) * (rest[0] / restW));
                child = accW * lv + restW * rv;
            } else {
                child = accW * impurity(acc, accW) + restW * impurity(rest, restW);
            }
            double gain = total * parentImpurity - child;
            if (gain > bestGain) {
                bestGain = gain;
                bestBin = b;
            }
        }
        return bestBin < 0 ? new double[] {min, 0} : new double[] {bestBin, bestGain};
    }
}
