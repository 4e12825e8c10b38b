package dev.atelier.engine.data.io;

/// Whether the first row of a delimited file holds column names.
public enum HeaderMode {
    /// Decide from the data: a first row of distinct non-numeric labels above typed values is a header.
    DETECT,
    /// The first row is a header.
    PRESENT,
    /// There is no header; columns are named `column_1`, `column_2`, ...
    ABSENT
}
