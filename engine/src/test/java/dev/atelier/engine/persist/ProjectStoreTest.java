package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import dev.atelier.engine.persist.migrate.FormatMigration;
import dev.atelier.engine.project.ExperimentEntry;
import dev.atelier.engine.project.Project;
import dev.atelier.engine.testkit.GoldenFiles;
import dev.atelier.engine.testkit.TestProjects;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class ProjectStoreTest {
    private static final String GOLDEN = "project/v1-example.atelier";
    private final ProjectStore store = new ProjectStore();

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesAnEqualProject() {
        Path file = dir.resolve("p.atelier");
        store.write(TestProjects.example(), file);
        assertThat(store.read(file)).isEqualTo(TestProjects.example());
    }

    @Test
    void writtenFilesCarryTheEnvelope() throws IOException {
        Path file = dir.resolve("p.atelier");
        store.write(Project.empty("Empty", TestProjects.example().created()), file);
        assertThat(Files.readString(file)).startsWith("""
                {
                  "formatVersion": 1,
                  "application": "Atelier",
                  "project": {
                """);
    }

    @Test
    void aMissingFileIsReportedAsNotFound() {
        Path file = dir.resolve("nope.atelier");
        assertCode(() -> store.read(file), ErrorCode.FILE_NOT_FOUND);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFolderIsNotAProject() {
        assertCode(() -> store.read(dir), ErrorCode.FILE_IS_DIRECTORY);
    }

    @Test
    void truncatedJsonIsCorruptAndLeftUnchanged() throws IOException {
        String golden = GoldenFiles.read(GOLDEN);
        assertCorruptAndUnchanged(golden.substring(0, golden.length() / 2).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binaryGarbageIsCorruptAndLeftUnchanged() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        assertCorruptAndUnchanged(garbage);
    }

    @Test
    void aZipFileIsCorrupt() throws IOException {
        assertCorruptAndUnchanged(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   \n",
        "[]",
        "42",
        "\"a string\"",
        "null",
        "{}",
        "{\"application\": \"Atelier\"}",
        "{\"formatVersion\": \"1\", \"project\": {}}",
        "{\"formatVersion\": 1.5, \"project\": {}}",
        "{\"formatVersion\": 99999999999, \"project\": {}}",
        "{\"formatVersion\": 1}",
        "{\"formatVersion\": 1, \"project\": []}",
        "{\"formatVersion\": 1, \"project\": {}}",
        "{\"formatVersion\": 1, \"project\": {\"name\": \"x\", \"created\": \"yesterday\"}}",
        "{\"formatVersion\": 1, \"project\": {\"name\": \"x\", \"created\": \"2025-01-01T00:00:00Z\","
                + " \"datasets\": \"none\"}}",
        "{\"formatVersion\": 1, \"application\": \"Excel\", \"project\": {}}",
        "{\"formatVersion\": 1, \"formatVersion\": 1, \"project\": {}}",
        "{\"formatVersion\": 1, \"project\": {}} trailing",
        "{\"formatVersion\": 1, \"project\": {\"name\": \"x\", \"created\": \"2025-01-01T00:00:00Z\","
                + " \"datasets\": [], \"recipes\": [], \"experiments\": [], \"models\": []}",
    })
    void wrongShapesAreCorruptAndLeftUnchanged(String content) throws IOException {
        assertCorruptAndUnchanged(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHugeFileIsNotReadAsAProject() throws IOException {
        Path file = dir.resolve("huge.atelier");
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'{'}), 65L * 1024 * 1024);   // sparse
        }
        var e = catchThrowableOfType(ProjectException.class, () -> store.read(file));
        assertThat(e.code()).isEqualTo(ErrorCode.PROJECT_CORRUPT);
        assertThat((String) e.args().get(1)).contains("too large");
    }

    @Test
    void corruptReportsThePathAndAShortReason() throws IOException {
        Path file = write("broken.atelier", "{\"formatVersion\": 1, \"project\": {".getBytes(StandardCharsets.UTF_8));
        var e = catchThrowableOfType(ProjectException.class, () -> store.read(file));
        assertThat(e.code()).isEqualTo(ErrorCode.PROJECT_CORRUPT);
        assertThat(e.args()).hasSize(2);
        assertThat(e.args().getFirst()).isEqualTo(file.toString());
        assertThat((String) e.args().get(1)).isNotBlank().hasSizeLessThanOrEqualTo(200).doesNotContain("\n");
    }

    @Test
    void aNewerFormatIsTooNewAndLeftUnchanged() throws IOException {
        byte[] content = GoldenFiles.read(GOLDEN).replace("\"formatVersion\": 1", "\"formatVersion\": 2")
                .getBytes(StandardCharsets.UTF_8);
        Path file = write("new.atelier", content);
        var e = catchThrowableOfType(ProjectException.class, () -> store.read(file));
        assertThat(e.code()).isEqualTo(ErrorCode.PROJECT_TOO_NEW);
        assertThat(e.args()).containsExactly(file.toString(), 2, 1);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void versionsBelowOneAreUnknown(int version) throws IOException {
        byte[] content = ("{\"formatVersion\": " + version + ", \"project\": {}}").getBytes(StandardCharsets.UTF_8);
        Path file = write("old.atelier", content);
        var e = catchThrowableOfType(ProjectException.class, () -> store.read(file));
        assertThat(e.code()).isEqualTo(ErrorCode.PROJECT_VERSION_UNKNOWN);
        assertThat(e.args()).containsExactly(file.toString(), version);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void unknownPropertiesAreIgnoredWithinAVersion() throws IOException {
        String golden = GoldenFiles.read(GOLDEN);
        String extended = golden
                .replace("\"application\": \"Atelier\",", "\"application\": \"Atelier\", \"savedBy\": \"1.9\",")
                .replace("\"objective\": \"f1\",", "\"objective\": \"f1\", \"notes\": {\"a\": [1, 2]},");
        assertThat(extended).isNotEqualTo(golden);
        assertThat(store.read(write("ext.atelier", extended.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(TestProjects.example());
    }

    @Test
    void migrationsUpgradeOlderFormatsInMemoryOnly() throws IOException {
        // A format-1 file in which the project's name was still called "title".
        String v1 = GoldenFiles.read(GOLDEN).replace("\"name\": \"Customer churn", "\"title\": \"Customer churn");
        Path file = write("v1.atelier", v1.getBytes(StandardCharsets.UTF_8));
        FormatMigration renameTitle = document -> {
            ObjectNode project = (ObjectNode) document.get("project");
            project.set("name", project.remove("title"));
            return document;
        };
        var storeV2 = new ProjectStore(2, List.of(renameTitle));

        assertThat(storeV2.read(file)).isEqualTo(TestProjects.example());
        assertThat(Files.readString(file)).isEqualTo(v1);                              // reading never writes

        Path saved = dir.resolve("v2.atelier");
        storeV2.write(TestProjects.example(), saved);
        assertThat(Files.readString(saved)).contains("\"formatVersion\": 2");
        assertThat(storeV2.read(saved)).isEqualTo(TestProjects.example());
        assertCode(() -> store.read(saved), ErrorCode.PROJECT_TOO_NEW);
    }

    @Test
    void migrationsRunInOrderFromTheFilesVersion() throws IOException {
        var applied = new ArrayList<String>();
        FormatMigration oneToTwo = document -> {
            applied.add("1->2 saw " + document.get("formatVersion").intValue());
            return document;
        };
        FormatMigration twoToThree = document -> {
            applied.add("2->3 saw " + document.get("formatVersion").intValue());
            return document;
        };
        var storeV3 = new ProjectStore(3, List.of(oneToTwo, twoToThree));

        storeV3.read(GoldenFiles.path(GOLDEN));
        assertThat(applied).containsExactly("1->2 saw 1", "2->3 saw 2");

        applied.clear();
        Path v2 = write("v2.atelier", GoldenFiles.read(GOLDEN).replace("\"formatVersion\": 1", "\"formatVersion\": 2")
                .getBytes(StandardCharsets.UTF_8));
        storeV3.read(v2);
        assertThat(applied).containsExactly("2->3 saw 2");
    }

    @Test
    void aFailingMigrationMakesTheFileCorruptAndLeavesItUnchanged() throws IOException {
        byte[] content = GoldenFiles.read(GOLDEN).getBytes(StandardCharsets.UTF_8);
        Path file = write("v1.atelier", content);
        var storeV2 = new ProjectStore(2, List.of(document -> {
            throw new IllegalStateException("no title to rename");
        }));
        var e = catchThrowableOfType(ProjectException.class, () -> storeV2.read(file));
        assertThat(e.code()).isEqualTo(ErrorCode.PROJECT_CORRUPT);
        assertThat((String) e.args().get(1)).contains("format 1").contains("no title to rename");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void theMigrationChainMustMatchTheFormat() {
        assertThatThrownBy(() -> new ProjectStore(2, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProjectStore(0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ProjectStore().currentFormat()).isEqualTo(ProjectStore.CURRENT_FORMAT).isEqualTo(1);
    }

    @Test
    void aProjectThatWouldNotReadBackIsNotWritten() throws IOException {
        Path file = dir.resolve("p.atelier");
        store.write(TestProjects.example(), file);
        byte[] saved = Files.readAllBytes(file);
        var run = new ExperimentEntry.Run("r", "xgboost", Map.of("broken \uD83D", "1"), Map.of(),
                ExperimentEntry.RunStatus.SUCCEEDED, null, Instant.EPOCH, 0, null);
        var experiment = new ExperimentEntry("e", "e", "ds-1", null, "t", ProblemType.REGRESSION, "rmse",
                Instant.EPOCH, List.of(run));
        Project broken = TestProjects.example().withExperiment(experiment);

        var e = catchThrowableOfType(ProjectException.class, () -> store.write(broken, file));
        assertThat(e.code()).isEqualTo(ErrorCode.FILE_WRITE_FAILED);
        assertThat(Files.readAllBytes(file)).isEqualTo(saved);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writingOverAFolderFails() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("p.atelier"));
        assertCode(() -> store.write(TestProjects.example(), folder), ErrorCode.FILE_IS_DIRECTORY);
        assertThat(folder).isDirectory();
    }

    @Test
    void writingReplacesAnOlderSaveCompletely() throws IOException {
        Path file = dir.resolve("p.atelier");
        store.write(TestProjects.example(), file);
        store.write(Project.empty("Small", TestProjects.example().created()), file);
        assertThat(store.read(file).name()).isEqualTo("Small");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void dataBesideOrBelowTheProjectIsStoredRelative() {
        Path project = dir.resolve("work/churn.atelier");
        assertThat(ProjectStore.relativize(project, dir.resolve("work/sales.csv"))).isEqualTo("sales.csv");
        assertThat(ProjectStore.relativize(project, dir.resolve("work/data/2025/sales.csv")))
                .isEqualTo("data/2025/sales.csv");
        assertThat(ProjectStore.relativize(project, dir.resolve("work/./data/../sales.csv"))).isEqualTo("sales.csv");
    }

    @Test
    void dataElsewhereIsStoredAbsolute() {
        Path project = dir.resolve("work/churn.atelier");
        Path sibling = dir.resolve("shared/sales.csv");
        assertThat(ProjectStore.relativize(project, sibling)).isEqualTo(sibling.toAbsolutePath().toString());
    }

    @Test
    void storedPathsResolveAgainstTheProjectsFolder() {
        Path project = dir.resolve("work/churn.atelier");
        assertThat(ProjectStore.resolve(project, "data/sales.csv")).isEqualTo(dir.resolve("work/data/sales.csv"));
        Path absolute = dir.resolve("shared/sales.csv").toAbsolutePath();
        assertThat(ProjectStore.resolve(project, absolute.toString())).isEqualTo(absolute);
        for (String rel : List.of("a.csv", "x/y/z.csv")) {
            assertThat(ProjectStore.relativize(project, ProjectStore.resolve(project, rel))).isEqualTo(rel);
        }
    }

    @Test
    void relocatingKeepsEveryPathPointingAtTheSameFile() {
        Project example = TestProjects.example();
        Path from = dir.resolve("work/churn.atelier");
        Path to = dir.resolve("elsewhere/copy.atelier");

        Project moved = ProjectStore.relocate(example, from, to);

        String dataPath = moved.datasets().getFirst().path();
        assertThat(ProjectStore.resolve(to, dataPath)).isEqualTo(dir.resolve("work/data/churn.csv"));
        assertThat(ProjectStore.resolve(to, moved.models().getFirst().bundlePath()))
                .isEqualTo(dir.resolve("work/models/churn-xgboost.atelier-model"));
        assertThat(ProjectStore.relocate(example, from, dir.resolve("work/renamed.atelier"))).isEqualTo(example);
    }

    private void assertCorruptAndUnchanged(byte[] content) throws IOException {
        Path file = write("project.atelier", content);
        var e = catchThrowableOfType(ProjectException.class, () -> store.read(file));
        assertThat(e).as("reading %s", new String(content, StandardCharsets.UTF_8)).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.PROJECT_CORRUPT);
        assertThat(e.args().getFirst()).isEqualTo(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertCode(Runnable action, ErrorCode code) {
        var e = catchThrowableOfType(ProjectException.class, action::run);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(code);
    }
}
