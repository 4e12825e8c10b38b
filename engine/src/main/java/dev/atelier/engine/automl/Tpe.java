package dev.atelier.engine.automl;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/// Proposes configurations by random search and by the Tree-structured Parzen Estimator (Bergstra et al., 2011),
/// as Hyperopt and Optuna do.
///
/// TPE splits the trials seen so far into the best `γ` share ("good", `γ = 0.25`, at most 25 trials) and the rest
/// ("bad"), fits one Parzen density per dimension to each group — truncated Gaussian kernels on the dimension's
/// internal coordinate (log scale for log ranges) with a bandwidth from the distance to neighbouring points plus a
/// wide prior kernel; smoothed category frequencies for choices — draws [#CANDIDATES] values from the good density
/// `l(x)` and keeps the one with the largest `l(x) / g(x)`. Dimensions are treated independently (Hyperopt's
/// default). Until [#STARTUP] trials exist it samples uniformly.
///
/// Stateless and thread-safe: every random choice comes from the generator passed in.
public final class Tpe {
    /// Random trials before TPE takes over.
    public static final int STARTUP = 5;
    /// Values drawn from the good density per dimension.
    public static final int CANDIDATES = 24;
    private static final double GAMMA = 0.25;

    /// A trial seen: its internal coordinates (NaN where unset) and its loss (lower is better).
    public record Observation(double[] x, double loss) {
        public Observation {
            x = x.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }
    }

    private Tpe() {
    }

    /// Uniform random coordinates in every dimension's range (log ranges uniform in the logarithm).
    public static double[] random(List<Dimension> dims, RandomGenerator rng) {
        double[] x = new double[dims.size()];
        for (int i = 0; i < x.length; i++) {
            Dimension d = dims.get(i);
            x[i] = d instanceof Dimension.Choice c ? rng.nextInt(c.choices().size())
                    : d.low() + rng.nextDouble() * (d.high() - d.low());
        }
        return x;
    }

    /// The next coordinates to try given `history` (random while it has fewer than [#STARTUP] finite losses).
    public static double[] propose(List<Dimension> dims, List<Observation> history, RandomGenerator rng) {
        List<Observation> seen = history.stream().filter(o -> Double.isFinite(o.loss()))
                .sorted(Comparator.comparingDouble(Observation::loss)).toList();
        if (seen.size() < STARTUP || dims.isEmpty()) {
            return random(dims, rng);
        }
        int nGood = Math.min(25, (int) Math.ceil(GAMMA * seen.size()));
        List<Observation> good = seen.subList(0, nGood);
        List<Observation> bad = seen.subList(nGood, seen.size());
        double[] x = new double[dims.size()];
        for (int i = 0; i < x.length; i++) {
            Dimension d = dims.get(i);
            double[] g = column(good, i);
            double[] b = column(bad, i);
            x[i] = d instanceof Dimension.Choice c ? proposeChoice(c, g, b, rng) : proposeNumeric(d, g, b, rng);
        }
        return x;
    }

    private static double[] column(List<Observation> obs, int i) {
        return obs.stream().mapToDouble(o -> o.x[i]).filter(Double::isFinite).toArray();
    }

    private static double proposeChoice(Dimension.Choice c, double[] good, double[] bad, RandomGenerator rng) {
        int k = c.choices().size();
        double[] l = weights(c, good, k);
        double[] g = weights(c, bad, k);
        double best = Double.NEGATIVE_INFINITY;
        int pick = 0;
        for (int s = 0; s < CANDIDATES; s++) {
            int idx = sample(l, rng);
            double score = Math.log(l[idx]) - Math.log(g[idx]);
            if (score > best) {
                best = score;
                pick = idx;
            }
        }
        return pick;
    }

    /// Category frequencies smoothed with one prior count spread over the choices.
    static double[] weights(Dimension.Choice c, double[] values, int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        for (double v : values) {
            w[c.index(v)] += 1;
        }
        double sum = Arrays.stream(w).sum();
        for (int i = 0; i < k; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static int sample(double[] p, RandomGenerator rng) {
        double u = rng.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static double proposeNumeric(Dimension d, double[] good, double[] bad, RandomGenerator rng) {
        Parzen l = Parzen.fit(good, d.low(), d.high());
        Parzen g = Parzen.fit(bad, d.low(), d.high());
        double best = Double.NEGATIVE_INFINITY;
        double pick = l.sample(rng);
        for (int s = 0; s < CANDIDATES; s++) {
            double v = l.sample(rng);
            double score = l.logDensity(v) - g.logDensity(v);
            if (score > best) {
                best = score;
                pick = v;
            }
        }
        return pick;
    }

    /// A mixture of Gaussians truncated to `[low, high]`: one kernel per observation plus a prior kernel at the
    /// middle as wide as the range, equally weighted.
    record Parzen(double[] mu, double[] sigma, double low, double high) {
        static Parzen fit(double[] points, double low, double high) {
            double range = high - low;
            double[] sorted = points.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double[] mu = new double[n + 1];
            double[] sigma = new double[n + 1];
            double minSigma = range / Math.min(100.0, 1.0 + n);
            for (int i = 0; i < n; i++) {
                double left = i > 0 ? sorted[i] - sorted[i - 1] : sorted[i] - low;
                double right = i < n - 1 ? sorted[i + 1] - sorted[i] : high - sorted[i];
                mu[i] = sorted[i];
                sigma[i] = Math.clamp(Math.max(left, right), minSigma, range);
            }
            mu[n] = (low + high) / 2;
            sigma[n] = range;
            return new Parzen(mu, sigma, low, high);
        }

        double sample(RandomGenerator rng) {
            int k = rng.nextInt(mu.length);
            for (int attempt = 0; attempt < 100; attempt++) {
                double v = mu[k] + sigma[k] * rng.nextGaussian();
                if (v >= low && v <= high) {
                    return v;
                }
            }
            return Math.clamp(mu[k], low, high);
        }

        double logDensity(double x) {
            double p = 0;
            for (int k = 0; k < mu.length; k++) {
                double z = (x - mu[k]) / sigma[k];
                double mass = phi((high - mu[k]) / sigma[k]) - phi((low - mu[k]) / sigma[k]);
                p += Math.exp(-0.5 * z * z) / (sigma[k] * Math.sqrt(2 * Math.PI)) / Math.max(mass, 1e-12);
            }
            return Math.log(p / mu.length + 1e-300);
        }
    }

    /// The standard normal distribution function (Abramowitz & Stegun 26.2.17, error < 7.5e-8).
    static double phi(double z) {
        if (z < -8) {
            return 0;
        }
        if (z > 8) {
            return 1;
        }
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        double tail = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - tail : tail;
    }
}
