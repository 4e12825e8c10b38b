/// Format migrations: each [FormatMigration] rewrites a file's JSON tree from one format version to the next,
/// so old files open in new builds. Reading applies them in order before binding; files are only ever written in
/// the current format.
@NullMarked
package dev.atelier.engine.persist.migrate;

import org.jspecify.annotations.NullMarked;
