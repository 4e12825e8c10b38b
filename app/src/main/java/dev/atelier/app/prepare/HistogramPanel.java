package dev.atelier.app.prepare;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.wrangle.ColumnSummary;
import dev.atelier.engine.wrangle.Preview;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/// The Prepare screen's right side: the 10-bin histogram of a column before and after the selected step.
final class HistogramPanel {
    private final PrepareViewModel vm;
    private final Messages messages;
    private final ComboBox<String> histogramColumn = new ComboBox<>();
    private final BarChart<String, Number> histogramBefore = chart("histogramBefore");
    private final BarChart<String, Number> histogramAfter = chart("histogramAfter");
    private final Label histogramNote = new Label();
    private final Node root;

    HistogramPanel(PrepareViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.root = histogramPanel();
        vm.histogramColumnProperty().addListener((o, a, b) -> showHistogram());
    }

    /// The panel.
    Node node() {
        return root;
    }

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

    void showHistogram() {
        String column = vm.histogramColumnProperty().get();
        if (column != null && !column.equals(histogramColumn.getValue())) {
            histogramColumn.setValue(column);
        }
        ColumnSummary[] s = vm.histogram(column);
        plot(histogramBefore, s[0], messages.get("prepare.histogram.before"));
        plot(histogramAfter, s[1], messages.get("prepare.histogram.after"));
        ColumnSummary any = s[1] != null ? s[1] : s[0];
        boolean before = hasBins(s[0]);
        boolean after = hasBins(s[1]);
        boolean none = any != null && !before && !after;
        String note = "";
        if (none) {
            note = messages.get("prepare.histogram.none", column, any.distinct());
        } else if (before != after && s[0] != null && s[1] != null) {
            // the step turned a number column into text or true/false (or back): one side has no bins
            ColumnSummary flat = before ? s[1] : s[0];
            note = messages.get("prepare.histogram.oneSide", messages.get(before ? "prepare.histogram.after"
                    : "prepare.histogram.before"), column, flat.distinct());
        }
        histogramNote.setText(note);
        histogramNote.setVisible(!note.isEmpty());
        histogramNote.setManaged(!note.isEmpty());
        boolean charts = any != null && !none;
        for (Node n : List.of(histogramBefore, histogramAfter)) {
            n.setVisible(charts);
            n.setManaged(charts);
        }
    }

    private static boolean hasBins(@Nullable ColumnSummary s) {
        return s != null && s.histogram().length > 0;
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

    /// Shows the columns of preview `p` (after the step, then those it removed) and the chosen column's histogram.
    void show(@Nullable Preview p) {
        if (p == null) {
            histogramColumn.getItems().clear();
            showHistogram();
            return;
        }
        List<String> columns = p.after().schema().names();
        histogramColumn.getItems().setAll(
                java.util.stream.Stream.concat(columns.stream(), p.removedColumns().stream()).toList());
        histogramColumn.setValue(vm.histogramColumnProperty().get());
        showHistogram();
    }
}
