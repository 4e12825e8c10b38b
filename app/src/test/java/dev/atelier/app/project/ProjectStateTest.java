package dev.atelier.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.project.Project;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectStateTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final ProjectState state = new ProjectState(clock, "Untitled project");

    static LoadedDataset data(String displayName) {
        Dataset ds = Dataset.builder("d")
                .numeric("age", 30, 40)
                .categorical("churned", "yes", "no")
                .target("churned")
                .build();
        return new LoadedDataset(LoadedDataset.DEFAULT_ID, displayName, Path.of("/data/" + displayName), null, ds,
                CsvOptions.defaults(), List.of(), null);
    }

    @Test
    void aNewProjectIsCleanAndUntitled() {
        assertThat(state.isDirty()).isFalse();
        assertThat(state.name()).isEqualTo("Untitled project");
        assertThat(state.getFile()).isNull();
        assertThat(state.getProject().created()).isEqualTo(clock.instant());
    }

    @Test
    void openingDataIsAnEditAndNamesAnUnsavedProject() {
        state.setData(data("churn.csv"));
        assertThat(state.isDirty()).isTrue();
        assertThat(state.name()).isEqualTo("churn");
        assertThat(state.getData().id()).isEqualTo(LoadedDataset.DEFAULT_ID);
    }

    @Test
    void changingARoleMarksDirtyAndANewTargetDemotesTheOldOne() {
        state.replace(Project.empty("Churn", clock.instant()), Path.of("/p/churn.atelier"), data("churn.csv"),
                List.of());
        assertThat(state.isDirty()).isFalse();

        state.setColumnRole("age", ColumnRole.TARGET);

        assertThat(state.isDirty()).isTrue();
        var schema = state.getData().dataset().schema();
        assertThat(schema.column("age").role()).isEqualTo(ColumnRole.TARGET);
        assertThat(schema.column("churned").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(state.name()).isEqualTo("Churn");
    }

    @Test
    void settingTheSameRoleAgainIsNotAnEdit() {
        state.replace(Project.empty("Churn", clock.instant()), Path.of("/p/churn.atelier"), data("churn.csv"),
                List.of());
        state.setColumnRole("age", ColumnRole.FEATURE);
        assertThat(state.isDirty()).isFalse();
    }

    @Test
    void aSaveMadeFromAnOlderRevisionLeavesLaterEditsUnsaved() {
        state.setData(data("churn.csv"));
        long savedAt = state.getRevision();
        state.setColumnRole("age", ColumnRole.ID);

        state.markSaved(state.getProject(), Path.of("/p/churn.atelier"), savedAt);
        assertThat(state.isDirty()).isTrue();

        state.markSaved(state.getProject(), Path.of("/p/churn.atelier"), state.getRevision());
        assertThat(state.isDirty()).isFalse();
        assertThat(state.getFile()).isEqualTo(Path.of("/p/churn.atelier"));
    }

    @Test
    void resetStartsOverClean() {
        state.setData(data("churn.csv"));
        state.reset();
        assertThat(state.isDirty()).isFalse();
        assertThat(state.getData()).isNull();
        assertThat(state.name()).isEqualTo("Untitled project");
    }

    @Test
    void theRecipeIsAnEditKeptInTheProjectAndRestoredWhenOpened() {
        state.setData(data("churn.csv"));
        long before = state.getRevision();
        dev.atelier.engine.wrangle.Recipe recipe = dev.atelier.engine.wrangle.Recipe.EMPTY
                .add("fill_median", java.util.Map.of("columns", "age"))
                .add("one_hot", java.util.Map.of("column", "churned"));
        state.setRecipe(recipe);
        assertThat(state.getRevision()).isGreaterThan(before);
        assertThat(state.getRecipe()).isEqualTo(recipe);
        assertThat(state.recipeId()).isEqualTo(ProjectState.RECIPE_ID);
        var entry = state.getProject().recipes().getFirst();
        assertThat(entry.id()).isEqualTo(ProjectState.RECIPE_ID);
        assertThat(entry.datasetId()).isEqualTo(LoadedDataset.DEFAULT_ID);
        assertThat(entry.steps()).extracting(dev.atelier.engine.project.RecipeEntry.Step::transform)
                .containsExactly("fill_median", "one_hot");
        long after = state.getRevision();
        state.setRecipe(recipe);                       // the same recipe again: not an edit
        assertThat(state.getRevision()).isEqualTo(after);

        var saved = state.getProject();
        state.reset();
        assertThat(state.getRecipe()).isEqualTo(dev.atelier.engine.wrangle.Recipe.EMPTY);
        assertThat(state.recipeId()).isNull();
        state.replace(saved, Path.of("/p/churn.atelier"), data("churn.csv"), List.of());
        assertThat(state.getRecipe()).isEqualTo(recipe);
        assertThat(state.isDirty()).isFalse();
    }
}
