package dev.atelier.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.controls.UiMessage;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.project.DataLoader;
import dev.atelier.app.project.EngineDataLoader;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.Severity;
import dev.atelier.sampledata.SampleDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataViewModelTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final RunningJobsViewModel running = new RunningJobsViewModel();
    private final FakeFiles files = new FakeFiles();
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");

    private DataViewModel vm(DataLoader loader) {
        SampleSource samples = new SampleSource() {
            @Override
            public List<dev.atelier.sampledata.SampleDataset> all() {
                return SampleDatasets.all();
            }

            @Override
            public Path extract(dev.atelier.sampledata.SampleDataset sample) throws java.io.IOException {
                return SampleDatasets.extract(sample, dir.resolve("samples"));
            }
        };
        return new DataViewModel(state, loader, JobRunner.direct(messages, errors, running), files, messages, samples);
    }

    private Path csv(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void loadingACsvExposesRowsColumnsAndDiagnostics() throws Exception {
        DataViewModel vm = vm(new EngineDataLoader());
        Path file = csv("people.csv", "id,age,city,score\n007,31,Oslo,1.5\n008,n/a,Bergen,2\n009,45,,3.25\n");

        vm.openFile(file);

        assertThat(errors.errors()).isEmpty();
        assertThat(vm.isLoading()).isFalse();
        assertThat(vm.getTableData().rowCount()).isEqualTo(3);
        assertThat(vm.getTableData().text(0, 0)).isEqualTo("007");
        assertThat(vm.titleProperty().get()).isEqualTo("people.csv");
        assertThat(vm.sizeTextProperty().get()).isEqualTo("3 rows × 4 columns");
        assertThat(vm.formatTextProperty().get()).startsWith("Read as comma-separated");
        assertThat(vm.columns()).extracting(ColumnSummaryRow::name).containsExactly("id", "age", "city", "score");
        assertThat(vm.columns()).extracting(ColumnSummaryRow::type)
                .containsExactly(ColumnType.TEXT, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC);
        ColumnSummaryRow age = vm.columns().get(1);
        assertThat(age.missingFraction()).isEqualTo(1.0 / 3);
        assertThat(age.distinct()).isEqualTo(2);
        assertThat(vm.notes()).extracting(UiMessage::text)
                .contains("Values in \"id\" such as \"007\" have leading zeros, so the column is kept as text.")
                .noneMatch(t -> t.startsWith("Read as"));
        assertThat(vm.targetTextProperty().get()).startsWith("No target yet");
        assertThat(state.isDirty()).isTrue();
        assertThat(running.jobs()).isEmpty();
    }

    @Test
    void choosingARoleChangesTheProjectAndANewTargetDemotesTheOld() throws Exception {
        DataViewModel vm = vm(new EngineDataLoader());
        vm.openFile(csv("p.csv", "a,b,c\n1,x,true\n2,y,false\n"));
        int generation = vm.generationProperty().get();
        long revision = state.getRevision();

        vm.setRole("b", ColumnRole.TARGET);
        assertThat(state.getRevision()).isGreaterThan(revision);
        assertThat(state.getData().dataset().schema().target()).get().extracting(c -> c.name()).isEqualTo("b");
        assertThat(vm.targetTextProperty().get()).isEqualTo("Predicting: b");

        vm.columns().get(0).roleProperty().set(ColumnRole.TARGET);   // as the Role combo box does
        assertThat(vm.columns()).extracting(ColumnSummaryRow::getRole)
                .containsExactly(ColumnRole.TARGET, ColumnRole.FEATURE, ColumnRole.FEATURE);
        assertThat(state.getData().dataset().schema().column("b").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(vm.generationProperty().get()).as("a role change does not rebuild the table").isEqualTo(generation);
        assertThat(state.isDirty()).isTrue();
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndThePreviousDataStays() throws Exception {
        DataViewModel vm = vm(new EngineDataLoader());
        vm.openFile(csv("good.csv", "a,b\n1,2\n3,4\n"));
        var before = vm.getTableData();
        Path empty = csv("empty.csv", "");

        vm.openFile(empty);

        assertThat(errors.errors()).singleElement().isInstanceOfSatisfying(DataException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_EMPTY));
        assertThat(errors.shownMessages()).containsExactly("The file " + empty + " is empty.");
        assertThat(vm.getTableData()).isSameAs(before);
        assertThat(vm.isLoading()).isFalse();
        assertThat(running.getLastMessage()).isEqualTo("Could not open empty.csv.");
    }

    @Test
    void aCancelledLoadIsNotAnErrorAndKeepsThePreviousData() throws Exception {
        DataLoader real = new EngineDataLoader();
        DataLoader cancelling = (file, options, roles, ctx) -> {
            if (file.getFileName().toString().equals("big.csv")) {
                throw new CancellationException("user cancelled");
            }
            return real.load(file, options, roles, ctx);
        };
        DataViewModel vm = vm(cancelling);
        vm.openFile(csv("small.csv", "a\n1\n"));
        var before = vm.getTableData();

        vm.openFile(csv("big.csv", "a\n1\n"));

        assertThat(errors.errors()).isEmpty();
        assertThat(vm.getTableData()).isSameAs(before);
        assertThat(vm.isLoading()).isFalse();
        assertThat(running.getLastMessage()).isEqualTo("Opening big.csv was cancelled; the previous data is still shown.");
    }

    @Test
    void aSampleOpensWithItsTargetAndSensitiveColumnChosen() {
        DataViewModel vm = vm(new EngineDataLoader());

        assertThat(vm.openSample("loan-approval")).isTrue();

        assertThat(errors.errors()).isEmpty();
        assertThat(vm.getTableData().rowCount()).isEqualTo(SampleDatasets.LOAN_APPROVAL.rows());
        assertThat(vm.titleProperty().get()).isEqualTo("Loan approval");
        assertThat(state.getData().sampleId()).isEqualTo("loan-approval");
        var schema = state.getData().dataset().schema();
        assertThat(schema.column("approved").role()).isEqualTo(ColumnRole.TARGET);
        assertThat(schema.column("gender").role()).isEqualTo(ColumnRole.SENSITIVE);
        assertThat(vm.getTableData().text(0, schema.indexOf("applicant_id"))).isEqualTo("000138");
        assertThat(vm.notes()).allMatch(m -> m.severity() != Severity.ERROR);
        assertThat(state.name()).isEqualTo("Loan approval");
    }

    @Test
    void anUnknownSampleIsRefused() {
        assertThat(vm(new EngineDataLoader()).openSample("no-such-sample")).isFalse();
    }

    @Test
    void openDataAsksForAFileAndDoesNothingWhenCancelled() throws Exception {
        DataViewModel vm = vm(new EngineDataLoader());
        vm.chooseAndOpenFile();
        assertThat(vm.getTableData()).isNull();
        files.data = csv("chosen.csv", "x,y\n1,2\n");
        vm.chooseAndOpenFile();
        assertThat(vm.getTableData().rowCount()).isEqualTo(1);
    }

    @Test
    void withAnImporterInstalledChosenFilesGoToItAndItsRequestLoadsWithItsSettings() throws Exception {
        DataViewModel vm = vm(new EngineDataLoader());
        List<Path> asked = new java.util.ArrayList<>();
        vm.setImporter(asked::add);
        files.data = csv("chosen.csv", "x;y\n1;2\n3;4\n");
        vm.chooseAndOpenFile();
        assertThat(asked).containsExactly(files.data.toAbsolutePath().normalize());
        assertThat(vm.getTableData()).isNull();
        assertThat(vm.canOpen(dir)).isTrue();

        var options = dev.atelier.engine.data.io.ImportOptions.of(dev.atelier.engine.data.io.CsvOptions.defaults()
                .withDelimiter(';').withTypeOverrides(java.util.Map.of("x", ColumnType.CATEGORICAL)));
        vm.importData(new dev.atelier.app.data.importer.ImportRequest(files.data.toString(), "chosen.csv", options,
                java.util.Map.of("y", ColumnRole.TARGET)));
        assertThat(vm.getTableData().schema().column("x").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(vm.getTableData().schema().target()).get().extracting(c -> c.name()).isEqualTo("y");
        assertThat(vm.titleProperty().get()).isEqualTo("chosen.csv");
        assertThat(state.isDirty()).isTrue();
    }
}
