/// The columnar [Dataset] over Tablesaw, its [Schema], column types and roles.
@NullMarked
package dev.atelier.engine.data;

import org.jspecify.annotations.NullMarked;
