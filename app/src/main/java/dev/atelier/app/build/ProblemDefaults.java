package dev.atelier.app.build;

import dev.atelier.engine.algorithms.ProblemType;
import org.jspecify.annotations.Nullable;

/// Hyperparameter defaults that depend on the problem type, where the catalogue can hold only one: the learner
/// uses these when the parameter is not given, so the form shows them instead of the catalogue's single default
/// (which for XGBoost's `objective` is a regression objective).
final class ProblemDefaults {
    private ProblemDefaults() {
    }

    /// The default `algorithm` uses for `param` on `problem`, or `null` when the catalogue's default holds.
    static @Nullable String of(String algorithm, String param, ProblemType problem) {
        if (algorithm.equals("xgboost") && param.equals("objective")) {
            return switch (problem) {
                case BINARY_CLASSIFICATION -> "binary:logistic";
                case MULTICLASS_CLASSIFICATION -> "multi:softprob";
                default -> "reg:squarederror";
            };
        }
        return null;
    }
}
