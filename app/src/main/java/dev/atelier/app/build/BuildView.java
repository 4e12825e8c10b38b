package dev.atelier.app.build;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.controls.MessageBar;
import dev.atelier.app.common.controls.ParamForm;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.learn.TrainingPoint;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/// The Build screen: on the left what to predict, the kind of problem, the algorithm and its generated settings
/// form with Train / Stop; on the right the live training curve and the results card with "Save model…". Binds
/// to a [BuildViewModel] and holds no logic of its own.
public final class BuildView {
    private static final double LEFT_WIDTH = 420;

    private final BuildViewModel vm;
    private final AutopilotSetupViewModel auto;
    private final Runnable openLeaderboard;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final XYChart.Series<Number, Number> trainSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validSeries = new XYChart.Series<>();
    private final NumberAxis stepAxis = new NumberAxis();
    private final NumberAxis metricAxis = new NumberAxis();

    /// `openLeaderboard` shows the Leaderboard screen.
    public BuildView(BuildViewModel vm, AutopilotSetupViewModel auto, Messages messages, Runnable openLeaderboard) {
        this.vm = vm;
        this.auto = auto;
        this.messages = messages;
        this.openLeaderboard = openLeaderboard;
        root.setId("buildScreen");
        root.getStyleClass().addAll("screen", "build-screen");
        root.setLeft(settingsPanel());
        Node single = rightPanel();
        Node autopilot = new AutopilotPanes(auto, messages, openLeaderboard).summaryCard();
        single.visibleProperty().bind(auto.autopilotProperty().not());
        autopilot.visibleProperty().bind(auto.autopilotProperty());
        root.setCenter(new StackPane(single, autopilot));
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }

    // ---- left: what to train ------------------------------------------------------------------------

    private Node settingsPanel() {
        ComboBox<@Nullable String> target = new ComboBox<>(vm.targetChoices());
        target.setId("buildTarget");
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText(messages.get("build.target.prompt"));
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.setTooltip(tip(messages.get("build.target.tooltip")));

        Label reason = new Label();
        reason.setId("problemReason");
        reason.getStyleClass().add("build-hint");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.problemReasonProperty());

        ComboBox<@Nullable ProblemType> problem = new ComboBox<>();
        problem.setId("problemOverride");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.getItems().addAll(Arrays.asList(null, ProblemType.BINARY_CLASSIFICATION,
                ProblemType.MULTICLASS_CLASSIFICATION, ProblemType.REGRESSION));
        problem.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable ProblemType p) {
                return p == null ? messages.get("build.problem.auto", vm.problemLabel(vm.inferredProblemProperty().get()))
                        : vm.problemLabel(p);
            }

            @Override
            public @Nullable ProblemType fromString(String s) {
                return null;
            }
        });
        problem.setCellFactory(c -> new ListCell<>() {
            @Override
            protected void updateItem(@Nullable ProblemType item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : problem.getConverter().toString(item));
            }
        });
        problem.valueProperty().bindBidirectional(vm.problemOverrideProperty());
        problem.setTooltip(tip(messages.get("build.problem.tooltip")));
        vm.inferredProblemProperty().addListener((o, a, b) -> {
            // re-render the "Automatic: …" entry
            var current = problem.getValue();
            problem.setButtonCell(null);
            problem.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(@Nullable ProblemType item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(problem.getConverter().toString(item));
                }
            });
            problem.setValue(current);
        });
        problem.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(@Nullable ProblemType item, boolean empty) {
                super.updateItem(item, empty);
                setText(problem.getConverter().toString(item));
            }
        });

        ComboBox<@Nullable AlgorithmDescriptor> algorithm = new ComboBox<>(vm.algorithms());
        algorithm.setId("algorithmPicker");
        algorithm.setMaxWidth(Double.MAX_VALUE);
        algorithm.valueProperty().bindBidirectional(vm.algorithmProperty());
        algorithm.setTooltip(tip(messages.get("build.algorithm.tooltip")));
        algorithm.setCellFactory(c -> new AlgorithmCell(true));
        algorithm.setButtonCell(new AlgorithmCell(false));

        Label summary = new Label();
        summary.setId("algorithmSummary");
        summary.getStyleClass().add("build-hint");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            AlgorithmDescriptor d = vm.algorithmProperty().get();
            return d == null ? "" : d.summary();
        }, vm.algorithmProperty()));

        Button reset = new Button(messages.get("build.params.reset"));
        reset.setId("resetParams");
        reset.getStyleClass().add("flat");
        reset.setTooltip(tip(messages.get("build.params.reset.tooltip")));
        reset.setOnAction(e -> vm.resetDefaults());
        reset.disableProperty().bind(vm.runningProperty());
        Label paramsTitle = sectionTitle("build.params.title", "build.params.tooltip");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox paramsHeader = new HBox(paramsTitle, gap, reset);
        paramsHeader.setAlignment(Pos.CENTER_LEFT);

        ParamForm form = new ParamForm(messages, vm.params());
        form.setId("paramForm");
        form.disableProperty().bind(vm.runningProperty());

        MessageBar notes = new MessageBar(messages, vm.notes());
        notes.setId("buildNotes");

        Button train = new Button(messages.get("build.train"));
        train.setId("trainButton");
        train.getStyleClass().add("primary");
        train.setDefaultButton(true);
        train.setTooltip(tip(messages.get("build.train.tooltip")));
        train.disableProperty().bind(vm.canTrainProperty().not());
        train.setOnAction(e -> vm.train());
        Button stop = new Button(messages.get("build.cancel"));
        stop.setId("cancelTrainButton");
        stop.setTooltip(tip(messages.get("build.cancel.tooltip")));
        stop.visibleProperty().bind(vm.runningProperty());
        stop.managedProperty().bind(vm.runningProperty());
        stop.setOnAction(e -> vm.cancel());
        HBox actions = new HBox(8, train, stop);
        actions.getStyleClass().add("build-actions");

        VBox single = new VBox(6,
                sectionTitle("build.algorithm.title", "build.algorithm.tooltip"), algorithm, summary,
                paramsHeader, form, notes, actions);
        single.setId("singleAlgorithmSettings");
        VBox autopilot = new AutopilotPanes(auto, messages, openLeaderboard).settings();
        single.visibleProperty().bind(auto.autopilotProperty().not());
        single.managedProperty().bind(single.visibleProperty());
        autopilot.visibleProperty().bind(auto.autopilotProperty());
        autopilot.managedProperty().bind(autopilot.visibleProperty());
        Label prepared = new Label();
        prepared.setId("buildRecipeNote");
        prepared.getStyleClass().add("build-hint");
        prepared.setWrapText(true);
        prepared.textProperty().bind(vm.recipeNoteProperty());
        prepared.visibleProperty().bind(vm.recipeNoteProperty().isNotEmpty());
        prepared.managedProperty().bind(prepared.visibleProperty());
        VBox box = new VBox(
                new AutopilotPanes(auto, messages, openLeaderboard).modeChoice(), prepared,
                sectionTitle("build.target.title", "build.target.tooltip"), target,
                sectionTitle("build.problem.title", "build.problem.tooltip"), reason, problem,
                autopilot, single);
        box.getStyleClass().add("build-settings");
        box.setSpacing(6);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("buildSettings");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("build-settings-scroll");
        scroll.setPrefWidth(LEFT_WIDTH);
        scroll.setMinWidth(360);
        return scroll;
    }

    private final class AlgorithmCell extends ListCell<@Nullable AlgorithmDescriptor> {
        private final boolean inList;

        AlgorithmCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(@Nullable AlgorithmDescriptor d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setDisable(false);
                return;
            }
            if (!inList) {
                setText(d.displayName());
                setGraphic(null);
                return;
            }
            setText(null);
            Label name = new Label(d.displayName());
            name.getStyleClass().add("algorithm-name");
            Label line = new Label(d.trainable() ? d.summary() : messages.get("build.algorithm.later"));
            line.getStyleClass().add("algorithm-summary");
            line.setWrapText(true);
            line.setMaxWidth(LEFT_WIDTH - 40);
            VBox box = new VBox(2, name, line);
            setGraphic(box);
            setId("algorithm-" + d.key());
            setDisable(!d.trainable());
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unavailable"), !d.trainable());
            setTooltip(tip(d.trainable() ? d.summary() : messages.get("build.algorithm.later") + "\n\n" + d.summary()));
        }
    }

    // ---- right: curve and results ------------------------------------------------------------------

    private Node rightPanel() {
        stepAxis.setForceZeroInRange(false);
        stepAxis.setMinorTickVisible(false);
        stepAxis.setLabel(vm.stepLabel());
        vm.algorithmProperty().addListener((o, a, b) -> stepAxis.setLabel(vm.stepLabel()));
        metricAxis.setForceZeroInRange(false);
        metricAxis.labelProperty().bind(Bindings.createStringBinding(
                () -> vm.curveMetricProperty().get().isEmpty() ? "" : vm.metricLabel(vm.curveMetricProperty().get()),
                vm.curveMetricProperty()));
        LineChart<Number, Number> chart = new LineChart<>(stepAxis, metricAxis);
        chart.setId("trainingCurve");
        chart.getStyleClass().add("training-curve");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        trainSeries.setName(messages.get("build.curve.train"));
        validSeries.setName(messages.get("build.curve.validation"));
        chart.getData().add(trainSeries);
        chart.getData().add(validSeries);
        vm.curve().addListener((ListChangeListener<TrainingPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && vm.curve().isEmpty()) {
                    trainSeries.getData().clear();
                    validSeries.getData().clear();
                }
                if (c.wasAdded()) {
                    for (TrainingPoint p : c.getAddedSubList()) {
                        if (!Double.isNaN(p.train())) {
                            trainSeries.getData().add(new XYChart.Data<>(p.step(), p.train()));
                        }
                        if (!Double.isNaN(p.validation())) {
                            validSeries.getData().add(new XYChart.Data<>(p.step(), p.validation()));
                        }
                    }
                }
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(vm.curveHintProperty());
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        empty.setId("curveEmpty");
        empty.getStyleClass().add("build-empty");
        empty.visibleProperty().bind(Bindings.isEmpty(vm.curve()));
        empty.setMouseTransparent(true);
        chart.opacityProperty().bind(Bindings.when(Bindings.isEmpty(vm.curve())).then(0.45).otherwise(1.0));
        StackPane chartBox = new StackPane(chart, empty);
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        VBox curveCard = new VBox(6, sectionTitle("build.curve.title", "build.curve.tooltip"), chartBox);
        curveCard.setId("curveCard");
        curveCard.getStyleClass().add("build-card");
        VBox.setVgrow(curveCard, Priority.ALWAYS);

        VBox right = new VBox(12, curveCard, resultsCard());
        right.getStyleClass().add("build-right");
        right.setPadding(new Insets(0));
        return right;
    }

    private Node resultsCard() {
        GridPane metrics = new GridPane();
        metrics.setId("resultsMetrics");
        metrics.getStyleClass().add("build-metrics");
        metrics.setHgap(28);
        metrics.setVgap(2);
        Runnable fill = () -> {
            metrics.getChildren().clear();
            int col = 0;
            for (MetricRow r : vm.results()) {
                Label value = new Label(r.value());
                value.setId("metric-" + r.key());
                value.getStyleClass().add("metric-value");
                Label name = new Label(r.name());
                name.getStyleClass().add("metric-name");
                Tooltip t = tip(r.explanation());
                value.setTooltip(t);
                name.setTooltip(t);
                metrics.add(value, col, 0);
                metrics.add(name, col, 1);
                col++;
            }
        };
        vm.results().addListener((ListChangeListener<MetricRow>) c -> fill.run());
        fill.run();

        Label empty = new Label(messages.get("build.results.empty"));
        empty.getStyleClass().add("build-hint");
        empty.visibleProperty().bind(Bindings.isEmpty(vm.results()));
        empty.managedProperty().bind(empty.visibleProperty());

        Label status = new Label();
        status.setId("buildStatus");
        status.getStyleClass().add("build-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        Button save = new Button(messages.get("build.results.save"));
        save.setId("saveModelButton");
        save.setTooltip(tip(messages.get("build.results.save.tooltip")));
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.saveModel());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(sectionTitle("build.results.title", "build.results.tooltip"), gap, save);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, head, metrics, empty, status);
        card.setId("resultsCard");
        card.getStyleClass().add("build-card");
        return card;
    }

    private Label sectionTitle(String key, String tooltipKey) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("panel-title");
        l.setTooltip(tip(messages.get(tooltipKey)));
        return l;
    }

}
