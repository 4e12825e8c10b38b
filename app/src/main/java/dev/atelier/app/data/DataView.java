package dev.atelier.app.data;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.controls.Icons;
import dev.atelier.app.common.controls.MessageBar;
import dev.atelier.app.common.controls.TypeBadge;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.sampledata.SampleDataset;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/// The Data screen: a toolbar (Open data…, Open sample), the data's header line and notes, the rows in a
/// virtualized table and, on the right, the Columns panel where roles are chosen. Files can be dropped
/// anywhere on it. Binds to a [DataViewModel] and holds no logic of its own.
public final class DataView {
    private static final int WIDTH_SAMPLE_ROWS = 60;
    private static final double COLUMNS_PANEL_WIDTH = 458;

    private final DataViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final TableView<Integer> dataTable = new TableView<>();
    private final TableView<ColumnSummaryRow> columnsTable = new TableView<>();
    private final StackPane dropHint = new StackPane();

    public DataView(DataViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("dataScreen");
        root.getStyleClass().addAll("screen", "data-screen");

        VBox top = new VBox(toolbar(), header(), messageBar());
        top.getStyleClass().add("data-top");
        root.setTop(top);

        SplitPane split = new SplitPane(tablePane(), columnsPanel());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        split.widthProperty().addListener((o, a, b) -> {
            if (a.doubleValue() == 0 && b.doubleValue() > 0) {
                split.setDividerPositions(Math.max(0.4, 1 - COLUMNS_PANEL_WIDTH / b.doubleValue()));
            }
        });
        split.getStyleClass().add("data-split");
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        Node tabs = dev.atelier.app.data.insights.InsightsTabs.wrap(split, vm.insights(), messages);
        tabs.visibleProperty().bind(vm.hasDataProperty());

        StackPane center = new StackPane(tabs, emptyState(), loadingOverlay(), dropHint());
        center.getStyleClass().add("data-center");
        root.setCenter(center);

        installDragAndDrop();
        vm.generationProperty().addListener((o, a, b) -> rebuildTable(vm.getTableData()));
        rebuildTable(vm.getTableData());
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }

    // ---- toolbar and header -----------------------------------------------------------------------

    private Node toolbar() {
        Button open = new Button(messages.get("data.toolbar.open"), Icons.create(Icons.Name.OPEN, 16));
        open.setId("openDataButton");
        open.getStyleClass().add("primary");
        open.setTooltip(tip(messages.get("data.toolbar.open.tooltip")));
        open.setOnAction(e -> vm.chooseAndOpenFile());
        open.disableProperty().bind(vm.loadingProperty());

        Button sample = new Button(messages.get("data.toolbar.sample"), Icons.create(Icons.Name.SAMPLE, 16));
        sample.setId("openSampleButton");
        sample.setTooltip(tip(messages.get("data.toolbar.sample.tooltip")));
        ContextMenu menu = sampleMenu();
        sample.setOnAction(e -> menu.show(sample, Side.BOTTOM, 0, 4));
        sample.disableProperty().bind(vm.loadingProperty());

        Label dropNote = new Label(messages.get("data.toolbar.dropNote"), Icons.create(Icons.Name.DROP, 14));
        dropNote.getStyleClass().add("toolbar-note");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(open, sample, spacer, dropNote);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("screen-toolbar");
        return bar;
    }

    private ContextMenu sampleMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setId("sampleMenu");
        menu.getStyleClass().add("sample-menu");
        for (SampleDataset s : vm.samples()) {
            Label name = new Label(s.title());
            name.getStyleClass().add("sample-title");
            Label meta = new Label(messages.get("data.sample.meta",
                    messages.get("data.sample.problem." + s.problemType()), s.rows(), s.columns(), s.target()));
            meta.getStyleClass().add("sample-meta");
            VBox box = new VBox(name, meta);
            box.setId("sample-" + s.id());
            box.getStyleClass().add("sample-item");
            Tooltip t = tip(s.description());
            t.setMaxWidth(440);
            Tooltip.install(box, t);
            CustomMenuItem item = new CustomMenuItem(box, true);
            item.setId("sampleItem-" + s.id());
            item.setOnAction(e -> vm.openSample(s));
            menu.getItems().add(item);
        }
        return menu;
    }

    private Node header() {
        Label title = new Label();
        title.setId("dataTitle");
        title.getStyleClass().add("data-title");
        title.textProperty().bind(vm.titleProperty());

        Label size = new Label();
        size.setId("dataSize");
        size.getStyleClass().add("data-size");
        size.textProperty().bind(vm.sizeTextProperty());

        Label format = new Label();
        format.setId("dataFormat");
        format.getStyleClass().add("data-format");
        format.textProperty().bind(vm.formatTextProperty());
        format.setTooltip(tip(messages.get("data.header.format.tooltip")));

        Label target = new Label();
        target.setId("dataTarget");
        target.getStyleClass().add("data-target");
        target.textProperty().bind(vm.targetTextProperty());
        target.setTooltip(tip(messages.get("data.header.target.tooltip")));
        vm.hasTargetProperty().addListener((o, a, b) -> pseudo(target, "missing-target", !b));
        pseudo(target, "missing-target", !vm.hasTargetProperty().get());

        Label dot = new Label("·");
        dot.getStyleClass().add("data-sep");
        HBox meta = new HBox(size, dot, format);
        meta.setAlignment(Pos.BASELINE_LEFT);
        meta.getStyleClass().add("data-meta");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        meta.setMinWidth(Region.USE_PREF_SIZE);
        VBox left = new VBox(title, meta);
        left.setMinWidth(Region.USE_PREF_SIZE);
        left.getStyleClass().add("data-heading");
        target.setMinWidth(120);
        HBox header = new HBox(left, spacer, target);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setId("dataHeader");
        header.getStyleClass().add("data-header");
        header.visibleProperty().bind(vm.hasDataProperty());
        header.managedProperty().bind(vm.hasDataProperty());
        return header;
    }

    private Node messageBar() {
        MessageBar bar = new MessageBar(messages, vm.notes());
        bar.setId("dataMessages");
        VBox.setMargin(bar, new Insets(0, 16, 8, 16));
        return bar;
    }

    // ---- data table -------------------------------------------------------------------------------

    private Node tablePane() {
        dataTable.setId("dataTable");
        dataTable.getStyleClass().add("data-table");
        dataTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        dataTable.setPlaceholder(new Label(messages.get("data.table.empty")));
        dataTable.setFixedCellSize(28);
        dataTable.getSelectionModel().setCellSelectionEnabled(true);
        StackPane pane = new StackPane(dataTable);
        pane.getStyleClass().add("table-card");
        return pane;
    }

    private void rebuildTable(@Nullable Dataset ds) {
        dataTable.getColumns().clear();
        if (ds == null) {
            dataTable.setItems(FXCollections.observableArrayList());
            return;
        }
        List<TableColumn<Integer, ?>> cols = new ArrayList<>(ds.columnCount() + 1);
        cols.add(rowNumberColumn(ds.rowCount()));
        for (int c = 0; c < ds.columnCount(); c++) {
            cols.add(dataColumn(ds, c));
        }
        dataTable.getColumns().setAll(cols);
        dataTable.setItems(new RowIndexList(ds.rowCount()));
        dataTable.scrollTo(0);
    }

    private TableColumn<Integer, Integer> rowNumberColumn(int rows) {
        TableColumn<Integer, Integer> col = new TableColumn<>("#");
        col.setId("col-rownumber");
        col.setSortable(false);
        col.setReorderable(false);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() + 1));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Integer.toString(item));
            }
        });
        col.getStyleClass().add("row-number-column");
        col.setPrefWidth(Math.max(48, 16 + 8 * Integer.toString(rows).length()));
        return col;
    }

    private TableColumn<Integer, @Nullable String> dataColumn(Dataset ds, int index) {
        var schema = ds.schema().get(index);
        TableColumn<Integer, @Nullable String> col = new TableColumn<>();
        col.setId("col-" + schema.name());
        col.setSortable(false);
        col.setText(schema.name());
        Label badge = TypeBadge.create(schema.type(), messages);
        col.setGraphic(badge);
        col.getStyleClass().add("data-column");
        // The value factory reads the dataset by row index: no per-row objects are built.
        col.setCellValueFactory(c -> {
            int row = c.getValue();
            return new ReadOnlyObjectWrapper<>(ds.isMissing(row, index) ? null : ds.text(row, index));
        });
        boolean numeric = schema.type() == ColumnType.NUMERIC;
        String missing = messages.get("data.table.missing");
        col.setCellFactory(c -> new TableCell<>() {
            {
                if (numeric) {
                    getStyleClass().add("numeric-cell");
                }
            }

            @Override
            protected void updateItem(@Nullable String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty) {
                    setText(null);
                    pseudo(this, "missing", false);
                } else if (item == null) {
                    setText(missing);
                    pseudo(this, "missing", true);
                } else {
                    setText(item);
                    pseudo(this, "missing", false);
                }
            }
        });
        col.setPrefWidth(preferredWidth(ds, index, schema.name()));
        return col;
    }

    private static double preferredWidth(Dataset ds, int column, String name) {
        int longest = 0;
        int n = Math.min(ds.rowCount(), WIDTH_SAMPLE_ROWS);
        for (int r = 0; r < n; r++) {
            longest = Math.max(longest, ds.text(r, column).length());
        }
        double forName = name.length() * 8.4 + 74;
        double forValues = longest * 7.6 + 30;
        return Math.clamp(Math.max(forName, forValues), 96, 340);
    }

    // ---- columns panel ----------------------------------------------------------------------------

    private Node columnsPanel() {
        Label title = new Label(messages.get("data.columns.title"), Icons.create(Icons.Name.COLUMNS, 16));
        title.getStyleClass().add("panel-title");
        Label hint = new Label(messages.get("data.columns.hint"));
        hint.getStyleClass().add("panel-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        columnsTable.setId("columnsTable");
        columnsTable.getStyleClass().add("columns-table");
        columnsTable.setItems(vm.columns());
        columnsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        columnsTable.setPlaceholder(new Label(messages.get("data.columns.empty")));
        columnsTable.setFixedCellSize(36);

        TableColumn<ColumnSummaryRow, ColumnSummaryRow> name = new TableColumn<>(messages.get("data.columns.name"));
        name.setId("columns-name");
        name.setSortable(false);
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable ColumnSummaryRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label badge = TypeBadge.create(row.type(), messages);
                setGraphic(badge);
                setText(row.name());
                setContentDisplay(ContentDisplay.LEFT);
                setGraphicTextGap(8);
            }
        });
        name.setPrefWidth(146);

        TableColumn<ColumnSummaryRow, ColumnRole> role = new TableColumn<>(messages.get("data.columns.role"));
        role.setId("columns-role");
        role.setSortable(false);
        role.setCellValueFactory(c -> c.getValue().roleProperty());
        role.setCellFactory(c -> new RoleCell());
        role.setPrefWidth(122);
        Label roleHeader = new Label(messages.get("data.columns.role"));
        Tooltip.install(roleHeader, tip(messages.get("data.columns.role.tooltip")));
        role.setGraphic(roleHeader);
        role.setText(null);

        TableColumn<ColumnSummaryRow, Double> missing = new TableColumn<>();
        missing.setId("columns-missing");
        missing.setSortable(false);
        missing.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().missingFraction()));
        missing.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("numeric-cell");
            }

            @Override
            protected void updateItem(@Nullable Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : percent(v));
                pseudo(this, "some-missing", !empty && v != null && v > 0);
                pseudo(this, "many-missing", !empty && v != null && v >= 0.2);
            }
        });
        Label missingHeader = new Label(messages.get("data.columns.missing"));
        Tooltip.install(missingHeader, tip(messages.get("data.columns.missing.tooltip")));
        missing.setGraphic(missingHeader);
        missing.setPrefWidth(66);

        TableColumn<ColumnSummaryRow, Long> distinct = new TableColumn<>();
        distinct.setId("columns-distinct");
        distinct.setSortable(false);
        distinct.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().distinct()));
        distinct.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("numeric-cell");
            }

            @Override
            protected void updateItem(@Nullable Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || v < 0 ? null : String.format(Locale.ENGLISH, "%,d", v));
            }
        });
        Label distinctHeader = new Label(messages.get("data.columns.distinct"));
        Tooltip.install(distinctHeader, tip(messages.get("data.columns.distinct.tooltip")));
        distinct.setGraphic(distinctHeader);
        distinct.setPrefWidth(70);

        columnsTable.getColumns().setAll(List.of(name, role, missing, distinct));
        VBox.setVgrow(columnsTable, Priority.ALWAYS);
        VBox panel = new VBox(title, hint, columnsTable);
        panel.setId("columnsPanel");
        panel.getStyleClass().add("columns-panel");
        panel.setMinWidth(360);
        return panel;
    }

    private String percent(double fraction) {
        if (fraction == 0) {
            return "0 %";
        }
        if (fraction < 0.001) {
            return "< 0.1 %";
        }
        return String.format(Locale.ENGLISH, fraction < 0.1 ? "%.1f %%" : "%.0f %%", fraction * 100);
    }

    /// A role cell: an always-visible combo box with plain-English labels.
    private final class RoleCell extends TableCell<ColumnSummaryRow, ColumnRole> {
        private final ComboBox<ColumnRole> combo = new ComboBox<>(FXCollections.observableArrayList(ColumnRole.values()));
        private @Nullable ColumnSummaryRow bound;

        RoleCell() {
            combo.getStyleClass().add("role-combo");
            combo.setMaxWidth(Double.MAX_VALUE);
            StringConverter<ColumnRole> converter = new StringConverter<>() {
                @Override
                public String toString(@Nullable ColumnRole r) {
                    return r == null ? "" : vm.roleLabel(r);
                }

                @Override
                public ColumnRole fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            };
            combo.setConverter(converter);
            combo.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(@Nullable ColumnRole r, boolean empty) {
                    super.updateItem(r, empty);
                    setText(empty || r == null ? null : vm.roleShortLabel(r));
                }
            });
            combo.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(@Nullable ColumnRole r, boolean empty) {
                    super.updateItem(r, empty);
                    setText(empty || r == null ? null : vm.roleLabel(r));
                    setTooltip(empty || r == null ? null : tip(vm.roleTooltip(r)));
                }
            });
            combo.setOnAction(e -> {
                ColumnSummaryRow row = bound;
                ColumnRole chosen = combo.getValue();
                if (row != null && chosen != null && chosen != row.getRole()) {
                    vm.setRole(row.name(), chosen);
                }
            });
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(@Nullable ColumnRole role, boolean empty) {
            super.updateItem(role, empty);
            ColumnSummaryRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            bound = row;
            if (row == null || role == null) {
                setGraphic(null);
                return;
            }
            combo.setId("role-" + row.name());
            combo.setValue(role);
            combo.setTooltip(tip(vm.roleTooltip(role)));
            pseudo(combo, "target", role == ColumnRole.TARGET);
            setGraphic(combo);
        }
    }

    // ---- empty state, loading, drag and drop ------------------------------------------------------

    private Node emptyState() {
        Node icon = Icons.create(Icons.Name.DROP, 44);
        Label title = new Label(messages.get("data.empty.title"));
        title.getStyleClass().add("empty-title");
        Label body = new Label(messages.get("data.empty.body"));
        body.getStyleClass().add("empty-body");
        body.setWrapText(true);
        Button open = new Button(messages.get("data.empty.open"));
        open.setId("emptyOpenData");
        open.getStyleClass().add("primary");
        open.setOnAction(e -> vm.chooseAndOpenFile());
        Button sample = new Button(messages.get("data.empty.sample"));
        sample.setId("emptyOpenSample");
        sample.setOnAction(e -> vm.openSample(dev.atelier.app.StudioArgs.DEFAULT_SAMPLE));
        HBox buttons = new HBox(10, open, sample);
        buttons.setAlignment(Pos.CENTER);
        VBox card = new VBox(14, icon, title, body, buttons);
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(520, Region.USE_PREF_SIZE);
        card.getStyleClass().add("empty-card");
        StackPane pane = new StackPane(card);
        pane.setId("dataEmptyState");
        pane.getStyleClass().add("empty-state");
        pane.visibleProperty().bind(vm.hasDataProperty().not().and(vm.loadingProperty().not()));
        return pane;
    }

    private Node loadingOverlay() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.progressProperty().bind(vm.loadingProgressProperty());
        spinner.setId("loadingIndicator");
        Label text = new Label();
        text.textProperty().bind(vm.loadingTextProperty());
        text.getStyleClass().add("loading-text");
        Button cancel = new Button(messages.get("data.loading.cancel"));
        cancel.setId("cancelLoadButton");
        cancel.setTooltip(tip(messages.get("data.loading.cancel.tooltip")));
        cancel.setOnAction(e -> vm.cancelLoad());
        VBox card = new VBox(12, spinner, text, cancel);
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.getStyleClass().add("loading-card");
        StackPane pane = new StackPane(card);
        pane.setId("dataLoading");
        pane.getStyleClass().add("loading-overlay");
        pane.visibleProperty().bind(vm.loadingProperty());
        return pane;
    }

    private Node dropHint() {
        Label label = new Label(messages.get("data.drop.hint"), Icons.create(Icons.Name.DROP, 28));
        label.setContentDisplay(ContentDisplay.TOP);
        label.getStyleClass().add("drop-hint-text");
        dropHint.getChildren().add(label);
        dropHint.setId("dropHint");
        dropHint.getStyleClass().add("drop-hint");
        dropHint.setVisible(false);
        dropHint.setMouseTransparent(true);
        return dropHint;
    }

    private void installDragAndDrop() {
        root.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (droppedFile(e.getDragboard()) != null && !vm.isLoading()) {
                e.acceptTransferModes(TransferMode.COPY);
                dropHint.setVisible(true);
            }
            e.consume();
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, e -> dropHint.setVisible(false));
        root.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Path file = droppedFile(e.getDragboard());
            dropHint.setVisible(false);
            if (file != null) {
                vm.requestOpen(file);
            }
            e.setDropCompleted(file != null);
            e.consume();
        });
    }

    private @Nullable Path droppedFile(Dragboard board) {
        if (!board.hasFiles()) {
            return null;
        }
        for (File f : board.getFiles()) {
            Path p = f.toPath();
            if (vm.canOpen(p)) {
                return p;
            }
        }
        return null;
    }

    // ---- helpers ----------------------------------------------------------------------------------


    private static void pseudo(Node node, String name, boolean on) {
        node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(name), on);
    }
}
