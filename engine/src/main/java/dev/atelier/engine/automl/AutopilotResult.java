package dev.atelier.engine.automl;

import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.learn.Model;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// What an Autopilot run found.
///
/// @param setup            the resolved setup (problem and why, metric, validation, mode)
/// @param rows             every candidate in candidate-id order (the ensemble last)
/// @param best             the chosen candidate's row (the ensemble's when it won)
/// @param model            the chosen model, ready to predict and to save as a bundle
/// @param bestScores       the best objective over time
/// @param wallSeconds      the search's wall-clock time
/// @param stop             why the search stopped
/// @param diagnostics      data problems that did not stop it (rows without target dropped, text columns skipped)
/// @param candidateModels  the trained model of every ok candidate, by candidate id (for Evaluate and "use this
///                         model")
public record AutopilotResult(Setup setup, List<LeaderboardRow> rows, LeaderboardRow best, Model model,
                              List<BestScorePoint> bestScores, double wallSeconds, Stop stop,
                              List<Diagnostic> diagnostics, Map<Integer, Model> candidateModels) {
    public AutopilotResult {
        rows = List.copyOf(rows);
        bestScores = List.copyOf(bestScores);
        diagnostics = List.copyOf(diagnostics);
        candidateModels = Map.copyOf(candidateModels);
    }

    /// Why the search ended.
    public enum Stop {
        /// Every planned candidate finished (the candidate budget).
        COMPLETED,
        /// The time budget ran out.
        BUDGET,
        /// The user cancelled; the best model so far is kept.
        CANCELLED
    }

    /// The setup a run resolved.
    ///
    /// @param guess       the problem type and the reason for it
    /// @param metric      the objective
    /// @param validation  CROSS_VALIDATION or HOLD_OUT
    /// @param folds       folds of the cross-validation (5), or 1 for the hold-out
    /// @param mode        ENSEMBLE or HPO
    /// @param rows        rows with a target
    /// @param algorithms  the algorithms the search draws from
    /// @param parallelism trials at once
    /// @param halving     whether HPO uses successive halving over rows
    public record Setup(ProblemGuess guess, ObjectiveMetric metric, AutopilotSpec.Validation validation, int folds,
                        AutopilotSpec.Mode mode, int rows, List<String> algorithms, int parallelism,
                        boolean halving) {
        public Setup {
            algorithms = List.copyOf(algorithms);
        }

        /// The problem type.
        public dev.atelier.engine.algorithms.ProblemType problem() {
            return guess.problem();
        }
    }

    /// The ok candidates, best first (ties by candidate id), then the failed and cancelled ones by id: the
    /// leaderboard as shown.
    public List<LeaderboardRow> leaderboard() {
        ObjectiveMetric m = setup.metric();
        return rows.stream().sorted(Comparator.comparing((LeaderboardRow r) -> !r.ok())
                .thenComparing(r -> r.ok() ? -m.utility(r.score()) : 0.0)
                .thenComparingInt(LeaderboardRow::candidateId)).toList();
    }

    /// The trained model of candidate `id`, if it finished.
    public Optional<Model> candidateModel(int id) {
        return Optional.ofNullable(candidateModels.get(id));
    }

    /// The chosen model's validation measures.
    public Map<String, Double> validationMetrics() {
        return best.metrics();
    }
}
