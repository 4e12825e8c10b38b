package dev.atelier.app.analyze.explain;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.analyze.explain.ExplainViewModel.Importance;
import dev.atelier.app.analyze.explain.ExplainViewModel.RowItem;
import dev.atelier.app.analyze.explain.ExplainViewModel.Step;
import dev.atelier.app.common.controls.Bars;
import dev.atelier.app.common.controls.Headings;
import dev.atelier.app.common.controls.Tips;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.explain.ShapExplainer;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/// The Explain tab of the Analyze screen: method and scale, mean |SHAP| bars and a beeswarm, a row picker with
/// the row's waterfall, partial dependence with ICE lines, and a "What am I looking at?" side panel. Binds to an
/// [ExplainViewModel].
public final class ExplainView {
    /// Width of the waterfall's bar area.
    private static final double WATERFALL_WIDTH = 190;
    /// Width of the waterfall's column names.
    private static final double NAME_WIDTH = 170;
    private static final String UP = "rgba(46, 160, 67, 0.85)";
    private static final String DOWN = "rgba(218, 54, 51, 0.85)";

    private final ExplainViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final VBox bars = new VBox(4);
    private final VBox waterfall = new VBox(3);
    private final BeeswarmChart beeswarm;
    private final CurvesChart curves;
    private final TableView<RowItem> table = new TableView<>();

    public ExplainView(ExplainViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("explainTab");
        beeswarm = new BeeswarmChart(messages);
        curves = new CurvesChart(messages);

        HBox head = Headings.titleRow("explainTitle", vm.titleProperty(), vm.busyProperty());
        Label intro = Headings.hint(messages.get("analyze.explain.intro"));
        Label note = Headings.note("explainNote", vm.noteProperty());

        VBox content = new VBox(12, head, intro, note, controls(), globalRow(), localRow(), pdpCard());
        content.setPadding(new Insets(12, 4, 12, 4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("build-settings-scroll");
        root.setCenter(scroll);
        root.setRight(helpPanel());

        vm.importances().addListener((ListChangeListener<Importance>) c -> fillBars());
        vm.swarm().addListener((ListChangeListener<ExplainViewModel.Swarm>) c -> beeswarm.setData(vm.swarm()));
        vm.steps().addListener((ListChangeListener<Step>) c -> fillWaterfall());
        vm.pdpProperty().addListener((o, a, b) -> curves.setCurves(b));
    }

    /// The tab's content.
    public Parent root() {
        return root;
    }

    // ---- controls ---------------------------------------------------------------------------------------

    private Node controls() {
        Label methodLabel = new Label(messages.get("analyze.explain.method.label"));
        Label method = new Label();
        method.setId("explainMethod");
        method.getStyleClass().add("panel-title");
        method.textProperty().bind(vm.methodProperty());
        Tooltip methodTip = tip("");
        methodTip.textProperty().bind(vm.methodTooltipProperty());
        method.setTooltip(methodTip);
        methodLabel.setTooltip(methodTip);

        Label scaleLabel = new Label(messages.get("analyze.explain.scale.label"));
        ToggleGroup group = new ToggleGroup();
        ToggleButton probability = new ToggleButton(messages.get("analyze.explain.scale.probability"));
        probability.setId("scaleProbability");
        probability.setUserData(ShapExplainer.Scale.PROBABILITY);
        ToggleButton logit = new ToggleButton(messages.get("analyze.explain.scale.logit"));
        logit.setId("scaleLogit");
        logit.setUserData(ShapExplainer.Scale.LOGIT);
        for (ToggleButton b : new ToggleButton[] {probability, logit}) {
            b.setToggleGroup(group);
            b.setTooltip(tip(messages.get("analyze.explain.scale.tooltip")));
        }
        scaleLabel.setTooltip(tip(messages.get("analyze.explain.scale.tooltip")));
        Runnable syncScale = () -> group.selectToggle(vm.scaleProperty().get() == ShapExplainer.Scale.LOGIT
                ? logit : probability);
        syncScale.run();
        vm.scaleProperty().addListener((o, a, b) -> syncScale.run());
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                syncScale.run();   // one of the two stays pressed
            } else if (b.getUserData() != vm.scaleProperty().get()) {
                vm.scaleProperty().set((ShapExplainer.Scale) b.getUserData());
            }
        });
        HBox scaleBox = new HBox(6, scaleLabel, probability, logit);
        scaleBox.setAlignment(Pos.CENTER_LEFT);
        scaleBox.visibleProperty().bind(vm.classifierProperty());
        scaleBox.managedProperty().bind(scaleBox.visibleProperty());

        Label classLabel = new Label(messages.get("analyze.explain.class.label"));
        ComboBox<Integer> classBox = new ComboBox<>();
        classBox.setId("explainClass");
        classBox.setTooltip(tip(messages.get("analyze.explain.class.tooltip")));
        classLabel.setTooltip(classBox.getTooltip());
        classBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null || i < 0 || i >= vm.classes().size() ? "" : vm.classes().get(i);
            }

            @Override
            public Integer fromString(String s) {
                return vm.classes().indexOf(s);
            }
        });
        Runnable fillClasses = () -> {
            classBox.getItems().setAll(java.util.stream.IntStream.range(0, vm.classes().size()).boxed().toList());
            classBox.setValue(vm.classIndexProperty().get());
        };
        vm.classes().addListener((ListChangeListener<String>) c -> fillClasses.run());
        vm.classIndexProperty().addListener((o, a, b) -> classBox.setValue(b.intValue()));
        classBox.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.classIndexProperty().get()) {
                vm.classIndexProperty().set(b);
            }
        });
        fillClasses.run();
        HBox classRow = new HBox(6, classLabel, classBox);
        classRow.setAlignment(Pos.CENTER_LEFT);
        classRow.visibleProperty().bind(javafx.beans.binding.Bindings.size(vm.classes()).greaterThan(2));
        classRow.managedProperty().bind(classRow.visibleProperty());

        Label scaleNote = new Label();
        scaleNote.setId("explainScaleNote");
        scaleNote.getStyleClass().add("build-hint");
        scaleNote.setWrapText(true);
        scaleNote.textProperty().bind(vm.scaleNoteProperty());

        HBox line = new HBox(18, new HBox(6, methodLabel, method), scaleBox, classRow);
        line.setAlignment(Pos.CENTER_LEFT);
        ((HBox) line.getChildren().getFirst()).setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, scaleNote);
    }

    // ---- global -----------------------------------------------------------------------------------------

    private Node globalRow() {
        bars.setId("shapBars");
        VBox barsCard = Tips.card(messages, "analyze.explain.global.title", "analyze.explain.global.tooltip", bars);
        barsCard.setPrefWidth(360);
        barsCard.setMinWidth(300);
        beeswarm.setId("beeswarm");
        VBox swarmCard = Tips.card(messages, "analyze.explain.swarm.title", "analyze.explain.swarm.tooltip",
                beeswarm, beeswarm.legend());
        Tooltip.install(beeswarm, tip(messages.get("analyze.explain.swarm.tooltip")));
        HBox.setHgrow(swarmCard, Priority.ALWAYS);
        return new HBox(12, barsCard, swarmCard);
    }

    private void fillBars() {
        bars.getChildren().clear();
        List<Importance> list = vm.importances();
        double max = list.stream().mapToDouble(Importance::meanAbs).max().orElse(0);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        for (Importance i : list) {
            Label name = new Label(i.column());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = Bars.bar(max <= 0 ? 2 : i.meanAbs() / max * 150);
            bar.setId("shapBar-" + i.column());
            Label value = new Label(vm.format(i.meanAbs()));
            value.getStyleClass().add("build-hint");
            value.setId("shapValue-" + i.column());
            Bars.addRow(grid, row, name, bar, value,
                    tip(messages.get("analyze.explain.global.bar", i.column(), vm.format(i.meanAbs()))));
            row++;
        }
        bars.getChildren().add(grid);
    }

    // ---- local ------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Node localRow() {
        table.setId("explainRows");
        table.setPrefHeight(330);
        table.setPrefWidth(300);
        table.setMinWidth(260);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RowItem, String> number = new TableColumn<>(messages.get("analyze.explain.rows.row"));
        number.setCellValueFactory(d -> new ReadOnlyStringWrapper(Integer.toString(d.getValue().row() + 1)));
        number.setPrefWidth(56);
        number.setMinWidth(50);
        number.setSortable(false);
        TableColumn<RowItem, String> prediction = new TableColumn<>(messages.get("analyze.explain.rows.prediction"));
        prediction.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().prediction()));
        prediction.setPrefWidth(110);
        prediction.setSortable(false);
        TableColumn<RowItem, String> actual = new TableColumn<>(messages.get("analyze.explain.rows.actual"));
        actual.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().actual()));
        actual.setSortable(false);
        actual.setPrefWidth(64);
        table.getColumns().setAll(number, prediction, actual);
        table.setItems(vm.rows());
        table.setTooltip(tip(messages.get("analyze.explain.rows.tooltip")));
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != vm.selectedRowProperty().get()) {
                vm.selectedRowProperty().set(b.intValue());
            }
        });
        vm.selectedRowProperty().addListener((o, a, b) -> selectInTable(b.intValue()));
        vm.rows().addListener((ListChangeListener<RowItem>) c -> selectInTable(vm.selectedRowProperty().get()));
        VBox rowsCard = Tips.card(messages, "analyze.explain.rows.title", "analyze.explain.rows.tooltip", table);

        waterfall.setId("waterfall");
        Label equation = new Label();
        equation.setId("explainEquation");
        equation.setWrapText(true);
        equation.getStyleClass().add("panel-title");
        equation.textProperty().bind(vm.equationProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(vm.localBusyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        VBox waterfallCard = Tips.card(messages, "analyze.explain.local.title", "analyze.explain.local.tooltip",
                spinner, waterfall, equation);
        HBox.setHgrow(waterfallCard, Priority.ALWAYS);
        return new HBox(12, rowsCard, waterfallCard);
    }

    private void selectInTable(int row) {
        if (row >= 0 && row < table.getItems().size() && table.getSelectionModel().getSelectedIndex() != row) {
            table.getSelectionModel().select(row);
            table.scrollTo(Math.max(0, row - 3));
        }
    }

    private void fillWaterfall() {
        waterfall.getChildren().clear();
        List<Step> steps = vm.steps();
        if (steps.isEmpty()) {
            return;
        }
        double lo = Math.min(vm.base(), vm.prediction());
        double hi = Math.max(vm.base(), vm.prediction());
        for (Step s : steps) {
            lo = Math.min(lo, Math.min(s.start(), s.end()));
            hi = Math.max(hi, Math.max(s.start(), s.end()));
        }
        double pad = (hi - lo) * 0.04 + 1e-9;
        double from = lo - pad;
        double span = hi + pad - from;
        waterfall.getChildren().add(markerLine("waterfall-base", messages.get("analyze.explain.waterfall.base"),
                vm.format(vm.base()), vm.base(), from, span,
                messages.get("analyze.explain.waterfall.baseTip", vm.format(vm.base()))));
        int i = 0;
        for (Step s : steps) {
            Label name = new Label(s.value().isEmpty() ? s.column() : s.column() + " = " + s.value());
            name.setMinWidth(NAME_WIDTH);
            name.setPrefWidth(NAME_WIDTH);
            name.setMaxWidth(NAME_WIDTH);
            Pane lane = Bars.lane(WATERFALL_WIDTH, 18);
            Region bar = new Region();
            double x0 = (Math.min(s.start(), s.end()) - from) / span * WATERFALL_WIDTH;
            double w = Math.max(2, Math.abs(s.contribution()) / span * WATERFALL_WIDTH);
            bar.setPrefSize(w, 14);
            bar.relocate(x0, 2);
            bar.setStyle("-fx-background-radius: 3; -fx-background-color: " + (s.contribution() >= 0 ? UP : DOWN)
                    + ";");
            lane.getChildren().add(bar);
            Label value = new Label(vm.signed(s.contribution()));
            value.setId("waterfall-step-" + i);
            value.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(8, name, lane, value);
            line.setAlignment(Pos.CENTER_LEFT);
            Tooltip.install(line, tip(messages.get("analyze.explain.waterfall.step", s.column(),
                    s.value().isEmpty() ? "–" : s.value(), vm.format(s.start()), vm.format(s.end()),
                    vm.signed(s.contribution()))));
            waterfall.getChildren().add(line);
            i++;
        }
        waterfall.getChildren().add(markerLine("waterfall-prediction",
                messages.get("analyze.explain.waterfall.prediction"), vm.format(vm.prediction()), vm.prediction(),
                from, span, messages.get("analyze.explain.waterfall.predictionTip", vm.format(vm.prediction()))));
    }

    /// A line with a vertical tick at `value` (the base value or the prediction).
    private Node markerLine(String id, String text, String valueText, double value, double from, double span,
                            String tooltip) {
        Label name = new Label(text);
        name.getStyleClass().add("panel-title");
        name.setMinWidth(NAME_WIDTH);
        name.setPrefWidth(NAME_WIDTH);
        Pane lane = Bars.lane(WATERFALL_WIDTH, 18);
        Region tick = new Region();
        double x = (value - from) / span * WATERFALL_WIDTH;
        tick.setPrefSize(3, 18);
        tick.relocate(x - 1.5, 0);
        tick.getStyleClass().add("importance-bar");
        tick.setStyle("-fx-min-height: 18; -fx-max-height: 18;");
        lane.getChildren().add(tick);
        Label v = new Label(valueText);
        v.setId(id);
        v.getStyleClass().add("panel-title");
        HBox line = new HBox(8, name, lane, v);
        line.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(line, tip(tooltip));
        return line;
    }

    // ---- partial dependence -----------------------------------------------------------------------------

    private Node pdpCard() {
        Label label = new Label(messages.get("analyze.explain.pdp.column"));
        ComboBox<String> column = new ComboBox<>(vm.pdpColumns());
        column.setId("pdpColumn");
        column.setTooltip(tip(messages.get("analyze.explain.pdp.columnTip")));
        column.valueProperty().bindBidirectional(vm.pdpColumnProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(vm.pdpBusyProperty());
        Region a = legendLine(Color.web("#3b82f6", 0.5), 1.5);
        Region b = legendLine(Color.web("#f97316"), 4);
        HBox legend = new HBox(6, a, new Label(messages.get("analyze.explain.pdp.ice")), b,
                new Label(messages.get("analyze.explain.pdp.average")));
        legend.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(8, label, column, spinner, legend);
        HBox.setMargin(legend, new Insets(0, 0, 0, 16));
        top.setAlignment(Pos.CENTER_LEFT);
        curves.setId("pdpChart");
        Tooltip.install(curves, tip(messages.get("analyze.explain.pdp.tooltip")));
        return Tips.card(messages, "analyze.explain.pdp.title", "analyze.explain.pdp.tooltip", top, curves);
    }

    private static Region legendLine(Color colour, double height) {
        Region r = new Region();
        r.setPrefSize(22, height);
        r.setMaxHeight(height);
        r.setStyle("-fx-background-color: " + web(colour) + ";");
        return r;
    }

    static String web(Color c) {
        return String.format(Locale.ROOT, "rgba(%d, %d, %d, %.2f)", (int) (c.getRed() * 255),
                (int) (c.getGreen() * 255), (int) (c.getBlue() * 255), c.getOpacity());
    }

    // ---- help -------------------------------------------------------------------------------------------

    private Node helpPanel() {
        VBox texts = new VBox(10);
        for (String k : List.of("shap", "base", "global", "pdp", "causal")) {
            texts.getChildren().add(Headings.hint(messages.get("analyze.explain.help." + k)));
        }
        VBox card = Tips.card(messages, "analyze.explain.help.title", "analyze.explain.help.tooltip", texts);
        card.setId("explainHelp");
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("build-settings-scroll");
        scroll.setPrefWidth(230);
        scroll.setMinWidth(200);
        BorderPane.setMargin(scroll, new Insets(12, 0, 12, 8));
        return scroll;
    }
}
