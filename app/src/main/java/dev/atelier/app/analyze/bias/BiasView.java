package dev.atelier.app.analyze.bias;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.controls.Tips;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.report.BiasTable;
import dev.atelier.engine.bias.OutcomeRates;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/// The Analyze screen's Bias tab: the facet, outcome, group and tolerance inputs; the pre- and post-training
/// metric tables coloured against the tolerance (with a legend); the selected metric's formula; a bar chart of
/// outcome rates per group; and a "What am I looking at?" panel. Binds to a [BiasViewModel].
public final class BiasView {
    /// Colours of the three tolerance states (text, background), readable on the light and the dark theme.
    private static final String WITHIN = "#1b7f3b";
    private static final String OUTSIDE = "#c62828";
    private static final String UNDEFINED = "#7b8794";

    private final BiasViewModel vm;
    private final Messages messages;
    private final Tab tab;
    private final FlowPane positives = new FlowPane(10, 6);
    private final GridPane preTable = new GridPane();
    private final GridPane postTable = new GridPane();
    private BiasTable.@Nullable Row selected;
    private final Label formulaTitle = new Label();
    private final Label formula = new Label();
    private final Label formulaRange = new Label();
    private final Label formulaReading = new Label();
    private final Label legendWithin = new Label();
    private final Label legendOutside = new Label();
    private final XYChart.Series<String, Number> dataSeries = new XYChart.Series<>();
    private final XYChart.Series<String, Number> testSeries = new XYChart.Series<>();
    private final XYChart.Series<String, Number> predictedSeries = new XYChart.Series<>();
    private final BarChart<String, Number> ratesChart;

    public BiasView(BiasViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel(messages.get("bias.rates.y"));
        ratesChart = new BarChart<>(x, y);
        tab = new Tab(messages.get("bias.tab"), content());
        tab.setId("tab-bias");
        tab.setClosable(false);
        tab.setTooltip(tip(messages.get("bias.tab.tooltip")));
        tab.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                vm.refresh();
            }
        });
    }

    /// The tab.
    public Tab tab() {
        return tab;
    }

    private Node content() {
        Label title = new Label();
        title.setId("biasTitle");
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(22, 22);
        spinner.visibleProperty().bind(vm.busyProperty().or(vm.exportingProperty()));
        spinner.managedProperty().bind(spinner.visibleProperty());
        HBox head = new HBox(10, title, spinner);
        head.setAlignment(Pos.CENTER_LEFT);
        Label intro = hint(null);
        intro.textProperty().bind(vm.introProperty());
        intro.visibleProperty().bind(vm.introProperty().isNotEmpty());
        intro.managedProperty().bind(intro.visibleProperty());
        Label note = hint("biasNote");
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Label summary = new Label();
        summary.setId("biasSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.visibleProperty().bind(vm.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        Label exported = hint("biasExportMessage");
        exported.textProperty().bind(vm.exportMessageProperty());
        exported.visibleProperty().bind(vm.exportMessageProperty().isNotEmpty());
        exported.managedProperty().bind(exported.visibleProperty());

        VBox setup = Tips.card(messages, "bias.setup.title", "bias.setup.tooltip", setupGrid());
        setup.setMinWidth(Region.USE_PREF_SIZE);
        Node rates = ratesCard();
        rates.visibleProperty().bind(vm.resultProperty().isNotNull());
        Node firstHelp = help("biasHelp");   // before a check; afterwards it moves beside the tables
        firstHelp.visibleProperty().bind(vm.resultProperty().isNull());
        StackPane right = new StackPane(rates, firstHelp);
        StackPane.setAlignment(firstHelp, Pos.TOP_LEFT);
        HBox top = new HBox(12, setup, right);
        HBox.setHgrow(right, Priority.ALWAYS);

        preTable.setId("biasPreTable");
        postTable.setId("biasPostTable");
        VBox preCard = Tips.card(messages, "bias.pre.title", "bias.pre.tooltip", preTable);
        VBox postCard = Tips.card(messages, "bias.post.title", "bias.post.tooltip", postTable);
        postCard.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.rows().stream().anyMatch(BiasTable.Row::postTraining), vm.rows()));
        postCard.managedProperty().bind(postCard.visibleProperty());
        VBox tables = new VBox(12, preCard, postCard);
        HBox.setHgrow(tables, Priority.ALWAYS);
        tables.setMinWidth(480);

        VBox side = new VBox(12, formulaCard(), help("biasHelpSide"));
        side.setPrefWidth(330);
        side.setMinWidth(280);
        side.setMaxWidth(380);
        HBox main = new HBox(12, tables, side);
        VBox results = new VBox(10, summary, legend(), main);
        results.visibleProperty().bind(vm.resultProperty().isNotNull());
        results.managedProperty().bind(results.visibleProperty());
        vm.rows().addListener((ListChangeListener<BiasTable.Row>) c -> fillTables());
        vm.resultProperty().addListener((o, a, b) -> fillRates(b));

        VBox content = new VBox(12, head, intro, top, note, exported, results);
        content.setPadding(new Insets(12, 4, 12, 4));
        content.disableProperty().bind(vm.readyProperty().not());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("build-settings-scroll");
        return scroll;
    }

    private Node setupGrid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ComboBox<String> column = new ComboBox<>(vm.facetColumns());
        column.setId("biasFacetColumn");
        column.valueProperty().bindBidirectional(vm.facetColumnProperty());
        column.setConverter(converter(c -> vm.isSensitive(c) ? messages.get("bias.facet.column.sensitive", c) : c));
        column.setButtonCell(cell(c -> vm.isSensitive(c) ? messages.get("bias.facet.column.sensitive", c) : c));
        column.setCellFactory(l -> cell(c -> vm.isSensitive(c) ? messages.get("bias.facet.column.sensitive", c) : c));
        column.setTooltip(tip(messages.get("bias.facet.column.tooltip")));
        column.setPrefWidth(220);
        row(g, 0, "bias.facet.column", column);

        ComboBox<String> value = new ComboBox<>(vm.facetValues());
        value.setId("biasFacetValue");
        value.valueProperty().bindBidirectional(vm.facetValueProperty());
        value.setTooltip(tip(messages.get("bias.facet.value.tooltip")));
        value.setPrefWidth(220);
        TextField threshold = new TextField();
        threshold.setId("biasFacetThreshold");
        threshold.textProperty().bindBidirectional(vm.facetThresholdProperty());
        threshold.setTooltip(tip(messages.get("bias.facet.threshold.tooltip")));
        threshold.setPrefColumnCount(8);
        Label valueLabel = new Label();
        valueLabel.textProperty().bind(Bindings.when(vm.facetNumericProperty())
                .then(messages.get("bias.facet.threshold")).otherwise(messages.get("bias.facet.value")));
        value.visibleProperty().bind(vm.facetNumericProperty().not());
        value.managedProperty().bind(value.visibleProperty());
        threshold.visibleProperty().bind(vm.facetNumericProperty());
        threshold.managedProperty().bind(threshold.visibleProperty());
        g.add(valueLabel, 0, 1);
        g.add(new StackPane(value, threshold), 1, 1);
        StackPane.setAlignment(value, Pos.CENTER_LEFT);
        StackPane.setAlignment(threshold, Pos.CENTER_LEFT);

        Label label = new Label();
        label.setId("biasLabel");
        label.textProperty().bind(vm.labelProperty());
        label.setTooltip(tip(messages.get("bias.label.tooltip")));
        row(g, 2, "bias.label", label);

        positives.setId("biasPositives");
        positives.setPrefWrapLength(300);
        vm.labelValues().addListener((ListChangeListener<String>) c -> fillPositives());
        vm.positives().addListener((ListChangeListener<String>) c -> syncPositives());
        fillPositives();
        TextField labelThreshold = new TextField();
        labelThreshold.setId("biasLabelThreshold");
        labelThreshold.textProperty().bindBidirectional(vm.labelThresholdProperty());
        labelThreshold.setTooltip(tip(messages.get("bias.positive.threshold.tooltip")));
        labelThreshold.setPrefColumnCount(8);
        positives.visibleProperty().bind(vm.labelNumericProperty().not());
        positives.managedProperty().bind(positives.visibleProperty());
        labelThreshold.visibleProperty().bind(vm.labelNumericProperty());
        labelThreshold.managedProperty().bind(labelThreshold.visibleProperty());
        Label positiveLabel = new Label();
        positiveLabel.textProperty().bind(Bindings.when(vm.labelNumericProperty())
                .then(messages.get("bias.positive.threshold")).otherwise(messages.get("bias.positive")));
        Tooltip.install(positiveLabel, tip(messages.get("bias.positive.tooltip")));
        g.add(positiveLabel, 0, 3);
        g.add(new HBox(positives, labelThreshold), 1, 3);

        ComboBox<String> group = new ComboBox<>(vm.groupColumns());
        group.setId("biasGroupColumn");
        group.valueProperty().bindBidirectional(vm.groupColumnProperty());
        group.setConverter(converter(c -> c.isEmpty() ? messages.get("bias.group.none") : c));
        group.setButtonCell(cell(c -> c.isEmpty() ? messages.get("bias.group.none") : c));
        group.setCellFactory(l -> cell(c -> c.isEmpty() ? messages.get("bias.group.none") : c));
        group.setTooltip(tip(messages.get("bias.group.tooltip")));
        group.setPrefWidth(220);
        row(g, 4, "bias.group", group);

        Spinner<Double> tolerance = new Spinner<>();
        tolerance.setId("biasTolerance");
        var factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 5, vm.toleranceProperty().get(), 0.01);
        factory.setConverter(converter(d -> String.format(Locale.ROOT, "%.2f", d), s -> {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return vm.toleranceProperty().get();
            }
        }));
        tolerance.setValueFactory(factory);
        tolerance.setEditable(true);
        tolerance.setPrefWidth(100);
        factory.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.toleranceProperty().set(b);
            }
        });
        vm.toleranceProperty().addListener((o, a, b) -> factory.setValue(b.doubleValue()));
        tolerance.setTooltip(tip(messages.get("bias.tolerance.tooltip")));
        row(g, 5, "bias.tolerance", tolerance);

        Button run = new Button(messages.get("bias.run"));
        run.setId("biasRunButton");
        run.setDefaultButton(true);
        run.setTooltip(tip(messages.get("bias.run.tooltip")));
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.busyProperty());
        Button cancel = new Button(messages.get("bias.cancel"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button export = new Button(messages.get("bias.export"));
        export.setId("biasExportButton");
        export.setTooltip(tip(messages.get("bias.export.tooltip")));
        export.setOnAction(e -> vm.exportReport());
        export.disableProperty().bind(vm.exportingProperty());
        HBox buttons = new HBox(8, run, cancel, export);
        g.add(buttons, 0, 6, 2, 1);
        return g;
    }

    private void row(GridPane g, int r, String key, Node control) {
        Label l = new Label(messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (control instanceof javafx.scene.control.Control c && c.getTooltip() != null) {
            l.setTooltip(c.getTooltip());
        }
        g.add(l, 0, r);
        g.add(control, 1, r);
    }

    private void fillPositives() {
        positives.getChildren().clear();
        for (String v : vm.labelValues()) {
            CheckBox box = new CheckBox(v);
            box.setId("biasPositive-" + v);
            box.setSelected(vm.positives().contains(v));
            box.setTooltip(tip(messages.get("bias.positive.tooltip")));
            box.selectedProperty().addListener((o, a, b) -> {
                if (b && !vm.positives().contains(v)) {
                    vm.positives().add(v);
                } else if (!b) {
                    vm.positives().remove(v);
                }
            });
            positives.getChildren().add(box);
        }
    }

    private void syncPositives() {
        for (Node n : positives.getChildren()) {
            if (n instanceof CheckBox box) {
                boolean want = vm.positives().contains(box.getText());
                if (box.isSelected() != want) {
                    box.setSelected(want);
                }
            }
        }
    }

    private VBox help(String id) {
        VBox box = new VBox(8);
        box.setId(id);
        for (String p : messages.get("bias.help.text").split("\n\n")) {
            Label l = new Label(p);
            l.setWrapText(true);
            l.getStyleClass().add("build-hint");
            l.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        return Tips.card(messages, "bias.help.title", "bias.help.tooltip", box);
    }

    private Node legend() {
        legendWithin.setGraphic(swatch(WITHIN));
        legendOutside.setGraphic(swatch(OUTSIDE));
        Label undefined = new Label(messages.get("bias.legend.undefined"), swatch(UNDEFINED));
        Runnable texts = () -> {
            String t = String.format(Locale.ROOT, "%.2f", vm.toleranceProperty().get());
            legendWithin.setText(messages.get("bias.legend.within", t));
            legendOutside.setText(messages.get("bias.legend.outside", t));
        };
        texts.run();
        vm.toleranceProperty().addListener((o, a, b) -> texts.run());
        Label di = new Label(messages.get("bias.legend.di"));
        di.getStyleClass().add("build-hint");
        FlowPane legend = new FlowPane(16, 4, legendWithin, legendOutside, undefined, di);
        legend.setId("biasLegend");
        return legend;
    }

    private static Region swatch(String colour) {
        Region r = new Region();
        r.setMinSize(12, 12);
        r.setMaxSize(12, 12);
        r.setStyle("-fx-background-color: " + colour + "; -fx-background-radius: 3;");
        return r;
    }

    private static String colour(BiasTable.Status s) {
        return switch (s) {
            case WITHIN -> WITHIN;
            case OUTSIDE -> OUTSIDE;
            case UNDEFINED -> UNDEFINED;
        };
    }

    private void fillTables() {
        List<BiasTable.Row> pre = vm.rows().stream().filter(r -> !r.postTraining()).toList();
        List<BiasTable.Row> post = vm.rows().stream().filter(BiasTable.Row::postTraining).toList();
        BiasTable.Row keep = selected == null ? null : vm.rows().stream()
                .filter(r -> r.metric() == selected.metric()).findFirst().orElse(null);
        if (keep == null) {
            keep = pre.stream().filter(r -> r.abbreviation().equals("DPL")).findFirst()
                    .orElse(pre.isEmpty() ? null : pre.getFirst());
        }
        fillGrid(preTable, pre);
        fillGrid(postTable, post);
        if (keep != null) {
            select(keep);
        }
    }

    /// One metric per row: name, value, tolerance badge, range and reading; a click shows the formula.
    private void fillGrid(GridPane g, List<BiasTable.Row> rows) {
        g.getChildren().clear();
        g.getColumnConstraints().setAll(column(150, 170, false), column(70, 80, false), column(80, 90, false),
                column(90, 112, false), column(200, 360, true));
        String[] heads = {"bias.column.metric", "bias.column.value", "bias.column.status", "bias.column.range",
                "bias.column.reading"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(messages.get(heads[c]));
            h.setStyle("-fx-font-weight: bold; -fx-padding: 4 8 6 8;");
            h.setMinWidth(Region.USE_PREF_SIZE);
            g.add(h, c, 0);
        }
        for (int i = 0; i < rows.size(); i++) {
            BiasTable.Row r = rows.get(i);
            Label abbr = new Label(r.abbreviation());
            abbr.setStyle("-fx-font-weight: bold;");
            Label name = new Label(r.metric().title());
            name.getStyleClass().add("build-hint");
            name.setWrapText(true);
            name.setStyle("-fx-font-size: 0.85em;");
            VBox metric = new VBox(0, abbr, name);
            Label value = new Label(r.valueText());
            value.setId("bias-value-" + r.abbreviation());
            value.setStyle("-fx-font-family: monospace;");
            value.setMinWidth(Region.USE_PREF_SIZE);
            String key = r.status().name().toLowerCase(Locale.ROOT);
            Label badge = new Label(messages.get("bias.status." + key));
            badge.setId("bias-status-" + r.abbreviation());
            badge.getProperties().put("status", r.status());
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.setStyle("-fx-text-fill: white; -fx-background-color: " + colour(r.status())
                    + "; -fx-background-radius: 9; -fx-padding: 1 8 1 8; -fx-font-size: 0.9em;");
            Label range = new Label(r.metric().range());
            range.setWrapText(true);
            Label reading = new Label(r.reading());
            reading.setWrapText(true);
            reading.setMinHeight(Region.USE_PREF_SIZE);
            Node[] cells = {metric, new StackPane(value), new StackPane(badge), new StackPane(range), reading};
            StackPane.setAlignment(value, Pos.TOP_RIGHT);
            StackPane.setAlignment(badge, Pos.TOP_LEFT);
            StackPane.setAlignment(range, Pos.TOP_LEFT);
            Tooltip tip = tip(r.abbreviation() + " — " + r.metric().title() + "\n" + r.metric().formula());
            for (int c = 0; c < cells.length; c++) {
                Region cell = (Region) cells[c];
                cell.getProperties().put("row", r);
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMaxHeight(Double.MAX_VALUE);
                cell.setStyle(cellStyle(r, c, false));
                cell.setOnMouseClicked(e -> select(r));
                Tooltip.install(cell, tip);
                g.add(cell, c, i + 1);
            }
        }
    }

    private static javafx.scene.layout.ColumnConstraints column(double min, double pref, boolean grow) {
        var c = new javafx.scene.layout.ColumnConstraints(min, pref, grow ? Double.MAX_VALUE : pref);
        c.setHgrow(grow ? Priority.ALWAYS : Priority.NEVER);
        c.setFillWidth(true);
        return c;
    }

    private static String cellStyle(BiasTable.Row r, int column, boolean selected) {
        String left = column == 0 ? colour(r.status()) : "transparent";
        return "-fx-padding: 5 8 5 8; -fx-border-color: transparent transparent rgba(127,127,127,0.25) " + left
                + "; -fx-border-width: 0 0 1 " + (column == 0 ? 4 : 0) + ";"
                + (selected ? " -fx-background-color: rgba(76,99,182,0.14);" : "");
    }

    private void select(BiasTable.Row r) {
        selected = r;
        for (GridPane g : List.of(preTable, postTable)) {
            for (Node n : g.getChildren()) {
                if (n.getProperties().get("row") instanceof BiasTable.Row row) {
                    n.setStyle(cellStyle(row, GridPane.getColumnIndex(n), row.metric() == r.metric()));
                }
            }
        }
        showFormula(r);
    }

    private Node formulaCard() {
        formulaTitle.setId("biasFormulaTitle");
        formulaTitle.setStyle("-fx-font-weight: bold;");
        formulaTitle.setWrapText(true);
        formulaTitle.setText(messages.get("bias.formula.empty"));
        formula.setId("biasFormula");
        formula.setWrapText(true);
        formula.setFont(Font.font("monospace", 13));
        formula.setStyle("-fx-padding: 6; -fx-background-color: rgba(127,127,127,0.12); -fx-background-radius: 4;");
        formula.setMaxWidth(Double.MAX_VALUE);
        formula.setMinHeight(Region.USE_PREF_SIZE);
        formulaRange.setWrapText(true);
        formulaReading.setWrapText(true);
        formulaReading.setMinHeight(Region.USE_PREF_SIZE);
        Label terms = new Label(messages.get("bias.formula.terms"));
        terms.setWrapText(true);
        terms.getStyleClass().add("build-hint");
        terms.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, formulaTitle, formula, formulaRange, formulaReading, terms);
        box.setId("biasFormulaPanel");
        return Tips.card(messages, "bias.formula.title", "bias.formula.tooltip", box);
    }

    private void showFormula(BiasTable.Row r) {
        formulaTitle.setText(r.abbreviation() + " — " + r.metric().title());
        formula.setText(r.metric().formula());
        formulaRange.setText(messages.get("bias.column.range") + ": " + r.metric().range() + " · "
                + messages.get("bias.column.value") + ": " + r.valueText());
        formulaReading.setText(r.reading());
    }

    private Node ratesCard() {
        ratesChart.setId("biasRatesChart");
        ratesChart.setAnimated(false);
        ratesChart.setPrefHeight(260);
        ratesChart.setMinHeight(220);
        ratesChart.setBarGap(2);
        ratesChart.setCategoryGap(14);
        dataSeries.setName(messages.get("bias.rates.series.data"));
        testSeries.setName(messages.get("bias.rates.series.test"));
        predictedSeries.setName(messages.get("bias.rates.series.predicted"));
        return Tips.card(messages, "bias.rates.title", "bias.rates.tooltip", ratesChart);
    }

    private void fillRates(BiasViewModel.@Nullable Result r) {
        ratesChart.getData().clear();
        dataSeries.getData().clear();
        testSeries.getData().clear();
        predictedSeries.getData().clear();
        if (r == null) {
            return;
        }
        for (int i = 0; i < r.rates().size(); i++) {
            OutcomeRates.Rate rate = r.rates().get(i);
            String name = rate.kind() == OutcomeRates.Kind.OTHERS ? messages.get("bias.rates.others") : rate.group();
            if (rate.kind() == OutcomeRates.Kind.VALUE && r.spec().facet().values().stream()
                    .anyMatch(v -> v.equalsIgnoreCase(rate.group()))) {
                continue; // the facet's own value repeats the facet bar
            }
            add(dataSeries, name, rate.observed(), rate.rows());
            if (i < r.predicted().size()) {
                OutcomeRates.Rate p = r.predicted().get(i);
                add(testSeries, name, p.observed(), p.rows());
                add(predictedSeries, name, p.predicted(), p.rows());
            }
        }
        ratesChart.getData().add(dataSeries);
        if (!r.predicted().isEmpty()) {
            ratesChart.getData().add(testSeries);
            ratesChart.getData().add(predictedSeries);
        }
        for (XYChart.Series<String, Number> s : ratesChart.getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                if (d.getNode() != null && d.getExtraValue() instanceof String text) {
                    Tooltip.install(d.getNode(), tip(s.getName() + " — " + text));
                }
            }
        }
    }

    private void add(XYChart.Series<String, Number> s, String group, double share, int rows) {
        XYChart.Data<String, Number> d = new XYChart.Data<>(group, Double.isNaN(share) ? 0 : share * 100);
        d.setExtraValue(messages.get("bias.rates.bar", group, BiasTable.percent(share), String.format(Locale.ROOT,
                "%,d", rows)));
        s.getData().add(d);
    }

    private static Label hint(@Nullable String id) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.getStyleClass().add("build-hint");
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return converter(show, s -> null);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show,
                                                    java.util.function.Function<String, @Nullable T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(@Nullable T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public @Nullable T fromString(String s) {
                return parse.apply(s);
            }
        };
    }

    private static ListCell<String> cell(java.util.function.Function<String, String> show) {
        return new ListCell<>() {
            @Override
            protected void updateItem(@Nullable String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : show.apply(s));
            }
        };
    }
}
