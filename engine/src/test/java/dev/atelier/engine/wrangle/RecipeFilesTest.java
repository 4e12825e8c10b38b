package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.testkit.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.atelier.engine.wrangle.Fixtures.base;
import static dev.atelier.engine.wrangle.Fixtures.col;
import static dev.atelier.engine.wrangle.Fixtures.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Recipe and fitted-recipe files: golden files of format 1, round trips, and typed errors.
class RecipeFilesTest {

    static Recipe golden() {
        return RecipeEngineTest.realistic()
                .add("target_encode", p("column", "flag", "smoothing", 2))
                .add("bin_frequency", p("column", "z", "bins", 2))
                .add("fill_mean", p("columns", "half"));
    }

    @Test
    void recipeMatchesTheGoldenFileAndReadsBack() {
        String text = new String(Recipes.toBytes(golden()), StandardCharsets.UTF_8);
        GoldenFiles.assertMatches("wrangle/recipe-v1.json", text);
        Recipe back = Recipes.parseRecipe(GoldenFiles.read("wrangle/recipe-v1.json").getBytes(StandardCharsets.UTF_8), "golden");
        assertThat(back).isEqualTo(golden());
    }

    @Test
    void fittedRecipeMatchesTheGoldenFileAndReplaysIdentically() {
        var fit = golden().fit(base(), JobContext.silent());
        byte[] bytes = Recipes.toBytes(fit.fitted());
        GoldenFiles.assertMatches("wrangle/fitted-recipe-v1.json", new String(bytes, StandardCharsets.UTF_8));

        FittedRecipe back = Recipes.parseFitted(GoldenFiles.read("wrangle/fitted-recipe-v1.json")
                .getBytes(StandardCharsets.UTF_8), "golden");
        assertThat(Recipes.toBytes(back)).isEqualTo(bytes);
        Dataset fresh = RecipeEngineTest.newRows();
        Dataset a = fit.fitted().apply(fresh);
        Dataset b = back.apply(fresh);
        assertThat(b.schema()).isEqualTo(a.schema());
        for (String c : a.schema().names()) {
            assertThat(col(b, c)).as(c).isEqualTo(col(a, c));
        }
        assertThat(back.recipe()).isEqualTo(golden());
    }

    @Test
    void filesRoundTripAndBadFilesAreTypedErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Recipes.write(file, golden());
        assertThat(Recipes.readRecipe(file)).isEqualTo(golden());

        assertThatThrownBy(() -> Recipes.readRecipe(dir.resolve("none.json"))).isInstanceOfSatisfying(AtelierException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
        Files.writeString(file, "{\"formatVersion\": 99, \"kind\": \"recipe\", \"steps\": []}");
        assertThatThrownBy(() -> Recipes.readRecipe(file)).isInstanceOfSatisfying(AtelierException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RECIPE_FORMAT_UNSUPPORTED);
            assertThat(e.args()).containsExactly(file.toString(), 99, 1);
        });
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> Recipes.readRecipe(file)).isInstanceOfSatisfying(AtelierException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RECIPE_CORRUPT));
        Files.writeString(file, "{\"formatVersion\": 1, \"kind\": \"recipe\", \"steps\": [{\"id\": \"s1\", \"transform\": \"log\","
                + " \"parameters\": {\"column\": null}, \"enabled\": true}]}");
        assertThatThrownBy(() -> Recipes.readRecipe(file)).isInstanceOfSatisfying(AtelierException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RECIPE_CORRUPT));
        Recipes.write(file, golden());
        assertThatThrownBy(() -> Recipes.readFitted(file)).isInstanceOfSatisfying(AtelierException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RECIPE_CORRUPT));
    }
}
