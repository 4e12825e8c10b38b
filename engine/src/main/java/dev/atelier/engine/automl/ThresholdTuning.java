package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import java.util.List;
import java.util.Map;

/// Decision-threshold calibration of an [Autopilot] run's chosen model, as AutoGluon's: for F1 and balanced
/// accuracy on a binary problem, the threshold (0.05–0.95 by 0.01) that maximizes the objective on the chosen
/// candidate's out-of-fold probabilities. The model is wrapped with it only if it beats the candidate's own labels.
final class ThresholdTuning {
    private ThresholdTuning() {
    }

    /// `model` (the model of `chosen`), wrapped in a one-member [EnsembleModel] with the tuned threshold when one
    /// scores better on `d`'s scoring rows; otherwise `model` itself.
    static Model withTunedThreshold(TrialOutcome chosen, Model model, SearchData d, Learners learners,
                                    AutopilotSpec spec) {
        ObjectiveMetric metric = d.metric();
        if (d.problem() != ProblemType.BINARY_CLASSIFICATION || chosen.oof() == null
                || metric != ObjectiveMetric.F1 && metric != ObjectiveMetric.BALANCED_ACCURACY) {
            return model;
        }
        int[] evalRows = d.evalRows();
        double[] prob = chosen.oof();
        if (prob.length != evalRows.length * 2) {
            return model;
        }
        int[] truth = d.labelTruth(evalRows);
        double best = chosen.row().score();
        Double threshold = null;
        int[] predicted = new int[truth.length];
        for (int step = 5; step <= 95; step++) {
            double t = step / 100.0;
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = prob[i * 2 + 1] >= t ? 1 : 0;
            }
            double score = metric.score(truth, prob, predicted, 2);
            if (score > best + 1e-12) {
                best = score;
                threshold = t;
            }
        }
        if (threshold == null) {
            return model;
        }
        ModelHeader header = model.header().algorithm().equals(EnsembleLearner.KEY) ? model.header()
                : new ModelHeader(LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, d.problem(),
                        spec.target(), Map.of("members", model.header().algorithm()), spec.seed()), d.classes());
        return new EnsembleModel(header, List.of(model), new double[] {1}, threshold);
    }
}
