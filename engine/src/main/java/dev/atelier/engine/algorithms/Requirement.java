package dev.atelier.engine.algorithms;

/// Whether a hyperparameter has a default, and what happens when it has none. Only [#OPTIONAL] parameters have
/// a default.
public enum Requirement {
    /// Has a default (SageMaker's); the user may change it.
    OPTIONAL,
    /// Optional without a default: left out unless the user sets it, and the behaviour it controls stays off or
    /// is decided by the algorithm (no early stopping, no image resizing, the objective's own metric).
    UNSET,
    /// SageMaker requires it and nothing in the data can decide it (the number of clusters `k`, the forecast
    /// horizon): the user must choose a value before training.
    REQUIRED,
    /// SageMaker requires it, but Atelier fills it in from the dataset and the chosen problem type (the number of
    /// features, the number of classes, the predictor type). Forms do not ask for it; a value the user gives is
    /// still validated.
    FROM_DATA
}
