/// Model quality measures: [Metrics] (accuracy, balanced accuracy, precision/recall/F1, ROC AUC and macro
/// one-vs-rest AUC, log loss, MSE, RMSE, MAE, MAPE, R², confusion matrix, ROC and precision-recall points) and
/// [Evaluator], which scores [dev.atelier.engine.learn.Predictions] against a dataset's target and builds an
/// [EvaluationReport]; [PermutationImportance] measures column impact.
@NullMarked
package dev.atelier.engine.evaluate;

import org.jspecify.annotations.NullMarked;
