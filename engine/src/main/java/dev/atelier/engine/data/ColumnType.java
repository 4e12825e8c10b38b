package dev.atelier.engine.data;

/// What kind of values a column holds, as the studio and the algorithms see it.
public enum ColumnType {
    /// Numbers measured on a scale (age, price). Stored as doubles; missing is NaN.
    NUMERIC,
    /// A small set of labels (colour, region, yes/no codes). Stored as strings.
    CATEGORICAL,
    /// Free text or identifiers with many distinct values (comments, ids such as "007"). Stored as strings.
    TEXT,
    /// Points in time (dates or date-times). Stored as local date-times.
    DATETIME,
    /// True/false values. Stored as booleans.
    BOOLEAN
}
