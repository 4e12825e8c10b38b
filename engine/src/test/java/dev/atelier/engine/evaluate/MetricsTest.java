package dev.atelier.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/// Hand-computed values.
class MetricsTest {
    private final int[] truth = {1, 1, 1, 0, 0, 0, 0, 1};
    private final int[] predicted = {1, 1, 0, 0, 0, 1, 0, 1};

    @Test
    void classificationCounts() {
        // TP=3, FN=1, FP=1, TN=3
        assertThat(Metrics.accuracy(truth, predicted)).isEqualTo(6 / 8.0);
        assertThat(Metrics.precision(truth, predicted, 1)).isEqualTo(0.75);
        assertThat(Metrics.recall(truth, predicted, 1)).isEqualTo(0.75);
        assertThat(Metrics.f1(truth, predicted, 1)).isCloseTo(0.75, within(1e-12));
        assertThat(Metrics.balancedAccuracy(new int[] {0, 0, 0, 1}, new int[] {0, 0, 0, 0}, 2)).isEqualTo(0.5);
        assertThat(Metrics.macroF1(new int[] {0, 1, 2, 2}, new int[] {0, 1, 2, 1}, 3))
                .isCloseTo((1 + 2 / 3.0 + 2 / 3.0) / 3, within(1e-12));
    }

    @Test
    void aucCountsPairsAndTiesHalf() {
        // positives 0.9, 0.4; negatives 0.4, 0.1: pairs (0.9>0.4, 0.9>0.1, 0.4=0.4 half, 0.4>0.1) = 3.5 / 4
        assertThat(Metrics.auc(new int[] {1, 1, 0, 0}, new double[] {0.9, 0.4, 0.4, 0.1})).isEqualTo(0.875);
        assertThat(Metrics.auc(new int[] {1, 1}, new double[] {0.9, 0.4})).isNaN();
    }

    @Test
    void logLossAndRegression() {
        assertThat(Metrics.logLoss(new int[] {1, 0}, new double[] {0.2, 0.8, 0.6, 0.4}, 2))
                .isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, within(1e-12));
        double[] t = {1, 2, 3, 4};
        double[] p = {1, 2, 4, 2};
        assertThat(Metrics.mse(t, p)).isEqualTo(5 / 4.0);
        assertThat(Metrics.rmse(t, p)).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(Metrics.mae(t, p)).isEqualTo(0.75);
        assertThat(Metrics.r2(t, p)).isCloseTo(1 - 5 / 5.0, within(1e-12));
    }
}
