package dev.atelier.engine.bias;

import dev.atelier.engine.job.JobContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The arithmetic of Clarify's bias metrics on binary outcomes (true = positive). Every array has one entry per
/// row; `facet[i]` says whether row `i` is in the selected facet `d` (else it is in `a`). A metric that is
/// undefined (a division by zero, an empty subgroup) is NaN; a divergence that is infinite is
/// `Double.POSITIVE_INFINITY`.
public final class BiasMetrics {
    /// Neighbours consulted by the flip test.
    public static final int FLIP_TEST_NEIGHBOURS = 5;

    private BiasMetrics() {
    }

    /// The pre-training metrics CI, DPL, KL, JS, LP, TVD, KS and CDDL of observed labels. `groups` (nullable) is
    /// the group column for CDDL; without it the whole data is one group.
    public static Map<BiasMetric, Double> preTraining(boolean[] label, boolean[] facet, String @Nullable [] groups) {
        var out = new EnumMap<BiasMetric, Double>(BiasMetric.class);
        Counts c = Counts.of(label, facet);
        out.put(BiasMetric.CI, ratio(c.na - c.nd, c.na + c.nd));
        double qa = ratio(c.posA, c.na);
        double qd = ratio(c.posD, c.nd);
        out.put(BiasMetric.DPL, qa - qd);
        double[] pa = {qa, 1 - qa};
        double[] pd = {qd, 1 - qd};
        out.put(BiasMetric.KL, kl(pa, pd));
        double[] mid = {(pa[0] + pd[0]) / 2, (pa[1] + pd[1]) / 2};
        out.put(BiasMetric.JS, 0.5 * (kl(pa, mid) + kl(pd, mid)));
        double lp = 0;
        double l1 = 0;
        double max = 0;
        for (int y = 0; y < 2; y++) {
            double diff = Math.abs(pa[y] - pd[y]);
            lp += diff * diff;
            l1 += diff;
            max = Math.max(max, diff);
        }
        boolean defined = !Double.isNaN(qa) && !Double.isNaN(qd);
        out.put(BiasMetric.LP, defined ? Math.sqrt(lp) : Double.NaN);
        out.put(BiasMetric.TVD, defined ? 0.5 * l1 : Double.NaN);
        out.put(BiasMetric.KS, defined ? max : Double.NaN);
        out.put(BiasMetric.CDDL, conditionalDisparity(label, facet, groups));
        return out;
    }

    /// The post-training metrics DPPL, DI, DCA, DCR, SD, RD, DAR, DRR, AD, TE, CDDPL, FT and GE. `features`
    /// (row-major, `label.length × width`, nullable) are the rows' model inputs for the flip test; without them
    /// FT is NaN.
    public static Map<BiasMetric, Double> postTraining(boolean[] label, boolean[] predicted, boolean[] facet,
                                                       String @Nullable [] groups, double @Nullable [] features,
                                                       int width, JobContext ctx) {
        var out = new EnumMap<BiasMetric, Double>(BiasMetric.class);
        Confusion a = Confusion.of(label, predicted, facet, false);
        Confusion d = Confusion.of(label, predicted, facet, true);
        double qa = ratio(a.tp + a.fp, a.n());
        double qd = ratio(d.tp + d.fp, d.n());
        out.put(BiasMetric.DPPL, qa - qd);
        out.put(BiasMetric.DI, ratio(qd, qa));
        out.put(BiasMetric.DCA, ratio(a.tp + a.fn, a.tp + a.fp) - ratio(d.tp + d.fn, d.tp + d.fp));
        out.put(BiasMetric.DCR, ratio(d.tn + d.fp, d.tn + d.fn) - ratio(a.tn + a.fp, a.tn + a.fn));
        out.put(BiasMetric.SD, ratio(d.tn, d.tn + d.fp) - ratio(a.tn, a.tn + a.fp));
        out.put(BiasMetric.RD, ratio(a.tp, a.tp + a.fn) - ratio(d.tp, d.tp + d.fn));
        out.put(BiasMetric.DAR, ratio(a.tp, a.tp + a.fp) - ratio(d.tp, d.tp + d.fp));
        out.put(BiasMetric.DRR, ratio(d.tn, d.tn + d.fn) - ratio(a.tn, a.tn + a.fn));
        out.put(BiasMetric.AD, ratio(a.tp + a.tn, a.n()) - ratio(d.tp + d.tn, d.n()));
        out.put(BiasMetric.TE, ratio(d.fn, d.fp) - ratio(a.fn, a.fp));
        out.put(BiasMetric.CDDPL, conditionalDisparity(predicted, facet, groups));
        out.put(BiasMetric.FT, features == null ? Double.NaN
                : flipTest(predicted, facet, features, width, FLIP_TEST_NEIGHBOURS, ctx));
        out.put(BiasMetric.GE, generalizedEntropy(label, predicted));
        return out;
    }

    /// Conditional demographic disparity: `(1/n) Σ n_i DD_i` over the subgroups `i` of `groups`, with
    /// `DD = n_d(0)/n(0) − n_d(1)/n(1)`. Subgroups where DD is undefined (no negative or no positive outcome) are
    /// left out, and `n` counts only the subgroups used. NaN if no subgroup qualifies.
    static double conditionalDisparity(boolean[] outcome, boolean[] facet, String @Nullable [] groups) {
        Map<String, long[]> perGroup = new HashMap<>();
        for (int i = 0; i < outcome.length; i++) {
            String g = groups == null ? "" : groups[i];
            long[] k = perGroup.computeIfAbsent(g, _ -> new long[4]);
            // k = {negatives, negatives in d, positives, positives in d}
            if (outcome[i]) {
                k[2]++;
                if (facet[i]) {
                    k[3]++;
                }
            } else {
                k[0]++;
                if (facet[i]) {
                    k[1]++;
                }
            }
        }
        double sum = 0;
        long n = 0;
        for (long[] k : perGroup.values()) {
            if (k[0] == 0 || k[2] == 0) {
                continue;
            }
            double dd = (double) k[1] / k[0] - (double) k[3] / k[2];
            long size = k[0] + k[2];
            sum += size * dd;
            n += size;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /// Flip test: for every row of `d`, the majority prediction of its `k` nearest rows of `a` (Euclidean distance
    /// on `features`, each column scaled to unit standard deviation); `(F+ − F−) / n_d`.
    static double flipTest(boolean[] predicted, boolean[] facet, double[] features, int width, int k, JobContext ctx) {
        int n = predicted.length;
        double[] scale = new double[width];
        for (int j = 0; j < width; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += features[i * width + j];
            }
            mean /= Math.max(1, n);
            double var = 0;
            for (int i = 0; i < n; i++) {
                double dv = features[i * width + j] - mean;
                var += dv * dv;
            }
            double sd = Math.sqrt(var / Math.max(1, n));
            scale[j] = sd > 0 ? 1 / sd : 0;
        }
        int[] others = java.util.stream.IntStream.range(0, n).filter(i -> !facet[i]).toArray();
        int kk = Math.min(k, others.length);
        if (kk == 0) {
            return Double.NaN;
        }
        long flipPlus = 0;
        long flipMinus = 0;
        long nd = 0;
        double[] bestDist = new double[kk];
        int[] bestIdx = new int[kk];
        for (int i = 0; i < n; i++) {
            if (!facet[i]) {
                continue;
            }
            ctx.throwIfCancelled();
            nd++;
            java.util.Arrays.fill(bestDist, Double.POSITIVE_INFINITY);
            for (int o : others) {
                double dist = 0;
                for (int j = 0; j < width; j++) {
                    double dv = (features[i * width + j] - features[o * width + j]) * scale[j];
                    dist += dv * dv;
                }
                if (dist < bestDist[kk - 1]) {
                    int p = kk - 1;
                    while (p > 0 && bestDist[p - 1] > dist) {
                        bestDist[p] = bestDist[p - 1];
                        bestIdx[p] = bestIdx[p - 1];
                        p--;
                    }
                    bestDist[p] = dist;
                    bestIdx[p] = o;
                }
            }
            int positives = 0;
            for (int p = 0; p < kk; p++) {
                if (predicted[bestIdx[p]]) {
                    positives++;
                }
            }
            boolean neighboursPositive = 2 * positives > kk;
            boolean neighboursNegative = 2 * positives < kk;
            if (!predicted[i] && neighboursPositive) {
                flipPlus++;
            } else if (predicted[i] && neighboursNegative) {
                flipMinus++;
            }
        }
        return nd == 0 ? Double.NaN : (double) (flipPlus - flipMinus) / nd;
    }

    /// Generalized entropy index with α = 2 over all rows: `b_i = ŷ_i − y_i + 1`,
    /// `GE = 1/(2n) Σ ((b_i/μ)² − 1)`. NaN when μ = 0 or there are no rows.
    static double generalizedEntropy(boolean[] label, boolean[] predicted) {
        int n = label.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (predicted[i] ? 1 : 0) - (label[i] ? 1 : 0) + 1;
        }
        double mu = sum / n;
        if (n == 0 || mu == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double b = (predicted[i] ? 1 : 0) - (label[i] ? 1 : 0) + 1;
            total += (b / mu) * (b / mu) - 1;
        }
        return total / (2.0 * n);
    }

    /// Kullback–Leibler divergence of two discrete distributions; +∞ where `p > 0` meets `q = 0`, NaN if either
    /// is undefined.
    static double kl(double[] p, double[] q) {
        double sum = 0;
        for (int y = 0; y < p.length; y++) {
            if (Double.isNaN(p[y]) || Double.isNaN(q[y])) {
                return Double.NaN;
            }
            if (p[y] > 0) {
                if (q[y] == 0) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += p[y] * Math.log(p[y] / q[y]);
            }
        }
        return Math.max(0, sum);
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }

    /// Group sizes and positives of facets a and d.
    private record Counts(long na, long nd, long posA, long posD) {
        static Counts of(boolean[] label, boolean[] facet) {
            long na = 0;
            long nd = 0;
            long posA = 0;
            long posD = 0;
            for (int i = 0; i < label.length; i++) {
                if (facet[i]) {
                    nd++;
                    posD += label[i] ? 1 : 0;
                } else {
                    na++;
                    posA += label[i] ? 1 : 0;
                }
            }
            return new Counts(na, nd, posA, posD);
        }
    }

    /// A facet's confusion counts (positive = favourable outcome).
    record Confusion(long tp, long fp, long tn, long fn) {
        long n() {
            return tp + fp + tn + fn;
        }

        static Confusion of(boolean[] label, boolean[] predicted, boolean[] facet, boolean inFacet) {
            long tp = 0;
            long fp = 0;
            long tn = 0;
            long fn = 0;
            for (int i = 0; i < label.length; i++) {
                if (facet[i] != inFacet) {
                    continue;
                }
                if (predicted[i]) {
                    if (label[i]) {
                        tp++;
                    } else {
                        fp++;
                    }
                } else if (label[i]) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Confusion(tp, fp, tn, fn);
        }
    }
}
