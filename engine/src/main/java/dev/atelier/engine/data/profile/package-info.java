/// Data profiling: per-column statistics ([ColumnProfile]), whole-dataset summaries ([DatasetProfile]) and
/// plain-language [ProfileWarning]s about problems an analyst should look at before modelling.
@NullMarked
package dev.atelier.engine.data.profile;

import org.jspecify.annotations.NullMarked;
