package dev.atelier.engine.persist.migrate;

import tools.jackson.databind.node.ObjectNode;

/// Rewrites a whole document (the top-level JSON object of a file) from format version `v` to `v + 1`: renames,
/// moves, splits or fills in properties. The caller sets `formatVersion` afterwards, so a migration need not.
///
/// A migration may change `document` in place and return it, or return a new node. It throws (any runtime
/// exception) when the document cannot be upgraded; the caller reports the file as corrupt and leaves it alone.
@FunctionalInterface
public interface FormatMigration {

    /// The document in the next format version.
    ObjectNode migrate(ObjectNode document);
}
