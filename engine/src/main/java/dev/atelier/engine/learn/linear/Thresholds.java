package dev.atelier.engine.learn.linear;

import java.util.Arrays;

/// Decision-threshold tuning for binary classifiers, as Linear Learner's model selection does it.
final class Thresholds {
    private Thresholds() {
    }

    /// The best {score, threshold} on (`p`, `truth`) for `criterion`: `accuracy` and `f_beta` maximize the measure;
    /// `precision_at_target_recall` maximizes precision among thresholds with recall ≥ `targetRecall`;
    /// `recall_at_target_precision` maximizes recall among thresholds with precision ≥ `targetPrecision`
    /// (score −1 when no threshold reaches the target); `loss_function` returns {0, 0.5}. A row is positive when
    /// its probability is ≥ the threshold; thresholds are midway between neighbouring distinct probabilities.
    static double[] tune(String criterion, double[] p, int[] truth, double targetRecall, double targetPrecision,
                         double beta) {
        if (criterion.equals("loss_function")) {
            return new double[] {0, 0.5};
        }
        int n = p.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));      // descending
        int positives = 0;
        for (int t : truth) {
            positives += t;
        }
        int negatives = n - positives;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestThreshold = 0.5;
        // threshold above everything: nothing predicted positive
        int tp = 0;
        int fp = 0;
        double[] start = score(criterion, 0, 0, positives, negatives, targetRecall, targetPrecision, beta);
        if (start[0] > bestScore) {
            bestScore = start[0];
            bestThreshold = Math.nextUp(p[order[0]]);
        }
        for (int i = 0; i < n; i++) {
            if (truth[order[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (i + 1 < n && p[order[i + 1]] == p[order[i]]) {
                continue;
            }
            double threshold = i + 1 < n ? (p[order[i]] + p[order[i + 1]]) / 2 : p[order[i]] / 2;
            if (i + 1 < n && threshold == p[order[i + 1]]) {
                threshold = p[order[i]];
            }
            double s = score(criterion, tp, fp, positives, negatives, targetRecall, targetPrecision, beta)[0];
            if (s > bestScore) {
                bestScore = s;
                bestThreshold = threshold;
            }
        }
        return new double[] {bestScore == Double.NEGATIVE_INFINITY ? -1 : bestScore, bestThreshold};
    }

    private static double[] score(String criterion, int tp, int fp, int positives, int negatives, double targetRecall,
                                  double targetPrecision, double beta) {
        int tn = negatives - fp;
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = positives == 0 ? 0 : tp / (double) positives;
        return switch (criterion) {
            case "accuracy" -> new double[] {(tp + tn) / (double) (positives + negatives)};
            case "f_beta" -> {
                double b2 = beta * beta;
                yield new double[] {tp == 0 ? 0 : (1 + b2) * precision * recall / (b2 * precision + recall)};
            }
            case "precision_at_target_recall" -> new double[] {recall >= targetRecall ? precision : -1};
            case "recall_at_target_precision" -> new double[] {precision >= targetPrecision && tp > 0 ? recall : -1};
            default -> new double[] {(tp + tn) / (double) (positives + negatives)};
        };
    }
}
