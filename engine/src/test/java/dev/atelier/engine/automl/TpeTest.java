package dev.atelier.engine.automl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TpeTest {
    private static final List<Dimension> SPACE = List.of(
            new Dimension.Real("eta", 1e-4, 1, true),
            new Dimension.Real("subsample", 0.5, 1, false),
            new Dimension.Int("max_depth", 2, 12, false),
            new Dimension.Int("num_round", 10, 1000, true),
            new Dimension.Choice("booster", List.of("gbtree", "gblinear", "dart")));

    private static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /// A synthetic objective with its optimum at eta = 0.01, subsample = 0.8, max_depth = 7, num_round = 200,
    /// booster = dart (loss 0).
    private static double loss(double[] x) {
        double eta = Math.log10(Double.parseDouble(SPACE.get(0).format(x[0])));
        double sub = Double.parseDouble(SPACE.get(1).format(x[1]));
        long depth = Long.parseLong(SPACE.get(2).format(x[2]));
        double rounds = Math.log10(Long.parseLong(SPACE.get(3).format(x[3])));
        String booster = SPACE.get(4).format(x[4]);
        return (eta + 2) * (eta + 2) + 10 * (sub - 0.8) * (sub - 0.8) + (depth - 7) * (depth - 7) / 10.0
                + (rounds - Math.log10(200)) * (rounds - Math.log10(200)) + (booster.equals("dart") ? 0 : 1);
    }

    @Property(tries = 50)
    void proposalsStayInsideEveryRange(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int seen) {
        RandomGenerator r = rng(seed);
        var history = new ArrayList<Tpe.Observation>();
        for (int i = 0; i < seen; i++) {
            double[] x = Tpe.random(SPACE, r);
            history.add(new Tpe.Observation(x, r.nextDouble()));
        }
        double[] x = Tpe.propose(SPACE, history, r);
        for (int i = 0; i < SPACE.size(); i++) {
            Dimension d = SPACE.get(i);
            assertThat(x[i]).isBetween(d.low(), d.high());
            assertThat(d.coordinate(d.format(x[i]))).as(d.name()).isNotNaN();
        }
        Map<String, String> config = new SearchSpace("xgboost", SPACE, Map.of(), Map.of()).config(x);
        assertThat(Double.parseDouble(config.get("eta"))).isBetween(1e-4, 1.0);
        assertThat(Long.parseLong(config.get("max_depth"))).isBetween(2L, 12L);
        assertThat(Long.parseLong(config.get("num_round"))).isBetween(10L, 1000L);
        assertThat(config.get("booster")).isIn("gbtree", "gblinear", "dart");
    }

    @Test
    void concentratesNearTheOptimumBetterThanRandomSearch() {
        int wins = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double tpe = search(seed, true);
            double random = search(seed, false);
            wins += tpe < random ? 1 : 0;
        }
        assertThat(wins).isGreaterThanOrEqualTo(4);
    }

    /// The median loss of the last 20 of 80 proposals.
    private static double search(long seed, boolean tpe) {
        RandomGenerator r = rng(seed);
        var history = new ArrayList<Tpe.Observation>();
        double[] last = new double[20];
        for (int i = 0; i < 80; i++) {
            double[] x = tpe ? Tpe.propose(SPACE, history, r) : Tpe.random(SPACE, r);
            double l = loss(x);
            history.add(new Tpe.Observation(x, l));
            if (i >= 60) {
                last[i - 60] = l;
            }
        }
        Arrays.sort(last);
        return last[10];
    }

    @Test
    void choiceWeightsFavourWhatWorked() {
        var c = new Dimension.Choice("booster", List.of("a", "b", "c"));
        double[] w = Tpe.weights(c, new double[] {2, 2, 2, 1}, 3);
        assertThat(w[2]).isGreaterThan(w[1]).isGreaterThan(w[0]);
        assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void normalDistributionFunctionIsAccurate() {
        assertThat(Tpe.phi(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(Tpe.phi(1.96)).isCloseTo(0.9750021, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Tpe.phi(-1)).isCloseTo(0.1586553, org.assertj.core.data.Offset.offset(1e-6));
    }
}
