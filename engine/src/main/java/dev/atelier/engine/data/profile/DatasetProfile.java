package dev.atelier.engine.data.profile;

import java.util.List;
import java.util.Optional;

/// A summary of a whole dataset: size, one [ColumnProfile] per column, duplicates and warnings.
///
/// @param rows           number of rows
/// @param columns        number of columns
/// @param columnProfiles one profile per column, in column order
/// @param duplicateRows  how many rows are exact copies of an earlier row
/// @param warnings       the problems found: dataset-wide ones first, then per column in column order
public record DatasetProfile(int rows, int columns, List<ColumnProfile> columnProfiles, int duplicateRows,
                             List<ProfileWarning> warnings) {
    public DatasetProfile {
        columnProfiles = List.copyOf(columnProfiles);
        warnings = List.copyOf(warnings);
        if (columnProfiles.size() != columns) {
            throw new IllegalArgumentException(columns + " columns but " + columnProfiles.size() + " profiles");
        }
    }

    /// The profile of the named column, if there is one.
    public Optional<ColumnProfile> column(String name) {
        return columnProfiles.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /// The warnings about the named column.
    public List<ProfileWarning> warningsFor(String column) {
        return warnings.stream().filter(w -> column.equals(w.column())).toList();
    }

    /// The warnings of one type.
    public List<ProfileWarning> warnings(WarningType type) {
        return warnings.stream().filter(w -> w.type() == type).toList();
    }
}
