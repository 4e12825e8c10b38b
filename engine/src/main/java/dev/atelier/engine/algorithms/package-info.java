/// The algorithm catalogue: problem types, hyperparameter specs and algorithm descriptors.
@NullMarked
package dev.atelier.engine.algorithms;

import org.jspecify.annotations.NullMarked;
