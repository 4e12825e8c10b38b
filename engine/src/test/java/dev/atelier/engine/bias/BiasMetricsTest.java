package dev.atelier.engine.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.job.JobContext;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BiasMetricsTest {
    // Facet d = first 4 rows, facet a = last 6.
    static final boolean[] FACET = {true, true, true, true, false, false, false, false, false, false};
    static final boolean[] LABEL = {true, false, false, false, true, true, true, false, false, true};
    static final boolean[] PRED = {false, false, true, false, true, true, false, false, true, true};
    static final String[] GROUPS = {"g1", "g1", "g2", "g2", "g1", "g1", "g1", "g2", "g2", "g2"};

    @Test
    void preTrainingMatchesHandComputedValues() {
        Map<BiasMetric, Double> m = BiasMetrics.preTraining(LABEL, FACET, GROUPS);
        double qa = 4.0 / 6;
        double qd = 0.25;
        assertThat(m.get(BiasMetric.CI)).isCloseTo(0.2, within(1e-12));
        assertThat(m.get(BiasMetric.DPL)).isCloseTo(qa - qd, within(1e-12));
        double kl = qa * Math.log(qa / qd) + (1 - qa) * Math.log((1 - qa) / (1 - qd));
        assertThat(m.get(BiasMetric.KL)).isCloseTo(kl, within(1e-12));
        double p1 = (qa + qd) / 2;
        double js = 0.5 * (qa * Math.log(qa / p1) + (1 - qa) * Math.log((1 - qa) / (1 - p1))
                + qd * Math.log(qd / p1) + (1 - qd) * Math.log((1 - qd) / (1 - p1)));
        assertThat(m.get(BiasMetric.JS)).isCloseTo(js, within(1e-12));
        assertThat(m.get(BiasMetric.LP)).isCloseTo(Math.sqrt(2) * (qa - qd), within(1e-12));
        assertThat(m.get(BiasMetric.TVD)).isCloseTo(qa - qd, within(1e-12));
        assertThat(m.get(BiasMetric.KS)).isCloseTo(qa - qd, within(1e-12));
        // g1: DD = 1/1 - 1/4 = 0.75 (5 rows); g2: DD = 2/4 - 0/1 = 0.5 (5 rows)
        assertThat(m.get(BiasMetric.CDDL)).isCloseTo(0.625, within(1e-12));
        // without a group column the whole table is one group: 3/5 - 1/5
        assertThat(BiasMetrics.preTraining(LABEL, FACET, null).get(BiasMetric.CDDL)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void postTrainingMatchesHandComputedValues() {
        // d: TP 0, FN 1, FP 1, TN 2; a: TP 3, FN 1, FP 1, TN 1
        Map<BiasMetric, Double> m = BiasMetrics.postTraining(LABEL, PRED, FACET, GROUPS, null, 0, JobContext.silent());
        assertThat(m.get(BiasMetric.DPPL)).isCloseTo(4.0 / 6 - 0.25, within(1e-12));
        assertThat(m.get(BiasMetric.DI)).isCloseTo(0.375, within(1e-12));
        assertThat(m.get(BiasMetric.DCA)).isCloseTo(0, within(1e-12));
        assertThat(m.get(BiasMetric.DCR)).isCloseTo(0, within(1e-12));
        assertThat(m.get(BiasMetric.SD)).isCloseTo(2.0 / 3 - 0.5, within(1e-12));
        assertThat(m.get(BiasMetric.RD)).isCloseTo(0.75, within(1e-12));
        assertThat(m.get(BiasMetric.DAR)).isCloseTo(0.75, within(1e-12));
        assertThat(m.get(BiasMetric.DRR)).isCloseTo(2.0 / 3 - 0.5, within(1e-12));
        assertThat(m.get(BiasMetric.AD)).isCloseTo(4.0 / 6 - 0.5, within(1e-12));
        assertThat(m.get(BiasMetric.TE)).isCloseTo(0, within(1e-12));
        // b = [0,1,2,1 | 1,1,0,1,2,1], mean 1: sum (b^2 - 1) = 4, GE = 4 / 20
        assertThat(m.get(BiasMetric.GE)).isCloseTo(0.2, within(1e-12));
        // predicted: g1 2 of 3 negatives in d, 0 of 2 positives -> 2/3; g2: 1 of 2 and 1 of 3 -> 1/6
        assertThat(m.get(BiasMetric.CDDPL)).isCloseTo((5 * 2.0 / 3 + 5 / 6.0) / 10, within(1e-12));
        assertThat(m.get(BiasMetric.FT)).isNaN();
    }

    @Test
    void undefinedMetricsAreNaNOrInfinite() {
        boolean[] facet = {true, true, false, false};
        boolean[] label = {false, false, true, false};
        boolean[] predicted = {false, false, true, true};
        Map<BiasMetric, Double> pre = BiasMetrics.preTraining(label, facet, null);
        assertThat(pre.get(BiasMetric.KL)).isInfinite(); // P_d(positive) = 0 while P_a(positive) > 0
        assertThat(pre.get(BiasMetric.JS)).isFinite();
        Map<BiasMetric, Double> post = BiasMetrics.postTraining(label, predicted, facet, null, null, 0,
                JobContext.silent());
        assertThat(post.get(BiasMetric.DI)).isZero();
        assertThat(post.get(BiasMetric.DAR)).isNaN(); // d has no predicted positives
        assertThat(post.get(BiasMetric.TE)).isNaN(); // d has no false positives
    }

    @Test
    void flipTestCountsRowsWhoseNeighboursGetTheOtherOutcome() {
        // a: five rows near 0 predicted positive, five near 10 predicted negative; d: 0 (neg), 0.05 (neg), 10 (pos)
        double[] x = {0, 0.1, 0.2, 0.3, 0.4, 10, 10.1, 10.2, 10.3, 10.4, 0, 0.05, 10};
        boolean[] facet = new boolean[13];
        boolean[] predicted = new boolean[13];
        for (int i = 0; i < 5; i++) {
            predicted[i] = true;
        }
        facet[10] = facet[11] = facet[12] = true;
        predicted[12] = true;
        double ft = BiasMetrics.flipTest(predicted, facet, x, 1, 5, JobContext.silent());
        assertThat(ft).isCloseTo((2 - 1) / 3.0, within(1e-12));
    }

    @Property(tries = 200)
    void lawsForBinaryLabels(@ForAll @Size(min = 4, max = 60) boolean[] label,
                             @ForAll @Size(min = 4, max = 60) boolean[] facetSeed) {
        int n = Math.min(label.length, facetSeed.length);
        boolean[] y = java.util.Arrays.copyOf(label, n);
        boolean[] facet = java.util.Arrays.copyOf(facetSeed, n);
        facet[0] = true;
        facet[1] = false;
        Map<BiasMetric, Double> m = BiasMetrics.preTraining(y, facet, null);
        double dpl = Math.abs(m.get(BiasMetric.DPL));
        assertThat(m.get(BiasMetric.TVD)).isCloseTo(dpl, within(1e-12));
        assertThat(m.get(BiasMetric.KS)).isCloseTo(dpl, within(1e-12));
        assertThat(m.get(BiasMetric.LP)).isCloseTo(Math.sqrt(2) * dpl, within(1e-12));
        assertThat(m.get(BiasMetric.JS)).isBetween(0.0, Math.log(2) + 1e-12);
        boolean[] flipped = new boolean[n];
        for (int i = 0; i < n; i++) {
            flipped[i] = !facet[i];
        }
        Map<BiasMetric, Double> f = BiasMetrics.preTraining(y, flipped, null);
        assertThat(f.get(BiasMetric.CI)).isCloseTo(-m.get(BiasMetric.CI), within(1e-12));
        assertThat(f.get(BiasMetric.DPL)).isCloseTo(-m.get(BiasMetric.DPL), within(1e-12));
    }

    @Property(tries = 100)
    void identicalGroupsHaveParity(@ForAll @Size(min = 1, max = 30) boolean[] label,
                                   @ForAll @Size(min = 1, max = 30) boolean[] predictedSeed) {
        int n = Math.min(label.length, predictedSeed.length);
        // the same rows twice: once in d, once in a
        boolean[] y = new boolean[2 * n];
        boolean[] p = new boolean[2 * n];
        boolean[] facet = new boolean[2 * n];
        for (int i = 0; i < n; i++) {
            y[i] = y[n + i] = label[i];
            p[i] = p[n + i] = predictedSeed[i];
            facet[i] = true;
        }
        Map<BiasMetric, Double> m = BiasMetrics.postTraining(y, p, facet, null, null, 0, JobContext.silent());
        boolean anyPositive = false;
        for (int i = 0; i < n; i++) {
            anyPositive |= p[i];
        }
        if (anyPositive) {
            assertThat(m.get(BiasMetric.DI)).isCloseTo(1, within(1e-12));
        }
        assertThat(m.get(BiasMetric.DPPL)).isZero();
        assertThat(m.get(BiasMetric.AD)).isZero();
    }
}
