package dev.atelier.engine.persist.migrate;

import java.util.List;

/// The migrations of the project file format (`*.atelier`), oldest first: element `i` upgrades format `i + 1`
/// to `i + 2`. Format 1 is the first, so the list is empty.
///
/// When the format changes: raise `ProjectStore.CURRENT_FORMAT`, append the migration from the previous format
/// here, keep a file of the previous format under `src/test/resources/golden/compat/`, and test that it still
/// opens.
public final class ProjectMigrations {
    private ProjectMigrations() {
    }

    /// Every project migration, oldest first (`CURRENT_FORMAT - 1` of them).
    public static List<FormatMigration> all() {
        return List.of();
    }
}
