package dev.atelier.app.analyze;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.analyze.AnalyzeViewModel.Bin;
import dev.atelier.app.analyze.AnalyzeViewModel.Evaluation;
import dev.atelier.app.analyze.AnalyzeViewModel.Tile;
import dev.atelier.app.analyze.bias.BiasView;
import dev.atelier.app.analyze.bias.BiasViewModel;
import dev.atelier.app.common.controls.Bars;
import dev.atelier.app.common.controls.Headings;
import dev.atelier.app.common.controls.Tips;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.evaluate.Metrics;
import dev.atelier.engine.evaluate.PermutationImportance;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/// The Analyze screen: a tab pane whose Evaluate tab shows the metric tiles, the confusion matrix, the ROC and
/// precision-recall curves with a threshold slider (binary), residuals and the error distribution
/// (regression), and column impact; the Bias tab is a [BiasView]. Binds to an [AnalyzeViewModel].
public final class AnalyzeView {
    private final AnalyzeViewModel vm;
    private final Messages messages;
    private final StackPane root = new StackPane();
    private final FlowPane tiles = new FlowPane(10, 10);
    private final GridPane confusion = new GridPane();
    private final VBox binaryBox = new VBox(10);
    private final HBox regressionBox = new HBox(12);
    private @Nullable Node curvesCard;
    private final VBox importanceBars = new VBox(4);
    private final XYChart.Series<Number, Number> roc = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rocPoint = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> pr = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> prPoint = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> residuals = new XYChart.Series<>();
    private final XYChart.Series<String, Number> errors = new XYChart.Series<>();

    public AnalyzeView(AnalyzeViewModel vm, Messages messages) {
        this(vm, messages, null);
    }

    /// The screen with the Bias tab of `bias` (a placeholder tab when null).
    public AnalyzeView(AnalyzeViewModel vm, Messages messages, @Nullable BiasViewModel bias) {
        this.vm = vm;
        this.messages = messages;
        root.setId("analyzeScreen");
        root.getStyleClass().addAll("screen", "build-screen", "analyze-screen");

        Tab evaluate = new Tab(messages.get("analyze.tab.evaluate"), evaluateTab());
        evaluate.setId("tab-evaluate");
        evaluate.setClosable(false);
        evaluate.setTooltip(tip(messages.get("analyze.tab.evaluate.tooltip")));
        Tab explain = new Tab(messages.get("analyze.tab.explain"),
                new dev.atelier.app.analyze.explain.ExplainView(vm.explain(), messages).root());
        explain.setId("tab-explain");
        explain.setClosable(false);
        explain.setTooltip(tip(messages.get("analyze.explain.tab.tooltip")));
        // SHAP values are computed when the tab is first opened (and again for another candidate)
        explain.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                vm.explain().refresh();
            }
        });
        root.sceneProperty().addListener((o, a, b) -> {
            if (explain.isSelected()) {
                vm.explain().refresh();
            }
        });
        Tab biasTab = bias == null ? laterTab("bias") : new BiasView(bias, messages).tab();
        TabPane tabs = new TabPane(evaluate, explain, biasTab);
        tabs.setId("analyzeTabs");
        root.getChildren().add(tabs);
        vm.evaluationProperty().addListener((o, a, b) -> show(b));
        show(vm.getEvaluation());
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }

    private Tab laterTab(String key) {
        Label text = new Label(messages.get("analyze.tab." + key + ".later"));
        text.setWrapText(true);
        text.getStyleClass().add("build-hint");
        text.setMaxWidth(560);
        StackPane box = new StackPane(text);
        box.setPadding(new Insets(24));
        Tab t = new Tab(messages.get("analyze.tab." + key), box);
        t.setId("tab-" + key);
        t.setClosable(false);
        t.setTooltip(tip(messages.get("analyze.tab." + key + ".tooltip")));
        return t;
    }

    private Node evaluateTab() {
        Label note = Headings.note("analyzeNote", vm.noteProperty());
        HBox head = Headings.titleRow("analyzeTitle", vm.titleProperty(), vm.busyProperty());
        Label explain = Headings.hint(messages.get("analyze.intro"));

        tiles.setId("metricTiles");
        vm.tiles().addListener((ListChangeListener<Tile>) c -> fillTiles());

        // binary: confusion matrix + curves + slider
        confusion.setId("confusionMatrix");
        confusion.setHgap(0);
        confusion.setVgap(0);
        VBox confusionCard = card("analyze.confusion.title", "analyze.confusion.tooltip", confusion);
        confusionCard.setMinWidth(Region.USE_PREF_SIZE);
        vm.confusionProperty().addListener((o, a, b) -> fillConfusion());

        LineChart<Number, Number> rocChart = curveChart("rocChart", "analyze.roc.x", "analyze.roc.y", roc, rocPoint);
        LineChart<Number, Number> prChart = curveChart("prChart", "analyze.pr.x", "analyze.pr.y", pr, prPoint);
        Slider slider = new Slider(0, 1, vm.thresholdProperty().get());
        slider.setId("thresholdSlider");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(0.1);
        slider.setBlockIncrement(0.01);
        slider.valueProperty().bindBidirectional(vm.thresholdProperty());
        slider.setTooltip(tip(messages.get("analyze.threshold.tooltip")));
        Label thresholdText = new Label();
        thresholdText.setId("thresholdSummary");
        thresholdText.setWrapText(true);
        thresholdText.textProperty().bind(vm.thresholdSummaryProperty());
        vm.thresholdProperty().addListener((o, a, b) -> markOperatingPoints());
        VBox sliderBox = new VBox(4, new Label(messages.get("analyze.threshold.title")), slider, thresholdText);
        HBox curves = new HBox(10, rocChart, prChart);
        HBox.setHgrow(rocChart, Priority.ALWAYS);
        HBox.setHgrow(prChart, Priority.ALWAYS);
        VBox curvesCard = card("analyze.curves.title", "analyze.curves.tooltip", curves, sliderBox);
        HBox.setHgrow(curvesCard, Priority.ALWAYS);
        this.curvesCard = curvesCard;
        HBox binaryRow = new HBox(12, confusionCard, curvesCard);
        binaryBox.getChildren().setAll(binaryRow);

        // regression: residuals + histogram
        NumberAxis px = new NumberAxis();
        px.setLabel(messages.get("analyze.residuals.x"));
        px.setForceZeroInRange(false);
        NumberAxis py = new NumberAxis();
        py.setLabel(messages.get("analyze.residuals.y"));
        ScatterChart<Number, Number> scatter = new ScatterChart<>(px, py);
        scatter.setId("residualChart");
        scatter.setAnimated(false);
        scatter.setLegendVisible(false);
        scatter.getData().add(residuals);
        scatter.setPrefHeight(300);
        CategoryAxis bx = new CategoryAxis();
        bx.setLabel(messages.get("analyze.histogram.x"));
        NumberAxis by = new NumberAxis();
        by.setLabel(messages.get("analyze.histogram.y"));
        BarChart<String, Number> histogram = new BarChart<>(bx, by);
        histogram.setId("errorHistogram");
        histogram.setAnimated(false);
        histogram.setLegendVisible(false);
        histogram.setCategoryGap(1);
        histogram.setBarGap(0);
        histogram.getData().add(errors);
        histogram.setPrefHeight(300);
        VBox residualCard = card("analyze.residuals.title", "analyze.residuals.tooltip", scatter);
        VBox histogramCard = card("analyze.histogram.title", "analyze.histogram.tooltip", histogram);
        HBox.setHgrow(residualCard, Priority.ALWAYS);
        HBox.setHgrow(histogramCard, Priority.ALWAYS);
        regressionBox.getChildren().setAll(residualCard, histogramCard);
        vm.histogram().addListener((ListChangeListener<Bin>) c -> fillHistogram());

        importanceBars.setId("columnImpact");
        VBox importanceCard = card("analyze.importance.title", "analyze.importance.tooltip", importanceBars);

        VBox content = new VBox(12, head, explain, note, tiles, binaryBox, regressionBox, importanceCard);
        content.setPadding(new Insets(12, 4, 12, 4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("build-settings-scroll");
        return scroll;
    }

    private LineChart<Number, Number> curveChart(String id, String xKey, String yKey,
                                                 XYChart.Series<Number, Number> line,
                                                 XYChart.Series<Number, Number> point) {
        NumberAxis x = new NumberAxis(0, 1, 0.2);
        x.setLabel(messages.get(xKey));
        NumberAxis y = new NumberAxis(0, 1, 0.2);
        y.setLabel(messages.get(yKey));
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(false);
        chart.setPrefSize(300, 280);
        chart.setMinWidth(160);
        line.setName(messages.get(id.equals("rocChart") ? "analyze.roc.title" : "analyze.pr.title"));
        point.setName(messages.get("analyze.threshold.point"));
        chart.getData().add(line);
        chart.getData().add(point);
        chart.setTitle(line.getName());
        return chart;
    }

    // ---- filling ----------------------------------------------------------------------------------

    private void show(@Nullable Evaluation e) {
        boolean binary = e != null && e.truth().length > 0;
        boolean classes = e != null && e.problem() != ProblemType.REGRESSION;
        boolean regression = e != null && e.problem() == ProblemType.REGRESSION;
        binaryBox.setVisible(classes);
        binaryBox.setManaged(classes);
        if (curvesCard != null) {
            curvesCard.setVisible(binary);
            curvesCard.setManaged(binary);
        }
        regressionBox.setVisible(regression);
        regressionBox.setManaged(regression);
        fillTiles();
        fillConfusion();
        fillCurves(e);
        fillResiduals(e);
        fillImportance(e);
    }

    private void fillTiles() {
        tiles.getChildren().clear();
        for (Tile t : vm.tiles()) {
            Label value = new Label(t.value());
            value.setId("tile-" + t.key());
            value.getStyleClass().add("metric-value");
            Label name = new Label(t.name());
            name.getStyleClass().add("metric-name");
            VBox tile = new VBox(2, value, name);
            tile.getStyleClass().add("metric-tile");
            Tooltip tip = tip(t.tooltip());
            Tooltip.install(tile, tip);
            value.setTooltip(tip);
            name.setTooltip(tip);
            tiles.getChildren().add(tile);
        }
    }

    private void fillConfusion() {
        confusion.getChildren().clear();
        Evaluation e = vm.getEvaluation();
        long[][] m = vm.confusionProperty().get();
        if (e == null || m.length == 0) {
            return;
        }
        List<String> classes = e.report().classes();
        int k = m.length;
        long max = 1;
        for (long[] row : m) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        Label corner = new Label(messages.get("analyze.confusion.corner"));
        corner.getStyleClass().add("confusion-label");
        corner.setMinWidth(Region.USE_PREF_SIZE);
        corner.setPadding(new Insets(0, 10, 4, 0));
        confusion.add(corner, 0, 0);
        for (int c = 0; c < k; c++) {
            Label h = new Label(messages.get("analyze.confusion.predicted", classes.get(c)));
            h.getStyleClass().add("confusion-label");
            h.setPadding(new Insets(0, 6, 4, 6));
            h.setMinWidth(Region.USE_PREF_SIZE);
            confusion.add(h, c + 1, 0);
        }
        for (int r = 0; r < k; r++) {
            Label h = new Label(messages.get("analyze.confusion.actual", classes.get(r)));
            h.getStyleClass().add("confusion-label");
            h.setPadding(new Insets(0, 8, 0, 0));
            confusion.add(h, 0, r + 1);
            long rowTotal = 0;
            for (long v : m[r]) {
                rowTotal += v;
            }
            for (int c = 0; c < k; c++) {
                long v = m[r][c];
                Label cell = new Label(Long.toString(v));
                cell.setId("confusion-" + r + "-" + c);
                cell.getStyleClass().add("confusion-cell");
                double share = v / (double) max;
                boolean right = r == c;
                // green-ish on the diagonal (right answers), red-ish elsewhere; darker = more rows
                String colour = right ? "rgba(46, 160, 67, %.2f)" : "rgba(218, 54, 51, %.2f)";
                cell.setStyle("-fx-background-color: " + String.format(Locale.ROOT, colour, 0.08 + 0.6 * share)
                        + ";");
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                cell.setMinSize(72, 44);
                cell.setTooltip(tip(messages.get(right ? "analyze.confusion.cell.right" : "analyze.confusion.cell.wrong",
                        v, classes.get(r), classes.get(c), rowTotal == 0 ? 0 : 100.0 * v / rowTotal)));
                confusion.add(cell, c + 1, r + 1);
            }
        }
    }

    private void fillCurves(@Nullable Evaluation e) {
        roc.getData().clear();
        pr.getData().clear();
        if (e == null || e.truth().length == 0) {
            rocPoint.getData().clear();
            prPoint.getData().clear();
            return;
        }
        for (Metrics.CurvePoint p : thin(e.report().roc())) {
            roc.getData().add(new XYChart.Data<>(p.x(), p.y()));
        }
        for (Metrics.CurvePoint p : thin(e.report().precisionRecall())) {
            pr.getData().add(new XYChart.Data<>(p.x(), p.y()));
        }
        roc.getData().forEach(d -> d.setNode(invisible()));
        pr.getData().forEach(d -> d.setNode(invisible()));
        markOperatingPoints();
    }

    /// At most ~300 points: enough for a smooth line, few enough for a fast chart.
    private static List<Metrics.CurvePoint> thin(List<Metrics.CurvePoint> points) {
        int step = Math.max(1, points.size() / 300);
        var out = new java.util.ArrayList<Metrics.CurvePoint>();
        for (int i = 0; i < points.size(); i += step) {
            out.add(points.get(i));
        }
        if (!points.isEmpty() && out.getLast() != points.getLast()) {
            out.add(points.getLast());
        }
        return out;
    }

    private static Node invisible() {
        Region r = new Region();
        r.setVisible(false);
        return r;
    }

    private void markOperatingPoints() {
        rocPoint.getData().clear();
        prPoint.getData().clear();
        Evaluation e = vm.getEvaluation();
        if (e == null || e.truth().length == 0) {
            return;
        }
        double t = vm.thresholdProperty().get();
        Metrics.CurvePoint r = AnalyzeViewModel.pointAt(e.report().roc(), t);
        if (r != null) {
            rocPoint.getData().add(new XYChart.Data<>(r.x(), r.y()));
        }
        Metrics.CurvePoint p = AnalyzeViewModel.pointAt(e.report().precisionRecall(), t);
        if (p != null) {
            prPoint.getData().add(new XYChart.Data<>(p.x(), p.y()));
        }
    }

    private void fillResiduals(@Nullable Evaluation e) {
        residuals.getData().clear();
        if (e == null || e.problem() != ProblemType.REGRESSION) {
            return;
        }
        double[] predicted = e.report().predicted();
        double[] res = e.report().residuals();
        int step = Math.max(1, predicted.length / 2000);
        for (int i = 0; i < predicted.length; i += step) {
            residuals.getData().add(new XYChart.Data<>(predicted[i], res[i]));
        }
    }

    private void fillHistogram() {
        errors.getData().clear();
        for (Bin b : vm.histogram()) {
            errors.getData().add(new XYChart.Data<>(short3((b.from() + b.to()) / 2), b.count()));
        }
    }

    private static String short3(double v) {
        double a = Math.abs(v);
        return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private void fillImportance(@Nullable Evaluation e) {
        importanceBars.getChildren().clear();
        if (e == null) {
            return;
        }
        List<PermutationImportance.Importance> list = e.importances();
        double max = list.stream().mapToDouble(PermutationImportance.Importance::drop).max().orElse(0);
        if (list.isEmpty() || max <= 0) {
            Label none = new Label(messages.get("analyze.importance.none"));
            none.getStyleClass().add("build-hint");
            importanceBars.getChildren().add(none);
            return;
        }
        Label how = Headings.hint(messages.get("analyze.importance.how", vm.metricName(e.metric())));
        importanceBars.getChildren().add(how);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        for (PermutationImportance.Importance i : list) {
            Label name = new Label(i.column());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = Bars.bar(Math.max(0, i.drop()) / max * 360);
            Label value = new Label(String.format(Locale.ROOT, "%.4f", i.drop()));
            value.getStyleClass().add("build-hint");
            Bars.addRow(grid, row, name, bar, value, tip(messages.get("analyze.importance.bar", i.column(), i.drop(),
                    i.std(), vm.metricName(e.metric()))));
            row++;
        }
        grid.setId("columnImpactBars");
        importanceBars.getChildren().add(grid);
    }

    private VBox card(String titleKey, String tooltipKey, Node... content) {
        return Tips.card(messages, titleKey, tooltipKey, content);
    }

}
