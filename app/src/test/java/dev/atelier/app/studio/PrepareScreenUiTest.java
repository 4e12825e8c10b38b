package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.prepare.PrepareView;
import dev.atelier.app.prepare.PrepareViewModel;
import dev.atelier.app.prepare.RecipeFiles;
import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.wrangle.TransformInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.controlsfx.control.CheckComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// The Prepare screen on the loan-approval sample: add "fill with median" on credit_score, see the changed
/// cells and the histogram, undo and redo with the keyboard, export the recipe.
@Tag("ui")
class PrepareScreenUiTest extends StudioUiTestBase {
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        clickOn("#nav-prepare");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private PrepareViewModel vm() {
        return app.prepareViewModel();
    }

    private void waitForPreview() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm().previewingProperty().get()
                && app.services().jobs().runningJobs().jobs().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<Integer> table(String id) {
        return lookup(id).queryAs(TableView.class);
    }

    @Test
    void aStepThatTurnsNumbersIntoTrueFalseKeepsTheBeforeHistogramAndSaysWhyTheAfterHasNone() throws Exception {
        TransformInfo binarize = vm().catalogue().stream().filter(t -> t.key().equals("binarize")).findFirst()
                .orElseThrow();
        interact(() -> vm().addStep(binarize, "income"));
        waitForPreview();
        interact(() -> vm().histogramColumnProperty().set("income"));
        WaitForAsyncUtils.waitForFxEvents();
        BarChart<?, ?> before = lookup("#histogramBefore").queryAs(BarChart.class);
        assertThat(before.isVisible()).isTrue();
        assertThat(before.getData().getFirst().getData()).isNotEmpty();
        assertThat(lookup("#histogramNote").queryLabeled().getText())
                .startsWith("After this step, income is not a number column");
    }

    @Test
    void addAStepSeeChangedCellsUndoRedoAndExport() throws Exception {
        assertThat(lookup("#prepareScreen").query().isVisible()).isTrue();

        // Add step: search the catalogue, pick "Fill with median".
        clickOn("#addStepButton");
        clickOn("#transformSearch").write("median");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = lookup("#transformTree").queryAs(TreeView.class);
        TreeItem<Object> median = tree.getRoot().getChildren().stream().flatMap(f -> f.getChildren().stream())
                .filter(i -> i.getValue() instanceof TransformInfo t && t.key().equals("fill_median"))
                .findFirst().orElseThrow();
        interact(() -> tree.getSelectionModel().select(median));
        clickOn("#addTransformConfirm");
        waitForPreview();
        assertThat(vm().steps()).hasSize(1);
        assertThat(lookup("#step-invalid-1").tryQuery()).isPresent();   // no column chosen yet: marked

        // Its form: choose the column from the picker, which offers the numeric columns only (the step fills numbers).
        @SuppressWarnings("unchecked")
        CheckComboBox<String> picker = lookup("#param-columns").queryAs(CheckComboBox.class);
        assertThat(picker.getItems()).contains("credit_score", "income").doesNotContain("region");
        interact(() -> picker.getCheckModel().check("credit_score"));
        waitForPreview();
        assertThat(vm().getRecipe().steps().getFirst().parameters()).containsEntry("columns", "credit_score");
        assertThat(lookup("#step-invalid-1").tryQuery()).isEmpty();

        assertThat(vm().getPreview().changedCells()).containsEntry("credit_score", 57);
        assertThat(lookup("#prepareStatus").queryLabeled().getText()).contains("57 cells changed");
        TableView<Integer> after = table("#afterTable");
        assertThat(after.getItems()).hasSize(2000);
        int firstMissing = firstMissingRow();
        interact(() -> after.scrollTo(firstMissing));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#afterTable .changed-cell").queryAll()).isNotEmpty();
        assertThat(lookup("#beforeTable .changed-cell").queryAll()).isNotEmpty();
        BarChart<?, ?> before = lookup("#histogramBefore").queryAs(BarChart.class);
        assertThat(before.getData()).hasSize(1);
        assertThat(before.getData().getFirst().getData()).hasSize(10);

        // Undo / redo from the keyboard (the focus leaves the text field first: it has its own undo).
        clickOn("#stepList");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().getRecipe().steps().getFirst().parameters()).doesNotContainKey("columns");
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        waitForPreview();
        assertThat(vm().getRecipe().steps().getFirst().parameters()).containsEntry("columns", "credit_score");
        @SuppressWarnings("unchecked")
        CheckComboBox<String> again = lookup("#param-columns").queryAs(CheckComboBox.class);
        assertThat(again.getCheckModel().getCheckedItems()).containsExactly("credit_score");

        // The column header's menu offers transforms for a categorical column, with the column filled in.
        TableColumn<Integer, ?> region = after.getColumns().stream().filter(c -> c.getId().endsWith("-region"))
                .findFirst().orElseThrow();
        MenuItem oneHot = region.getContextMenu().getItems().stream()
                .flatMap(m -> m instanceof javafx.scene.control.Menu menu ? menu.getItems().stream()
                        : java.util.stream.Stream.of(m))
                .filter(m -> "colmenu-region-one_hot".equals(m.getId())).findFirst().orElseThrow();
        interact(oneHot::fire);
        waitForPreview();
        assertThat(vm().steps()).hasSize(2);
        assertThat(vm().getPreview().addedColumns()).isNotEmpty();
        assertThat(after.getColumns().stream().filter(c -> c.getStyleClass().contains(PrepareView.ADDED)))
                .isNotEmpty();

        // Export.
        Path file = dir.resolve("loan-recipe.json");
        vm().useFiles(new RecipeFiles() {
            @Override
            public Optional<Path> chooseRecipeToOpen() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseRecipeToSave(String suggestedName) {
                return Optional.of(file);
            }
        });
        clickOn("#prepareExport");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(file));
        assertThat(Recipes.readRecipe(file)).isEqualTo(vm().getRecipe());
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();
    }

    private int firstMissingRow() {
        var data = app.services().project().getData().dataset();
        int col = data.schema().indexOf("credit_score");
        for (int r = 0; r < data.rowCount(); r++) {
            if (data.isMissing(r, col)) {
                return r;
            }
        }
        throw new AssertionError("no missing credit score");
    }

    /// The new bits: a column picker typed to the parameter, the Before/After tables scrolling sideways together,
    /// and the recipe saved with the project file and restored when it is opened.
    @Test
    void columnPickerScrollSyncAndTheRecipeSavedWithTheProject() throws Exception {
        interact(() -> vm().addStep(dev.atelier.engine.wrangle.TransformRegistry.info("binarize"), null));
        waitForPreview();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().selectedIndex() == 0
                && lookup("#param-column").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> picker = lookup("#param-column").queryAs(ComboBox.class);
        assertThat(picker.getItems()).contains("income", "credit_score").doesNotContain("region", "purpose");
        interact(() -> picker.setValue("income"));
        waitForPreview();
        assertThat(vm().getRecipe().steps().getFirst().parameters()).containsEntry("column", "income");
        assertThat(app.services().project().getRecipe()).isEqualTo(vm().getRecipe());
        screenshot("studio-prepare-picker");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hbar("#beforeTable") != null
                && hbar("#afterTable") != null && hbar("#beforeTable").getMax() > 0 && hbar("#afterTable").getMax() > 0);
        ScrollBar before = hbar("#beforeTable");
        ScrollBar after = hbar("#afterTable");
        interact(() -> before.setValue(Math.min(before.getMax(), after.getMax()) / 2));
        assertThat(after.getValue()).isEqualTo(before.getValue());
        interact(() -> after.setValue(0));
        assertThat(before.getValue()).isZero();

        Path project = dir.resolve("loans.atelier");
        files.projectToSave = project;
        interact(() -> app.projectViewModel().saveAs(() -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(project)
                && !app.services().project().isDirty());
        assertThat(Files.readString(project)).contains("\"binarize\"", "\"income\"");
        interact(() -> app.services().project().reset());
        assertThat(vm().getRecipe().steps()).isEmpty();
        interact(() -> app.projectViewModel().openFile(project));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().getRecipe().steps().size() == 1);
        waitForPreview();
        assertThat(vm().getRecipe().steps().getFirst().transform()).isEqualTo("binarize");
        assertThat(vm().getRecipe().steps().getFirst().parameters()).containsEntry("column", "income");
        assertThat(vm().canUndoProperty().get()).isFalse();
        assertThat(errors.errors()).isEmpty();
        // the studio reopens the most recent project at start-up: leave none for the next test
        interact(() -> app.projectViewModel().recent().remove(project));
    }

    private ScrollBar hbar(String table) {
        for (javafx.scene.Node n : lookup(table).query().lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                return bar;
            }
        }
        return null;
    }
}
