package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// What an Autopilot run should do. Validated on construction; build one with [#of(String)] and the `with…`
/// methods.
///
/// @param target        the column to predict
/// @param problem       binary, multiclass or regression; `null` = AUTO (inferred with [ProblemGuess#infer])
/// @param metric        the objective; `null` = SageMaker's default for the problem ([ObjectiveMetric#defaultFor])
/// @param validation    how candidates are scored (AUTO: 5-fold CV up to [#CV_MAX_ROWS] rows, stratified hold-out
///                      above)
/// @param mode          ENSEMBLE, HPO or AUTO (by data size, as Autopilot: ENSEMBLE below 100 MB)
/// @param budget        the hard wall-clock budget; `null` = none (then `maxCandidates` is required, see
///                      [#requireLimit()])
/// @param maxCandidates the most candidates to train; `null` = as many as the budget allows
/// @param seed          the seed of every random choice
/// @param deterministic proposals in fixed batches and results ordered by candidate id, so the same seed and
///                      `maxCandidates` give the same leaderboard whatever the timing
/// @param preset        QUICK (small models, few candidates) or STANDARD
/// @param algorithms    the catalogue keys to try; empty = every trainable algorithm that solves the problem
/// @param parallelism   trials run at once; 0 = the number of available cores
public record AutopilotSpec(String target, @Nullable ProblemType problem, @Nullable ObjectiveMetric metric,
                            Validation validation, Mode mode, @Nullable Duration budget,
                            @Nullable Integer maxCandidates, long seed, boolean deterministic, Preset preset,
                            List<String> algorithms, int parallelism) {
    /// Up to this many rows, AUTO validation is 5-fold cross-validation.
    public static final int CV_MAX_ROWS = 50_000;
    /// From this estimated in-memory size on, AUTO mode is HPO (Autopilot's 100 MB).
    public static final long ENSEMBLE_MAX_BYTES = 100L * 1024 * 1024;

    /// How candidates are scored.
    public enum Validation {
        /// 5-fold CV up to [#CV_MAX_ROWS] rows, else a stratified 20 % hold-out.
        AUTO,
        /// Stratified 5-fold cross-validation.
        CROSS_VALIDATION,
        /// A stratified 20 % hold-out.
        HOLD_OUT
    }

    /// What the search builds.
    public enum Mode {
        /// ENSEMBLE below 100 MB of data, HPO above.
        AUTO,
        /// Every candidate, then a weighted ensemble of the best ones.
        ENSEMBLE,
        /// Hyperparameter optimization of the candidates; the best single model wins.
        HPO
    }

    /// How much effort each candidate gets.
    public enum Preset {
        /// Smaller models (fewer trees/rounds) and at most 12 candidates: a first answer fast.
        QUICK,
        /// Full-size models and as many candidates as the budget allows.
        STANDARD
    }

    public AutopilotSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(preset, "preset");
        algorithms = List.copyOf(algorithms);
        if (target.isBlank()) {
            throw new SpecException(ErrorCode.COLUMN_NOT_FOUND, target);
        }
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new SpecException(ErrorCode.AUTOML_BUDGET_INVALID, budget.toMillis() / 1000.0 + " s",
                    "the time budget must be more than 0 seconds");
        }
        if (maxCandidates != null && maxCandidates < 1) {
            throw new SpecException(ErrorCode.AUTOML_BUDGET_INVALID, maxCandidates + " candidates",
                    "at least 1 candidate");
        }
        if (metric != null && problem != null && !metric.fits(problem)) {
            throw new SpecException(ErrorCode.AUTOML_METRIC_UNSUITED, metric.key(),
                    dev.atelier.engine.learn.ProblemTypes.words(problem));
        }
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0");
        }
    }

    /// Defaults: AUTO problem and metric, AUTO validation and mode, a 60 s budget, seed 1, STANDARD.
    public static AutopilotSpec of(String target) {
        return new AutopilotSpec(target, null, null, Validation.AUTO, Mode.AUTO, Duration.ofSeconds(60), null, 1,
                false, Preset.STANDARD, List.of(), 0);
    }

    public AutopilotSpec withProblem(@Nullable ProblemType p) {
        return new AutopilotSpec(target, p, metric, validation, mode, budget, maxCandidates, seed, deterministic,
                preset, algorithms, parallelism);
    }

    public AutopilotSpec withMetric(@Nullable ObjectiveMetric m) {
        return new AutopilotSpec(target, problem, m, validation, mode, budget, maxCandidates, seed, deterministic,
                preset, algorithms, parallelism);
    }

    public AutopilotSpec withValidation(Validation v) {
        return new AutopilotSpec(target, problem, metric, v, mode, budget, maxCandidates, seed, deterministic,
                preset, algorithms, parallelism);
    }

    public AutopilotSpec withMode(Mode m) {
        return new AutopilotSpec(target, problem, metric, validation, m, budget, maxCandidates, seed, deterministic,
                preset, algorithms, parallelism);
    }

    /// This spec with a time budget (`null` for none).
    public AutopilotSpec withBudget(@Nullable Duration b) {
        return new AutopilotSpec(target, problem, metric, validation, mode, b, maxCandidates, seed, deterministic,
                preset, algorithms, parallelism);
    }

    public AutopilotSpec withMaxCandidates(@Nullable Integer n) {
        return new AutopilotSpec(target, problem, metric, validation, mode, budget, n, seed, deterministic, preset,
                algorithms, parallelism);
    }

    public AutopilotSpec withSeed(long s) {
        return new AutopilotSpec(target, problem, metric, validation, mode, budget, maxCandidates, s, deterministic,
                preset, algorithms, parallelism);
    }

    public AutopilotSpec withDeterministic(boolean d) {
        return new AutopilotSpec(target, problem, metric, validation, mode, budget, maxCandidates, seed, d, preset,
                algorithms, parallelism);
    }

    public AutopilotSpec withPreset(Preset p) {
        return new AutopilotSpec(target, problem, metric, validation, mode, budget, maxCandidates, seed,
                deterministic, p, algorithms, parallelism);
    }

    public AutopilotSpec withAlgorithms(List<String> keys) {
        return new AutopilotSpec(target, problem, metric, validation, mode, budget, maxCandidates, seed,
                deterministic, preset, keys, parallelism);
    }

    public AutopilotSpec withParallelism(int n) {
        return new AutopilotSpec(target, problem, metric, validation, mode, budget, maxCandidates, seed,
                deterministic, preset, algorithms, n);
    }

    /// Checks that the search has an end: a time budget, a candidate count, or both.
    ///
    /// @throws SpecException `AUTOML_BUDGET_INVALID` when neither is given
    public AutopilotSpec requireLimit() {
        if (budget == null && maxCandidates == null) {
            throw new SpecException(ErrorCode.AUTOML_BUDGET_INVALID, "none", "give a time budget or a candidate count");
        }
        return this;
    }

    /// The validation used for `rows` rows.
    public Validation validationFor(int rows) {
        if (validation != Validation.AUTO) {
            return validation;
        }
        return rows <= CV_MAX_ROWS ? Validation.CROSS_VALIDATION : Validation.HOLD_OUT;
    }

    /// The mode used for data of `bytes` estimated size.
    public Mode modeFor(long bytes) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        return bytes < ENSEMBLE_MAX_BYTES ? Mode.ENSEMBLE : Mode.HPO;
    }
}
