package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import java.util.Locale;
import java.util.Map;

/// The measure the search optimizes, with SageMaker Autopilot's names and defaults: F1 for binary, accuracy for
/// multiclass, MSE for regression.
public enum ObjectiveMetric {
    /// F1 of the positive class (binary) or macro F1 (multiclass).
    F1("f1", true),
    /// Share of rows predicted right.
    ACCURACY("accuracy", true),
    /// Mean recall per class.
    BALANCED_ACCURACY("balanced_accuracy", true),
    /// ROC AUC (binary) or macro one-vs-rest AUC (multiclass).
    AUC("auc", true),
    /// Mean negative log-probability of the true class.
    LOG_LOSS("log_loss", false),
    /// Precision of the positive class (binary) or macro precision.
    PRECISION("precision", true),
    /// Recall of the positive class (binary) or macro recall.
    RECALL("recall", true),
    /// Mean squared error.
    MSE("mse", false),
    /// Root mean squared error.
    RMSE("rmse", false),
    /// Mean absolute error.
    MAE("mae", false),
    /// Coefficient of determination.
    R2("r2", true);

    private final String key;
    private final boolean higherIsBetter;

    ObjectiveMetric(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /// SageMaker's default objective for `problem`.
    public static ObjectiveMetric defaultFor(ProblemType problem) {
        return switch (problem) {
            case BINARY_CLASSIFICATION -> F1;
            case MULTICLASS_CLASSIFICATION -> ACCURACY;
            default -> MSE;
        };
    }

    /// The metric's short name (`f1`, `log_loss`, `rmse`), as the CLI takes it.
    public String key() {
        return key;
    }

    /// Whether bigger values are better.
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /// Whether it measures `problem`'s predictions.
    public boolean fits(ProblemType problem) {
        boolean regression = this == MSE || this == RMSE || this == MAE || this == R2;
        return regression == (problem == ProblemType.REGRESSION);
    }

    /// The key of this metric in [dev.atelier.engine.evaluate.Evaluator#evaluate]'s result for `problem`
    /// (multiclass F1, precision and recall are the `macro_` ones).
    public String evaluatorKey(ProblemType problem) {
        if (problem == ProblemType.MULTICLASS_CLASSIFICATION && (this == F1 || this == PRECISION || this == RECALL)) {
            return "macro_" + key;
        }
        return key;
    }

    /// The value to maximize: the metric itself, or its negative when lower is better.
    public double utility(double value) {
        return higherIsBetter ? value : -value;
    }

    /// Reads `value` of this metric from an evaluator result; NaN when absent.
    public double read(Map<String, Double> metrics, ProblemType problem) {
        Double v = metrics.get(evaluatorKey(problem));
        return v == null ? Double.NaN : v;
    }

    /// This metric on class predictions: `truth` and `predicted` are class indices, `probabilities` row-major
    /// `n × k`. NaN when it is undefined (AUC with one class present).
    public double score(int[] truth, double[] probabilities, int[] predicted, int k) {
        boolean binary = k == 2;
        return switch (this) {
            case ACCURACY -> dev.atelier.engine.evaluate.Metrics.accuracy(truth, predicted);
            case BALANCED_ACCURACY -> dev.atelier.engine.evaluate.Metrics.balancedAccuracy(truth, predicted, k);
            case LOG_LOSS -> dev.atelier.engine.evaluate.Metrics.logLoss(truth, probabilities, k);
            case F1 -> binary ? dev.atelier.engine.evaluate.Metrics.f1(truth, predicted, 1)
                    : dev.atelier.engine.evaluate.Metrics.macroF1(truth, predicted, k);
            case PRECISION -> binary ? dev.atelier.engine.evaluate.Metrics.precision(truth, predicted, 1)
                    : dev.atelier.engine.evaluate.Metrics.macroPrecision(truth, predicted, k);
            case RECALL -> binary ? dev.atelier.engine.evaluate.Metrics.recall(truth, predicted, 1)
                    : dev.atelier.engine.evaluate.Metrics.macroRecall(truth, predicted, k);
            case AUC -> {
                if (!binary) {
                    yield dev.atelier.engine.evaluate.Metrics.macroAuc(truth, probabilities, k);
                }
                double[] s = new double[truth.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = probabilities[i * 2 + 1];
                }
                yield dev.atelier.engine.evaluate.Metrics.auc(truth, s);
            }
            default -> throw new IllegalStateException(this + " is a regression metric");
        };
    }

    /// This metric on regression predictions.
    public double score(double[] truth, double[] predicted) {
        return switch (this) {
            case MSE -> dev.atelier.engine.evaluate.Metrics.mse(truth, predicted);
            case RMSE -> dev.atelier.engine.evaluate.Metrics.rmse(truth, predicted);
            case MAE -> dev.atelier.engine.evaluate.Metrics.mae(truth, predicted);
            case R2 -> dev.atelier.engine.evaluate.Metrics.r2(truth, predicted);
            default -> throw new IllegalStateException(this + " is a classification metric");
        };
    }

    /// Parses a metric name as users type it: `f1`, `auc`, `logloss`/`log_loss`, `balanced_accuracy`, `mse`, `r2`.
    ///
    /// @throws IllegalArgumentException for anything else
    public static ObjectiveMetric parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "logloss", "log_loss", "cross_entropy" -> LOG_LOSS;
            case "balancedaccuracy", "balanced_accuracy" -> BALANCED_ACCURACY;
            case "r²", "r2" -> R2;
            case "f1", "macro_f1", "f1macro" -> F1;
            default -> {
                for (ObjectiveMetric m : values()) {
                    if (m.key.equals(t)) {
                        yield m;
                    }
                }
                throw new IllegalArgumentException("unknown metric: " + text);
            }
        };
    }
}
