package dev.atelier.engine.data.profile;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import java.util.Objects;

/// What one column of a dataset holds.
///
/// @param name            the column name
/// @param type            its type
/// @param role            its role
/// @param count           how many values are present (not missing)
/// @param missing         how many values are missing
/// @param missingFraction `missing` divided by the number of rows (0 for an empty dataset)
/// @param distinct        how many distinct present values there are
/// @param stats           the type-specific statistics
public record ColumnProfile(String name, ColumnType type, ColumnRole role, int count, int missing,
                            double missingFraction, int distinct, ColumnStats stats) {
    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(stats, "stats");
        if (count < 0 || missing < 0 || distinct < 0 || distinct > count) {
            throw new IllegalArgumentException("inconsistent counts: count " + count + ", missing " + missing
                    + ", distinct " + distinct);
        }
    }
}
