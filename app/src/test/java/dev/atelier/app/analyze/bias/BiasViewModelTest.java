package dev.atelier.app.analyze.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.build.AutopilotSetupViewModel;
import dev.atelier.app.build.BuildViewModel;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.report.BiasTable;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.bias.BiasMetric;
import dev.atelier.engine.bias.OutcomeRates;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// The Bias tab's view-model on the loan sample after a one-candidate Autopilot run (direct jobs, no toolkit):
/// defaults (the sensitive column, the disadvantaged value, the positive class), the metrics against the CLI's
/// figures, the tolerance colouring (DI around 1), numeric facets, bad input and the HTML export.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiasViewModelTest {
    @TempDir
    static Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final JobRunner jobs = JobRunner.direct(messages, errors, new RunningJobsViewModel());
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private final AutopilotSession session = new AutopilotSession();
    private final Learners learners = Learners.builtIn();
    private Path saved;

    @BeforeAll
    void trainOnTheLoanSample() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Dataset ds = CsvImporter.read(csv, CsvOptions.defaults(), JobContext.silent()).dataset();
        ds = ds.withSchema(ds.schema().withTarget("approved").withRole("gender", ColumnRole.SENSITIVE)
                .withRole("applicant_id", ColumnRole.ID));
        state.setData(new LoadedDataset(LoadedDataset.DEFAULT_ID, "loan-approval.csv", csv, null, ds,
                CsvOptions.defaults(), List.of(), null));
        BuildViewModel build = new BuildViewModel(state, learners, jobs, new FakeFiles(), messages, Runnable::run,
                Clock.systemUTC());
        var autopilot = new AutopilotSetupViewModel(build, state, learners, jobs, messages, Runnable::run, session,
                () -> { });
        autopilot.maxCandidatesProperty().set(1);
        autopilot.modeProperty().set(AutopilotSpec.Mode.HPO);
        autopilot.start();
        assertThat(errors.errors()).isEmpty();
        assertThat(session.getResult()).isNotNull();
    }

    private BiasViewModel vm() {
        return new BiasViewModel(session, learners.catalog(), jobs, name -> Optional.of(saved = dir.resolve(name
                + ".html")), messages, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    }

    @Test
    void withoutAModelTheTabSaysWhatToDo() {
        var empty = new BiasViewModel(new AutopilotSession(), learners.catalog(), jobs, n -> Optional.empty(), messages,
                Clock.systemUTC());
        assertThat(empty.readyProperty().get()).isFalse();
        assertThat(empty.noteProperty().get()).contains("Autopilot");
        empty.run();
        assertThat(empty.getResult()).isNull();
    }

    @Test
    void defaultsToTheSensitiveColumnItsLeastFavouredValueAndThePositiveClass() {
        BiasViewModel vm = vm();
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.facetColumns()).first().isEqualTo("gender");
        assertThat(vm.isSensitive("gender")).isTrue();
        assertThat(vm.facetColumns()).contains("age", "region", "purpose").doesNotContain("approved", "applicant_id");
        assertThat(vm.facetValues()).containsExactly("male", "female", "nonbinary");
        assertThat(vm.facetValueProperty().get()).isEqualTo("female");   // 54.7 % approved, the lowest
        assertThat(vm.labelProperty().get()).isEqualTo("approved");
        assertThat(vm.positives()).hasSize(1);
        assertThat(vm.labelValues()).hasSize(2);
        assertThat(vm.groupColumns()).first().isEqualTo("");
        assertThat(vm.toleranceProperty().get()).isEqualTo(0.1);
        assertThat(vm.titleProperty().get()).contains("#");
    }

    @Test
    void runFindsThePlantedGapAsTheCliDoesAndFlagsItAgainstTheTolerance() {
        BiasViewModel vm = vm();
        vm.groupColumnProperty().set("purpose");
        vm.run();
        assertThat(errors.errors()).isEmpty();
        BiasViewModel.Result r = vm.getResult();
        assertThat(r).isNotNull();
        assertThat(r.post()).isNotNull();
        // the CLI's DPL on the whole file: women 504 / 921 approved, everyone else 740 / 1,079
        assertThat(r.pre().value(BiasMetric.DPL)).isCloseTo(740.0 / 1079 - 504.0 / 921, within(1e-12));
        assertThat(vm.rows()).hasSize(BiasMetric.values().length);
        BiasTable.Row dpl = row(vm, BiasMetric.DPL);
        assertThat(dpl.status()).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(dpl.reading()).contains("gender = female", "13.9 points less often", "54.7 %", "68.6 %");
        assertThat(row(vm, BiasMetric.CI).status()).isEqualTo(BiasTable.Status.WITHIN);
        assertThat(vm.summaryProperty().get()).contains("921 rows", "1,079 other rows");
        assertThat(r.rates()).extracting(OutcomeRates.Rate::kind).startsWith(OutcomeRates.Kind.FACET,
                OutcomeRates.Kind.OTHERS);
        int testRows = session.getContext().test().rowCount();
        assertThat(r.predicted().get(0).rows() + r.predicted().get(1).rows()).isEqualTo(testRows);
        assertThat(r.predicted().get(0).predicted()).isBetween(0.0, 1.0);

        // DI is compared by its distance from 1
        BiasTable.Row di = row(vm, BiasMetric.DI);
        assertThat(di.status()).isEqualTo(Math.abs(1 - di.value()) <= 0.1 ? BiasTable.Status.WITHIN
                : BiasTable.Status.OUTSIDE);
        // a wider tolerance recolours without running again
        vm.toleranceProperty().set(0.2);
        assertThat(row(vm, BiasMetric.DPL).status()).isEqualTo(BiasTable.Status.WITHIN);
        assertThat(vm.getResult()).isSameAs(r);
        vm.toleranceProperty().set(0.01);
        assertThat(row(vm, BiasMetric.DPL).status()).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(row(vm, BiasMetric.CI).status()).isEqualTo(BiasTable.Status.OUTSIDE);
    }

    @Test
    void aNumericFacetUsesAThresholdAndBadNumbersAreExplained() {
        BiasViewModel vm = vm();
        vm.facetColumnProperty().set("age");
        assertThat(vm.facetNumericProperty().get()).isTrue();
        assertThat(vm.facetValues()).isEmpty();
        assertThat(vm.facetThresholdProperty().get()).isEqualTo("41");   // the median age
        vm.facetThresholdProperty().set("sixty");
        vm.run();
        assertThat(vm.getResult()).isNull();
        assertThat(vm.noteProperty().get()).contains("\"sixty\" is not a number");
        vm.facetThresholdProperty().set("60");
        vm.run();
        assertThat(vm.getResult()).isNotNull();
        assertThat(vm.getResult().spec().facet().toString()).isEqualTo("age > 60");
        assertThat(vm.getResult().rates()).hasSize(2);
        assertThat(row(vm, BiasMetric.DPL).reading()).contains("age > 60");
    }

    @Test
    void withoutAGoodOutcomeNothingRuns() {
        BiasViewModel vm = vm();
        vm.positives().clear();
        vm.run();
        assertThat(vm.getResult()).isNull();
        assertThat(vm.noteProperty().get()).contains("good outcome");
    }

    @Test
    void exportWritesTheHtmlReportWithBiasAndShap() throws IOException {
        BiasViewModel vm = vm();
        vm.run();
        vm.exportReport();
        assertThat(errors.errors()).isEmpty();
        assertThat(saved).isNotNull().isRegularFile();
        assertThat(saved.getFileName().toString()).isEqualTo("bias-report-gender-female.html");
        String html = Files.readString(saved);
        assertThat(html).contains("Bias and explainability report", "<b>DPL</b>", "<b>DPPL</b>", "Mean |SHAP|",
                "2026-01-02 03:04 UTC", "credit_score").doesNotContain("<script");
        assertThat(vm.exportMessageProperty().get()).contains(saved.toString());
        assertThat(vm.exportingProperty().get()).isFalse();
    }

    private static BiasTable.Row row(BiasViewModel vm, BiasMetric m) {
        return vm.rows().stream().filter(r -> r.metric() == m).findFirst().orElseThrow();
    }
}
