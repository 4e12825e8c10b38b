package dev.atelier.engine.evaluate;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Scores predictions against the true target of the same rows.
public final class Evaluator {
    private Evaluator() {
    }

    /// The usual measures for the predictions' problem, by name: for classification `accuracy`,
    /// `balanced_accuracy`, `log_loss`, and `auc`/`precision`/`recall`/`f1` (binary, last class positive) or
    /// `macro_precision`/`macro_recall`/`macro_f1`/`auc` (multiclass; macro one-vs-rest AUC); for regression `mse`,
    /// `rmse`, `mae`, `r2` and `mape` (a fraction, over rows whose truth is not zero; absent when all are zero).
    /// Rows whose target is missing (or a class the model does not know) are skipped; empty when none is left.
    public static Map<String, Double> evaluate(Predictions predictions, Dataset truth, String target) {
        Aligned a = align(predictions, truth, target);
        if (a == null) {
            return new LinkedHashMap<>();
        }
        return a.classes == 0 ? regression(a.values, a.predicted) : classification(a.labels, a.probabilities,
                a.predictedLabels, a.classes);
    }

    /// The classification measures (see [#evaluate]) of `k`-class predictions: `truth` and `predicted` hold class
    /// indices, `probabilities` is row-major `n × k`. Requires at least one row.
    public static Map<String, Double> classification(int[] truth, double[] probabilities, int[] predicted, int k) {
        var metrics = new LinkedHashMap<String, Double>();
        int n = truth.length;
        metrics.put("accuracy", Metrics.accuracy(truth, predicted));
        metrics.put("balanced_accuracy", Metrics.balancedAccuracy(truth, predicted, k));
        metrics.put("log_loss", Metrics.logLoss(truth, probabilities, k));
        if (k == 2) {
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = probabilities[i * 2 + 1];
            }
            double auc = Metrics.auc(truth, score);
            if (!Double.isNaN(auc)) {
                metrics.put("auc", auc);
            }
            metrics.put("precision", Metrics.precision(truth, predicted, 1));
            metrics.put("recall", Metrics.recall(truth, predicted, 1));
            metrics.put("f1", Metrics.f1(truth, predicted, 1));
        } else {
            metrics.put("macro_precision", Metrics.macroPrecision(truth, predicted, k));
            metrics.put("macro_recall", Metrics.macroRecall(truth, predicted, k));
            metrics.put("macro_f1", Metrics.macroF1(truth, predicted, k));
            double auc = Metrics.macroAuc(truth, probabilities, k);
            if (!Double.isNaN(auc)) {
                metrics.put("auc", auc);
            }
        }
        return metrics;
    }

    /// The regression measures (see [#evaluate]). Requires at least one row.
    public static Map<String, Double> regression(double[] truth, double[] predicted) {
        var metrics = new LinkedHashMap<String, Double>();
        metrics.put("mse", Metrics.mse(truth, predicted));
        metrics.put("rmse", Metrics.rmse(truth, predicted));
        metrics.put("mae", Metrics.mae(truth, predicted));
        double r2 = Metrics.r2(truth, predicted);
        if (!Double.isNaN(r2)) {
            metrics.put("r2", r2);
        }
        double mape = Metrics.mape(truth, predicted);
        if (Double.isFinite(mape)) {
            metrics.put("mape", mape);
        }
        return metrics;
    }

    /// Everything the Analyze screen shows about predictions on rows with a known target: the metrics of
    /// [#evaluate], the confusion matrix, ROC and precision-recall points (binary: the positive class), and the
    /// residuals (regression). `null` when no row has a usable target.
    public static EvaluationReport report(Predictions predictions, Dataset truth, String target) {
        Aligned a = align(predictions, truth, target);
        if (a == null) {
            return null;
        }
        if (a.classes == 0) {
            double[] residuals = new double[a.values.length];
            for (int i = 0; i < residuals.length; i++) {
                residuals[i] = a.values[i] - a.predicted[i];
            }
            return new EvaluationReport(regression(a.values, a.predicted), List.of(), new long[0][0], List.of(),
                    List.of(), a.values, a.predicted, residuals);
        }
        List<Metrics.CurvePoint> roc = List.of();
        List<Metrics.CurvePoint> pr = List.of();
        if (a.classes == 2) {
            double[] score = new double[a.labels.length];
            for (int i = 0; i < score.length; i++) {
                score[i] = a.probabilities[i * 2 + 1];
            }
            roc = Metrics.roc(a.labels, score);
            pr = Metrics.precisionRecall(a.labels, score);
        }
        return new EvaluationReport(classification(a.labels, a.probabilities, a.predictedLabels, a.classes),
                predictions.classes(), Metrics.confusion(a.labels, a.predictedLabels, a.classes), roc, pr,
                new double[0], new double[0], new double[0]);
    }

    private record Aligned(int classes, int[] labels, double[] probabilities, int[] predictedLabels, double[] values,
                           double[] predicted) {
    }

    private static Aligned align(Predictions predictions, Dataset truth, String target) {
        int col = truth.schema().indexOf(target);
        if (col < 0) {
            return null;
        }
        List<Integer> rows = new ArrayList<>();
        if (!predictions.isClassification()) {
            for (int r = 0; r < truth.rowCount(); r++) {
                if (!Double.isNaN(truth.number(r, col))) {
                    rows.add(r);
                }
            }
            if (rows.isEmpty()) {
                return null;
            }
            double[] t = new double[rows.size()];
            double[] p = new double[rows.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = truth.number(rows.get(i), col);
                p[i] = predictions.value(rows.get(i));
            }
            return new Aligned(0, null, null, null, t, p);
        }
        List<String> classes = predictions.classes();
        int k = classes.size();
        var truthIndex = new ArrayList<Integer>();
        for (int r = 0; r < truth.rowCount(); r++) {
            int c = truth.isMissing(r, col) ? -1 : classes.indexOf(truth.text(r, col));
            if (c >= 0) {
                rows.add(r);
                truthIndex.add(c);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int n = rows.size();
        int[] t = new int[n];
        int[] p = new int[n];
        double[] prob = new double[n * k];
        for (int i = 0; i < n; i++) {
            t[i] = truthIndex.get(i);
            p[i] = predictions.labelIndex(rows.get(i));
            for (int c = 0; c < k; c++) {
                prob[i * k + c] = predictions.probability(rows.get(i), c);
            }
        }
        return new Aligned(k, t, prob, p, null, null);
    }
}
