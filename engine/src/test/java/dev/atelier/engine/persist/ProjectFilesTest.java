package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.project.DatasetEntry;
import dev.atelier.engine.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {
    @TempDir
    Path dir;

    @Test
    void unchangedDataGivesNoDiagnostics() throws IOException {
        Path projectFile = dir.resolve("p.atelier");
        Path data = write("data/sales.csv", "a,b\n1,2\n");
        Project project = project(entry("Sales", ProjectStore.relativize(projectFile, data), Fingerprints.sha256(data)));
        assertThat(ProjectFiles.verifyDatasets(project, projectFile)).isEmpty();
    }

    @Test
    void aMissingDataFileIsReported() {
        Path projectFile = dir.resolve("p.atelier");
        Project project = project(entry("Sales", "data/gone.csv", "abc"));
        assertThat(ProjectFiles.verifyDatasets(project, projectFile))
                .containsExactly(Diagnostic.of(ErrorCode.PROJECT_DATASET_MISSING, "Sales", "data/gone.csv"));
    }

    @Test
    void aChangedDataFileIsReported() throws IOException {
        Path projectFile = dir.resolve("p.atelier");
        Path data = write("sales.csv", "a,b\n1,2\n");
        String recorded = Fingerprints.sha256(data);
        write("sales.csv", "a,b\n1,3\n");
        Project project = project(entry("Sales", "sales.csv", recorded.toUpperCase()));
        List<Diagnostic> diagnostics = ProjectFiles.verifyDatasets(project, projectFile);
        assertThat(diagnostics).containsExactly(Diagnostic.of(ErrorCode.PROJECT_DATASET_CHANGED, "Sales", "sales.csv"));
        assertThat(diagnostics.getFirst().severity()).isEqualTo(ErrorCode.PROJECT_DATASET_CHANGED.severity());
    }

    @Test
    void aDatasetWithoutFingerprintIsOnlyCheckedForExistence() throws IOException {
        Path projectFile = dir.resolve("p.atelier");
        write("sales.csv", "x");
        Project project = project(entry("Sales", "sales.csv", ""), entry("Gone", "gone.csv", ""));
        assertThat(ProjectFiles.verifyDatasets(project, projectFile))
                .containsExactly(Diagnostic.of(ErrorCode.PROJECT_DATASET_MISSING, "Gone", "gone.csv"));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static DatasetEntry entry(String name, String path, String sha) {
        return new DatasetEntry(name.toLowerCase(), name, path, sha, CsvOptions.defaults(), List.of(), null);
    }

    private static Project project(DatasetEntry... datasets) {
        Project project = Project.empty("p", Instant.EPOCH);
        for (DatasetEntry d : datasets) {
            project = project.withDataset(d);
        }
        return project;
    }
}
