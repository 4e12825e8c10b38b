package dev.atelier.app.analyze.explain;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/// A pane holding a canvas that follows the pane's width and is redrawn on every resize; text is drawn in the
/// theme's text colour (read from a hidden label, so light and dark themes both read well).
abstract class CanvasChart extends Pane {
    final Canvas canvas = new Canvas();
    private final Label probe = new Label("x");

    CanvasChart(double height) {
        probe.setVisible(false);
        probe.setManaged(false);
        canvas.setManaged(false);   // the pane's width drives the canvas, never the other way round
        probe.textFillProperty().addListener((o, a, b) -> redraw());   // the theme changed
        getChildren().addAll(canvas, probe);
        setPrefHeight(height);
        setMinHeight(height);
        setMinWidth(200);
        canvas.setHeight(height);
        widthProperty().addListener((o, a, b) -> {
            canvas.setWidth(b.doubleValue());
            redraw();
        });
        heightProperty().addListener((o, a, b) -> {
            canvas.setHeight(b.doubleValue());
            redraw();
        });
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    /// Redraws everything.
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0) {
            g.setFont(Font.font(11.5));
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    abstract void draw(GraphicsContext g, double width, double height);

    /// The theme's text colour.
    Paint text() {
        Paint p = probe.getTextFill();
        return p == null ? Color.gray(0.2) : p;
    }

    /// The text colour, faded (for grid lines).
    Color faint(double opacity) {
        return text() instanceof Color c ? Color.color(c.getRed(), c.getGreen(), c.getBlue(), opacity)
                : Color.gray(0.5, opacity);
    }

    /// A "nice" tick step of about `span / count`.
    static double step(double span, int count) {
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / count;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
    }

    /// A tick label.
    static String tick(double v, double step) {
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        return Math.abs(v) >= 10_000 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%." + Math.min(decimals, 4) + "f", v);
    }
}
