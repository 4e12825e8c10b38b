package dev.atelier.engine.evaluate;

import java.util.List;
import java.util.Map;

/// A model's evaluation on rows with a known target, for the Analyze screen and `metrics.json`.
///
/// @param metrics          every measure of [Evaluator#evaluate] by name
/// @param classes          the class labels, in the confusion matrix's order (empty for regression)
/// @param confusion        `[true class][predicted class]` row counts (empty for regression)
/// @param roc              ROC points of the positive class (binary only; a threshold slider reads them)
/// @param precisionRecall  precision-recall points of the positive class (binary only)
/// @param actual           regression: the true values
/// @param predicted        regression: the predicted values, same order
/// @param residuals        regression: actual − predicted, same order
public record EvaluationReport(Map<String, Double> metrics, List<String> classes, long[][] confusion,
                               List<Metrics.CurvePoint> roc, List<Metrics.CurvePoint> precisionRecall,
                               double[] actual, double[] predicted, double[] residuals) {
    public EvaluationReport {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        classes = List.copyOf(classes);
        roc = List.copyOf(roc);
        precisionRecall = List.copyOf(precisionRecall);
    }
}
