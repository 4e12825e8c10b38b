package dev.atelier.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.dialogs.SaveChangesChoice;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.testing.FakeDialogs;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.InMemoryProjectRepository;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import dev.atelier.engine.project.DatasetEntry;
import dev.atelier.engine.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectViewModelTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final FakeDialogs dialogs = new FakeDialogs();
    private final FakeFiles files = new FakeFiles();
    private final InMemoryProjectRepository repo = new InMemoryProjectRepository();
    private final ProjectState state = new ProjectState(clock, "Untitled project");
    private Path csv;
    private ProjectViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        csv = dir.resolve("data").resolve("churn.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "age,churned\n30,yes\n40,no\n");
        DataLoader loader = (file, options, roles, ctx) -> {
            LoadedDataset d = ProjectStateTest.data(file.getFileName().toString());
            return d.withSchema(roles.apply(d.dataset().schema()));
        };
        vm = new ProjectViewModel(state, repo, loader, JobRunner.direct(messages, errors), dialogs, files,
                new RecentProjects(dir.resolve("recent.json")));
    }

    private void openChurnData() {
        LoadedDataset d = ProjectStateTest.data("churn.csv");
        state.setData(new LoadedDataset(d.id(), d.displayName(), csv, null, d.dataset(), d.format(), List.of(),
                null));
    }

    @Test
    void saveAsRecordsTheDatasetRelativeToTheProjectWithFingerprintFormatAndSchema() {
        openChurnData();
        state.setColumnRole("age", ColumnRole.ID);
        Path target = dir.resolve("Churn study.atelier");
        files.projectToSave = target;
        repo.hashes.put(csv, "f00d");
        AtomicInteger after = new AtomicInteger();

        vm.save(after::incrementAndGet);

        assertThat(files.suggestedName).isEqualTo("churn");
        Project saved = repo.files.get(target);
        assertThat(saved.name()).isEqualTo("Churn study");
        DatasetEntry entry = saved.datasets().getFirst();
        assertThat(entry.path()).isEqualTo("data/churn.csv");
        assertThat(entry.sha256()).isEqualTo("f00d");
        assertThat(entry.columns()).extracting(c -> c.name() + ":" + c.role())
                .containsExactly("age:ID", "churned:TARGET");
        assertThat(state.isDirty()).isFalse();
        assertThat(state.getFile()).isEqualTo(target);
        assertThat(state.name()).isEqualTo("Churn study");
        assertThat(vm.recent().items()).containsExactly(target);
        assertThat(after.get()).isEqualTo(1);
    }

    @Test
    void dataOutsideTheProjectFolderIsRecordedAbsolute() {
        assertThat(ProjectViewModel.relativise(Path.of("/a/b/p.atelier"), Path.of("/c/d.csv"))).isEqualTo("/c/d.csv");
        assertThat(ProjectViewModel.relativise(Path.of("/a/b/p.atelier"), Path.of("/a/b/x/d.csv"))).isEqualTo("x/d.csv");
    }

    @Test
    void cancellingTheSaveDialogSavesNothing() {
        openChurnData();
        files.projectToSave = null;
        AtomicInteger after = new AtomicInteger();
        vm.save(after::incrementAndGet);
        assertThat(repo.files).isEmpty();
        assertThat(state.isDirty()).isTrue();
        assertThat(after.get()).isZero();
    }

    @Test
    void openingReadsTheProjectAndItsDataWithTheSavedRoles() {
        openChurnData();
        state.setColumnRole("age", ColumnRole.TARGET);
        Path target = dir.resolve("churn.atelier");
        files.projectToSave = target;
        vm.saveAs(() -> { });
        state.reset();

        vm.openFile(target);

        assertThat(errors.errors()).isEmpty();
        assertThat(state.isDirty()).isFalse();
        assertThat(state.getFile()).isEqualTo(target);
        assertThat(state.getData().dataset().schema().target()).get().extracting(c -> c.name()).isEqualTo("age");
        assertThat(state.notes()).isEmpty();
    }

    @Test
    void aDataFileThatMovedOrChangedIsNotedNotFatal() throws Exception {
        Path target = dir.resolve("p.atelier");
        DatasetEntry entry = new DatasetEntry("dataset-1", "churn.csv", "gone.csv", "abc", 
                dev.atelier.engine.data.io.CsvOptions.defaults(), List.of(), null);
        repo.files.put(target, Project.empty("P", clock.instant()).withDataset(entry));
        vm.openFile(target);
        assertThat(state.getData()).isNull();
        assertThat(state.notes()).extracting(d -> d.code()).containsExactly(ErrorCode.PROJECT_DATASET_MISSING);

        repo.files.put(target, Project.empty("P", clock.instant())
                .withDataset(new DatasetEntry("dataset-1", "churn.csv", "data/churn.csv", "old-hash",
                        dev.atelier.engine.data.io.CsvOptions.defaults(), List.of(), null)));
        vm.openFile(target);
        assertThat(state.getData()).isNotNull();
        assertThat(state.notes()).extracting(d -> d.code()).containsExactly(ErrorCode.PROJECT_DATASET_CHANGED);
    }

    @Test
    void aDamagedProjectIsReportedPlainlyAndNothingChanges() {
        openChurnData();
        Path bad = dir.resolve("bad.atelier");
        repo.failures.put(bad, new ProjectException(ErrorCode.PROJECT_CORRUPT, bad.toString(), "not JSON"));
        Project before = state.getProject();
        LoadedDataset dataBefore = state.getData();

        vm.openFile(bad);

        assertThat(errors.shownMessages()).containsExactly(
                "The project file " + bad + " is damaged and cannot be opened (not JSON). It was not changed.");
        assertThat(state.getProject()).isSameAs(before);
        assertThat(state.getData()).isSameAs(dataBefore);
        assertThat(state.isDirty()).isTrue();
    }

    @Test
    void newProjectWithUnsavedChangesAsksAndCancelKeepsEverything() {
        openChurnData();
        dialogs.answer = SaveChangesChoice.CANCEL;
        vm.newProject();
        assertThat(dialogs.asked).containsExactly("churn");
        assertThat(state.getData()).isNotNull();
    }

    @Test
    void dontSaveDiscardsAndSaveSavesFirst() {
        openChurnData();
        dialogs.answer = SaveChangesChoice.DISCARD;
        vm.newProject();
        assertThat(state.getData()).isNull();
        assertThat(repo.files).isEmpty();

        openChurnData();
        dialogs.answer = SaveChangesChoice.SAVE;
        files.projectToSave = dir.resolve("kept.atelier");
        vm.newProject();
        assertThat(repo.files).containsKey(dir.resolve("kept.atelier"));
        assertThat(state.getData()).isNull();
        assertThat(state.isDirty()).isFalse();
    }

    @Test
    void aCleanProjectIsNotAskedAbout() {
        AtomicInteger ran = new AtomicInteger();
        vm.whenSafeToDiscard(ran::incrementAndGet);
        assertThat(ran.get()).isEqualTo(1);
        assertThat(dialogs.asked).isEmpty();
    }
}
