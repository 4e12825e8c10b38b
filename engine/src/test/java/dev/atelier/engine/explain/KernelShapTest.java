package dev.atelier.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.EnsembleLearner;
import dev.atelier.engine.automl.EnsembleModel;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelShapTest {
    private static final Dataset CHURN = SyntheticData.logistic(300, 4, true);

    private static Model fit(String algorithm, Map<String, String> hp) {
        Learners learners = Learners.builtIn();
        LearnerSpec spec = LearnerSpec.of(learners.catalog(), algorithm, ProblemType.BINARY_CLASSIFICATION, "churn",
                hp, 1);
        return learners.require(algorithm).fit(TrainingData.of(CHURN), spec, JobContext.silent(),
                TrainingListener.NONE);
    }

    private static ShapValues kernel(Model model, int[] rows, int samples, ShapExplainer.Scale scale) {
        return ShapExplainer.explain(model, CHURN, rows,
                new ShapExplainer.Options(ShapExplainer.Method.KERNEL, scale, -1, samples, 8, 3), JobContext.silent());
    }

    @Test
    void theSharedProjectionGivesTheSameSolutionAsTheDirectSolve() {
        var r = new SplittableRandom(5);
        for (int m : new int[] {2, 5, 9}) {
            boolean[][] masks = ShapExplainer.coalitions(m, 60, 7);   // sampled for m = 9, enumerated otherwise
            double[] w = ShapExplainer.kernelWeights(masks, m);
            double[][] p = KernelShap.projection(masks, w, m);
            double[] v = new double[masks.length];
            for (int s = 0; s < v.length; s++) {
                v[s] = r.nextDouble() * 4 - 2;
            }
            double expected = 0.3;
            double fx = 1.7;
            double[] direct = ShapExplainer.solve(masks, w, v, expected, fx, m);
            double rest = 0;
            for (int j = 0; j < m - 1; j++) {
                double phi = 0;
                for (int s = 0; s < v.length; s++) {
                    phi += p[j][s] * (v[s] - expected - (masks[s][m - 1] ? fx - expected : 0));
                }
                assertThat(phi).as("m %d column %d", m, j).isCloseTo(direct[j], within(1e-9));
                rest += phi;
            }
            assertThat(fx - expected - rest).isCloseTo(direct[m - 1], within(1e-9));
        }
    }

    @Test
    void aRowGetsTheSameValuesAloneAsInABatchAndRunsAreDeterministic() {
        Model forest = fit("random-forest", Map.of("n_estimators", "10", "max_depth", "4"));
        Model knn = fit("knn", Map.of("k", "5"));   // predicts only from datasets: mixed dataset rows
        Learners learners = Learners.builtIn();
        LearnerSpec es = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, ProblemType.BINARY_CLASSIFICATION,
                "churn", Map.of("members", "random-forest,knn"), 1);
        Model ensemble = new EnsembleModel(new ModelHeader(es, List.of("no", "yes")), List.of(forest, knn),
                new double[] {2, 1});
        int[] batch = new int[40];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (i * 7) % 300;
        }
        for (Model model : new Model[] {forest, knn, ensemble}) {
            for (ShapExplainer.Scale scale : ShapExplainer.Scale.values()) {
                ShapValues all = kernel(model, batch, 0, scale);
                assertThat(kernel(model, batch, 0, scale)).usingRecursiveComparison().isEqualTo(all);
                for (int i : new int[] {0, 13, 39}) {
                    ShapValues one = kernel(model, new int[] {batch[i]}, 0, scale);
                    assertThat(one.base()[0]).isEqualTo(all.base()[i]);
                    assertThat(one.prediction()[0]).isEqualTo(all.prediction()[i]);
                    double sum = one.base()[0];
                    for (int j = 0; j < one.columns().size(); j++) {
                        assertThat(one.value(0, j)).as("%s row %d column %d", model.header().algorithm(), i, j)
                                .isCloseTo(all.value(i, j), within(1e-9));
                        sum += one.value(0, j);
                    }
                    assertThat(sum).isCloseTo(one.prediction()[0], within(1e-9));
                }
            }
        }
    }
}
