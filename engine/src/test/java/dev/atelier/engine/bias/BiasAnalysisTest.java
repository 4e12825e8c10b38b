package dev.atelier.engine.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiasAnalysisTest {
    private static final BiasAnalysis.Spec LOAN = new BiasAnalysis.Spec("approved", OutcomeRule.parse("yes"),
            Facet.parse("gender=female"), null);

    private static Dataset loans(Path dir) throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        return CsvImporter.read(csv, CsvOptions.defaults().withTypeOverrides(Map.of("approved", ColumnType.CATEGORICAL)),
                JobContext.silent()).dataset();
    }

    @Test
    void findsThePlantedGenderGapInTheLoanSample(@TempDir Path dir) throws IOException {
        Dataset data = loans(dir);
        BiasReport report = BiasAnalysis.run(data, LOAN, null, JobContext.silent());
        // Clarify's facet a is every other row: men 712 / 1,033 and nonbinary 28 / 46 approved; women 504 / 921
        assertThat(report.value(BiasMetric.DPL)).isCloseTo(740.0 / 1079 - 504.0 / 921, within(1e-12));
        // DATASETS.md compares women with men only: 54.7 % vs 68.9 %, a gap of 0.142
        BiasReport menAndWomen = BiasAnalysis.run(womenAndMen(data), LOAN, null, JobContext.silent());
        assertThat(menAndWomen.value(BiasMetric.DPL)).isCloseTo(0.142, within(0.001));
        assertThat(menAndWomen.value(BiasMetric.CI)).isCloseTo((1033 - 921) / 1954.0, within(1e-12));
        assertThat(report.value(BiasMetric.TVD)).isCloseTo(report.value(BiasMetric.DPL), within(1e-12));
        assertThat(report.results()).hasSize(8);
        assertThat(report.facetRows() + report.otherRows() + report.skippedRows()).isEqualTo(data.rowCount());

        Model trained = xgboost(data);
        BiasReport withModel = BiasAnalysis.run(data, LOAN, trained, JobContext.silent());
        assertThat(withModel.results()).hasSize(BiasMetric.values().length);
        // the model learns the planted gap: women get fewer approvals than men
        assertThat(withModel.value(BiasMetric.DPPL)).isPositive();
        assertThat(withModel.value(BiasMetric.DI)).isLessThan(1);
        assertThat(withModel.value(BiasMetric.GE)).isBetween(0.0, 0.5);
        assertThat(withModel.value(BiasMetric.FT)).isBetween(-1.0, 1.0);
    }

    private static Dataset womenAndMen(Dataset data) {
        int gender = data.schema().indexOf("gender");
        int[] rows = java.util.stream.IntStream.range(0, data.rowCount())
                .filter(r -> !data.text(r, gender).equals("nonbinary")).toArray();
        return data.rows(rows);
    }

    @Test
    void aPerfectModelHasTheDataDisparateImpact(@TempDir Path dir) throws IOException {
        Dataset data = womenAndMen(loans(dir));
        int label = data.schema().indexOf("approved");
        int gender = data.schema().indexOf("gender");
        int n = data.rowCount();
        boolean[] y = new boolean[n];
        boolean[] facet = new boolean[n];
        for (int r = 0; r < n; r++) {
            y[r] = data.text(r, label).equals("yes");
            facet[r] = data.text(r, gender).equals("female");
        }
        Map<BiasMetric, Double> post = BiasMetrics.postTraining(y, y, facet, null, null, 0, JobContext.silent());
        assertThat(post.get(BiasMetric.DI)).isCloseTo(0.794, within(0.005));
        assertThat(post.get(BiasMetric.DPPL)).isCloseTo(0.142, within(0.002));
        assertThat(post.get(BiasMetric.AD)).isZero();
        assertThat(post.get(BiasMetric.GE)).isZero();
    }

    @Test
    void thresholdsOnNumericFacetsAndContinuousLabels() {
        Dataset data = Dataset.builder("t")
                .numeric("age", 20, 30, 45, 50, 60, 70)
                .numeric("income", 10, 80, 20, 90, 30, 5)
                .build();
        var spec = new BiasAnalysis.Spec("income", OutcomeRule.parse(">50"), Facet.parse("age>40"), null);
        BiasReport r = BiasAnalysis.run(data, spec, null, JobContext.silent());
        // a = ages 20, 30: positives 1/2; d = 45..70: positives 1/4
        assertThat(r.value(BiasMetric.DPL)).isCloseTo(0.25, within(1e-12));
        assertThat(r.value(BiasMetric.CI)).isCloseTo((2 - 4) / 6.0, within(1e-12));
        assertThat(r.facet()).isEqualTo("age > 40");
    }

    @Test
    void multiclassLabelsAreOneVersusRest() {
        Dataset data = Dataset.builder("t")
                .categorical("g", "x", "x", "y", "y")
                .categorical("c", "low", "mid", "high", "high")
                .build();
        var spec = new BiasAnalysis.Spec("c", OutcomeRule.parse("high,mid"), Facet.parse("g=x"), null);
        BiasReport r = BiasAnalysis.run(data, spec, null, JobContext.silent());
        assertThat(r.value(BiasMetric.DPL)).isCloseTo(0.5, within(1e-12));
        // a: all positive, d: half positive -> KL = 1 * ln(1 / 0.5)
        assertThat(r.value(BiasMetric.KL)).isCloseTo(Math.log(2), within(1e-12));
        // the other way round, P_d(negative) = 0 < P_a(negative): infinite, so null in the JSON map
        var flipped = new BiasAnalysis.Spec("c", OutcomeRule.parse("high,mid"), Facet.parse("g=y"), null);
        assertThat(BiasAnalysis.run(data, flipped, null, JobContext.silent()).valuesByAbbreviation())
                .containsEntry("KL", null).containsKeys("CI", "CDDL");
    }

    @Test
    void badOptionsAreTypedErrors() {
        Dataset data = Dataset.builder("t").categorical("g", "x", "x").categorical("c", "a", "b").build();
        assertThatThrownBy(() -> Facet.parse("gender"))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ANALYSIS_OPTION_INVALID));
        assertThatThrownBy(() -> BiasAnalysis.run(data,
                new BiasAnalysis.Spec("c", OutcomeRule.parse("a"), Facet.parse("g=x"), null), null, JobContext.silent()))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BIAS_FACET_EMPTY));
        assertThatThrownBy(() -> BiasAnalysis.run(data,
                new BiasAnalysis.Spec("nope", OutcomeRule.parse("a"), Facet.parse("g=x"), null), null, JobContext.silent()))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
        assertThatThrownBy(() -> BiasAnalysis.run(data,
                new BiasAnalysis.Spec("c", OutcomeRule.parse("a"), Facet.parse("g>3"), null), null, JobContext.silent()))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ANALYSIS_OPTION_INVALID));
    }

    private static Model xgboost(Dataset data) {
        Learners learners = Learners.builtIn();
        Dataset train = data.withSchema(data.schema().withTarget("approved"));
        LearnerSpec spec = LearnerSpec.of(learners.catalog(), "xgboost", ProblemType.BINARY_CLASSIFICATION, "approved",
                Map.of("num_round", "30"), 1);
        return learners.require("xgboost").fit(TrainingData.of(train), spec, JobContext.silent(), TrainingListener.NONE);
    }
}
