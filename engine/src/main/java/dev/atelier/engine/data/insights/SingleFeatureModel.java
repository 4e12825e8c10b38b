package dev.atelier.engine.data.insights;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.evaluate.Metrics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/// The cheap per-column model behind prediction power and the leakage check: a one-level lookup table.
///
/// A numeric or date column is cut into up to [#MAX_BINS] quantile bins (fewer when the training part is small:
/// at least [#MIN_ROWS_PER_BIN] rows per bin), so the model can follow any shape, not only a straight line; a
/// categorical, text or boolean column uses its values as bins. Missing values get their own bin. Each bin
/// predicts the class shares (or mean) of its training rows, shrunk towards the overall shares by
/// [#SMOOTHING] pseudo-rows so that rare values do not look certain; values unseen in training predict the
/// overall shares. It is scored on the held-out rows: AUC for classification (macro one-vs-rest with more than
/// two classes), R² for regression (floored at 0).
final class SingleFeatureModel {
    static final int MAX_BINS = 64;
    static final int MIN_ROWS_PER_BIN = 10;
    static final double SMOOTHING = 2.0;
    /// The fewest held-out rows with a target for a score to mean something.
    static final int MIN_TEST_ROWS = 20;

    private SingleFeatureModel() {
    }

    /// The held-out score of `column` alone, or NaN when there are too few rows or classes to tell.
    static double score(Dataset data, int column, TargetValues target, int[] train, int[] test) {
        int[] bins = bins(data, column, train);
        int binCount = Arrays.stream(bins).max().orElse(0) + 2; // + the "unseen" bin
        int unseen = binCount - 1;
        for (int r : test) {
            if (bins[r] < 0) {
                bins[r] = unseen;
            }
        }
        return target.classification() ? classificationScore(bins, binCount, target, train, test)
                : regressionScore(bins, binCount, target, train, test);
    }

    /// A bin index per row: train rows always get one (≥ 0); test rows get −1 if their value was not seen.
    private static int[] bins(Dataset data, int column, int[] train) {
        int n = data.rowCount();
        int[] bins = new int[n];
        ColumnType type = data.schema().get(column).type();
        if (type == ColumnType.NUMERIC || type == ColumnType.DATETIME) {
            double[] x = new double[n];
            for (int r = 0; r < n; r++) {
                x[r] = data.number(r, column);
            }
            double[] present = Arrays.stream(train).mapToDouble(r -> x[r]).filter(v -> !Double.isNaN(v)).sorted()
                    .toArray();
            int k = Math.max(1, Math.min(MAX_BINS, present.length / MIN_ROWS_PER_BIN));
            double[] cuts = new double[Math.max(0, k - 1)];
            int m = 0;
            for (int i = 1; i < k; i++) {
                double q = present[(int) ((long) i * present.length / k)];
                if (m == 0 || q > cuts[m - 1]) {
                    cuts[m++] = q;
                }
            }
            double[] cut = Arrays.copyOf(cuts, m);
            int missingBin = m + 1;
            for (int r = 0; r < n; r++) {
                if (Double.isNaN(x[r])) {
                    bins[r] = missingBin;
                } else {
                    int pos = Arrays.binarySearch(cut, x[r]);
                    bins[r] = pos >= 0 ? pos : -pos - 1;
                }
            }
            return bins;
        }
        Map<String, Integer> index = new HashMap<>();
        index.put("", 0); // missing
        for (int r : train) {
            index.putIfAbsent(data.text(r, column), index.size());
        }
        for (int r = 0; r < n; r++) {
            Integer b = index.get(data.text(r, column));
            bins[r] = b == null ? -1 : b;
        }
        return bins;
    }

    private static double classificationScore(int[] bins, int binCount, TargetValues target, int[] train,
                                              int[] test) {
        int k = target.classes().size();
        int[] y = target.classIndex();
        double[][] counts = new double[binCount][k];
        double[] prior = new double[k];
        int total = 0;
        for (int r : train) {
            if (y[r] >= 0) {
                counts[bins[r]][y[r]]++;
                prior[y[r]]++;
                total++;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        for (int c = 0; c < k; c++) {
            prior[c] /= total;
        }
        int[] rows = Arrays.stream(test).filter(r -> y[r] >= 0).toArray();
        if (rows.length < MIN_TEST_ROWS) {
            return Double.NaN;
        }
        double[][] p = new double[binCount][k];
        for (int b = 0; b < binCount; b++) {
            double sum = Arrays.stream(counts[b]).sum();
            for (int c = 0; c < k; c++) {
                p[b][c] = (counts[b][c] + SMOOTHING * prior[c]) / (sum + SMOOTHING);
            }
        }
        double aucSum = 0;
        int aucCount = 0;
        for (int c = k == 2 ? 1 : 0; c < k; c++) {
            int[] truth = new int[rows.length];
            double[] score = new double[rows.length];
            int positives = 0;
            for (int i = 0; i < rows.length; i++) {
                truth[i] = y[rows[i]] == c ? 1 : 0;
                positives += truth[i];
                score[i] = p[bins[rows[i]]][c];
            }
            if (positives == 0 || positives == rows.length) {
                continue;
            }
            double auc = Metrics.auc(truth, score);
            if (!Double.isNaN(auc)) {
                aucSum += auc;
                aucCount++;
            }
        }
        return aucCount == 0 ? Double.NaN : aucSum / aucCount;
    }

    private static double regressionScore(int[] bins, int binCount, TargetValues target, int[] train, int[] test) {
        double[] y = target.values();
        double[] sum = new double[binCount];
        double[] count = new double[binCount];
        double total = 0;
        int n = 0;
        for (int r : train) {
            if (!Double.isNaN(y[r])) {
                sum[bins[r]] += y[r];
                count[bins[r]]++;
                total += y[r];
                n++;
            }
        }
        int[] rows = Arrays.stream(test).filter(r -> !Double.isNaN(y[r])).toArray();
        if (n == 0 || rows.length < MIN_TEST_ROWS) {
            return Double.NaN;
        }
        double mean = total / n;
        double[] truth = new double[rows.length];
        double[] predicted = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int b = bins[rows[i]];
            truth[i] = y[rows[i]];
            predicted[i] = (sum[b] + SMOOTHING * mean) / (count[b] + SMOOTHING);
        }
        double r2 = Metrics.r2(truth, predicted);
        return Double.isNaN(r2) ? Double.NaN : Math.max(0, r2);
    }
}
