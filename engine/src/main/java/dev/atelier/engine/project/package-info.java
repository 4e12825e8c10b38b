/// The project model: datasets, recipes, experiments and models, as immutable records.
@NullMarked
package dev.atelier.engine.project;

import org.jspecify.annotations.NullMarked;
