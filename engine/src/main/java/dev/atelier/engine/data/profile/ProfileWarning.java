package dev.atelier.engine.data.profile;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A problem the profiler found, explained in one plain-English sentence for business analysts.
///
/// @param type   what kind of problem it is
/// @param column the column concerned, or `null` for the whole dataset
/// @param detail a sentence with the numbers, e.g. "38% of values are missing."
public record ProfileWarning(WarningType type, @Nullable String column, String detail) {
    public ProfileWarning {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }
}
