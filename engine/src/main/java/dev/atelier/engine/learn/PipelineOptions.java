package dev.atelier.engine.learn;

/// What preprocessing an algorithm needs.
///
/// @param impute    replace missing numbers with the training median and add missing indicators (trees and linear
///                  models); off for XGBoost, which routes NaN natively
/// @param scale     standardize numeric inputs to mean 0 and standard deviation 1 (linear models)
/// @param maxLevels the most one-hot levels per categorical column (more are grouped as `(other)`)
public record PipelineOptions(boolean impute, boolean scale, int maxLevels) {
    /// The usual cap on one-hot levels.
    public static final int DEFAULT_MAX_LEVELS = 50;

    public PipelineOptions {
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be >= 1");
        }
    }

    /// For tree ensembles: impute, no scaling.
    public static PipelineOptions trees() {
        return new PipelineOptions(true, false, DEFAULT_MAX_LEVELS);
    }

    /// For XGBoost: missing stays NaN, no scaling.
    public static PipelineOptions nativeMissing() {
        return new PipelineOptions(false, false, DEFAULT_MAX_LEVELS);
    }

    /// For linear and distance-based models: impute and standardize.
    public static PipelineOptions scaled() {
        return new PipelineOptions(true, true, DEFAULT_MAX_LEVELS);
    }
}
