package dev.atelier.app.project;

/// What the Columns panel shows about one column besides its schema.
///
/// @param name     the column
/// @param missing  how many cells are missing
/// @param distinct how many different non-missing values it has
public record ColumnStats(String name, long missing, long distinct) {
}
