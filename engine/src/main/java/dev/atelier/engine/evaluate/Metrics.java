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
