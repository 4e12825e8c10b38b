package dev.atelier.engine.automl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// One candidate on the leaderboard.
///
/// @param candidateId     the candidate's number, in the order the search proposed it (0, 1, ...)
/// @param algorithm       the catalogue key (`weighted-ensemble` for the ensemble row)
/// @param hyperparameters the hyperparameters the search chose, as text by SageMaker name (the rest are defaults);
///                        for the ensemble, `members` (candidate ids with weights)
/// @param stage           `search`, `rung 1/3` (successive halving on fewer rows) or `ensemble`
/// @param trainingRows    the rows each model of the candidate was trained on
/// @param status          ok, failed or cancelled
/// @param score           the objective on validation (NaN unless ok)
/// @param metrics         every validation measure by name (empty unless ok)
/// @param fitSeconds      training time summed over folds (CPU-side wall time of the candidate's fits)
/// @param latencyMsPerRow prediction time per row in milliseconds
/// @param reasonCode      for a failure or cancellation: the [dev.atelier.engine.error.ErrorCode] name, or
///                        `CANCELLED`
/// @param reasonArgs      the code's arguments as text
/// @param finishedSeconds seconds from the start of the search to the end of this candidate
public record LeaderboardRow(int candidateId, String algorithm, Map<String, String> hyperparameters, String stage,
                             int trainingRows, TrialStatus status, double score, Map<String, Double> metrics,
                             double fitSeconds, double latencyMsPerRow, @Nullable String reasonCode,
                             List<String> reasonArgs, double finishedSeconds) {
    public LeaderboardRow {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(status, "status");
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        reasonArgs = List.copyOf(reasonArgs);
    }

    /// Whether it trained and was scored.
    public boolean ok() {
        return status == TrialStatus.OK;
    }

    /// The same row without the timing columns, for comparing two runs.
    public LeaderboardRow withoutTimes() {
        return new LeaderboardRow(candidateId, algorithm, hyperparameters, stage, trainingRows, status, score,
                metrics, 0, 0, reasonCode, reasonArgs, 0);
    }
}
