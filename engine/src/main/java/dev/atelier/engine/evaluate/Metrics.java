package dev.atelier.engine.evaluate;

import java.util.Arrays;

/// Quality measures on plain arrays. Class labels are indices `0..k-1`; for binary measures class 1 is positive.
/// Every method requires arrays of equal, non-zero length.
public final class Metrics {
    private static final double EPS = 1e-15;

    private Metrics() {
    }

    /// Share of rows predicted right.
    public static double accuracy(int[] truth, int[] predicted) {
        check(truth.length, predicted.length);
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += truth[i] == predicted[i] ? 1 : 0;
        }
        return right / (double) truth.length;
    }

    /// Mean recall over the classes present in `truth`.
    public static double balancedAccuracy(int[] truth, int[] predicted, int classes) {
        check(truth.length, predicted.length);
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            int[] m = counts(truth, predicted, c);
            if (m[0] + m[2] > 0) {
                sum += m[0] / (double) (m[0] + m[2]);
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /// Precision of class `positive`: right positive predictions / positive predictions (0 when none).
    public static double precision(int[] truth, int[] predicted, int positive) {
        int[] m = counts(truth, predicted, positive);
        return m[0] + m[1] == 0 ? 0 : m[0] / (double) (m[0] + m[1]);
    }

    /// Recall of class `positive`: found positives / real positives (0 when none).
    public static double recall(int[] truth, int[] predicted, int positive) {
        int[] m = counts(truth, predicted, positive);
        return m[0] + m[2] == 0 ? 0 : m[0] / (double) (m[0] + m[2]);
    }

    /// F1 of class `positive` (0 when precision and recall are both 0).
    public static double f1(int[] truth, int[] predicted, int positive) {
        return fBeta(truth, predicted, positive, 1);
    }

    /// F-beta of class `positive`.
    public static double fBeta(int[] truth, int[] predicted, int positive, double beta) {
        double p = precision(truth, predicted, positive);
        double r = recall(truth, predicted, positive);
        double b2 = beta * beta;
        return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
    }

    /// Unweighted mean of per-class precision.
    public static double macroPrecision(int[] truth, int[] predicted, int classes) {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += precision(truth, predicted, c);
        }
        return s / classes;
    }

    /// Unweighted mean of per-class recall.
    public static double macroRecall(int[] truth, int[] predicted, int classes) {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += recall(truth, predicted, c);
        }
        return s / classes;
    }

    /// Unweighted mean of per-class F1.
    public static double macroF1(int[] truth, int[] predicted, int classes) {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += f1(truth, predicted, c);
        }
        return s / classes;
    }

    /// Area under the ROC curve of `scores` for `truth` (1 = positive), ties counted half (Mann–Whitney); NaN when
    /// only one class is present.
    public static double auc(int[] truth, double[] scores) {
        check(truth.length, scores.length);
        int n = truth.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth[order[k]] == 1) {
                    rankSumPositive += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /// Mean negative log of the probability given to the true class; `probabilities` is row-major `n × classes`,
    /// clipped to [1e-15, 1 - 1e-15].
    public static double logLoss(int[] truth, double[] probabilities, int classes) {
        check(truth.length * classes, probabilities.length);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i * classes + truth[i]]));
            s -= Math.log(p);
        }
        return s / truth.length;
    }

    /// Mean squared error.
    public static double mse(double[] truth, double[] predicted) {
        check(truth.length, predicted.length);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = truth[i] - predicted[i];
            s += d * d;
        }
        return s / truth.length;
    }

    /// Root mean squared error.
    public static double rmse(double[] truth, double[] predicted) {
        return Math.sqrt(mse(truth, predicted));
    }

    /// Mean absolute error.
    public static double mae(double[] truth, double[] predicted) {
        check(truth.length, predicted.length);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += Math.abs(truth[i] - predicted[i]);
        }
        return s / truth.length;
    }

    /// Coefficient of determination: 1 - SSE / SST (NaN when the truth is constant).
    public static double r2(double[] truth, double[] predicted) {
        check(truth.length, predicted.length);
        double mean = Arrays.stream(truth).average().orElse(0);
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < truth.length; i++) {
            sse += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            sst += (truth[i] - mean) * (truth[i] - mean);
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    /// Mean absolute percentage error, as a fraction (0.1 = 10 %), over the rows whose truth is not zero; NaN when
    /// every truth is zero.
    public static double mape(double[] truth, double[] predicted) {
        check(truth.length, predicted.length);
        double s = 0;
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0) {
                s += Math.abs((truth[i] - predicted[i]) / truth[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /// Macro one-vs-rest ROC AUC: the mean over classes present in `truth` (and absent from some rows) of the AUC
    /// of that class's probability; `probabilities` is row-major `n × classes`. NaN when no class qualifies.
    public static double macroAuc(int[] truth, double[] probabilities, int classes) {
        check(truth.length * classes, probabilities.length);
        double sum = 0;
        int used = 0;
        int[] binary = new int[truth.length];
        double[] score = new double[truth.length];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < truth.length; i++) {
                binary[i] = truth[i] == c ? 1 : 0;
                score[i] = probabilities[i * classes + c];
            }
            double a = auc(binary, score);
            if (!Double.isNaN(a)) {
                sum += a;
                used++;
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /// The confusion matrix: `[true class][predicted class]` counts.
    public static long[][] confusion(int[] truth, int[] predicted, int classes) {
        check(truth.length, predicted.length);
        long[][] m = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return m;
    }

    /// One point of a threshold curve: rows scoring at least `threshold` are called positive.
    ///
    /// @param threshold the score cut
    /// @param x         false-positive rate (ROC) or recall (precision-recall)
    /// @param y         true-positive rate (ROC) or precision (precision-recall)
    public record CurvePoint(double threshold, double x, double y) {
    }

    /// The ROC curve of `scores` for `truth` (1 = positive): one point per distinct score, from (0,0) to (1,1).
    /// Empty when only one class is present.
    public static java.util.List<CurvePoint> roc(int[] truth, double[] scores) {
        return curve(truth, scores, true);
    }

    /// The precision-recall curve of `scores` for `truth` (1 = positive): one point per distinct score, by falling
    /// threshold. Empty when there are no positives.
    public static java.util.List<CurvePoint> precisionRecall(int[] truth, double[] scores) {
        return curve(truth, scores, false);
    }

    private static java.util.List<CurvePoint> curve(int[] truth, double[] scores, boolean roc) {
        check(truth.length, scores.length);
        int n = truth.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        long positives = Arrays.stream(truth).filter(t -> t == 1).count();
        long negatives = n - positives;
        var points = new java.util.ArrayList<CurvePoint>();
        if (positives == 0 || roc && negatives == 0) {
            return points;
        }
        if (roc) {
            points.add(new CurvePoint(Double.POSITIVE_INFINITY, 0, 0));
        }
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            while (i < n && scores[order[i]] == s) {
                if (truth[order[i]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            points.add(roc ? new CurvePoint(s, fp / (double) negatives, tp / (double) positives)
                    : new CurvePoint(s, tp / (double) positives, tp / (double) (tp + fp)));
        }
        return points;
    }

    /// {true positives, false positives, false negatives} of class `c`.
    private static int[] counts(int[] truth, int[] predicted, int c) {
        check(truth.length, predicted.length);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean t = truth[i] == c;
            boolean p = predicted[i] == c;
            tp += t && p ? 1 : 0;
            fp += !t && p ? 1 : 0;
            fn += t && !p ? 1 : 0;
        }
        return new int[] {tp, fp, fn};
    }

    private static void check(int a, int b) {
        if (a != b || a == 0) {
            throw new IllegalArgumentException("need equal, non-zero lengths: " + a + " vs " + b);
        }
    }
}
