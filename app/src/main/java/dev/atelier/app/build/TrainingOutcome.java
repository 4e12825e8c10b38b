package dev.atelier.app.build;

/// Where the Build screen's training stands.
public enum TrainingOutcome {
    /// Nothing trained yet.
    NONE,
    /// Training now.
    RUNNING,
    /// A model was trained; its scores are on the results card.
    TRAINED,
    /// The user stopped the training; there is no model.
    CANCELLED,
    /// Training failed; the error was presented.
    FAILED
}
