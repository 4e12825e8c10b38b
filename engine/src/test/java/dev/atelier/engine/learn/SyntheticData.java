package dev.atelier.engine.learn;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// Seeded generators of tabular data with known structure, for learner tests.
public final class SyntheticData {
    private static final String[] REGIONS = {"north", "south", "east", "west"};

    private SyntheticData() {
    }

    private static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /// A binary target `churn` ("no"/"yes") drawn from a logistic model of x1..x3 and `region`, plus an ID column,
    /// a noise column and (when `missing`) about 10 % missing cells in x2 and region.
    public static Dataset logistic(int rows, long seed, boolean missing) {
        RandomGenerator r = random(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] x3 = new double[rows];
        double[] noise = new double[rows];
        String[] region = new String[rows];
        String[] id = new String[rows];
        String[] y = new String[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian() * 2 + 1;
            x3[i] = r.nextDouble() * 10;
            noise[i] = r.nextGaussian();
            region[i] = REGIONS[r.nextInt(REGIONS.length)];
            id[i] = "c" + i;
            double logit = 2.0 * x1[i] - 1.0 * (x2[i] - 1) + 0.3 * (x3[i] - 5)
                    + (region[i].equals("north") ? 1.0 : region[i].equals("west") ? -1.0 : 0);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "yes" : "no";
            if (missing && r.nextDouble() < 0.1) {
                x2[i] = Double.NaN;
            }
            if (missing && r.nextDouble() < 0.1) {
                region[i] = null;
            }
        }
        return Dataset.builder("logistic").text("id", id).numeric("x1", x1).numeric("x2", x2).numeric("x3", x3)
                .numeric("noise", noise).categorical("region", region).categorical("churn", y)
                .role("id", ColumnRole.ID).target("churn").build();
    }

    /// A regression target `y = 3·x1 − 2·x2 + 0.5·x3 + N(0, 0.3²)`, plus a boolean column with a small effect.
    public static Dataset linear(int rows, long seed) {
        RandomGenerator r = random(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] x3 = new double[rows];
        Boolean[] flag = new Boolean[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            x3[i] = r.nextDouble() * 4;
            flag[i] = r.nextBoolean();
            y[i] = 3 * x1[i] - 2 * x2[i] + 0.5 * x3[i] + (flag[i] ? 0.5 : 0) + r.nextGaussian() * 0.3 + 10;
        }
        return Dataset.builder("linear").numeric("x1", x1).numeric("x2", x2).numeric("x3", x3).bool("flag", flag)
                .numeric("y", y).target("y").build();
    }

    /// A three-class target `kind` ("a", "b", "c"): the argmax of three linear scores of x1, x2 plus noise.
    public static Dataset multiclass(int rows, long seed) {
        RandomGenerator r = random(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        String[] y = new String[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            double a = 2 * x1[i] + r.nextGaussian() * 0.3;
            double b = -x1[i] + 1.7 * x2[i] + r.nextGaussian() * 0.3;
            double c = -x1[i] - 1.7 * x2[i] + r.nextGaussian() * 0.3;
            y[i] = a >= b && a >= c ? "a" : b >= c ? "b" : "c";
        }
        return Dataset.builder("multiclass").numeric("x1", x1).numeric("x2", x2).categorical("kind", y)
                .target("kind").build();
    }
}
