package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.HoldOut;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.engine.testkit.GoldenFiles;
import dev.atelier.engine.wrangle.PreparedModel;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Step;
import dev.atelier.engine.wrangle.Wrangler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A model bundle with a fitted recipe (format 2): the recipe is stored as `recipe.json`, read back, and replayed
/// for prediction before the model; training-only steps never drop a row to predict; a missing column is a typed
/// error; bundles without a recipe stay format 1.
class RecipeBundleTest {
    @TempDir
    Path dir;

    /// Six steps of different families, one of them training-only (a filter that would drop rows).
    static Recipe recipe() {
        return Recipe.of(
                Step.of("s1", "fill_median", Map.of("columns", "x2")),
                Step.of("s2", "filter_formula", Map.of("formula", "x1 > -1")),
                Step.of("s3", "one_hot", Map.of("column", "region")),
                Step.of("s4", "scale_standard", Map.of("columns", "x3")),
                Step.of("s5", "formula", Map.of("formula", "x1 * x3", "output", "x1x3")),
                Step.of("s6", "drop_columns", Map.of("columns", "noise")));
    }

    private record Fitted(Model model, Wrangler.Prepared prepared, Dataset raw, Path bundle) {
    }

    private Fitted trainAndSave() {
        Dataset raw = SyntheticData.logistic(300, 3, true);
        HoldOut split = HoldOut.of(raw.rowCount(), 0.2, 7);
        Wrangler.Prepared prepared = Wrangler.prepare(recipe(), raw.rows(split.train()), raw.rows(split.validation()),
                Sources.NONE, JobContext.silent());
        LearnerSpec spec = LearnerSpec.of(Learners.builtIn().catalog(), "random-forest",
                ProblemType.BINARY_CLASSIFICATION, "churn", Map.of("n_estimators", "5", "max_depth", "3"), 5);
        Model model = Learners.builtIn().require("random-forest").fit(
                new TrainingData(prepared.train(), prepared.validation()), spec, JobContext.silent(),
                TrainingListener.NONE);
        ModelManifest manifest = ModelBundle.manifest(model, prepared.train().schema(), prepared.train().rowCount(),
                Learners.builtIn().catalog(), Instant.parse("2026-01-01T00:00:00Z"),
                new ModelManifest.Provenance("tiny.csv", "0".repeat(64), null, 1, 1, "JAVA", "OS", "ARCH"));
        Path bundle = dir.resolve("bundle");
        ModelBundle.write(bundle, model, manifest, Map.of(), prepared.recipe());
        return new Fitted(model, prepared, raw, bundle);
    }

    @Test
    void recipeIsStoredReadBackAndReplayedBeforeTheModel() throws IOException {
        Fitted f = trainAndSave();
        assertThat(f.prepared().train().rowCount()).as("the filter ran on the training rows")
                .isLessThan(240);
        assertThat(Files.readString(f.bundle().resolve("manifest.json"))).contains("\"formatVersion\": 2");
        assertThat(Files.readString(f.bundle().resolve("model-card.md"))).contains("## Data preparation",
                "replays its 6 steps");
        ModelBundle.Loaded loaded = ModelBundle.read(f.bundle(), Learners.builtIn());
        assertThat(loaded.recipe()).isEqualTo(f.prepared().recipe());

        Predictions raw = loaded.predictRaw(f.raw());
        assertThat(raw.size()).as("training-only steps are skipped: every row gets a prediction")
                .isEqualTo(f.raw().rowCount());
        Predictions direct = f.model().predict(f.prepared().recipe().apply(f.raw()));
        Predictions viaModel = loaded.rawModel().predict(f.raw());
        for (int r = 0; r < raw.size(); r++) {
            assertThat(raw.probability(r, 1)).isEqualTo(direct.probability(r, 1));
            assertThat(viaModel.probability(r, 1)).isEqualTo(direct.probability(r, 1));
        }
        assertThat(loaded.rawModel()).isInstanceOf(PreparedModel.class);
        assertThat(loaded.model().pipeline().inputColumns()).contains("x1x3").doesNotContain("noise", "region");
    }

    @Test
    void newDataWithoutTheTargetOrWithRetypedColumnsStillPredicts() {
        Fitted f = trainAndSave();
        ModelBundle.Loaded loaded = ModelBundle.read(f.bundle(), Learners.builtIn());
        Dataset noTarget = withoutColumn(f.raw(), "churn");
        assertThat(loaded.predictRaw(noTarget).size()).isEqualTo(f.raw().rowCount());
        // x2 read as text (as a batch file whose values are all empty would be): converted back to numbers
        Dataset asText = dev.atelier.engine.data.ColumnConversions.convert(f.raw(), "x2", ColumnType.TEXT).dataset();
        Predictions p = loaded.predictRaw(asText);
        Predictions expected = loaded.predictRaw(f.raw());
        assertThat(p.probability(0, 1)).isEqualTo(expected.probability(0, 1));
    }

    @Test
    void aMissingInputColumnIsATypedError() {
        Fitted f = trainAndSave();
        ModelBundle.Loaded loaded = ModelBundle.read(f.bundle(), Learners.builtIn());
        Dataset noRegion = withoutColumn(f.raw(), "region");
        assertThatThrownBy(() -> loaded.predictRaw(noRegion))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> {
                    assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.RECIPE_COLUMN_MISSING);
                    assertThat(((AtelierException) e).args()).containsExactly("region", "One-hot encode");
                });
    }

    @Test
    void aBundleWithoutRecipeIsFormat1AndARecipeBundleWithoutItsRecipeIsCorrupt() throws IOException {
        Fitted f = trainAndSave();
        Path plain = dir.resolve("plain");
        ModelManifest manifest = ModelBundle.read(f.bundle(), Learners.builtIn()).manifest();
        ModelBundle.write(plain, f.model(), manifest, Map.of());
        assertThat(Files.readString(plain.resolve("manifest.json"))).contains("\"formatVersion\": 1");
        assertThat(plain.resolve(ModelBundle.RECIPE)).doesNotExist();
        assertThat(ModelBundle.read(plain, Learners.builtIn()).recipe()).isNull();

        Files.delete(f.bundle().resolve(ModelBundle.RECIPE));
        assertThatThrownBy(() -> ModelBundle.read(f.bundle(), Learners.builtIn()))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.MODEL_CORRUPT));
    }

    @Test
    void aPreparedModelBringsItsRecipeIntoTheBundle() {
        Fitted f = trainAndSave();
        ModelBundle.Loaded loaded = ModelBundle.read(f.bundle(), Learners.builtIn());
        Path again = dir.resolve("again");
        ModelBundle.write(again, loaded.rawModel(), loaded.manifest(), Map.of());
        assertThat(ModelBundle.read(again, Learners.builtIn()).recipe()).isEqualTo(f.prepared().recipe());
    }

    @Test
    void recipeJsonMatchesGoldenFile() throws IOException {
        Fitted f = trainAndSave();
        String json = Files.readString(f.bundle().resolve(ModelBundle.RECIPE));
        GoldenFiles.assertMatches("learn/bundle-recipe.json", rounded(json));
        String manifest = Files.readString(f.bundle().resolve("manifest.json"))
                .replaceAll("\"engineVersion\": \"[^\"]*\"", "\"engineVersion\": \"VERSION\"");
        GoldenFiles.assertMatches("learn/bundle-recipe-manifest.json", manifest);
    }

    private static String rounded(String json) {
        return java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(json).replaceAll(m ->
                new java.math.BigDecimal(m.group()).round(new java.math.MathContext(10)).toString());
    }

    private static Dataset withoutColumn(Dataset d, String column) {
        var table = d.table().copy();
        table.removeColumns(column);
        Schema schema = new Schema(d.schema().columns().stream().filter(c -> !c.name().equals(column)).toList());
        return Dataset.of(d.name(), table, schema);
    }
}
