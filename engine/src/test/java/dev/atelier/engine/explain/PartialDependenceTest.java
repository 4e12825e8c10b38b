package dev.atelier.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadWriter;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PartialDependenceTest {
    private static final Learners LEARNERS = Learners.builtIn();

    /// `y = 3·x1 − 2·x2 + (region = north ? 1.5 : 0) + 10`, by hand; counts its calls.
    private static final class HandModel implements Model {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger rows = new AtomicInteger();

        @Override
        public ModelHeader header() {
            return new ModelHeader(LearnerSpec.of(LEARNERS.catalog(), "linear-learner", ProblemType.REGRESSION, "y",
                    Map.of(), 1), List.of());
        }

        @Override
        public FeaturePipeline pipeline() {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public Predictions predict(Dataset data) {
            calls.incrementAndGet();
            rows.addAndGet(data.rowCount());
            int x1 = data.schema().indexOf("x1");
            int x2 = data.schema().indexOf("x2");
            int region = data.schema().indexOf("region");
            double[] out = new double[data.rowCount()];
            for (int r = 0; r < out.length; r++) {
                out[r] = 3 * data.number(r, x1) - 2 * data.number(r, x2)
                        + (data.text(r, region).equals("north") ? 1.5 : 0) + 10;
            }
            return Predictions.regression(out);
        }

        @Override
        public List<dev.atelier.engine.error.Diagnostic> diagnostics() {
            return List.of();
        }

        @Override
        public void writePayload(PayloadWriter out) {
            throw new UnsupportedOperationException();
        }
    }

    private static Dataset handData(int n) {
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] region = new String[n];
        String[] regions = {"north", "south", "south", "east"};
        for (int i = 0; i < n; i++) {
            x1[i] = i % 11;          // 0..10
            x2[i] = (i * 7) % 5;
            region[i] = regions[i % regions.length];
        }
        return Dataset.builder("hand").numeric("x1", x1).numeric("x2", x2).categorical("region", region).build();
    }

    @Test
    void aLinearModelGivesAStraightPdpWithItsSlopeAndParallelIceLinesWhoseMeanIsThePdp() {
        HandModel model = new HandModel();
        Dataset data = handData(110);
        var c = PartialDependence.compute(model, data, "x1", new PartialDependence.Options(11, 500,
                ShapExplainer.Scale.PROBABILITY, -1, 0), JobContext.silent());
        assertThat(c.categorical()).isFalse();
        assertThat(c.grid()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);   // the quantiles of 0..10
        assertThat(c.rows()).hasSize(110);
        assertThat(c.scale()).isEqualTo("value");
        for (int p = 1; p < c.grid().length; p++) {
            double slope = (c.average()[p] - c.average()[p - 1]) / (c.grid()[p] - c.grid()[p - 1]);
            assertThat(slope).isCloseTo(3.0, within(1e-9));
        }
        // the PDP at x1 = v is 3v + mean(−2·x2 + 1.5·[north]) + 10
        double rest = 0;
        for (int r = 0; r < 110; r++) {
            rest += -2 * data.number(r, 1) + (data.text(r, 2).equals("north") ? 1.5 : 0);
        }
        assertThat(c.average()[4]).isCloseTo(12 + rest / 110 + 10, within(1e-9));
        for (int line = 0; line < c.rows().length; line++) {
            double offset = c.ice(line, 0) - c.average()[0];
            for (int p = 0; p < c.grid().length; p++) {
                assertThat(c.ice(line, p) - c.average()[p]).isCloseTo(offset, within(1e-9));   // parallel
            }
        }
        for (int p = 0; p < c.grid().length; p++) {
            double mean = 0;
            for (int line = 0; line < c.rows().length; line++) {
                mean += c.ice(line, p) / c.rows().length;
            }
            assertThat(c.average()[p]).isCloseTo(mean, within(1e-9));
        }
        // one row's own value sits on its own ICE line at its prediction
        assertThat(c.actual()[5]).isEqualTo(data.number(c.rows()[5], 0));
    }

    @Test
    void categoricalColumnsUseTheirLevelsMostFrequentFirst() {
        HandModel model = new HandModel();
        Dataset data = handData(40);
        var c = PartialDependence.compute(model, data, "region", PartialDependence.Options.defaults(),
                JobContext.silent());
        assertThat(c.categorical()).isTrue();
        assertThat(c.labels()).containsExactly("south", "east", "north");
        assertThat(c.grid()).containsExactly(0, 1, 2);
        assertThat(c.average()[2] - c.average()[0]).isCloseTo(1.5, within(1e-9));
        assertThat(c.average()[1]).isCloseTo(c.average()[0], within(1e-9));
        int north = (int) c.actual()[0];   // row 0 is north
        assertThat(c.labels().get(north)).isEqualTo("north");
    }

    @Test
    void predictionsAreBatchedAndRowsSampled() {
        HandModel model = new HandModel();
        Dataset data = handData(3000);
        var c = PartialDependence.compute(model, data, "x1", new PartialDependence.Options(11, 2500,
                ShapExplainer.Scale.PROBABILITY, -1, 3), JobContext.silent());
        assertThat(c.rows()).hasSize(2500).isSorted().doesNotHaveDuplicates();
        // 11 grid points × 2,500 rows in batches of ≤ 20,000 rows: 8 points per call
        assertThat(model.calls.get()).isEqualTo(2);
        assertThat(model.rows.get()).isEqualTo(11 * 2500);
    }

    @Test
    void logisticModelOnTheLogitScaleHasParallelIceLinesAndProbabilitiesStayInZeroOne() {
        Dataset churn = SyntheticData.logistic(400, 5, false);
        LearnerSpec spec = LearnerSpec.of(LEARNERS.catalog(), "linear-learner", ProblemType.BINARY_CLASSIFICATION,
                "churn", Map.of(), 1);
        Model model = LEARNERS.require("linear-learner").fit(TrainingData.of(churn), spec, JobContext.silent(),
                TrainingListener.NONE);
        var logit = PartialDependence.compute(model, churn, "x1", new PartialDependence.Options(10, 100,
                ShapExplainer.Scale.LOGIT, -1, 0), JobContext.silent());
        assertThat(logit.className()).isEqualTo("yes");
        assertThat(logit.scale()).isEqualTo("logit");
        double slope = (logit.average()[9] - logit.average()[0]) / (logit.grid()[9] - logit.grid()[0]);
        assertThat(slope).isGreaterThan(1.0);   // the data's true log-odds slope of x1 is 2
        for (int line = 0; line < 100; line++) {
            double offset = logit.ice(line, 0) - logit.average()[0];
            for (int p = 0; p < 10; p++) {
                assertThat(logit.ice(line, p) - logit.average()[p]).isCloseTo(offset, within(1e-6));
            }
        }
        var probability = PartialDependence.compute(model, churn, "x1", new PartialDependence.Options(10, 100,
                ShapExplainer.Scale.PROBABILITY, 0, 0), JobContext.silent());
        assertThat(probability.className()).isEqualTo("no");
        assertThat(probability.range()[0]).isGreaterThanOrEqualTo(0);
        assertThat(probability.range()[1]).isLessThanOrEqualTo(1);
        assertThat(probability.average()[9]).isLessThan(probability.average()[0]);   // "no" falls as x1 rises
    }

    @Test
    void aTrainedLinearRegressionHasThePdpSlopeOfTheData() {
        Dataset linear = SyntheticData.linear(500, 2);
        LearnerSpec spec = LearnerSpec.of(LEARNERS.catalog(), "linear-learner", ProblemType.REGRESSION, "y",
                Map.of(), 1);
        Model model = LEARNERS.require("linear-learner").fit(TrainingData.of(linear), spec, JobContext.silent(),
                TrainingListener.NONE);
        var c = PartialDependence.compute(model, linear, "x2", PartialDependence.Options.defaults(),
                JobContext.silent());
        int last = c.grid().length - 1;
        double slope = (c.average()[last] - c.average()[0]) / (c.grid()[last] - c.grid()[0]);
        assertThat(slope).isBetween(-3.0, -1.5);   // the data's slope is −2 (the learner regularises)
        for (int p = 1; p <= last; p++) {   // a straight line
            assertThat((c.average()[p] - c.average()[p - 1]) / (c.grid()[p] - c.grid()[p - 1]))
                    .isCloseTo(slope, within(1e-6 * (1 + Math.abs(slope))));
        }
        var flag = PartialDependence.compute(model, linear, "flag", PartialDependence.Options.defaults(),
                JobContext.silent());
        assertThat(flag.labels()).containsExactly("false", "true");
        assertThat(flag.average()[1] - flag.average()[0]).isBetween(0.2, 0.8);   // the data's effect is 0.5
    }

    @Test
    void badColumnsAndCancellationAreReported() {
        HandModel model = new HandModel();
        Dataset data = handData(20);
        assertThatThrownBy(() -> PartialDependence.compute(model, data, "nope", PartialDependence.Options.defaults(),
                JobContext.silent())).isInstanceOf(DataException.class)
                .extracting(e -> ((DataException) e).code()).isEqualTo(ErrorCode.FEATURE_COLUMN_MISSING);
        Dataset dated = Dataset.builder("d").numeric("x1", 1, 2).numeric("x2", 1, 2).categorical("region", "a", "b")
                .dateTime("when", java.time.LocalDateTime.of(2024, 1, 1, 0, 0), null).build();
        assertThatThrownBy(() -> PartialDependence.compute(model, dated, "when", PartialDependence.Options.defaults(),
                JobContext.silent())).isInstanceOf(DataException.class)
                .extracting(e -> ((DataException) e).code()).isEqualTo(ErrorCode.ANALYSIS_OPTION_INVALID);
        Job job = new Job("test");
        job.cancel();
        assertThatThrownBy(() -> job.run(ctx -> PartialDependence.compute(model, data, "x1",
                PartialDependence.Options.defaults(), ctx))).isInstanceOf(CancellationException.class);
    }
}
