/// The Import dialog: what Atelier detected about a data source, the settings the user can override, a live
/// preview of the first rows, and the memory guard's advice, before the full load runs as a job.
@NullMarked
package dev.atelier.app.data.importer;

import org.jspecify.annotations.NullMarked;
