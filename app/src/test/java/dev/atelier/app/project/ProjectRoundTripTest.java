package dev.atelier.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.testing.FakeDialogs;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Save and open through the real engine: ProjectStore, Fingerprints, CsvImporter, Profiler.
class ProjectRoundTripTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final FakeFiles files = new FakeFiles();
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private final DataLoader loader = new EngineDataLoader();
    private ProjectViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ProjectViewModel(state, new EngineProjectRepository(), loader, JobRunner.direct(messages, errors),
                new FakeDialogs(), files, new RecentProjects(dir.resolve("recent.json")));
    }

    @Test
    void aSavedProjectOpensAgainWithItsDataRolesAndFormat() throws Exception {
        Path csv = dir.resolve("shop").resolve("orders.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "order;amount;returned\nA1;10,5;no\nA2;7;yes\nA3;12;no\n");
        state.setData(loader.load(csv, CsvOptions.defaults(), dev.atelier.engine.job.JobContext.silent()));
        state.setColumnRole("returned", ColumnRole.TARGET);
        state.setColumnRole("order", ColumnRole.ID);
        Path project = dir.resolve("Returns.atelier");
        files.projectToSave = project;

        vm.saveAs(() -> { });
        assertThat(errors.errors()).isEmpty();
        assertThat(Files.readString(project)).contains("shop/orders.csv");
        state.reset();

        vm.openFile(project);

        assertThat(errors.errors()).isEmpty();
        assertThat(state.name()).isEqualTo("Returns");
        assertThat(state.isDirty()).isFalse();
        LoadedDataset data = state.getData();
        assertThat(data.dataset().rowCount()).isEqualTo(3);
        assertThat(data.format().delimiter()).isEqualTo(';');
        var schema = data.dataset().schema();
        assertThat(schema.column("returned").role()).isEqualTo(ColumnRole.TARGET);
        assertThat(schema.column("order").role()).isEqualTo(ColumnRole.ID);
        assertThat(state.notes()).isEmpty();

        Files.writeString(csv, "order;amount;returned\nA1;10,5;no\n", java.nio.file.StandardOpenOption.APPEND);
        vm.openFile(project);
        assertThat(state.notes()).extracting(d -> d.code()).containsExactly(ErrorCode.PROJECT_DATASET_CHANGED);
    }

    @Test
    void damagedAndTooNewProjectsAreRefusedPlainlyAndChangeNothing() throws Exception {
        Path damaged = dir.resolve("damaged.atelier");
        Files.writeString(damaged, "{ this is not json");
        Path tooNew = dir.resolve("future.atelier");
        Files.writeString(tooNew, "{\"formatVersion\": 99, \"application\": \"Atelier\", \"project\": {}}");
        var before = state.getProject();

        vm.openFile(damaged);
        vm.openFile(tooNew);

        assertThat(errors.errors()).extracting(e -> ((ProjectException) e).code())
                .containsExactly(ErrorCode.PROJECT_CORRUPT, ErrorCode.PROJECT_TOO_NEW);
        assertThat(errors.shownMessages().get(1)).startsWith("The project file " + tooNew
                + " was saved by a newer Atelier (format 99");
        assertThat(state.getProject()).isSameAs(before);
        assertThat(state.getFile()).isNull();
        assertThat(vm.recent().items()).isEmpty();
    }
}
