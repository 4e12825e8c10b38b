package dev.atelier.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {
    @Test
    void mapeAndMacroAuc() {
        assertThat(Metrics.mape(new double[] {100, 200, 0}, new double[] {110, 180, 5})).isCloseTo(0.1, offset(1e-12));
        // class 0 perfectly ranked, class 1 and 2 perfectly ranked too
        int[] truth = {0, 1, 2, 0};
        double[] p = {0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8, 0.7, 0.2, 0.1};
        assertThat(Metrics.macroAuc(truth, p, 3)).isEqualTo(1.0);
    }

    @Test
    void rocAndPrecisionRecallCurves() {
        int[] truth = {1, 0, 1, 0};
        double[] s = {0.9, 0.8, 0.4, 0.1};
        List<Metrics.CurvePoint> roc = Metrics.roc(truth, s);
        assertThat(roc.getFirst()).extracting(Metrics.CurvePoint::x, Metrics.CurvePoint::y).containsExactly(0.0, 0.0);
        assertThat(roc.getLast()).extracting(Metrics.CurvePoint::x, Metrics.CurvePoint::y).containsExactly(1.0, 1.0);
        assertThat(roc).hasSize(5);
        List<Metrics.CurvePoint> pr = Metrics.precisionRecall(truth, s);
        assertThat(pr.getFirst()).extracting(Metrics.CurvePoint::x, Metrics.CurvePoint::y).containsExactly(0.5, 1.0);
        assertThat(pr.getLast().x()).isEqualTo(1.0);
        assertThat(pr.getLast().y()).isEqualTo(0.5);
    }

    @Test
    void reportHasConfusionMatrixAndResiduals() {
        Dataset d = Dataset.builder("d").categorical("y", "a", "b", "b", "a").build();
        Predictions p = Predictions.mostProbable(List.of("a", "b"), new double[] {0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.3, 0.7});
        EvaluationReport r = Evaluator.report(p, d, "y");
        assertThat(r.confusion()).isEqualTo(new long[][] {{1, 1}, {1, 1}});
        assertThat(r.metrics()).containsEntry("accuracy", 0.5);
        assertThat(r.roc()).isNotEmpty();

        Dataset reg = Dataset.builder("r").numeric("y", 1, 2, 4).build();
        EvaluationReport rr = Evaluator.report(Predictions.regression(new double[] {1.5, 2, 3}), reg, "y");
        assertThat(rr.residuals()).containsExactly(-0.5, 0, 1);
        assertThat(rr.metrics()).containsKeys("rmse", "mae", "r2", "mape", "mse");
    }

    @Test
    void permutationImportanceFindsTheColumnsThatMatter() {
        Dataset data = SyntheticData.linear(400, 2);
        Learners learners = Learners.builtIn();
        LearnerSpec spec = LearnerSpec.of(learners.catalog(), "linear-learner", ProblemType.REGRESSION, "y",
                Map.of(), 1);
        Model m = learners.require("linear-learner").fit(TrainingData.of(data), spec, JobContext.silent(),
                TrainingListener.NONE);
        List<PermutationImportance.Importance> imp = PermutationImportance.compute(m, data, "y", "rmse", false, 2,
                1, JobContext.silent());
        assertThat(imp.subList(0, 2)).extracting(PermutationImportance.Importance::column)
                .containsExactlyInAnyOrder("x1", "x2");
        assertThat(imp.get(1).drop()).isGreaterThan(1);
        assertThat(imp.getLast().drop()).isLessThan(imp.get(1).drop() / 5);
    }
}
