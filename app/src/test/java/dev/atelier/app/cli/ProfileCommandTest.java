package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.persist.Json;
import dev.atelier.engine.testkit.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    @TempDir
    Path dir;

    private Path customers() throws IOException {
        Path file = dir.resolve("customers.csv");
        try (var in = getClass().getResourceAsStream("/cli/customers.csv")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsRowsColumnsAndWarnings() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString(), "--target", "churned", "--json");
        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = Json.MAPPER.readValue(run.out(), Map.class);
        assertThat(json.get("rows")).isEqualTo(11);
        List<Object> columns = (List<Object>) json.get("columns");
        assertThat(columns).hasSize(7);
        Map<String, Object> id = (Map<String, Object>) columns.getFirst();
        assertThat(id.get("name")).isEqualTo("customer_id");
        assertThat(id.get("type")).isIn("text", "categorical");   // "0001" keeps its leading zeros
        Map<String, Object> age = (Map<String, Object>) columns.get(2);
        assertThat(age).containsEntry("type", "numeric").containsEntry("missing", 1);
        Map<String, Object> target = (Map<String, Object>) columns.getLast();
        assertThat(target).containsEntry("role", "target");
        List<Object> warnings = (List<Object>) json.get("warnings");
        assertThat(warnings).anySatisfy(w -> assertThat((Map<String, Object>) w)
                .containsEntry("type", "DUPLICATE_ROWS").containsKeys("column", "detail"));
    }

    @Test
    void jsonReportMatchesTheGoldenFile() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString(), "--target", "churned", "--json");
        String normalized = run.out().replace(dir.resolve("customers.csv").toString(), "customers.csv");
        GoldenFiles.assertMatches("cli/profile-customers.json", normalized);
    }

    @Test
    void outWritesHtmlOrJsonByExtension() throws IOException {
        Path data = customers();
        Path html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");
        assertThat(CliRun.of("profile", "--data", data.toString(), "--out", html.toString()).exitCode()).isZero();
        assertThat(CliRun.of("profile", "--data", data.toString(), "--out", json.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("customer_id", "Duplicate rows");
        assertThat(Json.MAPPER.readTree(Files.readString(json)).path("rows").asInt()).isEqualTo(11);
    }

    @Test
    void defaultOutputIsAReadableSummary() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("11 rows × 7 columns", "monthly_spend", "numeric", "DUPLICATE_ROWS");
    }

    @Test
    void missingFileIsOneClearLineAndExitOne() {
        Path out = dir.resolve("never.json");
        CliRun run = CliRun.of("profile", "--data", dir.resolve("nope.csv").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("does not exist");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void emptyBinaryAndFolderInputsFailCleanly() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path binary = Files.write(dir.resolve("image.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        for (Path bad : List.of(empty, binary, dir)) {
            CliRun run = CliRun.of("profile", "--data", bad.toString(), "--json");
            assertThat(run.exitCode()).as(bad.toString()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        }
    }

    @Test
    void unknownTargetIsAFailureNotAUsageError() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString(), "--target", "nope");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no column called \"nope\"");
    }

    @Test
    void verboseAddsTheTechnicalDetails() {
        CliRun run = CliRun.of("profile", "--verbose", "--data", dir.resolve("nope.csv").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("DataException").contains("FILE_NOT_FOUND");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(CliRun.of("profile").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("profile", "--data", customers().toString(), "--json", "--out", "x.json").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("profile", "--data", customers().toString(), "--delimiter", "ab").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("profile", "--data", customers().toString(), "--header", "sometimes").exitCode()).isEqualTo(2);
    }

    @Test
    void theSourceFileIsNeverModified() throws IOException {
        Path data = customers();
        byte[] before = Files.readAllBytes(data);
        CliRun.of("profile", "--data", data.toString(), "--out", dir.resolve("r.html").toString());
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }
}
