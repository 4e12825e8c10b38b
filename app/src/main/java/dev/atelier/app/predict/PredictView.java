package dev.atelier.app.predict;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.controls.Tips;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.predict.PredictViewModel.BatchResult;
import dev.atelier.app.predict.PredictViewModel.ClassProbability;
import dev.atelier.app.predict.PredictViewModel.Field;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/// The Predict screen: on the left the what-if form generated from the model's input columns; on the right the
/// prediction with its class probabilities, and batch prediction of a file with a preview. Binds to a
/// [PredictViewModel].
public final class PredictView {
    private final PredictViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final GridPane form = new GridPane();
    private final VBox bars = new VBox(6);
    private final TableView<List<String>> preview = new TableView<>();

    public PredictView(PredictViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("predictScreen");
        root.getStyleClass().addAll("screen", "build-screen", "predict-screen");

        Label title = new Label();
        title.setId("predictModel");
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.modelTitleProperty());
        Label intro = new Label(messages.get("predict.intro"));
        intro.getStyleClass().add("build-hint");
        intro.setWrapText(true);
        VBox top = new VBox(4, title, intro);
        top.getStyleClass().add("leaderboard-top");
        root.setTop(top);

        form.setId("whatIfForm");
        form.setHgap(10);
        form.setVgap(6);
        vm.fields().addListener((ListChangeListener<Field>) c -> fillForm());
        fillForm();
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("build-settings-scroll");
        VBox formCard = card("predict.form.title", "predict.form.tooltip", formScroll);
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        formCard.setPrefWidth(430);
        formCard.setMinWidth(360);

        VBox right = new VBox(12, resultCard(), WhatIfShapView.card(vm.whatIf(), messages), batchCard());
        right.getStyleClass().add("build-right");
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(0, formCard, right);
        root.setCenter(body);
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }

    private void fillForm() {
        form.getChildren().clear();
        int row = 0;
        for (Field f : vm.fields()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("param-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip t = tip(messages.get("predict.field.tooltip", f.name(), f.hint()));
            name.setTooltip(t);
            Control input;
            if (!f.choices().isEmpty()) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.choices());
                box.setEditable(true);
                box.valueProperty().bindBidirectional(f.valueProperty());
                box.setMaxWidth(Double.MAX_VALUE);
                input = box;
            } else {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(f.valueProperty());
                text.setPromptText(messages.get("predict.field.missing"));
                input = text;
            }
            input.setId("input-" + f.name());
            input.setTooltip(t);
            GridPane.setHgrow(input, Priority.ALWAYS);
            Label error = new Label();
            error.setId("input-" + f.name() + "-error");
            error.getStyleClass().add("param-error");
            error.setWrapText(true);
            error.textProperty().bind(f.errorProperty());
            error.visibleProperty().bind(f.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            form.add(name, 0, row);
            form.add(input, 1, row);
            form.add(error, 1, row + 1);
            row += 2;
        }
    }

    private Node resultCard() {
        Label value = new Label();
        value.setId("predictionValue");
        value.getStyleClass().add("prediction-value");
        value.setWrapText(true);
        value.textProperty().bind(vm.predictionProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(20, 20);
        spinner.visibleProperty().bind(vm.predictingProperty());
        HBox head = new HBox(12, value, spinner);
        head.setAlignment(Pos.CENTER_LEFT);
        bars.setId("probabilityBars");
        vm.probabilities().addListener((ListChangeListener<ClassProbability>) c -> fillBars());
        return card("predict.result.title", "predict.result.tooltip", head, bars);
    }

    private void fillBars() {
        bars.getChildren().clear();
        for (ClassProbability p : vm.probabilities()) {
            Label name = new Label(p.label());
            name.setMinWidth(90);
            Region bar = new Region();
            bar.getStyleClass().add("probability-bar");
            bar.setPrefWidth(Math.max(2, p.probability() * 200));
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            Label v = new Label(String.format(Locale.ROOT, "%.1f %%", p.probability() * 100));
            v.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            v.setId("probability-" + p.label());
            HBox line = new HBox(8, name, new StackPane(bar), v);
            line.setAlignment(Pos.CENTER_LEFT);
            Tooltip.install(line, tip(messages.get("predict.probability.tooltip", p.label(), p.probability() * 100)));
            bars.getChildren().add(line);
        }
    }

    private Node batchCard() {
        Button choose = new Button(messages.get("predict.batch.choose"));
        choose.setId("predictFileButton");
        choose.getStyleClass().add("primary");
        choose.setTooltip(tip(messages.get("predict.batch.choose.tooltip")));
        choose.disableProperty().bind(vm.batchRunningProperty());
        choose.setOnAction(e -> vm.predictFile());
        Button cancel = new Button(messages.get("predict.batch.cancel"));
        cancel.setId("cancelPredictFileButton");
        cancel.setTooltip(tip(messages.get("predict.batch.cancel.tooltip")));
        cancel.visibleProperty().bind(vm.batchRunningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelBatch());
        Label status = new Label();
        status.setId("predictFileStatus");
        status.setWrapText(true);
        status.getStyleClass().add("build-status");
        status.textProperty().bind(vm.batchStatusProperty());
        HBox actions = new HBox(8, choose, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        preview.setId("predictPreview");
        preview.setPlaceholder(new Label(messages.get("predict.batch.empty")));
        preview.setPrefHeight(260);
        vm.batchProperty().addListener((o, a, b) -> fillPreview(b));
        VBox card = card("predict.batch.title", "predict.batch.tooltip", actions, status, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        VBox.setVgrow(card, Priority.ALWAYS);
        return card;
    }

    private void fillPreview(@Nullable BatchResult r) {
        preview.getColumns().clear();
        preview.getItems().clear();
        if (r == null) {
            return;
        }
        var order = new java.util.ArrayList<Integer>();
        for (int i = 0; i < r.columns().size(); i++) {
            boolean added = r.columns().get(i).startsWith("predicted_") || r.columns().get(i).startsWith("probability_");
            if (added) {
                order.add(i);
            }
        }
        for (int i = 0; i < r.columns().size(); i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        for (int i : order) {
            int index = i;
            TableColumn<List<String>, String> c = new TableColumn<>(r.columns().get(i));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(index)));
            c.setSortable(false);
            if (r.columns().get(i).startsWith("predicted_") || r.columns().get(i).startsWith("probability_")) {
                c.getStyleClass().add("score-column");
            }
            preview.getColumns().add(c);
        }
        preview.getItems().setAll(r.preview());
    }

    private VBox card(String titleKey, String tooltipKey, Node... content) {
        return Tips.card(messages, titleKey, tooltipKey, content);
    }

}
