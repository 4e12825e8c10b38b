package dev.atelier.engine.data.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.TestJobContexts;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.profile.ProfileWarning;
import dev.atelier.engine.data.profile.WarningType;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.JobContext;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsTest {

    /// 2,000 rows: honest features x1..x3 and a category, a leak column that is a noisy copy of the label,
    /// a constant column, 3 planted outliers in x2, 10 planted duplicate rows, and 5 planted anomalous rows.
    static Dataset planted(int rows, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int n = rows;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        double[] leak = new double[n];
        double[] constant = new double[n];
        String[] cat = new String[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian() * 2 + 10;
            x3[i] = r.nextGaussian();
            cat[i] = "c" + r.nextInt(4);
            double logit = x1[i] - 0.5 * x3[i] + (cat[i].equals("c0") ? 0.5 : 0);
            boolean positive = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            y[i] = positive ? "yes" : "no";
            leak[i] = (positive ? 100 : 0) + r.nextDouble() * 10;
            constant[i] = 7;
        }
        // planted outliers in x2
        x2[11] = 500;
        x2[222] = -400;
        x2[n * 2 / 3] = 800;
        // planted anomalies: rows far away on several columns at once
        for (int i : new int[] {50, 60, 70, 80, 90}) {
            x1[i] = 9;
            x3[i] = -9;
        }
        // planted duplicates: rows 1900..1909 copy rows 100..109
        for (int k = 0; k < 10; k++) {
            int from = 100 + k;
            int to = rows - 100 + k;
            x1[to] = x1[from];
            x2[to] = x2[from];
            x3[to] = x3[from];
            leak[to] = leak[from];
            cat[to] = cat[from];
            y[to] = y[from];
        }
        return Dataset.builder("planted").numeric("x1", x1).numeric("x2", x2).numeric("x3", x3)
                .categorical("cat", cat).numeric("leak", leak).numeric("constant", constant)
                .categorical("y", y).build();
    }

    @Test
    void findsEveryPlantedProblem() {
        Dataset data = planted(2000, 7);
        InsightsReport report = Insights.analyze(data, "y", InsightsOptions.defaults(), JobContext.silent());

        assertThat(report.problem()).isEqualTo(ProblemType.BINARY_CLASSIFICATION);
        assertThat(report.warnings(WarningType.TARGET_LEAKAGE)).extracting(ProfileWarning::column)
                .containsExactly("leak");
        assertThat(report.warnings(WarningType.TARGET_LEAKAGE).getFirst().detail()).contains("AUC", "\"y\"");
        assertThat(report.warnings(WarningType.CONSTANT_COLUMN)).extracting(ProfileWarning::column)
                .containsExactly("constant");
        assertThat(report.warnings(WarningType.DUPLICATE_ROWS)).singleElement()
                .satisfies(w -> assertThat(w.detail()).contains("row 1901 repeats row 101"));
        assertThat(report.duplicates()).hasSize(10);
        assertThat(report.duplicates().getFirst()).containsExactly(100, 1900);
        assertThat(report.warnings(WarningType.OUTLIERS)).extracting(ProfileWarning::column).contains("x2");
        InsightsReport.OutlierColumn x2 = report.outliers().stream().filter(o -> o.column().equals("x2"))
                .findFirst().orElseThrow();
        assertThat(x2.exampleRows()).startsWith(1333, 11, 222);

        assertThat(report.featurePower()).extracting(InsightsReport.FeaturePower::column).first().isEqualTo("leak");
        assertThat(report.featurePower()).filteredOn(p -> p.column().equals("x1")).singleElement()
                .satisfies(p -> assertThat(p.score()).isBetween(0.6, 0.9));
        assertThat(report.featurePower()).filteredOn(p -> p.column().equals("constant")).singleElement()
                .satisfies(p -> assertThat(p.score()).isBetween(0.45, 0.55));

        assertThat(report.quickModel()).isNotNull();
        assertThat(report.quickModel().metric()).isEqualTo("auc");
        assertThat(report.quickModel().score()).isGreaterThan(0.95); // the leak column is in the model
        assertThat(report.quickModel().testRows()).isEqualTo(400);

        assertThat(report.anomalies()).isNotNull();
        assertThat(report.anomalies().columns()).doesNotContain("y");
        assertThat(report.anomalies().top().subList(0, 8)).extracting(InsightsReport.AnomalousRow::row)
                .contains(50, 60, 70, 80, 90, 1333);
    }

    @Test
    void regressionLeakIsFoundByRSquared() {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        int n = 1500;
        double[] x = new double[n];
        double[] leak = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = 2 * x[i] + r.nextGaussian() * 2;
            leak[i] = y[i] * 1.1 + r.nextGaussian() * 0.05;
        }
        Dataset data = Dataset.builder("reg").numeric("x", x).numeric("leak_squared", leak).numeric("price", y)
                .build();
        InsightsReport report = Insights.analyze(data, "price", InsightsOptions.defaults().withoutModels(),
                JobContext.silent());
        assertThat(report.problem()).isEqualTo(ProblemType.REGRESSION);
        assertThat(report.warnings(WarningType.TARGET_LEAKAGE)).extracting(ProfileWarning::column)
                .containsExactly("leak_squared");
        assertThat(report.featurePower().getFirst().metric()).isEqualTo("r2");
        assertThat(report.quickModel()).isNull();
        assertThat(report.anomalies()).isNull();
    }

    @Test
    void noLeakageOnTheHonestLoanTable(@TempDir Path dir) throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Dataset data = CsvImporter.read(csv).dataset();
        InsightsReport report = Insights.analyze(data, "approved", InsightsOptions.defaults(), JobContext.silent());
        assertThat(report.warnings(WarningType.TARGET_LEAKAGE)).isEmpty();
        assertThat(report.featurePower()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.score()).isLessThan(InsightsOptions.DEFAULT_LEAKAGE_THRESHOLD));
        assertThat(report.quickModel()).isNotNull();
    }

    /// The "done when": on a realistic table (the loan sample) with one planted leak — a
    /// "disbursement_days" column that is filled only for approved loans, as a system would record it after the
    /// decision, with noise and some gaps — the report flags the planted column and no honest one.
    @Test
    void aPlantedLeakInTheLoanTableIsFlaggedAndNoHonestColumnIs(@TempDir Path dir) throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Dataset data = CsvImporter.read(csv).dataset();
        int approved = data.schema().indexOf("approved");
        var r = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(5);
        double[] days = new double[data.rowCount()];
        for (int i = 0; i < days.length; i++) {
            boolean yes = dev.atelier.engine.bias.OutcomeRule.parse("yes").isPositive(data.text(i, approved),
                    data.schema().get(approved).type());
            days[i] = r.nextDouble() < 0.03 ? Double.NaN : yes ? 3 + r.nextInt(25) : r.nextInt(3) == 0 ? 1 : 0;
        }
        Dataset leaky = Dataset.of(data.name(), data.table().copy().addColumns(
                tech.tablesaw.api.DoubleColumn.create("disbursement_days", days)),
                new dev.atelier.engine.data.Schema(java.util.stream.Stream.concat(data.schema().columns().stream(),
                        java.util.stream.Stream.of(dev.atelier.engine.data.ColumnSchema.feature("disbursement_days",
                                dev.atelier.engine.data.ColumnType.NUMERIC))).toList()));
        InsightsReport report = Insights.analyze(leaky, "approved", InsightsOptions.defaults(), JobContext.silent());
        assertThat(report.warnings(WarningType.TARGET_LEAKAGE)).extracting(ProfileWarning::column)
                .containsExactly("disbursement_days");
    }

    @Test
    void sameInputsGiveTheSameReport() {
        Dataset data = planted(600, 11);
        InsightsReport a = Insights.analyze(data, "y", InsightsOptions.defaults(), JobContext.silent());
        InsightsReport b = Insights.analyze(data, "y", InsightsOptions.defaults(), JobContext.silent());
        assertThat(a.featurePower()).isEqualTo(b.featurePower());
        assertThat(a.anomalies()).isEqualTo(b.anomalies());
        assertThat(a.quickModel()).isEqualTo(b.quickModel());
    }

    @Test
    void withoutTargetOnlyTheDataChecksRun() {
        Dataset data = planted(600, 5);
        InsightsReport report = Insights.analyze(data, null, InsightsOptions.defaults(), JobContext.silent());
        assertThat(report.target()).isNull();
        assertThat(report.featurePower()).isEmpty();
        assertThat(report.quickModel()).isNull();
        assertThat(report.warnings(WarningType.TARGET_LEAKAGE)).isEmpty();
        assertThat(report.anomalies()).isNotNull();
    }

    @Test
    void unknownTargetIsATypedError() {
        assertThatThrownBy(() -> Insights.analyze(planted(300, 1), "nope", InsightsOptions.defaults(),
                JobContext.silent()))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
    }

    @Test
    void reportsProgressAndCanBeCancelled() {
        var recording = TestJobContexts.recording();
        Insights.analyze(planted(600, 2), "y", InsightsOptions.defaults(), recording);
        assertThat(recording.fractions).isNotEmpty();
        assertThat(recording.statusKeys).contains("job.insights.profile", "job.insights.model",
                "job.insights.anomalies");
        assertThatThrownBy(() -> Insights.analyze(planted(600, 2), "y", InsightsOptions.defaults(),
                TestJobContexts.cancelAfterProgressCalls(5)))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void multiclassPowerIsMacroAuc() {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(9);
        int n = 900;
        double[] x = new double[n];
        String[] y = new String[n];
        String[] copy = new String[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(3);
            y[i] = "k" + k;
            x[i] = k + r.nextGaussian();
            copy[i] = "code-" + k;
        }
        Dataset data = Dataset.builder("multi").numeric("x", x).categorical("code", copy).categorical("y", y)
                .build();
        InsightsReport report = Insights.analyze(data, "y", InsightsOptions.defaults().withoutModels(),
                JobContext.silent());
        assertThat(report.problem()).isEqualTo(ProblemType.MULTICLASS_CLASSIFICATION);
        assertThat(report.warnings(WarningType.TARGET_LEAKAGE)).extracting(ProfileWarning::column)
                .containsExactly("code");
        assertThat(report.featurePower()).filteredOn(p -> p.column().equals("x")).singleElement()
                .satisfies(p -> assertThat(p.score()).isBetween(0.65, 0.9));
    }
}
