package dev.atelier.app.data.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.project.EngineDataLoader;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.report.ProfileReport;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.profile.WarningType;
import dev.atelier.engine.job.JobContext;
import dev.atelier.sampledata.SampleDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsViewModelTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final RunningJobsViewModel running = new RunningJobsViewModel();
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private InsightsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new InsightsViewModel(state, JobRunner.direct(messages, errors, running), messages);
    }

    private void openLoan(boolean sensitiveGender) throws Exception {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        LoadedDataset loaded = new EngineDataLoader().load(csv, CsvOptions.defaults(), schema -> {
            var s = schema.withTarget("approved");
            return sensitiveGender ? s.withRole("gender", ColumnRole.SENSITIVE) : s;
        }, JobContext.silent());
        state.setData(loaded);
    }

    @Test
    void nothingRunsUntilTheTabIsShownThenTheReportArrives() throws Exception {
        openLoan(true);
        assertThat(vm.getReport()).isNull();
        assertThat(vm.staleProperty().get()).isTrue();

        vm.activeProperty().set(true);

        assertThat(errors.errors()).isEmpty();
        ProfileReport r = vm.getReport();
        assertThat(r).isNotNull();
        assertThat(r.rows()).isEqualTo(2000);
        assertThat(r.target()).isEqualTo("approved");
        assertThat(r.quick_model()).isNotNull();
        assertThat(r.feature_power()).isNotEmpty();
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.warnings()).isNotEmpty()
                .allSatisfy(w -> assertThat(w.meaning()).isNotBlank().doesNotStartWith("insights."))
                .allSatisfy(w -> assertThat(w.action()).isNotBlank());
        assertThat(vm.selectedWarningProperty().get()).isEqualTo(vm.warnings().getFirst());
        // the honest loan table: no leak
        assertThat(vm.warnings()).noneMatch(w -> w.type() == WarningType.TARGET_LEAKAGE);
    }

    @Test
    void theBiasSectionCoversTheSensitiveColumn() throws Exception {
        openLoan(true);
        vm.activeProperty().set(true);
        ProfileReport.Bias bias = vm.getReport().bias();
        assertThat(bias).isNotNull();
        assertThat(bias.facets()).extracting(ProfileReport.BiasFacet::facet)
                .containsExactly("gender = female", "gender = nonbinary");
        assertThat(bias.facets().getFirst()).satisfies(f -> {
            assertThat(f.facet()).isEqualTo("gender = female");
            assertThat(f.metrics()).extracting(ProfileReport.BiasValue::metric)
                    .containsExactly("CI", "DPL", "KL", "JS", "LP", "TVD", "KS", "CDDL");
            assertThat(f.metrics().getFirst().within_tolerance()).isTrue();   // CI 0.079
            assertThat(f.metrics().get(1).within_tolerance()).isFalse();      // DPL 0.139
        });
    }

    @Test
    void changingTheTargetOrASensitiveColumnRebuildsTheReport() throws Exception {
        openLoan(false);
        vm.activeProperty().set(true);
        assertThat(vm.getReport().bias()).isNull();

        state.setColumnRole("gender", ColumnRole.SENSITIVE);
        assertThat(vm.getReport().bias()).isNotNull();

        state.setColumnRole("home_owner", ColumnRole.TARGET);
        assertThat(vm.getReport().target()).isEqualTo("home_owner");
    }

    @Test
    void whileTheTabIsHiddenChangesOnlyMarkTheReportStale() throws Exception {
        openLoan(false);
        vm.activeProperty().set(true);
        vm.activeProperty().set(false);
        ProfileReport before = vm.getReport();
        state.setColumnRole("home_owner", ColumnRole.TARGET);
        assertThat(vm.getReport()).isSameAs(before);
        assertThat(vm.staleProperty().get()).isTrue();
        vm.activeProperty().set(true);
        assertThat(vm.getReport().target()).isEqualTo("home_owner");
    }

    @Test
    void rowsBehindWarningsDuplicatesAndAnomaliesCanBeShown() throws Exception {
        openLoan(false);
        vm.activeProperty().set(true);
        List<Integer> duplicates = vm.duplicateRows();
        assertThat(duplicates).isNotEmpty();
        InsightsViewModel.RowsTable rows = vm.rows(duplicates.subList(0, 2), 50);
        assertThat(rows.columns()).first().isEqualTo("Row");
        assertThat(rows.columns()).hasSize(13);
        assertThat(rows.rows()).hasSize(2);
        // the two rows of a duplicate group are identical after their row numbers
        assertThat(rows.rows().get(0).subList(1, 13)).isEqualTo(rows.rows().get(1).subList(1, 13));
        assertThat(vm.anomalousRows()).isNotEmpty();
        assertThat(vm.rows(vm.anomalousRows(), 3).rows()).hasSize(3);
        assertThat(vm.warnings()).filteredOn(w -> w.type() == WarningType.OUTLIERS)
                .allSatisfy(w -> assertThat(w.rows()).isNotEmpty());
    }

    @Test
    void exportWritesTheSameHtmlAsTheCli() throws Exception {
        openLoan(true);
        vm.activeProperty().set(true);
        Path out = dir.resolve("report");
        vm.setExportChooser(suggested -> {
            assertThat(suggested).isEqualTo("loan-approval-report.html");
            return Optional.of(out);
        });
        vm.chooseAndExport();
        Path written = dir.resolve("report.html");
        assertThat(vm.lastExportProperty().get()).isEqualTo(written);
        String html = Files.readString(written);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Pre-training bias").contains("gender = female")
                .isEqualTo(dev.atelier.app.report.ProfileHtml.render(vm.getReport()));
    }

    @Test
    void withoutDataThereIsNoReport() {
        vm.activeProperty().set(true);
        assertThat(vm.getReport()).isNull();
        assertThat(vm.warnings()).isEmpty();
        assertThat(InsightsViewModel.level(WarningType.TARGET_LEAKAGE)).isEqualTo(InsightsViewModel.Level.HIGH);
    }
}
