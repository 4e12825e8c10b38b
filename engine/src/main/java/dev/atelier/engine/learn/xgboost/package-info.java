/// XGBoost through xgboost4j 3.0.4 (the real library) with SageMaker's hyperparameter names; the booster is
/// persisted as XGBoost's own UBJSON model bytes (docs/adr/0007).
@NullMarked
package dev.atelier.engine.learn.xgboost;

import org.jspecify.annotations.NullMarked;
