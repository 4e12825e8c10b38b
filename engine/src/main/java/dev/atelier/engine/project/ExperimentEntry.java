package dev.atelier.engine.project;

import dev.atelier.engine.algorithms.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A training experiment: one target on one (prepared) dataset, and the runs tried for it.
///
/// @param id          stable id within the project
/// @param name        display name
/// @param datasetId   the dataset trained on
/// @param recipeId    the recipe applied first, if any
/// @param target      the target column
/// @param problemType binary, multiclass, regression, ...
/// @param objective   the metric that ranks the runs (e.g. "f1")
/// @param created     when it was created
/// @param runs        the runs, in start order
public record ExperimentEntry(String id, String name, String datasetId, @Nullable String recipeId, String target,
                              ProblemType problemType, String objective, Instant created, List<Run> runs) {
    public ExperimentEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(problemType, "problemType");
        runs = List.copyOf(runs);
    }

    /// One training run (a candidate on the leaderboard).
    ///
    /// @param id              stable id
    /// @param algorithm       the algorithm's catalogue key
    /// @param hyperparameters the values used, by SageMaker name, as text
    /// @param metrics         validation metrics by name
    /// @param status          how it ended
    /// @param failure         the error code if it failed
    /// @param started         when it started
    /// @param durationMillis  how long it took
    /// @param modelId         the model it produced, if kept
    public record Run(String id, String algorithm, Map<String, String> hyperparameters, Map<String, Double> metrics,
                      RunStatus status, @Nullable String failure, Instant started, long durationMillis,
                      @Nullable String modelId) {
        public Run {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(algorithm, "algorithm");
            hyperparameters = Map.copyOf(hyperparameters);
            metrics = Map.copyOf(metrics);
        }
    }

    /// How a run ended.
    public enum RunStatus {
        /// Trained and evaluated.
        SUCCEEDED,
        /// Stopped by an error (the failure code says which).
        FAILED,
        /// Stopped by the user or by the time budget.
        CANCELLED
    }
}
