package dev.atelier.engine.data.profile;

import java.util.Objects;

/// How often a value occurs in a column.
///
/// @param value the value's display text
/// @param count how many rows hold it
public record ValueCount(String value, int count) {
    public ValueCount {
        Objects.requireNonNull(value, "value");
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0 but was " + count);
        }
    }
}
