package dev.atelier.engine.automl;

/// How a candidate ended.
public enum TrialStatus {
    /// Trained and scored.
    OK,
    /// Training failed; the row says why.
    FAILED,
    /// Stopped because the time budget ran out or the user cancelled.
    CANCELLED
}
