package dev.atelier.app.cli;

import dev.atelier.engine.persist.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WrangleCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path table() throws IOException {
        return write("loans.csv", """
                id,income,debt,region,opened,approved
                1,52000,1200,north,2023-01-15,yes
                2,,800,south,2023-02-01,no
                3,61000,15000,north,2023-03-20,yes
                4,38000,,east,2023-03-21,no
                5,90000,2500,south,2023-05-02,yes
                6,45000,3000,north,2023-06-30,no
                """);
    }

    private static final String RECIPE = """
            {"formatVersion": 1, "kind": "recipe", "steps": [
              {"id": "s1", "transform": "fill_median", "parameters": {"columns": "income,debt"}, "enabled": true},
              {"id": "s2", "transform": "formula", "parameters": {"formula": "debt / income", "output": "ratio"}, "enabled": true},
              {"id": "s3", "transform": "one_hot", "parameters": {"column": "region"}, "enabled": true},
              {"id": "s4", "transform": "scale_standard", "parameters": {"columns": "income"}, "enabled": true},
              {"id": "s5", "transform": "date_parts", "parameters": {"column": "opened", "parts": "month"}, "enabled": true},
              {"id": "s6", "transform": "drop_columns", "parameters": {"columns": "opened"}, "enabled": true}
            ]}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void transformsListsTheCatalogue() {
        CliRun json = CliRun.of("transforms", "--json");
        assertThat(json.exitCode()).isZero();
        List<Map<String, Object>> list = Json.MAPPER.readValue(json.out(), List.class);
        assertThat(list).hasSizeGreaterThanOrEqualTo(120);
        Map<String, Object> fill = list.stream().filter(m -> m.get("key").equals("fill_mean")).findFirst().orElseThrow();
        assertThat(fill).containsKeys("key", "family", "name", "parameters");
        assertThat(fill.get("family")).isEqualTo("handle-missing");
        assertThat(((List<Map<String, Object>>) fill.get("parameters")).getFirst()).containsEntry("type", "columns");
        assertThat(list.stream().map(m -> m.get("family")).distinct().count()).isGreaterThanOrEqualTo(25);
        CliRun text = CliRun.of("transforms", "--family", "custom-formula");
        assertThat(text.out()).contains("formula", "Custom formula", "1 transforms in 1 families");
    }

    @Test
    void fitThenReplayIsByteIdentical() throws IOException {
        Path data = table();
        Path recipe = write("recipe.json", RECIPE);
        Path fitted = dir.resolve("fitted.json");
        CliRun fit = CliRun.of("wrangle", "--data", data.toString(), "--recipe", recipe.toString(), "--target", "approved",
                "--out", dir.resolve("a.csv").toString(), "--save-fitted", fitted.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("Fitted 6 step(s) on 6 rows", "6 rows x 9 columns");
        String prepared = Files.readString(dir.resolve("a.csv"));
        assertThat(prepared.lines().findFirst().orElseThrow())
                .isEqualTo("id,income,debt,region_north,region_south,region_east,opened_month,approved,ratio");
        assertThat(prepared).contains("\n2,-0.23801381590588");              // median income, standardised

        CliRun replay = CliRun.of("wrangle", "--data", data.toString(), "--fitted", fitted.toString(),
                "--out", dir.resolve("b.csv").toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
    }

    @Test
    void trainingOnlyStepsReplayIdenticallyInTheTrainingPhaseAndAreSkippedOnNewRows() throws IOException {
        Path data = table();
        Path recipe = write("rows.json", """
                {"formatVersion": 1, "kind": "recipe", "steps": [
                  {"id": "s1", "transform": "filter_formula", "parameters": {"formula": "income > 40000"}, "enabled": true},
                  {"id": "s2", "transform": "oversample_random", "parameters": {"seed": 3}, "enabled": true},
                  {"id": "s3", "transform": "fill_mean", "parameters": {"columns": "debt"}, "enabled": true}
                ]}
                """);
        Path fitted = dir.resolve("fitted.json");
        assertThat(CliRun.of("wrangle", "--data", data.toString(), "--recipe", recipe.toString(), "--target", "approved",
                "--out", dir.resolve("a.csv").toString(), "--save-fitted", fitted.toString()).exitCode()).isZero();
        assertThat(CliRun.of("wrangle", "--data", data.toString(), "--fitted", fitted.toString(), "--phase", "training",
                "--out", dir.resolve("b.csv").toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
        assertThat(Files.readString(dir.resolve("a.csv")).lines().count() - 1).isEqualTo(6);   // 4 kept + 2 copies

        Path fresh = write("new.csv", "id,income,debt,region,opened\n7,10000,,west,2024-01-01\n8,20000,100,north,2024-01-02\n");
        CliRun predict = CliRun.of("wrangle", "--data", fresh.toString(), "--fitted", fitted.toString(),
                "--out", dir.resolve("c.csv").toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readString(dir.resolve("c.csv")).lines().toList();
        assertThat(lines).hasSize(3);                                              // nothing filtered or added
        assertThat(lines.get(1)).startsWith("7,10000,");
    }

    @Test
    void badRecipesFailInPlainWords() throws IOException {
        Path data = table();
        CliRun unknown = CliRun.of("wrangle", "--data", data.toString(), "--recipe", write("u.json",
                        "{\"formatVersion\": 1, \"kind\": \"recipe\", \"steps\": [{\"id\": \"s1\", \"transform\": \"sharpen\","
                                + " \"parameters\": {}, \"enabled\": true}]}").toString(),
                "--out", dir.resolve("x.csv").toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no transform called \"sharpen\"").doesNotContain("Exception");
        CliRun syntax = CliRun.of("wrangle", "--data", data.toString(), "--recipe", write("f.json",
                        "{\"formatVersion\": 1, \"kind\": \"recipe\", \"steps\": [{\"id\": \"s1\", \"transform\": \"formula\","
                                + " \"parameters\": {\"formula\": \"income * (2 +\", \"output\": \"x\"}, \"enabled\": true}]}").toString(),
                "--out", dir.resolve("x.csv").toString());
        assertThat(syntax.err()).contains("mistake at character 14");
        CliRun missing = CliRun.of("wrangle", "--data", data.toString(), "--recipe", write("m.json", RECIPE.replace("region", "area")).toString(),
                "--out", dir.resolve("x.csv").toString());
        assertThat(missing.err()).contains("area");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }
}
