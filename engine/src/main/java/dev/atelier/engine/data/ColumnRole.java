package dev.atelier.engine.data;

/// What a column is for in modelling.
public enum ColumnRole {
    /// An input the model learns from (the default).
    FEATURE,
    /// The column the model predicts. At most one per dataset.
    TARGET,
    /// Identifies a row (customer number); never used to learn, kept to join predictions back.
    ID,
    /// Left out of modelling altogether.
    IGNORED,
    /// A protected attribute (gender, age group) used to measure bias; not used as a feature.
    SENSITIVE
}
