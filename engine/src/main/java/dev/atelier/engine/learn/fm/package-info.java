/// SageMaker's Factorization Machines: a second-order factorization machine for binary classification and
/// regression, trained with seeded single-threaded mini-batch Adam (docs/adr/0007).
@NullMarked
package dev.atelier.engine.learn.fm;

import org.jspecify.annotations.NullMarked;
