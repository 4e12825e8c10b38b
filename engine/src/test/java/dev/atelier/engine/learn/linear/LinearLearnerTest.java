package dev.atelier.engine.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerContract;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.SyntheticData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearLearnerTest extends LearnerContract {
    @Override
    protected Learner learner() {
        return new LinearLearner();
    }

    @Override
    protected Map<String, String> hyperparameters(ProblemType problem) {
        return Map.of("num_models", "4", "mini_batch_size", "100", "epochs", "10");
    }

    @Test
    void precisionAtTargetRecallReachesTheTargetRecallOnValidation() {
        Dataset train = SyntheticData.logistic(1500, 51, false);
        var hp = new HashMap<>(hyperparameters(ProblemType.BINARY_CLASSIFICATION));
        hp.put("binary_classifier_model_selection_criteria", "precision_at_target_recall");
        hp.put("target_recall", "0.9");
        LearnerSpec spec = LearnerSpec.of(Learners.builtIn().catalog(), "linear-learner",
                ProblemType.BINARY_CLASSIFICATION, "churn", hp, 3);
        var model = (LinearModel) fit(train, spec);
        Dataset test = SyntheticData.logistic(2000, 52, false);
        Map<String, Double> m = Evaluator.evaluate(model.predict(test), test, "churn");
        assertThat(model.threshold()).isLessThan(0.5);
        assertThat(m.get("recall")).as(m.toString()).isGreaterThan(0.85);
    }

    @Test
    void thresholdTuningMaximisesAccuracy() {
        double[] p = {0.9, 0.8, 0.7, 0.4, 0.3, 0.2};
        int[] truth = {1, 1, 0, 1, 0, 0};
        double[] best = Thresholds.tune("accuracy", p, truth, 0.8, 0.8, 1);
        assertThat(best[0]).isEqualTo(5 / 6.0);            // top two positive: 2 TP + 3 TN
        assertThat(best[1]).isEqualTo(0.75);
        double[] recall = Thresholds.tune("precision_at_target_recall", p, truth, 1.0, 0.8, 1);
        assertThat(recall[0]).isEqualTo(0.75);           // all 3 positives found at threshold 0.35: 3 of 4
        assertThat(recall[1]).isEqualTo(0.35);
    }
}
