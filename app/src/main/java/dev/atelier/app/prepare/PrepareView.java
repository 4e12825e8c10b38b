package dev.atelier.app.prepare;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.wrangle.Preview;
import dev.atelier.ui.resources.UiResources;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/// The Prepare screen: on the left the recipe's steps (numbered, on/off, marked when they no longer fit the
/// data, reordered by dragging or the arrow buttons), a searchable catalogue to add steps from, and the selected
/// step's settings; in the centre the data before and after the selected step with changed cells highlighted and
/// new columns marked (right-click a column header for the transforms that fit it); on the right the column's
/// histogram before and after. Undo with Ctrl+Z, redo with Ctrl+Shift+Z.
///
/// Node ids: `prepareScreen`, `stepList`, `addStepButton`, `stepUp`, `stepDown`, `stepDelete`, `addPanel`,
/// `transformSearch`, `transformTree`, `addTransformConfirm`, `prepareUndo`, `prepareRedo`, `prepareExport`,
/// `prepareImport`, `prepareStatus`, `beforeTable`, `afterTable`, `histogramColumn`, `histogramBefore`,
/// `histogramAfter`. Cells that changed carry the style class `changed-cell`; added columns `added-column`.
public final class PrepareView {
    /// Style class of a cell whose value the step changed (after table) or is about to change (before table).
    public static final String CHANGED = "changed-cell";
    /// Style class of a column (and its cells) the step added.
    public static final String ADDED = "added-column";
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final PrepareViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final StepsPanel steps;
    private final PreviewTables tables;
    private final HistogramPanel histograms;

    public PrepareView(PrepareViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.steps = new StepsPanel(vm, messages);
        this.tables = new PreviewTables(vm, messages);
        this.histograms = new HistogramPanel(vm, messages);
        root.setId("prepareScreen");
        root.getStyleClass().addAll("screen", "prepare-screen");
        root.getStylesheets().add(UiResources.screen("prepare"));
        root.setTop(toolbar());
        SplitPane main = new SplitPane(steps.node(), tables.node(), histograms.node());
        main.setDividerPositions(0.24, 0.78);
        main.getStyleClass().add("prepare-split");
        SplitPane.setResizableWithParent(main.getItems().getFirst(), false);
        root.setCenter(main);
        vm.previewProperty().addListener((o, a, b) -> showPreview(b));
        root.sceneProperty().addListener((o, a, b) -> accelerators(b));
        showPreview(vm.getPreview());
    }

    private void showPreview(@Nullable Preview p) {
        tables.show(p);
        histograms.show(p);
    }

    /// Whether the Before and After tables scroll sideways together (for tests).
    boolean scrollSynced() {
        return tables.scrollSynced();
    }

    /// The transforms that fit a column of `type`, by family (a column header's menu).
    ContextMenu columnMenu(String column, ColumnType type) {
        return tables.columnMenu(column, type);
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }

    // ---- toolbar ----------------------------------------------------------------------------------------

    private Node toolbar() {
        Label title = new Label(messages.get("prepare.title"));
        title.getStyleClass().add("prepare-title");
        Label subtitle = new Label(messages.get("prepare.subtitle"));
        subtitle.getStyleClass().add("prepare-subtitle");
        VBox titles = new VBox(2, title, subtitle);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button undo = button("prepareUndo", "prepare.undo", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("prepareRedo", "prepare.redo", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button export = button("prepareExport", "prepare.export", vm::exportRecipe);
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.steps()));
        Button importButton = button("prepareImport", "prepare.import", vm::importRecipe);
        HBox bar = new HBox(8, titles, spacer, undo, redo, export, importButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("prepare-toolbar");
        return bar;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        if (messages.has(key + ".tooltip")) {
            b.setTooltip(new Tooltip(messages.get(key + ".tooltip")));
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    private void accelerators(@Nullable Scene scene) {
        if (scene == null) {
            return;
        }
        scene.getAccelerators().put(UNDO, () -> {
            if (shown()) {
                vm.undo();
            }
        });
        scene.getAccelerators().put(REDO, () -> {
            if (shown()) {
                vm.redo();
            }
        });
    }

    /// Whether this screen is the one on show (the shortcuts belong to the visible screen only).
    private boolean shown() {
        for (Node n = root; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return root.getScene() != null;
    }

    // ---- left: steps, catalogue, settings -----------------------------------------------------------------

    static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
