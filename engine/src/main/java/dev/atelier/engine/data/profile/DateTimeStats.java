package dev.atelier.engine.data.profile;

import org.jspecify.annotations.Nullable;

/// The range of a date column, as ISO-8601 text: `2024-03-01` for dates at midnight, `2024-03-01T13:45` or
/// with seconds otherwise.
///
/// @param min the earliest value, or `null` when the column has no values
/// @param max the latest value, or `null` when the column has no values
public record DateTimeStats(@Nullable String min, @Nullable String max) implements ColumnStats {
}
