package dev.atelier.app.prepare;

import dev.atelier.app.common.controls.ParamForm;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.wrangle.Family;
import dev.atelier.engine.wrangle.TransformInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/// The Prepare screen's left side: the recipe's steps (numbered, on/off, marked when they no longer fit the data,
/// reordered by dragging or the arrow buttons), the searchable catalogue to add a step from, and the selected
/// step's settings (column parameters are picked from the columns that reach the step).
final class StepsPanel {
    private final PrepareViewModel vm;
    private final Messages messages;
    private final ListView<StepRow> stepList = new ListView<>();
    private final VBox addPanel = new VBox(6);
    private final TreeView<Object> transformTree = new TreeView<>();
    private final TextField transformSearch = new TextField();
    private final Node root;
    private boolean selecting;

    StepsPanel(PrepareViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.root = leftPanel();
    }

    /// The panel.
    Node node() {
        return root;
    }

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

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        if (messages.has(key + ".tooltip")) {
            b.setTooltip(new Tooltip(messages.get(key + ".tooltip")));
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label wrapped(String text) {
        return PrepareView.wrapped(text);
    }
}
