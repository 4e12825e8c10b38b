package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.common.dialogs.SaveChangesChoice;
import dev.atelier.app.shell.Screen;
import dev.atelier.sampledata.SampleDatasets;
import dev.atelier.ui.resources.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The studio window as a user meets it: first run with the loan-approval sample.
@Tag("ui")
class StudioWindowUiTest extends StudioUiTestBase {

    @BeforeEach
    void start() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
    }

    @Test
    void theLoanApprovalSampleFillsTheDataTable() {
        assertThat(errors.errors()).isEmpty();
        assertThat(dataTable().getItems()).hasSize(SampleDatasets.LOAN_APPROVAL.rows());

        @SuppressWarnings("unchecked")
        TableColumn<Integer, String> id = (TableColumn<Integer, String>) dataTable().getColumns().stream()
                .filter(c -> "col-applicant_id".equals(c.getId())).findFirst().orElseThrow();
        assertThat(id.getCellData(0)).isEqualTo("000138");
        // ... and the rendered cell on screen says the same.
        List<String> shown = lookup(".table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == id && c.getIndex() == 0)
                .map(TableCell::getText).toList();
        assertThat(shown).containsExactly("000138");

        assertThat(lookup("#columnsTable").queryTableView().getItems()).hasSize(SampleDatasets.LOAN_APPROVAL.columns());
        assertThat(lookup("#dataTitle").queryLabeled().getText()).isEqualTo("Loan approval");
        assertThat(lookup("#dataTarget").queryLabeled().getText()).isEqualTo("Predicting: approved");
        assertThat(stage().getTitle()).isEqualTo("Atelier — Loan approval •");
    }

    @Test
    void eachNavigationItemShowsItsScreen() {
        for (Screen s : Screen.values()) {
            clickOn("#nav-" + s.key());
            WaitForAsyncUtils.waitForFxEvents();
            String expected = switch (s) {
                case DATA -> "dataScreen";
                case BUILD, PREPARE, LEADERBOARD, ANALYZE, PREDICT -> "screen-" + s.key();
                default -> "placeholder-" + s.key();
            };
            assertThat(shownScreen().getId()).as(s.name()).isEqualTo(expected);
            assertThat(app.windowViewModel().getScreen()).isEqualTo(s);
        }
        clickOn("#nav-build");
        assertThat(lookup("#buildScreen").query().isVisible()).isTrue();   // there is data to build on
        dialogs.answer = SaveChangesChoice.DISCARD;
        interact(() -> app.projectViewModel().newProject());                 // no data: the placeholder says why
        assertThat(lookup("#buildScreen").query().isVisible()).isFalse();
        clickOn("#placeholder-build-goto");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownScreen().getId()).isEqualTo("dataScreen");

        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownScreen().getId()).isEqualTo("screen-build");
        assertThat(lookup("#placeholder-build").query().isVisible()).isTrue();
        assertThat(lookup("#placeholder-build-title").queryLabeled().getText()).isEqualTo("Build");
    }

    @Test
    void aBadFileShowsAPlainMessageInTheImportDialogAndKeepsThePreviousData() throws Exception {
        var before = app.dataViewModel().getTableData();
        Path empty = Files.createFile(home.resolve("empty-" + System.nanoTime() + ".csv"));
        Path binary = home.resolve("picture-" + System.nanoTime() + ".csv");
        byte[] png = new byte[512];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);
        Files.write(binary, png);

        List<String> shown = new java.util.ArrayList<>();
        for (Path bad : List.of(empty, binary)) {
            files.data = bad;
            clickOn("#openDataButton");
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> !lookup("#importError").queryLabeled().getText().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            shown.add(lookup("#importError").queryLabeled().getText());
            assertThat(lookup("#importButton").queryButton().isDisabled()).isTrue();
            interact(() -> lookup("#importCancel").queryButton().fire());
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertThat(shown.getFirst()).isEqualTo("The file " + empty + " is empty.");
        assertThat(shown.get(1)).startsWith("The file " + binary + " is not a text table");
        assertThat(errors.errors()).isEmpty();
        assertThat(app.dataViewModel().getTableData()).isSameAs(before);
        assertThat(dataTable().getItems()).hasSize(SampleDatasets.LOAN_APPROVAL.rows());
    }

    @Test
    void switchingTheThemeSwapsOnlyTheTokenSheet() {
        Scene scene = stage().getScene();
        MenuItem light = menuItem("menu-view-light");
        MenuItem dark = menuItem("menu-view-dark");
        interact(light::fire);
        List<String> lightSheets = List.copyOf(scene.getStylesheets());
        assertThat(lightSheets.getFirst()).isEqualTo(UiResources.tokens(UiResources.Theme.LIGHT));

        interact(dark::fire);
        assertThat(scene.getStylesheets().getFirst()).isEqualTo(UiResources.tokens(UiResources.Theme.DARK));
        assertThat(scene.getStylesheets().subList(1, scene.getStylesheets().size()))
                .isEqualTo(lightSheets.subList(1, lightSheets.size()));

        clickOn("#themeToggle");
        assertThat(scene.getStylesheets().getFirst()).isEqualTo(UiResources.tokens(UiResources.Theme.LIGHT));
        assertThat(scene.getStylesheets()).hasSameSizeAs(lightSheets);
    }

    private void waitForErrors(int n) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> errors.errors().size() >= n);
        waitUntilLoaded();
    }

    private Node shownScreen() {
        StackPane content = lookup("#content").queryAs(StackPane.class);
        assertThat(content.getChildren()).hasSize(1);
        return content.getChildren().getFirst();
    }

    private Stage stage() {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                .findFirst().orElseThrow();
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
