package dev.atelier.engine.wrangle;

/// Which data a fitted recipe is applied to.
public enum Phase {
    /// The training data (when fitting, or when replaying a fitted recipe on training data): every step runs.
    TRAINING,
    /// New rows to predict: [RowRule#TRAINING_ONLY] steps are skipped, and steps on the target column are
    /// skipped when the target is absent.
    PREDICTION
}
