package dev.atelier.app.data.importer;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.controls.Icons;
import dev.atelier.app.common.controls.MessageBar;
import dev.atelier.app.common.controls.TypeBadge;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.DataFormat;
import dev.atelier.engine.data.io.HeaderMode;
import dev.atelier.ui.resources.UiResources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/// The Import dialog: on the left what Atelier found, the settings for the detected format and the columns
/// (type and role), on the right a live preview of the first rows, the notes and the memory estimate; Import
/// hands an [ImportRequest] to the Data screen, which loads it as a job. Binds to an [ImportViewModel] and holds
/// no logic of its own.
public final class ImportDialog {
    /// The most columns the preview table shows (a table of 10,000 columns still imports in full).
    static final int MAX_PREVIEW_COLUMNS = 300;
    private final ImportViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final TableView<Integer> previewTable = new TableView<>();
    private final Button importButton = new Button();
    private final Button cancelButton = new Button();

    public ImportDialog(ImportViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("importDialog");
        root.getStyleClass().add("import-dialog");
        root.getStylesheets().add(UiResources.screen("import"));
        root.setTop(heading());
        root.setLeft(leftPane());
        root.setCenter(rightPane());
        root.setBottom(footer());
        vm.previewsProperty().addListener((o, a, b) -> rebuildPreview(vm.getPreview()));
        rebuildPreview(vm.getPreview());
    }

    /// Shows the dialog for `vm` over `owner` (non-blocking); `onImport` receives the request when the user
    /// presses Import. Previews run on a private daemon thread that ends with the dialog.
    public static Stage show(@Nullable Window owner, java.nio.file.Path source, Messages messages,
                             Consumer<Scene> styler, Consumer<ImportRequest> onImport) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "atelier-import-preview");
            t.setDaemon(true);
            return t;
        });
        ImportViewModel vm = new ImportViewModel(source, messages, worker, Platform::runLater);
        ImportDialog dialog = new ImportDialog(vm, messages);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(messages.get("import.title"));
        Scene scene = new Scene(dialog.root(), 1240, 760);
        styler.accept(scene);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        dialog.importButton.setOnAction(e -> {
            ImportRequest request = vm.request();
            stage.close();
            onImport.accept(request);
        });
        dialog.cancelButton.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> worker.shutdownNow());
        stage.show();
        vm.refresh();
        return stage;
    }

    /// The dialog's content.
    public Parent root() {
        return root;
    }

    /// The Import button (its action is set by [#show]).
    public Button importButton() {
        return importButton;
    }

    /// The Cancel button (its action is set by [#show]).
    public Button cancelButton() {
        return cancelButton;
    }

    // ---- heading and footer -----------------------------------------------------------------------

    private Node heading() {
        Label title = new Label(messages.get("import.heading", vm.source().getFileName()),
                Icons.create(Icons.Name.OPEN, 18));
        title.setId("importTitle");
        title.getStyleClass().add("import-title");
        Label sub = new Label(messages.get("import.subtitle"));
        sub.getStyleClass().add("import-subtitle");
        sub.setWrapText(true);
        VBox box = new VBox(4, title, sub);
        box.getStyleClass().add("import-heading");
        return box;
    }

    private Node footer() {
        Label estimate = new Label();
        estimate.setId("importEstimate");
        estimate.getStyleClass().add("import-estimate");
        estimate.textProperty().bind(vm.estimateTextProperty());
        estimate.setWrapText(true);
        vm.tooBigProperty().addListener((o, a, b) -> pseudo(estimate, "too-big", b));

        CheckBox sample = new CheckBox(messages.get("import.sample",
                dev.atelier.engine.data.io.DataImporter.DEFAULT_SAMPLE_ROWS));
        sample.setId("importSample");
        sample.setTooltip(tip(messages.get("import.sample.tooltip")));
        sample.selectedProperty().bindBidirectional(vm.loadSampleProperty());
        sample.visibleProperty().bind(vm.tooBigProperty());
        sample.managedProperty().bind(vm.tooBigProperty());
        VBox left = new VBox(4, estimate, sample);
        HBox.setHgrow(left, Priority.ALWAYS);

        cancelButton.setText(messages.get("import.button.cancel"));
        cancelButton.setId("importCancel");
        cancelButton.setCancelButton(true);
        importButton.setText(messages.get("import.button.import"));
        importButton.setId("importButton");
        importButton.getStyleClass().add("primary");
        importButton.setDefaultButton(true);
        importButton.setTooltip(tip(messages.get("import.button.import.tooltip")));
        importButton.disableProperty().bind(vm.errorProperty().isNotEmpty().or(vm.previewProperty().isNull())
                .or(vm.busyProperty()));
        HBox bar = new HBox(10, left, cancelButton, importButton);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("import-footer");
        return bar;
    }

    // ---- left: found, settings, columns -----------------------------------------------------------

    private Node leftPane() {
        VBox box = new VBox(14, foundCard(), settingsCard(), columnsCard());
        box.getStyleClass().add("import-left");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("import-left-scroll");
        scroll.setPrefWidth(500);
        scroll.setMinWidth(360);
        return scroll;
    }

    private Node foundCard() {
        GridPane grid = new GridPane();
        grid.setId("importFindings");
        grid.getStyleClass().add("import-grid");
        grid.setHgap(12);
        grid.setVgap(4);
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (ImportViewModel.Finding f : vm.findings()) {
                Label k = new Label(f.label());
                k.getStyleClass().add("import-key");
                Label v = new Label(f.value());
                v.setId("found-" + f.key());
                v.getStyleClass().add("import-value");
                v.setWrapText(true);
                grid.addRow(row++, k, v);
            }
        };
        vm.findings().addListener((javafx.collections.ListChangeListener<ImportViewModel.Finding>) c -> fill.run());
        fill.run();
        return card("import.found.title", grid);
    }

    private Node settingsCard() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("import-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        int r = 0;

        ComboBox<@Nullable DataFormat> format = new ComboBox<>(FXCollections.observableArrayList(vm.formats()));
        format.setId("importFormat");
        format.setConverter(converter(vm::formatLabel));
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.setTooltip(tip(messages.get("import.setting.format.tooltip")));
        addRow(grid, r++, "import.setting.format", format, null);

        var csv = Bindings.equal(DataFormat.CSV, vm.formatProperty());
        var excel = Bindings.equal(DataFormat.EXCEL, vm.formatProperty());
        var sql = Bindings.equal(DataFormat.SQL, vm.formatProperty());
        var deepar = Bindings.equal(DataFormat.DEEPAR, vm.formatProperty());
        var text = Bindings.equal(DataFormat.TEXT_CORPUS, vm.formatProperty());
        var images = Bindings.equal(DataFormat.IMAGE_FOLDER, vm.formatProperty());

        ComboBox<ImportViewModel.Delimiter> delimiter = new ComboBox<>(
                FXCollections.observableArrayList(ImportViewModel.Delimiter.values()));
        delimiter.setId("importDelimiter");
        delimiter.setConverter(converter(vm::delimiterLabel));
        delimiter.valueProperty().bindBidirectional(vm.delimiterProperty());
        addRow(grid, r++, "import.setting.delimiter", delimiter, csv);

        List<String> encodings = new ArrayList<>();
        encodings.add("");
        encodings.addAll(ImportViewModel.ENCODINGS);
        ComboBox<String> encoding = new ComboBox<>(FXCollections.observableArrayList(encodings));
        encoding.setId("importEncoding");
        encoding.setConverter(converter(s -> s == null || s.isEmpty() ? messages.get("import.setting.encoding.auto")
                : s));
        encoding.valueProperty().bindBidirectional(vm.encodingProperty());
        addRow(grid, r++, "import.setting.encoding", encoding, csv.or(text));

        ComboBox<HeaderMode> header = new ComboBox<>(FXCollections.observableArrayList(HeaderMode.values()));
        header.setId("importHeader");
        header.setConverter(converter(vm::headerLabel));
        header.valueProperty().bindBidirectional(vm.headerProperty());
        addRow(grid, r++, "import.setting.header", header, csv);

        ComboBox<String> sheet = new ComboBox<>(vm.sheets());
        sheet.setId("importSheet");
        sheet.valueProperty().bindBidirectional(vm.sheetProperty());
        addRow(grid, r++, "import.setting.sheet", sheet, excel);

        Spinner<Integer> headerRow = new Spinner<>(-1, 1000, vm.headerRowProperty().get());
        headerRow.setId("importHeaderRow");
        headerRow.setEditable(true);
        headerRow.setPrefWidth(90);
        headerRow.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.headerRowProperty().set(b);
            }
        });
        addRow(grid, r++, "import.setting.headerRow", headerRow, excel);

        ComboBox<String> table = new ComboBox<>(vm.tables());
        table.setId("importTable");
        table.valueProperty().bindBidirectional(vm.tableProperty());
        table.disableProperty().bind(vm.useQueryProperty());
        addRow(grid, r++, "import.setting.table", table, sql);

        CheckBox useQuery = new CheckBox(messages.get("import.setting.useQuery"));
        useQuery.setId("importUseQuery");
        useQuery.selectedProperty().bindBidirectional(vm.useQueryProperty());
        TextArea query = new TextArea();
        query.setId("importQuery");
        query.setPromptText(messages.get("import.setting.query.prompt"));
        query.setPrefRowCount(3);
        query.setWrapText(true);
        query.textProperty().bindBidirectional(vm.queryProperty());
        Button run = new Button(messages.get("import.setting.runQuery"));
        run.setId("importRunQuery");
        run.setTooltip(tip(messages.get("import.setting.runQuery.tooltip")));
        run.setOnAction(e -> vm.runQuery());
        run.disableProperty().bind(vm.queryProperty().isEmpty());
        VBox queryBox = new VBox(6, useQuery, query, run);
        GridPane.setColumnSpan(queryBox, 2);
        grid.add(queryBox, 0, r++);
        show(queryBox, sql);

        List<String> freqs = new ArrayList<>();
        freqs.add("");
        freqs.addAll(ImportViewModel.FREQUENCIES);
        ComboBox<String> frequency = new ComboBox<>(FXCollections.observableArrayList(freqs));
        frequency.setId("importFrequency");
        frequency.setConverter(converter(s -> s == null || s.isEmpty()
                ? messages.get("import.setting.frequency.default") : s));
        frequency.valueProperty().bindBidirectional(vm.frequencyProperty());
        addRow(grid, r++, "import.setting.frequency", frequency, deepar);

        Label textHint = new Label(messages.get("import.setting.text.hint"));
        textHint.setWrapText(true);
        textHint.getStyleClass().add("panel-hint");
        textHint.setMinHeight(Region.USE_PREF_SIZE);
        GridPane.setColumnSpan(textHint, 2);
        grid.add(textHint, 0, r++);
        show(textHint, text);

        VBox classes = new VBox(2);
        classes.setId("importImageClasses");
        Runnable fillClasses = () -> classes.getChildren().setAll(vm.imageClasses().stream()
                .map(c -> {
                    Label l = new Label(messages.get("import.images.class", c.name(), c.images()));
                    l.getStyleClass().add("import-value");
                    return (Node) l;
                }).toList());
        vm.imageClasses().addListener((javafx.collections.ListChangeListener<ImportViewModel.ImageClass>) c ->
                fillClasses.run());
        Label classesTitle = new Label(messages.get("import.images.title"));
        classesTitle.getStyleClass().add("import-key");
        VBox classBox = new VBox(4, classesTitle, classes);
        GridPane.setColumnSpan(classBox, 2);
        grid.add(classBox, 0, r++);
        show(classBox, images);

        VBox series = seriesBox();
        GridPane.setColumnSpan(series, 2);
        grid.add(series, 0, r);
        return card("import.settings.title", grid);
    }

    private VBox seriesBox() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ObservableList<String> choices = FXCollections.observableArrayList();
        Runnable fill = () -> {
            List<String> all = new ArrayList<>();
            all.add("");
            all.addAll(vm.columnNames());
            choices.setAll(all);
        };
        vm.columnNames().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        StringConverter<String> none = converter(s -> s == null || s.isEmpty() ? messages.get("import.series.none")
                : s);
        String[][] rows = {{"import.series.item", "importSeriesItem"}, {"import.series.time", "importSeriesTime"},
                {"import.series.target", "importSeriesTarget"}};
        var props = List.of(vm.seriesItemProperty(), vm.seriesTimeProperty(), vm.seriesTargetProperty());
        for (int i = 0; i < rows.length; i++) {
            ComboBox<String> combo = new ComboBox<>(choices);
            combo.setId(rows[i][1]);
            combo.setConverter(none);
            combo.valueProperty().bindBidirectional(props.get(i));
            addRow(grid, i, rows[i][0], combo, null);
        }
        CheckBox on = new CheckBox(messages.get("import.series.title"));
        on.setId("importSeriesOn");
        on.getStyleClass().add("import-subtitle-strong");
        on.setTooltip(tip(messages.get("import.series.tooltip")));
        on.selectedProperty().bindBidirectional(vm.seriesOnProperty());
        show(grid, vm.seriesOnProperty());
        VBox box = new VBox(6, on, grid);
        box.setId("importSeries");
        show(box, vm.timeSeriesProperty());
        return box;
    }

    private Node columnsCard() {
        TableView<ImportColumn> table = new TableView<>(vm.columns());
        table.setId("importColumns");
        table.getStyleClass().add("import-columns");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(34);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 34.0 * Math.clamp(vm.columns().size(), 4, 14) + 32, vm.columns()));
        table.setEditable(true);
        table.setPlaceholder(new Label(messages.get("import.columns.empty")));

        TableColumn<ImportColumn, String> name = new TableColumn<>(messages.get("import.columns.name"));
        name.setSortable(false);
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(128);

        TableColumn<ImportColumn, ColumnType> type = new TableColumn<>(messages.get("import.columns.type"));
        type.setSortable(false);
        type.setCellValueFactory(c -> c.getValue().typeProperty());
        type.setCellFactory(c -> new ComboCell<>(ColumnType.values(), vm::typeLabel, ImportColumn::typeProperty,
                "type-"));
        type.setPrefWidth(150);

        TableColumn<ImportColumn, ColumnRole> role = new TableColumn<>(messages.get("import.columns.role"));
        role.setSortable(false);
        role.setCellValueFactory(c -> c.getValue().roleProperty());
        role.setCellFactory(c -> new ComboCell<>(ColumnRole.values(), vm::roleLabel, ImportColumn::roleProperty,
                "role-"));
        role.setPrefWidth(128);
        table.getColumns().setAll(List.of(name, type, role));

        Label hint = new Label(messages.get("import.columns.hint"));
        hint.getStyleClass().add("panel-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return card("import.columns.title", hint, table);
    }

    /// A cell holding an always-visible combo box bound to one property of its row.
    private final class ComboCell<T> extends TableCell<ImportColumn, T> {
        private final ComboBox<T> combo;
        private final Function<ImportColumn, javafx.beans.property.ObjectProperty<T>> property;
        private final String idPrefix;
        private @Nullable ImportColumn bound;

        ComboCell(T[] values, Function<T, String> label, Function<ImportColumn,
                javafx.beans.property.ObjectProperty<T>> property, String idPrefix) {
            this.property = property;
            this.idPrefix = idPrefix;
            combo = new ComboBox<>(FXCollections.observableArrayList(values));
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setConverter(converter(label));
            combo.getStyleClass().add("import-combo");
            combo.setOnAction(e -> {
                ImportColumn row = bound;
                T chosen = combo.getValue();
                if (row != null && chosen != null && !chosen.equals(property.apply(row).get())) {
                    property.apply(row).set(chosen);
                }
            });
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(@Nullable T value, boolean empty) {
            super.updateItem(value, empty);
            ImportColumn row = empty || getTableRow() == null ? null : getTableRow().getItem();
            bound = null;
            if (row == null || value == null) {
                setGraphic(null);
                return;
            }
            combo.setId(idPrefix + row.name());
            combo.setValue(value);
            bound = row;
            pseudo(combo, "changed", idPrefix.equals("type-") && row.getType() != row.detectedType());
            setGraphic(combo);
        }
    }

    // ---- right: preview, error, notes -------------------------------------------------------------

    private Node rightPane() {
        Label title = new Label(messages.get("import.preview.title"));
        title.getStyleClass().add("panel-title");
        Label rows = new Label();
        rows.setId("importPreviewRows");
        rows.getStyleClass().add("panel-hint");
        vm.previewsProperty().addListener((o, a, b) -> {
            Dataset ds = vm.getPreview();
            rows.setText(ds == null ? "" : messages.get("import.preview.rows", ds.rowCount()));
        });
        HBox head = new HBox(10, title, rows);
        head.setAlignment(Pos.BASELINE_LEFT);

        previewTable.setId("importPreview");
        previewTable.getStyleClass().add("data-table");
        previewTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        previewTable.setFixedCellSize(28);
        previewTable.setPlaceholder(new Label(""));
        previewTable.visibleProperty().bind(vm.errorProperty().isEmpty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("importBusy");
        busy.setMaxSize(48, 48);
        Label busyText = new Label(messages.get("import.preview.busy"));
        VBox busyBox = new VBox(8, busy, busyText);
        busyBox.setAlignment(Pos.CENTER);
        busyBox.setMouseTransparent(true);
        busyBox.visibleProperty().bind(vm.busyProperty());
        busyBox.getStyleClass().add("import-busy");

        Label errorTitle = new Label(messages.get("import.error.title"));
        errorTitle.getStyleClass().add("import-error-title");
        Label error = new Label();
        error.setId("importError");
        error.getStyleClass().add("import-error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label errorHint = new Label(messages.get("import.error.hint"));
        errorHint.getStyleClass().add("panel-hint");
        errorHint.setWrapText(true);
        VBox errorBox = new VBox(8, errorTitle, error, errorHint);
        errorBox.setId("importErrorBox");
        errorBox.getStyleClass().add("import-error");
        errorBox.setMaxSize(560, Region.USE_PREF_SIZE);
        errorBox.visibleProperty().bind(vm.errorProperty().isNotEmpty());

        StackPane stack = new StackPane(previewTable, errorBox, busyBox);
        stack.getStyleClass().add("table-card");
        VBox.setVgrow(stack, Priority.ALWAYS);

        MessageBar notes = new MessageBar(messages, vm.notes());
        notes.setId("importNotes");

        VBox box = new VBox(8, head, stack, notes);
        box.getStyleClass().add("import-right");
        return box;
    }

    private void rebuildPreview(@Nullable Dataset ds) {
        previewTable.getColumns().clear();
        if (ds == null) {
            previewTable.setItems(FXCollections.observableArrayList());
            return;
        }
        List<TableColumn<Integer, ?>> cols = new ArrayList<>();
        for (int c = 0; c < Math.min(ds.columnCount(), MAX_PREVIEW_COLUMNS); c++) {
            int index = c;
            var schema = ds.schema().get(c);
            TableColumn<Integer, @Nullable String> col = new TableColumn<>(schema.name());
            col.setId("preview-" + schema.name());
            col.setSortable(false);
            col.setGraphic(TypeBadge.create(schema.type(), messages));
            col.setCellValueFactory(v -> new SimpleObjectProperty<>(ds.isMissing(v.getValue(), index) ? null
                    : ds.text(v.getValue(), index)));
            String missing = messages.get("data.table.missing");
            col.setCellFactory(v -> new TableCell<>() {
                @Override
                protected void updateItem(@Nullable String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item == null ? missing : item);
                    pseudo(this, "missing", !empty && item == null);
                }
            });
            int longest = schema.name().length() + 6;
            for (int r = 0; r < Math.min(30, ds.rowCount()); r++) {
                longest = Math.max(longest, ds.text(r, c).length());
            }
            col.setPrefWidth(Math.clamp(longest * 7.6 + 30, 90, 300));
            cols.add(col);
        }
        previewTable.getColumns().setAll(cols);
        previewTable.setItems(new dev.atelier.app.data.RowIndexList(ds.rowCount()));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private VBox card(String titleKey, Node... content) {
        Label l = new Label(messages.get(titleKey));
        l.getStyleClass().add("panel-title");
        VBox box = new VBox(8, l);
        box.getChildren().addAll(content);
        box.getStyleClass().add("import-card");
        return box;
    }

    private void addRow(GridPane grid, int row, String labelKey, Node control,
                        javafx.beans.value.@Nullable ObservableBooleanValue visible) {
        Label label = new Label(messages.get(labelKey));
        label.getStyleClass().add("import-key");
        String tipKey = labelKey + ".tooltip";
        if (messages.has(tipKey)) {
            label.setTooltip(tip(messages.get(tipKey)));
        }
        if (control instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(r, Priority.ALWAYS);
        }
        grid.addRow(row, label, control);
        if (visible != null) {
            show(label, visible);
            show(control, visible);
        }
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(@Nullable T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static void pseudo(Node node, String name, boolean on) {
        node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(name), on);
    }
}
