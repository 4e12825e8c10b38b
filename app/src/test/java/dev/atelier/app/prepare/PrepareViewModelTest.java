package dev.atelier.app.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.controls.ParamField;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.wrangle.ColumnSummary;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.TransformInfo;
import dev.atelier.engine.wrangle.TransformRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareViewModelTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private @Nullable Path toOpen;
    private @Nullable Path toSave;

    private PrepareViewModel vm() {
        RecipeFiles files = new RecipeFiles() {
            @Override
            public Optional<Path> chooseRecipeToOpen() {
                return Optional.ofNullable(toOpen);
            }

            @Override
            public Optional<Path> chooseRecipeToSave(String suggestedName) {
                return Optional.ofNullable(toSave);
            }
        };
        return new PrepareViewModel(state, JobRunner.direct(messages, errors), files, messages,
                Debouncer.IMMEDIATE);
    }

    /// 100 rows; every 10th credit score is missing.
    static LoadedDataset loans() {
        int n = 100;
        double[] score = new double[n];
        double[] income = new double[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            score[i] = i % 10 == 0 ? Double.NaN : 500 + i;
            income[i] = 1000 + 10 * i;
            region[i] = List.of("north", "south").get(i % 2);
        }
        Dataset ds = Dataset.builder("loans").numeric("credit_score", score).numeric("income", income)
                .categorical("region", region).build();
        return new LoadedDataset(LoadedDataset.DEFAULT_ID, "loans.csv", Path.of("/data/loans.csv"), null, ds,
                CsvOptions.defaults(), List.of(), null);
    }

    private static TransformInfo t(String key) {
        return TransformRegistry.info(key);
    }

    @Test
    void addingAStepPreviewsItsChangedCellsAndHistogram() {
        state.setData(loans());
        PrepareViewModel vm = vm();
        vm.addStep(t("fill_median"), "credit_score");

        assertThat(vm.steps()).hasSize(1);
        assertThat(vm.steps().getFirst().valid()).isTrue();
        assertThat(vm.steps().getFirst().title()).isEqualTo("Fill with median");
        assertThat(vm.getRecipe().steps().getFirst().parameters()).containsEntry("columns", "credit_score");
        assertThat(vm.getPreview()).isNotNull();
        assertThat(vm.getPreview().changedCells()).containsEntry("credit_score", 10);
        assertThat(vm.statusProperty().get()).contains("10 cells changed");
        assertThat(vm.histogramColumnProperty().get()).isEqualTo("credit_score");
        ColumnSummary[] h = vm.histogram("credit_score");
        assertThat(h[0].missing()).isEqualTo(10);
        assertThat(h[1].missing()).isZero();
        assertThat(vm.params()).extracting(ParamField::name).contains("columns");
        assertThat(vm.params().getFirst().getText()).isEqualTo("credit_score");
        assertThat(errors.errors()).isEmpty();
    }

    @Test
    void everyEditCanBeUndoneAndRedone() {
        state.setData(loans());
        PrepareViewModel vm = vm();
        vm.addStep(t("fill_median"), "credit_score");
        vm.addStep(t("scale_standard"), "income");
        Recipe two = vm.getRecipe();
        vm.move(1, 0);
        vm.setEnabled(0, false);
        vm.delete(1);
        assertThat(vm.getRecipe().steps()).hasSize(1);
        assertThat(vm.getRecipe().steps().getFirst().enabled()).isFalse();

        vm.undo();
        vm.undo();
        vm.undo();
        assertThat(vm.getRecipe()).isEqualTo(two);
        vm.undo();
        vm.undo();
        assertThat(vm.getRecipe()).isEqualTo(Recipe.EMPTY);
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.getPreview()).isNull();
        for (int i = 0; i < 5; i++) {
            vm.redo();
        }
        assertThat(vm.getRecipe().steps()).hasSize(1);
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void typingInTheFormEditsTheStepAsOneUndoStep() {
        state.setData(loans());
        PrepareViewModel vm = vm();
        vm.addStep(t("fill_constant"), "credit_score");
        ParamField value = vm.params().stream().filter(f -> f.name().equals("value")).findFirst().orElseThrow();
        value.setText("6");
        value.setText("60");
        value.setText("600");
        assertThat(vm.getRecipe().steps().getFirst().parameters()).containsEntry("value", "600");
        assertThat(vm.getPreview().changedCells()).containsEntry("credit_score", 10);
        assertThat(vm.getPreview().after().number(0, 0)).isEqualTo(600.0);

        vm.undo();
        assertThat(vm.getRecipe().steps().getFirst().parameters()).doesNotContainKey("value");
        assertThat(vm.params().stream().filter(f -> f.name().equals("value")).findFirst().orElseThrow().getText())
                .isNotEqualTo("600");
    }

    @Test
    void aStepWhoseColumnWasRemovedUpstreamIsMarkedWithTheReason() {
        state.setData(loans());
        PrepareViewModel vm = vm();
        vm.addStep(t("fill_median"), "credit_score");
        vm.selectedStepIdProperty().set(null);
        vm.addStep(t("scale_standard"), "income");
        vm.selectedStepIdProperty().set(vm.getRecipe().steps().getFirst().id());
        vm.addStep(t("drop_columns"), "income");     // inserted after the first step: before standard_scale

        assertThat(vm.steps()).extracting(r -> r.step().transform())
                .containsExactly("fill_median", "drop_columns", "scale_standard");
        StepRow last = vm.steps().get(2);
        assertThat(last.valid()).isFalse();
        assertThat(last.reason()).contains("income");
        assertThat(vm.steps().get(0).valid()).isTrue();
        assertThat(vm.steps().get(1).valid()).isTrue();
        vm.delete(1);
        assertThat(vm.steps()).allMatch(StepRow::valid);
    }

    @Test
    void theRecipeExportsAndImportsAsJson() throws Exception {
        state.setData(loans());
        PrepareViewModel vm = vm();
        vm.addStep(t("fill_median"), "credit_score");
        vm.addStep(t("one_hot"), "region");
        Recipe built = vm.getRecipe();
        toSave = dir.resolve("recipe.json");
        vm.exportRecipe();
        assertThat(Recipes.readRecipe(toSave)).isEqualTo(built);
        assertThat(Files.readString(toSave)).contains("\"fill_median\"", "\"one_hot\"");

        state.setRecipe(Recipe.EMPTY);          // as in a new project: the recipe is the project's
        assertThat(vm.getRecipe()).isEqualTo(Recipe.EMPTY);
        PrepareViewModel other = vm();
        toOpen = toSave;
        other.importRecipe();
        assertThat(other.getRecipe()).isEqualTo(built);
        assertThat(other.steps()).hasSize(2);
        other.undo();
        assertThat(other.getRecipe()).isEqualTo(Recipe.EMPTY);

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{not json");
        other.importFrom(broken);
        assertThat(errors.errors()).hasSize(1);
        assertThat(other.getRecipe()).isEqualTo(Recipe.EMPTY);
    }

    @Test
    void columnMenusOfferTransformsThatFitTheType() {
        PrepareViewModel vm = vm();
        assertThat(vm.transformsFor(ColumnType.NUMERIC)).extracting(TransformInfo::key)
                .contains("fill_median", "scale_standard");
        assertThat(vm.transformsFor(ColumnType.NUMERIC)).allMatch(t -> t.fits(ColumnType.NUMERIC))
                .hasSizeLessThan(vm.catalogue().size());
        assertThat(vm.transformsFor(ColumnType.CATEGORICAL)).extracting(TransformInfo::key).contains("one_hot");
        assertThat(vm.search("median")).extracting(TransformInfo::key).contains("fill_median");
        assertThat(vm.catalogue()).hasSizeGreaterThanOrEqualTo(120);
    }

    @Test
    void theSampleIsCappedAndKeepsRowOrder() {
        int n = 50_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        Dataset big = Dataset.builder("big").numeric("x", x).build();
        Dataset s = PrepareViewModel.sampleOf(big);
        assertThat(s.rowCount()).isEqualTo(PrepareViewModel.SAMPLE_ROWS);
        for (int i = 1; i < s.rowCount(); i++) {
            assertThat(s.number(i, 0)).isGreaterThan(s.number(i - 1, 0));
        }
        assertThat(PrepareViewModel.sampleOf(loans().dataset()).rowCount()).isEqualTo(100);
    }

    @Test
    void withoutDataNothingIsPreviewed() {
        PrepareViewModel vm = vm();
        assertThat(vm.hasDataProperty().get()).isFalse();
        vm.addStep(t("fill_median"), "credit_score");
        assertThat(vm.getPreview()).isNull();
        state.setData(loans());
        assertThat(vm.getPreview()).isNotNull();
        assertThat(Map.copyOf(vm.getPreview().changedCells())).containsEntry("credit_score", 10);
    }
}
