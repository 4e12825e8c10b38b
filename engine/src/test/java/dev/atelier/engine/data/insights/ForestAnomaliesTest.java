package dev.atelier.engine.data.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class ForestAnomaliesTest {
    @Test
    void theScoresDoNotDependOnTheNumberOfThreads() {
        int n = 9_000;
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            b[i] = a[i] * 2 + r.nextGaussian() * 0.1;
        }
        a[17] = 40; // a planted anomaly
        Dataset data = Dataset.builder("t").numeric("a", a).numeric("b", b).build();
        InsightsReport.Anomalies one = ForestAnomalies.find(data, null, InsightsOptions.defaults(), JobContext.silent(), 1);
        InsightsReport.Anomalies two = ForestAnomalies.find(data, null, InsightsOptions.defaults(), JobContext.silent(), 2);
        assertThat(two).isEqualTo(one);
        assertThat(one.top().getFirst().row()).isEqualTo(17);
    }
}
