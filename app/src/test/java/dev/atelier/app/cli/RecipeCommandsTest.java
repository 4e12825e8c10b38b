package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.persist.Json;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `train --recipe` and `automl --recipe` store the fitted recipe in the bundle; `predict`, `explain` and
/// `bias --model` replay it on the raw file; missing columns are a plain error.
class RecipeCommandsTest {
    @TempDir
    Path dir;

    private Path recipe() throws IOException {
        Path file = dir.resolve("recipe.json");
        Files.writeString(file, """
                {"formatVersion": 1, "kind": "recipe", "steps": [
                  {"id": "s1", "transform": "fill_median", "parameters": {"columns": "credit_score"}, "enabled": true},
                  {"id": "s2", "transform": "filter_formula", "parameters": {"formula": "age >= 25"}, "enabled": true},
                  {"id": "s3", "transform": "formula", "parameters": {"formula": "loan_amount / income",
                    "output": "loan_to_income"}, "enabled": true},
                  {"id": "s4", "transform": "one_hot", "parameters": {"column": "purpose"}, "enabled": true},
                  {"id": "s5", "transform": "drop_columns", "parameters": {"columns": "applicant_id,application_date"},
                    "enabled": true}]}
                """);
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainWithARecipeThenPredictExplainAndBiasReplayIt() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Path model = dir.resolve("model");
        CliRun trained = CliRun.of("train", "--algorithm", "xgboost", "--train", csv.toString(), "--target",
                "approved", "--hp", "num_round=20", "--recipe", recipe().toString(), "--out", model.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("Prepared the data with the recipe recipe.json (5 steps");
        assertThat(model.resolve(ModelBundle.RECIPE)).exists();
        assertThat(Files.readString(model.resolve(ModelBundle.MANIFEST))).contains("\"formatVersion\": 2",
                "loan_to_income");

        Path preds = dir.resolve("preds.csv");
        CliRun predicted = CliRun.of("predict", "--model", model.toString(), "--data", csv.toString(), "--out",
                preds.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(Files.readAllLines(preds)).hasSize(2001);      // the filter is training-only: every row scored
        assertThat(predicted.out()).contains("accuracy");

        Path shap = dir.resolve("shap.csv");
        CliRun explained = CliRun.of("explain", "--model", model.toString(), "--data", csv.toString(), "--rows", "3",
                "--out", shap.toString());
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(Files.readAllLines(shap).getFirst()).contains("loan_to_income", "purpose_car")
                .doesNotContain("applicant_id");

        Path bias = dir.resolve("bias.json");
        CliRun post = CliRun.of("bias", "--data", csv.toString(), "--label", "approved", "--positive", "yes",
                "--facet", "gender=female", "--model", model.toString(), "--out", bias.toString());
        assertThat(post.exitCode()).as(post.err()).isZero();
        Map<String, Object> json = Json.MAPPER.readValue(bias.toFile(), Map.class);
        assertThat(json).containsKeys("DPPL", "DI", "FT");

        // New data without a column the recipe needs: a plain error naming the column and the step.
        Path partial = dir.resolve("partial.csv");
        List<String> lines = Files.readAllLines(csv);
        Files.write(partial, lines.stream().map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1))
                + l.substring(l.lastIndexOf(','))).toList());      // without "purpose"
        CliRun missing = CliRun.of("predict", "--model", model.toString(), "--data", partial.toString(), "--out",
                dir.resolve("p2.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("The data has no column \"purpose\", which the step \"One-hot encode\"")
                .doesNotContain("Exception");
    }

    @Test
    void automlWithARecipeStoresItInTheModel() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("automl", "--train", csv.toString(), "--target", "approved", "--max-candidates", "2",
                "--deterministic", "--algorithm", "xgboost", "--mode", "hpo", "--preset", "quick",
                "--recipe", recipe().toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Prepared the data with the recipe recipe.json (5 steps");
        assertThat(out.resolve("model").resolve(ModelBundle.RECIPE)).exists();
        Path preds = dir.resolve("preds.csv");
        CliRun predicted = CliRun.of("predict", "--model", out.resolve("model").toString(), "--data", csv.toString(),
                "--out", preds.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(Files.readAllLines(preds)).hasSize(2001);
    }
}
