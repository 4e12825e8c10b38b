package dev.atelier.engine.data.profile;

/// The type-specific part of a [ColumnProfile]: [NumericStats] for numeric columns, [LabelStats] for
/// categorical, text and true/false columns, [DateTimeStats] for date columns.
public sealed interface ColumnStats permits NumericStats, LabelStats, DateTimeStats {
}
