package dev.atelier.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/// Prints metrics in plain words, one line each.
final class MetricWords {
    private MetricWords() {
    }

    static void print(Map<String, Double> metrics, PrintWriter out) {
        metrics.forEach((name, v) -> out.println("  " + describe(name, v)));
    }

    static String describe(String name, double v) {
        String n = String.format(Locale.ROOT, "%.4f", v);
        String pct = String.format(Locale.ROOT, "%.1f %%", v * 100);
        return switch (name) {
            case "accuracy" -> "accuracy " + n + " (" + pct + " of rows predicted right)";
            case "balanced_accuracy" -> "balanced accuracy " + n + " (average share found per label)";
            case "auc" -> "AUC " + n + " (0.5 is guessing, 1 is perfect ranking)";
            case "log_loss" -> "log loss " + n + " (lower is better; how sure it was of the right answers)";
            case "precision" -> "precision " + n + " (" + pct + " of rows it called positive were positive)";
            case "recall" -> "recall " + n + " (it found " + pct + " of the positive rows)";
            case "f1" -> "F1 " + n + " (balance of precision and recall)";
            case "macro_precision" -> "precision " + n + " (average over labels)";
            case "macro_recall" -> "recall " + n + " (average over labels)";
            case "macro_f1" -> "F1 " + n + " (average over labels)";
            case "rmse" -> "RMSE " + n + " (typical size of an error, in the target's units)";
            case "mae" -> "MAE " + n + " (average size of an error, in the target's units)";
            case "mse" -> "MSE " + n + " (average squared error)";
            case "r2" -> "R² " + n + " (share of the target's variation explained; 1 is perfect)";
            default -> name + " " + n;
        };
    }
}
