package dev.atelier.engine.learn.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/// Random projections roughly preserve distances (Johnson–Lindenstrauss).
class ProjectionTest {
    private static final int D = 500;
    private static final int TARGET = 200;

    private static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    private static Projection projection(String type, long seed) {
        return type.equals("sign") ? Projection.sign(D, TARGET, random(seed)) : Projection.fjlt(D, TARGET, random(seed));
    }

    /// The squared distance of two rows after projection over the squared distance before.
    private static double ratio(Projection p, double[] pair) {
        double[] y = p.apply(pair, 2);
        return KnnIndex.l2(y, 0, y, TARGET, TARGET) / KnnIndex.l2(pair, 0, pair, D, D);
    }

    private static double[] pair(long seed, boolean sparse) {
        RandomGenerator r = random(seed);
        double[] x = new double[2 * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = sparse ? (r.nextDouble() < 0.05 ? 1 : 0) : r.nextGaussian() * (1 + i % 7);
        }
        return x;
    }

    @Property(tries = 60)
    void projectedSquaredDistancesStayWithinAFactorOfTwo(@ForAll("types") String type, @ForAll long seed,
                                                         @ForAll long dataSeed, @ForAll boolean sparse) {
        double ratio = ratio(projection(type, seed), pair(dataSeed, sparse));
        assertThat(ratio).isBetween(0.5, 1.6);   // ~5 standard deviations (σ² = 2/target) either side of 1
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> types() {
        return net.jqwik.api.Arbitraries.of("sign", "fjlt");
    }

    @Test
    void projectedSquaredDistancesAreUnbiasedOnAverage() {
        for (String type : new String[] {"sign", "fjlt"}) {
            double sum = 0;
            int n = 300;
            for (int i = 0; i < n; i++) {
                sum += ratio(projection(type, 1000 + i), pair(i, i % 2 == 0));
            }
            assertThat(sum / n).as(type).isCloseTo(1.0, within(0.04));
        }
    }

    @Test
    void walshHadamardTwiceIsTheIdentityTimesTheLength() {
        double[] z = {1, -2, 3.5, 0, 7, 1, 1, 2};
        double[] w = z.clone();
        Projection.walshHadamard(w);
        Projection.walshHadamard(w);
        for (int i = 0; i < z.length; i++) {
            assertThat(w[i]).isCloseTo(8 * z[i], within(1e-12));
        }
    }
}
