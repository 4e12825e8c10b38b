package dev.atelier.engine.data.profile;

/// The kinds of data problem the [Profiler] points out.
public enum WarningType {
    /// At least 20 % of a column's values are missing.
    HIGH_MISSING,
    /// A column has a single value (or none), so it cannot help a model.
    CONSTANT_COLUMN,
    /// Some rows are exact copies of earlier rows.
    DUPLICATE_ROWS,
    /// A categorical column has too many different values to learn from.
    HIGH_CARDINALITY,
    /// One class of the target is much rarer than another.
    CLASS_IMBALANCE,
    /// A numeric column has values far outside its typical range.
    OUTLIERS,
    /// A column's values are all different, like an identifier; it should probably get the role ID.
    ID_LIKE,
    /// A column predicts the target almost perfectly on its own, which usually means it holds information that is
    /// only known after the outcome (a leak) and would make a model look better than it will be.
    TARGET_LEAKAGE
}
