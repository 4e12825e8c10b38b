package dev.atelier.sampledata.generate;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// The random draws the sample generators make, built only on `nextLong()` of one seeded
/// `L64X128MixRandom` stream and on `StrictMath`, so the same seed gives bit-identical values on every JDK,
/// operating system and CPU. (`RandomGenerator`'s own `nextGaussian` and bounded methods are not used: their
/// algorithms are implementation details that may change between JDK releases.)
final class Draws {
    private static final double TWO_PI = 2 * StrictMath.PI;

    private final RandomGenerator rng;

    private Draws(RandomGenerator rng) {
        this.rng = rng;
    }

    /// A fresh stream for `seed`.
    static Draws seeded(long seed) {
        return new Draws(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
    }

    /// Uniform on [0, 1).
    double uniform() {
        return (rng.nextLong() >>> 11) * 0x1.0p-53;
    }

    /// Uniform on the open interval (0, 1); safe to take the logarithm of.
    double open01() {
        return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /// Uniform on [lo, hi).
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /// A uniform integer in [lo, hi] (both inclusive).
    int intBetween(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        return lo + (int) StrictMath.floor(uniform() * ((long) hi - lo + 1));
    }

    /// `true` with probability `p`.
    boolean chance(double p) {
        return uniform() < p;
    }

    /// A standard normal value (Box–Muller, cosine branch only: one value per call).
    double gaussian() {
        double radius = StrictMath.sqrt(-2 * StrictMath.log(open01()));
        return radius * StrictMath.cos(TWO_PI * uniform());
    }

    /// A normal value with the given mean and standard deviation.
    double gaussian(double mean, double sd) {
        return mean + sd * gaussian();
    }

    /// A normal value redrawn until it lies in [lo, hi].
    double truncatedGaussian(double mean, double sd, double lo, double hi) {
        while (true) {
            double x = gaussian(mean, sd);
            if (x >= lo && x <= hi) {
                return x;
            }
        }
    }

    /// A standard logistic value (location 0, scale 1).
    double logistic() {
        double u = open01();
        return StrictMath.log(u / (1 - u));
    }

    /// An exponential value with the given mean.
    double exponential(double mean) {
        return -mean * StrictMath.log(open01());
    }

    /// A Poisson count with mean `lambda` (Knuth's product method; fine for λ up to a few hundred).
    int poisson(double lambda) {
        if (!(lambda >= 0 && lambda < 700)) {
            throw new IllegalArgumentException("lambda out of range: " + lambda);
        }
        double limit = StrictMath.exp(-lambda);
        int k = 0;
        double product = uniform();
        while (product > limit) {
            k++;
            product *= uniform();
        }
        return k;
    }

    /// The index of one of `weights`, chosen with probability proportional to its weight.
    int pick(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = uniform() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /// One of `values`, chosen with the probabilities in `weights` (same order).
    <T> T pick(List<T> values, double... weights) {
        Objects.requireNonNull(values, "values");
        if (values.size() != weights.length) {
            throw new IllegalArgumentException(values.size() + " values but " + weights.length + " weights");
        }
        return values.get(pick(weights));
    }
}
