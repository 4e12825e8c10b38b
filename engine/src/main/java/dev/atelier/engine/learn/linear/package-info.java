/// SageMaker's Linear Learner, implemented in Atelier: many linear models trained in parallel by mini-batch
/// SGD/Adam/RMSProp over a sample of learning rates and regularization, the best chosen on validation data
/// (docs/adr/0007).
@NullMarked
package dev.atelier.engine.learn.linear;

import org.jspecify.annotations.NullMarked;
