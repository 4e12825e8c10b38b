package dev.atelier.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ShapExplainerTest {
    private static final Dataset CHURN = SyntheticData.logistic(300, 3, false);
    private static final Model XGB = fit("xgboost", Map.of("num_round", "20"));
    private static final Model LINEAR = fit("linear-learner", Map.of());

    private static Model fit(String algorithm, Map<String, String> hp) {
        Learners learners = Learners.builtIn();
        LearnerSpec spec = LearnerSpec.of(learners.catalog(), algorithm, ProblemType.BINARY_CLASSIFICATION, "churn",
                hp, 1);
        return learners.require(algorithm).fit(TrainingData.of(CHURN), spec, JobContext.silent(), TrainingListener.NONE);
    }

    @Test
    void enumeratedKernelRegressionEqualsTheShapleyFormula() {
        int m = 4;
        var random = new SplittableRandom(7);
        double[] value = new double[1 << m]; // v(S) for every subset, bit j = column j present
        for (int s = 0; s < value.length; s++) {
            value[s] = random.nextDouble() * 10 - 5;
        }
        boolean[][] masks = ShapExplainer.coalitions(m, 1000, 0);
        assertThat(masks.length).isEqualTo((1 << m) - 2);
        double[] v = new double[masks.length];
        for (int s = 0; s < masks.length; s++) {
            v[s] = value[bits(masks[s])];
        }
        double[] phi = ShapExplainer.solve(masks, ShapExplainer.kernelWeights(masks, m), v, value[0],
                value[(1 << m) - 1], m);
        for (int j = 0; j < m; j++) {
            double exact = 0;
            for (int s = 0; s < 1 << m; s++) {
                if ((s >> j & 1) == 1) {
                    continue;
                }
                int size = Integer.bitCount(s);
                exact += factorial(size) * factorial(m - size - 1) / factorial(m) * (value[s | 1 << j] - value[s]);
            }
            assertThat(phi[j]).as("column %d", j).isCloseTo(exact, within(1e-6));
        }
    }

    @Property(tries = 8)
    void kernelShapIsAdditive(@ForAll @IntRange(min = 0, max = 299) int row, @ForAll @LongRange(min = 0, max = 99) long seed) {
        for (Model model : new Model[] {XGB, LINEAR}) {
            for (ShapExplainer.Scale scale : ShapExplainer.Scale.values()) {
                ShapValues s = ShapExplainer.explain(model, CHURN, new int[] {row},
                        new ShapExplainer.Options(ShapExplainer.Method.KERNEL, scale, -1, 200, 5, seed),
                        JobContext.silent());
                assertThat(s.columns()).doesNotContain("id", "churn");
                assertThat(s.base()[0] + sum(s, 0)).isCloseTo(s.prediction()[0], within(1e-3));
            }
        }
    }

    @Property(tries = 20)
    void treeShapIsAdditiveOnTheLogitScale(@ForAll @IntRange(min = 0, max = 299) int row) {
        ShapValues s = ShapExplainer.explain(XGB, CHURN, new int[] {row},
                new ShapExplainer.Options(ShapExplainer.Method.AUTO, ShapExplainer.Scale.LOGIT, -1, 0, 5, 0),
                JobContext.silent());
        assertThat(s.method()).isEqualTo("tree");
        assertThat(s.base()[0] + sum(s, 0)).isCloseTo(s.prediction()[0], within(1e-5));
        double p = XGB.predict(CHURN.rows(new int[] {row})).probability(0, 1);
        assertThat(s.prediction()[0]).isCloseTo(Math.log(p / (1 - p)), within(1e-4));
    }

    @Property(tries = 20)
    void linearShapIsAdditiveAndMatchesKernelShapOnX1(@ForAll @IntRange(min = 0, max = 299) int row) {
        ShapValues linear = ShapExplainer.explain(LINEAR, CHURN, new int[] {row},
                new ShapExplainer.Options(ShapExplainer.Method.AUTO, ShapExplainer.Scale.LOGIT, -1, 0, 5, 0),
                JobContext.silent());
        assertThat(linear.method()).isEqualTo("linear");
        assertThat(linear.base()[0] + sum(linear, 0)).isCloseTo(linear.prediction()[0], within(1e-6));
        // a linear margin has no interactions: the x1 attribution is w·(x1 − mean x1), whatever the other columns
        ShapValues kernel = ShapExplainer.explain(LINEAR, CHURN, new int[] {row},
                new ShapExplainer.Options(ShapExplainer.Method.KERNEL, ShapExplainer.Scale.LOGIT, -1, 2048, 300, 0),
                JobContext.silent());
        int x1 = linear.columns().indexOf("x1");
        assertThat(kernel.value(0, x1)).isCloseTo(linear.value(0, x1), within(0.05 + 0.05 * Math.abs(linear.value(0, x1))));
    }

    @Test
    void theNoiseColumnMattersLeast() {
        int[] rows = java.util.stream.IntStream.range(0, 40).toArray();
        ShapValues tree = ShapExplainer.explain(XGB, CHURN, rows,
                new ShapExplainer.Options(ShapExplainer.Method.TREE, ShapExplainer.Scale.LOGIT, -1, 0, 5, 0),
                JobContext.silent());
        ShapValues kernel = ShapExplainer.explain(LINEAR, CHURN, rows,
                new ShapExplainer.Options(ShapExplainer.Method.KERNEL, ShapExplainer.Scale.LOGIT, -1, 2048, 8, 0),
                JobContext.silent());
        for (ShapValues s : new ShapValues[] {tree, kernel}) {
            int noise = s.columns().indexOf("noise");
            int x1 = s.columns().indexOf("x1");
            assertThat(meanAbs(s, noise)).as(s.method()).isLessThan(meanAbs(s, x1));
        }
    }

    private static double meanAbs(ShapValues s, int column) {
        double t = 0;
        for (int r = 0; r < s.rows(); r++) {
            t += Math.abs(s.value(r, column));
        }
        return t / s.rows();
    }

    private static double sum(ShapValues s, int row) {
        double t = 0;
        for (int j = 0; j < s.columns().size(); j++) {
            t += s.value(row, j);
        }
        return t;
    }

    private static int bits(boolean[] mask) {
        int s = 0;
        for (int j = 0; j < mask.length; j++) {
            s |= mask[j] ? 1 << j : 0;
        }
        return s;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
