/// Model quality measures: [Metrics] (accuracy, balanced accuracy, precision/recall/F1, ROC AUC, log loss, MSE,
/// RMSE, MAE, R²) and [Evaluator], which scores [dev.atelier.engine.learn.Predictions] against a dataset's target.
@NullMarked
package dev.atelier.engine.evaluate;

import org.jspecify.annotations.NullMarked;
