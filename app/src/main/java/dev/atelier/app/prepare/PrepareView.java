package dev.atelier.app.prepare;

import dev.atelier.app.common.controls.ParamForm;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.wrangle.ColumnSummary;
import dev.atelier.engine.wrangle.Family;
import dev.atelier.engine.wrangle.Preview;
import dev.atelier.engine.wrangle.TransformInfo;
import dev.atelier.ui.resources.UiResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
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
    private final ListView<StepRow> stepList = new ListView<>();
    private final TableView<Integer> beforeTable = new TableView<>();
    private final TableView<Integer> afterTable = new TableView<>();
    private final ComboBox<String> histogramColumn = new ComboBox<>();
    private final BarChart<String, Number> histogramBefore = chart("histogramBefore");
    private final BarChart<String, Number> histogramAfter = chart("histogramAfter");
    private final Label histogramNote = new Label();
    private final VBox addPanel = new VBox(6);
    private final TreeView<Object> transformTree = new TreeView<>();
    private final TextField transformSearch = new TextField();
    private boolean selecting;
    private boolean scrollSynced;

    public PrepareView(PrepareViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("prepareScreen");
        root.getStyleClass().addAll("screen", "prepare-screen");
        root.getStylesheets().add(UiResources.screen("prepare"));
        root.setTop(toolbar());
        SplitPane main = new SplitPane(leftPanel(), centrePanel(), histogramPanel());
        main.setDividerPositions(0.24, 0.78);
        main.getStyleClass().add("prepare-split");
        SplitPane.setResizableWithParent(main.getItems().getFirst(), false);
        root.setCenter(main);
        vm.previewProperty().addListener((o, a, b) -> showPreview(b));
        vm.histogramColumnProperty().addListener((o, a, b) -> showHistogram());
        root.sceneProperty().addListener((o, a, b) -> accelerators(b));
        showPreview(vm.getPreview());
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

    private Node leftPanel() {
        Label title = new Label(messages.get("prepare.steps"));
        title.getStyleClass().add("panel-title");
        stepList.setId("stepList");
        stepList.getStyleClass().add("step-list");
        stepList.setItems(vm.steps());
        stepList.setCellFactory(l -> new StepCell());
        stepList.setPlaceholder(wrapped(messages.get("prepare.status.empty")));
        stepList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!selecting && b != null) {
                vm.selectedStepIdProperty().set(b.step().id());
            }
        });
        vm.steps().addListener((javafx.collections.ListChangeListener<StepRow>) c -> syncSelection());
        vm.selectedStepIdProperty().addListener((o, a, b) -> syncSelection());
        VBox.setVgrow(stepList, Priority.ALWAYS);

        Button add = button("addStepButton", "prepare.add", () -> {
            addPanel.setVisible(!addPanel.isVisible());
            if (addPanel.isVisible()) {
                transformSearch.requestFocus();
            }
        });
        add.getStyleClass().add("accent");
        Button up = button("stepUp", "prepare.up", () -> moveSelected(-1));
        up.setText("\u2191");
        up.setTooltip(new Tooltip(messages.get("prepare.up")));
        Button down = button("stepDown", "prepare.down", () -> moveSelected(1));
        down.setText("\u2193");
        down.setTooltip(new Tooltip(messages.get("prepare.down")));
        add.setMinWidth(Region.USE_PREF_SIZE);
        Button delete = button("stepDelete", "prepare.delete", () -> {
            int i = vm.selectedIndex();
            if (i >= 0) {
                vm.delete(i);
            }
        });
        delete.setText("\u2715");
        delete.setTooltip(new Tooltip(messages.get("prepare.delete")));
        var none = stepList.getSelectionModel().selectedItemProperty().isNull();
        up.disableProperty().bind(none);
        down.disableProperty().bind(none);
        delete.disableProperty().bind(none);
        HBox buttons = new HBox(6, add, up, down, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);

        buildAddPanel();
        VBox top = new VBox(8, title, stepList, buttons, addPanel);
        top.getStyleClass().add("prepare-steps");

        Label paramsTitle = new Label(messages.get("prepare.params"));
        paramsTitle.getStyleClass().add("panel-title");
        Label paramsNone = wrapped(messages.get("prepare.params.none"));
        paramsNone.visibleProperty().bind(vm.selectedStepIdProperty().isNull());
        paramsNone.managedProperty().bind(paramsNone.visibleProperty());
        Label description = wrapped("");
        description.getStyleClass().add("step-description");
        Runnable describe = () -> {
            int i = vm.selectedIndex();
            StepRow row = i >= 0 && i < vm.steps().size() ? vm.steps().get(i) : null;
            description.setText(row == null || row.info() == null ? "" : row.title() + " \u2014 "
                    + row.info().description());
        };
        vm.selectedStepIdProperty().addListener((o, a, b) -> describe.run());
        vm.steps().addListener((javafx.collections.ListChangeListener<StepRow>) c -> describe.run());
        ParamForm form = new ParamForm(messages, vm.params());
        form.setId("stepParams");
        form.visibleProperty().bind(vm.selectedStepIdProperty().isNotNull()
                .and(javafx.beans.binding.Bindings.isNotEmpty(vm.params())));
        form.managedProperty().bind(form.visibleProperty());
        Label noSettings = wrapped(messages.get("prepare.params.empty"));
        noSettings.visibleProperty().bind(vm.selectedStepIdProperty().isNotNull()
                .and(javafx.beans.binding.Bindings.isEmpty(vm.params())));
        noSettings.managedProperty().bind(noSettings.visibleProperty());
        VBox params = new VBox(8, paramsTitle, paramsNone, description, noSettings, form);
        params.getStyleClass().add("prepare-params");
        ScrollPane scroll = new ScrollPane(params);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("prepare-params-scroll");

        SplitPane left = new SplitPane(top, scroll);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.55);
        addPanel.visibleProperty().addListener((o, a, b) -> left.setDividerPositions(b ? 0.85 : 0.55));
        left.setMinWidth(280);
        return left;
    }

    private void syncSelection() {
        selecting = true;
        try {
            int i = vm.selectedIndex();
            if (i < 0) {
                stepList.getSelectionModel().clearSelection();
            } else if (i < stepList.getItems().size()) {
                stepList.getSelectionModel().select(i);
                stepList.scrollTo(i);
            }
        } finally {
            selecting = false;
        }
    }

    private void moveSelected(int by) {
        int i = vm.selectedIndex();
        if (i >= 0) {
            vm.move(i, i + by);
        }
    }

    private void buildAddPanel() {
        addPanel.setId("addPanel");
        addPanel.getStyleClass().add("add-panel");
        addPanel.setVisible(false);
        addPanel.managedProperty().bind(addPanel.visibleProperty());
        transformSearch.setId("transformSearch");
        transformSearch.setPromptText(messages.get("prepare.add.search"));
        transformSearch.textProperty().addListener((o, a, b) -> fillTree(b));
        transformTree.setId("transformTree");
        transformTree.setShowRoot(false);
        transformTree.setPrefHeight(320);
        transformTree.setMinHeight(180);
        VBox.setVgrow(transformTree, Priority.ALWAYS);
        transformTree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("transform-family", "transform-item");
                setTooltip(null);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                } else if (item instanceof TransformInfo info) {
                    Label name = new Label(info.name());
                    name.getStyleClass().add("transform-name");
                    Label desc = new Label(info.description());
                    desc.getStyleClass().add("transform-description");
                    desc.setWrapText(true);
                    desc.maxWidthProperty().bind(transformTree.widthProperty().subtract(70));
                    setGraphic(new VBox(1, name, desc));
                    setText(null);
                    setTooltip(new Tooltip(info.description()));
                    getStyleClass().add("transform-item");
                } else {
                    setGraphic(null);
                    setText(item.toString());
                    getStyleClass().add("transform-family");
                }
            }
        });
        transformTree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addChosen();
            }
        });
        Button confirm = button("addTransformConfirm", "prepare.add.confirm", this::addChosen);
        confirm.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !(chosen() instanceof TransformInfo), transformTree.getSelectionModel().selectedItemProperty()));
        Button close = button("addTransformClose", "prepare.add.cancel", () -> addPanel.setVisible(false));
        HBox buttons = new HBox(6, confirm, close);
        addPanel.getChildren().setAll(transformSearch, transformTree, buttons);
        fillTree("");
    }

    private @Nullable Object chosen() {
        TreeItem<Object> item = transformTree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private void addChosen() {
        if (chosen() instanceof TransformInfo info) {
            vm.addStep(info, null);
            addPanel.setVisible(false);
        }
    }

    private void fillTree(String query) {
        Map<Family, List<TransformInfo>> groups = vm.search(query).stream()
                .collect(Collectors.groupingBy(TransformInfo::family, LinkedHashMap::new, Collectors.toList()));
        TreeItem<Object> top = new TreeItem<>("");
        boolean expand = query != null && !query.isBlank();
        for (var g : groups.entrySet()) {
            TreeItem<Object> family = new TreeItem<>(g.getKey().displayName() + " (" + g.getValue().size() + ")");
            g.getValue().forEach(t -> family.getChildren().add(new TreeItem<>(t)));
            family.setExpanded(expand);
            top.getChildren().add(family);
        }
        transformTree.setRoot(top);
    }

    /// A step line: number, on/off, name, a warning marker whose tooltip says why it does not fit.
    private final class StepCell extends ListCell<StepRow> {
        StepCell() {
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                var board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(String.valueOf(getIndex()));
                board.setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() != this && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean done = false;
                if (e.getDragboard().hasString()) {
                    int from = Integer.parseInt(e.getDragboard().getString());
                    int to = getItem() == null ? vm.steps().size() - 1 : getIndex();
                    vm.move(from, to);
                    done = true;
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("step-invalid", "step-disabled");
            setTooltip(null);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            int index = row.number() - 1;
            Label number = new Label(row.number() + ".");
            number.getStyleClass().add("step-number");
            CheckBox on = new CheckBox();
            on.setId("step-enabled-" + row.number());
            on.setSelected(row.step().enabled());
            on.setTooltip(new Tooltip(messages.get("prepare.enabled.tooltip")));
            on.setOnAction(e -> vm.setEnabled(index, on.isSelected()));
            Label name = new Label(row.title());
            name.getStyleClass().add("step-name");
            Label detail = new Label(detail(row));
            detail.getStyleClass().add("step-detail");
            VBox text = new VBox(1, name, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(6, number, on, text);
            line.setAlignment(Pos.CENTER_LEFT);
            if (!row.valid()) {
                Label marker = new Label("\u26A0");
                marker.setId("step-invalid-" + row.number());
                marker.getStyleClass().add("step-invalid-marker");
                Tooltip why = new Tooltip(messages.get("prepare.invalid.marker") + ": " + row.reason());
                why.setWrapText(true);
                why.setMaxWidth(360);
                marker.setTooltip(why);
                line.getChildren().add(marker);
                getStyleClass().add("step-invalid");
                setTooltip(why);
            }
            if (!row.step().enabled()) {
                getStyleClass().add("step-disabled");
            }
            setText(null);
            setGraphic(line);
        }

        private static String detail(StepRow row) {
            return row.step().parameters().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    // ---- centre: before / after ------------------------------------------------------------------------------

    private Node centrePanel() {
        Label status = new Label();
        status.setId("prepareStatus");
        status.getStyleClass().add("prepare-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(javafx.beans.binding.Bindings.when(vm.previewingProperty())
                .then(messages.get("prepare.computing")).otherwise(vm.statusProperty()));
        beforeTable.setId("beforeTable");
        afterTable.setId("afterTable");
        for (TableView<Integer> t : List.of(beforeTable, afterTable)) {
            t.getStyleClass().add("preview-table");
            t.setPlaceholder(wrapped(messages.get("prepare.status.select")));
            t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            VBox.setVgrow(t, Priority.ALWAYS);
        }
        Label before = new Label(messages.get("prepare.before"));
        before.getStyleClass().add("panel-title");
        Label after = new Label(messages.get("prepare.after"));
        after.getStyleClass().add("panel-title");
        VBox top = new VBox(4, before, beforeTable);
        VBox bottom = new VBox(4, after, afterTable);
        SplitPane tables = new SplitPane(top, bottom);
        tables.setOrientation(Orientation.VERTICAL);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox centre = new VBox(8, status, tables);
        centre.getStyleClass().add("prepare-centre");
        return centre;
    }

    private void showPreview(@Nullable Preview p) {
        if (p == null) {
            beforeTable.getColumns().clear();
            afterTable.getColumns().clear();
            beforeTable.setItems(FXCollections.observableArrayList());
            afterTable.setItems(FXCollections.observableArrayList());
            histogramColumn.getItems().clear();
            showHistogram();
            return;
        }
        Set<String> changed = p.changedCells().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        fill(beforeTable, p.before(), p.after(), changed, Set.of(), p);
        fill(afterTable, p.after(), p.before(), changed, Set.copyOf(p.addedColumns()), p);
        revealFirstChange(p, changed);
        List<String> columns = p.after().schema().names();
        histogramColumn.getItems().setAll(
                java.util.stream.Stream.concat(columns.stream(), p.removedColumns().stream()).toList());
        histogramColumn.setValue(vm.histogramColumnProperty().get());
        showHistogram();
    }

    /// Fills `table` with `data`; cells of `changed` columns that differ from `other` get [#CHANGED].
    private void fill(TableView<Integer> table, Dataset data, Dataset other, Set<String> changed, Set<String> added,
                      Preview p) {
        table.getColumns().clear();
        boolean sameRows = data.rowCount() == other.rowCount();
        for (int c = 0; c < data.columnCount(); c++) {
            String name = data.schema().get(c).name();
            ColumnType type = data.schema().get(c).type();
            int col = c;
            int otherCol = other.schema().indexOf(name);
            boolean compare = sameRows && changed.contains(name) && otherCol >= 0;
            TableColumn<Integer, String> tc = new TableColumn<>();
            tc.setId(table.getId() + "-" + name);
            Label header = new Label(added.contains(name) ? name + "  \u2795 " + messages.get("prepare.added") : name);
            header.getStyleClass().add("preview-header");
            header.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    vm.histogramColumnProperty().set(name);
                }
            });
            tc.setGraphic(header);
            tc.setPrefWidth(Math.max(90, Math.min(200, name.length() * 9 + 30)));
            tc.setSortable(false);
            if (added.contains(name)) {
                tc.getStyleClass().add(ADDED);
            }
            if (changed.contains(name)) {
                tc.getStyleClass().add("changed-column");
            }
            tc.setContextMenu(columnMenu(name, type));
            tc.setCellValueFactory(f -> new ReadOnlyStringWrapper(data.text(f.getValue(), col)));
            tc.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll(CHANGED, ADDED, "missing-cell");
                    if (empty || item == null) {
                        setText(null);
                        return;
                    }
                    int row = getTableRow() == null || getTableRow().getItem() == null ? -1 : getTableRow().getItem();
                    boolean missing = row >= 0 && data.isMissing(row, col);
                    setText(missing ? "\u2014" : item);
                    if (missing) {
                        getStyleClass().add("missing-cell");
                    }
                    if (added.contains(name)) {
                        getStyleClass().add(ADDED);
                    } else if (compare && row >= 0 && differs(data, other, row, col, otherCol)) {
                        getStyleClass().add(CHANGED);
                    }
                }
            });
            table.getColumns().add(tc);
        }
        table.setItems(FXCollections.observableList(IntStream.range(0, data.rowCount()).boxed().toList()));
    }

    /// Scrolls both tables to the first changed cell (or the first added column), so the change is in view.
    private void revealFirstChange(Preview p, Set<String> changed) {
        String column = p.after().schema().names().stream().filter(changed::contains).findFirst()
                .orElse(p.addedColumns().isEmpty() ? null : p.addedColumns().getFirst());
        if (column == null) {
            return;
        }
        int row = 0;
        int ca = p.after().schema().indexOf(column);
        int cb = p.before().schema().indexOf(column);
        if (cb >= 0 && p.before().rowCount() == p.after().rowCount()) {
            for (int r = 0; r < p.after().rowCount(); r++) {
                if (differs(p.after(), p.before(), r, ca, cb)) {
                    row = r;
                    break;
                }
            }
        }
        int target = Math.max(0, row - 2);
        for (TableView<Integer> t : List.of(beforeTable, afterTable)) {
            t.scrollTo(Math.min(target, Math.max(0, t.getItems().size() - 1)));
        }
        // after the new columns are laid out; the after table follows the before table sideways
        javafx.application.Platform.runLater(() -> {
            syncScroll();
            for (TableView<Integer> t : List.of(beforeTable, afterTable)) {
                t.layout();
                t.getColumns().stream().filter(c -> c.getId().endsWith("-" + column)).findFirst()
                        .ifPresent(t::scrollToColumn);
            }
        });
    }

    private void syncScroll() {
        if (scrollSynced) {
            return;
        }
        javafx.scene.control.ScrollBar a = hbar(beforeTable);
        javafx.scene.control.ScrollBar b = hbar(afterTable);
        if (a != null && b != null) {
            a.valueProperty().addListener((o, x, v) -> {
                if (b.getMax() >= v.doubleValue()) {
                    b.setValue(v.doubleValue());
                }
            });
            scrollSynced = true;
        }
    }

    private static javafx.scene.control.@Nullable ScrollBar hbar(TableView<?> t) {
        for (Node n : t.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return bar;
            }
        }
        return null;
    }

    private static boolean differs(Dataset a, Dataset b, int row, int ca, int cb) {
        boolean ma = a.isMissing(row, ca);
        boolean mb = b.isMissing(row, cb);
        return ma != mb || !ma && !a.text(row, ca).equals(b.text(row, cb));
    }

    /// The transforms that fit a column of `type`, by family; each adds a step with the column filled in.
    ContextMenu columnMenu(String column, ColumnType type) {
        ContextMenu menu = new ContextMenu();
        MenuItem heading = new MenuItem(messages.get("prepare.column.menu", column));
        heading.setDisable(true);
        menu.getItems().add(heading);
        Map<Family, List<TransformInfo>> groups = vm.transformsFor(type).stream()
                .collect(Collectors.groupingBy(TransformInfo::family, LinkedHashMap::new, Collectors.toList()));
        for (var g : groups.entrySet()) {
            Menu family = new Menu(g.getKey().displayName());
            for (TransformInfo t : g.getValue()) {
                MenuItem item = new MenuItem(t.name());
                item.setId("colmenu-" + column + "-" + t.key());
                item.setOnAction(e -> vm.addStep(t, column));
                family.getItems().add(item);
            }
            menu.getItems().add(family);
        }
        return menu;
    }

    // ---- right: histogram ------------------------------------------------------------------------------------

    private Node histogramPanel() {
        Label title = new Label(messages.get("prepare.histogram"));
        title.getStyleClass().add("panel-title");
        histogramColumn.setId("histogramColumn");
        histogramColumn.setMaxWidth(Double.MAX_VALUE);
        histogramColumn.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.histogramColumnProperty().set(b);
            }
        });
        histogramNote.setId("histogramNote");
        histogramNote.setWrapText(true);
        histogramNote.getStyleClass().add("histogram-note");
        histogramColumn.visibleProperty().bind(vm.previewProperty().isNotNull());
        VBox box = new VBox(8, title, histogramColumn, histogramNote, histogramBefore, histogramAfter);
        box.getStyleClass().add("prepare-histograms");
        box.setMinWidth(220);
        return box;
    }

    private static BarChart<String, Number> chart(String id) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setBarGap(1);
        chart.setCategoryGap(2);
        chart.setPrefHeight(220);
        chart.getStyleClass().add("histogram-chart");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private void showHistogram() {
        String column = vm.histogramColumnProperty().get();
        if (column != null && !column.equals(histogramColumn.getValue())) {
            histogramColumn.setValue(column);
        }
        ColumnSummary[] s = vm.histogram(column);
        plot(histogramBefore, s[0], messages.get("prepare.histogram.before"));
        plot(histogramAfter, s[1], messages.get("prepare.histogram.after"));
        ColumnSummary any = s[1] != null ? s[1] : s[0];
        boolean none = any != null && any.histogram().length == 0;
        histogramNote.setText(none ? messages.get("prepare.histogram.none", column, any.distinct()) : "");
        histogramNote.setVisible(none);
        histogramNote.setManaged(none);
        boolean charts = any != null && !none;
        for (Node n : List.of(histogramBefore, histogramAfter)) {
            n.setVisible(charts);
            n.setManaged(charts);
        }
    }

    private static void plot(BarChart<String, Number> chart, @Nullable ColumnSummary s, String title) {
        chart.getData().clear();
        chart.setTitle(s == null ? title + ": \u2014" : title + " (" + s.missing() + " missing)");
        if (s == null || s.histogram().length == 0) {
            return;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(title);
        int bins = s.histogram().length;
        double width = (s.max() - s.min()) / bins;
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < bins; i++) {
            String label = round(s.min() + i * width);
            if (!seen.add(label)) {
                label = label + " (" + (i + 1) + ")";
                seen.add(label);
            }
            series.getData().add(new XYChart.Data<>(label, s.histogram()[i]));
        }
        chart.getData().add(series);
    }

    /// A bin's lower edge with 3 significant digits ("804", "0.125", "1.2e+06" stays readable as 1200000).
    static String round(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
