package dev.atelier.app.analyze.explain;

import dev.atelier.app.analyze.explain.ExplainViewModel.Swarm;
import dev.atelier.app.common.i18n.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.TextAlignment;

/// The SHAP beeswarm: one line per column (most important on top), one dot per explained row at its SHAP value,
/// stacked where dots would overlap, coloured by the row's value of the column from blue (low) to red (high);
/// grey for categories and missing values.
final class BeeswarmChart extends CanvasChart {
    /// The most columns drawn.
    static final int MAX_LINES = 12;
    private static final double LINE = 30;
    private static final double LEFT = 130;
    private static final double AXIS = 34;
    static final Color LOW = Color.web("#2563eb");
    static final Color HIGH = Color.web("#dc2626");
    static final Color OTHER = Color.gray(0.6);

    private final Messages messages;
    private List<Swarm> data = List.of();

    BeeswarmChart(Messages messages) {
        super(LINE * 6 + AXIS);
        this.messages = messages;
    }

    void setData(List<Swarm> swarm) {
        this.data = List.copyOf(swarm.subList(0, Math.min(MAX_LINES, swarm.size())));
        double h = Math.max(3, data.size()) * LINE + AXIS + 6;
        setPrefHeight(h);
        setMinHeight(h);
        redraw();
    }

    /// The colour of a rank (NaN = grey).
    static Color colour(double rank) {
        return Double.isNaN(rank) ? OTHER : LOW.interpolate(HIGH, rank);
    }

    /// The low → high colour legend.
    Node legend() {
        Region ramp = new Region();
        ramp.setPrefSize(90, 10);
        ramp.setMaxHeight(10);
        ramp.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, new Stop(0, LOW), new Stop(1, HIGH)),
                null, null)));
        Region grey = new Region();
        grey.setPrefSize(10, 10);
        grey.setMaxSize(10, 10);
        grey.setStyle("-fx-background-color: " + ExplainView.web(OTHER) + "; -fx-background-radius: 5;");
        HBox box = new HBox(6, small("analyze.explain.swarm.low"), ramp, small("analyze.explain.swarm.high"),
                new Region(), grey, small("analyze.explain.swarm.other"));
        HBox.setMargin(grey, new javafx.geometry.Insets(0, 0, 0, 14));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Label small(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("build-hint");
        return l;
    }

    @Override
    void draw(GraphicsContext g, double width, double height) {
        if (data.isEmpty()) {
            return;
        }
        double max = 0;
        for (Swarm s : data) {
            for (double v : s.shap()) {
                max = Math.max(max, Math.abs(v));
            }
        }
        max = max <= 0 ? 1 : max * 1.05;
        double x0 = LEFT;
        double x1 = width - 12;
        double plotW = x1 - x0;
        double bottom = data.size() * LINE;
        // axis, centre line and ticks
        double step = step(2 * max, (int) Math.max(4, Math.min(8, plotW / 70)));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = Math.ceil(-max / step) * step; t <= max + 1e-12; t += step) {
            double x = x0 + (t + max) / (2 * max) * plotW;
            g.setStroke(faint(Math.abs(t) < step * 1e-6 ? 0.55 : 0.12));
            g.strokeLine(x, 0, x, bottom);
            g.setFill(text());
            g.fillText(tick(t, step), x, bottom + 3);
        }
        g.fillText(messages.get("analyze.explain.swarm.axis"), x0 + plotW / 2, bottom + 18);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double r = 2.6;
        for (int line = 0; line < data.size(); line++) {
            Swarm s = data.get(line);
            double cy = line * LINE + LINE / 2;
            g.setFill(text());
            g.fillText(shorten(s.column()), x0 - 10, cy);
            g.setStroke(faint(0.08));
            g.strokeLine(x0, cy, x1, cy);
            // stack dots that share a pixel bin, alternating above and below the line
            int n = s.shap().length;
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(i -> s.shap()[i]));
            double binW = r * 2;
            var counts = new java.util.HashMap<Long, Integer>();
            List<double[]> dots = new ArrayList<>();
            for (int i : order) {
                double x = x0 + (s.shap()[i] + max) / (2 * max) * plotW;
                long bin = Math.round(x / binW);
                int k = counts.merge(bin, 1, Integer::sum) - 1;
                double offset = ((k + 1) / 2) * (r * 1.6) * (k % 2 == 0 ? 1 : -1);
                offset = Math.max(-LINE / 2 + r, Math.min(LINE / 2 - r, offset));
                dots.add(new double[] {x, cy + offset, s.colour()[i]});
            }
            for (double[] d : dots) {
                g.setFill(colour(d[2]).deriveColor(0, 1, 1, 0.85));
                g.fillOval(d[0] - r, d[1] - r, 2 * r, 2 * r);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }
}
