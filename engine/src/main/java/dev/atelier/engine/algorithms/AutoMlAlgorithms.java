package dev.atelier.engine.algorithms;

import static dev.atelier.engine.algorithms.Hyperparameters.integer;
import static dev.atelier.engine.algorithms.Hyperparameters.textUnset;

import java.util.EnumSet;
import java.util.List;

/// Algorithms made of other algorithms: the weighted ensemble Autopilot builds (`dev.atelier.engine.automl`), listed
/// after the supervised learners it blends.
final class AutoMlAlgorithms {

    private AutoMlAlgorithms() {
    }

    static List<AlgorithmDescriptor> all() {
        return List.of(weightedEnsemble());
    }

    static AlgorithmDescriptor weightedEnsemble() {
        return new AlgorithmDescriptor("weighted-ensemble", "Weighted Ensemble", SupervisedAlgorithms.CATEGORY,
                "Trains several algorithms on folds of the data and blends the best of them with weights chosen"
                        + " on rows each model did not see; usually a little more accurate than any one of them.",
                EnumSet.of(ProblemType.BINARY_CLASSIFICATION, ProblemType.MULTICLASS_CLASSIFICATION,
                        ProblemType.REGRESSION), List.of(
                textUnset("members", "comma-separated algorithm keys, e.g. xgboost,random-forest",
                        "Which algorithms to blend; left empty, every algorithm that suits the problem is tried."),
                integer("folds", 5, 2, 20,
                        "Into how many parts the rows are split; each member is trained once per part left out,"
                                + " and its predictions on the left-out rows choose the weights."),
                integer("ensemble_size", 25, 1, 1000,
                        "How many greedy selection steps choose the weights; more steps give finer weights.")),
                false);
    }
}
