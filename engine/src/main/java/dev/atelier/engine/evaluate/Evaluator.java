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
    /// `macro_precision`/`macro_recall`/`macro_f1` (multiclass); for regression `mse`, `rmse`, `mae`, `r2`.
    /// Rows whose target is missing (or a class the model does not know) are skipped; empty when none is left.
    public static Map<String, Double> evaluate(Predictions predictions, Dataset truth, String target) {
        int col = truth.schema().indexOf(target);
        var metrics = new LinkedHashMap<String, Double>();
        if (col < 0) {
            return metrics;
        }
        List<Integer> rows = new ArrayList<>();
        if (!predictions.isClassification()) {
            for (int r = 0; r < truth.rowCount(); r++) {
                if (!Double.isNaN(truth.number(r, col))) {
                    rows.add(r);
                }
            }
            if (rows.isEmpty()) {
                return metrics;
            }
            double[] t = new double[rows.size()];
            double[] p = new double[rows.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = truth.number(rows.get(i), col);
                p[i] = predictions.value(rows.get(i));
            }
            metrics.put("mse", Metrics.mse(t, p));
            metrics.put("rmse", Metrics.rmse(t, p));
            metrics.put("mae", Metrics.mae(t, p));
            metrics.put("r2", Metrics.r2(t, p));
            return metrics;
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
            return metrics;
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
        metrics.put("accuracy", Metrics.accuracy(t, p));
        metrics.put("balanced_accuracy", Metrics.balancedAccuracy(t, p, k));
        metrics.put("log_loss", Metrics.logLoss(t, prob, k));
        if (k == 2) {
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = prob[i * 2 + 1];
            }
            double auc = Metrics.auc(t, score);
            if (!Double.isNaN(auc)) {
                metrics.put("auc", auc);
            }
            metrics.put("precision", Metrics.precision(t, p, 1));
            metrics.put("recall", Metrics.recall(t, p, 1));
            metrics.put("f1", Metrics.f1(t, p, 1));
        } else {
            metrics.put("macro_precision", Metrics.macroPrecision(t, p, k));
            metrics.put("macro_recall", Metrics.macroRecall(t, p, k));
            metrics.put("macro_f1", Metrics.macroF1(t, p, k));
        }
        return metrics;
    }
}
