/// SHAP attributions of a model's predictions to the user's original columns: exact TreeSHAP through XGBoost's
/// contributions, and Kernel SHAP (Lundberg and Lee 2017) for any model, with a k-means summary of the data as
/// baseline as SageMaker Clarify does.
@NullMarked
package dev.atelier.engine.explain;

import org.jspecify.annotations.NullMarked;
