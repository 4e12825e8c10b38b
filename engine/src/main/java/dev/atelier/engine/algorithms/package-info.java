/// The algorithm catalogue: [ProblemType]s, hyperparameter specs ([ParamSpec]) and [AlgorithmDescriptor]s for
/// SageMaker's built-in algorithms, with SageMaker's hyperparameter names, defaults and ranges, gathered in
/// [AlgorithmCatalog]. Learners are registered by later work; until then every descriptor is not trainable.
@NullMarked
package dev.atelier.engine.algorithms;

import org.jspecify.annotations.NullMarked;
