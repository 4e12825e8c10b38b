package dev.atelier.app.analyze.explain;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.explain.PartialDependence;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.jspecify.annotations.Nullable;

/// Partial dependence (thick orange line) over the ICE lines of single rows (thin blue lines) of one column;
/// levels of a categorical column are evenly spaced and marked with dots.
final class CurvesChart extends CanvasChart {
    static final Color ICE = Color.web("#3b82f6", 0.22);
    static final Color PDP = Color.web("#f97316");
    private static final double LEFT = 64;
    private static final double BOTTOM = 46;

    private final Messages messages;
    private PartialDependence.@Nullable Curves curves;

    CurvesChart(Messages messages) {
        super(300);
        this.messages = messages;
    }

    void setCurves(PartialDependence.@Nullable Curves c) {
        this.curves = c;
        redraw();
    }

    /// The curves drawn, or `null`.
    PartialDependence.@Nullable Curves curves() {
        return curves;
    }

    @Override
    void draw(GraphicsContext g, double width, double height) {
        PartialDependence.Curves c = curves;
        if (c == null || c.grid().length == 0) {
            return;
        }
        double[] range = c.range();
        double lo = range[0];
        double hi = range[1];
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        double gx0 = c.grid()[0];
        double gx1 = c.grid()[c.grid().length - 1];
        if (c.categorical()) {
            gx0 -= 0.5;
            gx1 += 0.5;
        } else if (gx1 - gx0 < 1e-12) {
            gx0 -= 1;
            gx1 += 1;
        }
        double left = LEFT;
        double right = width - 16;
        double top = 8;
        double bottom = height - BOTTOM;
        double fx0 = gx0;
        double fx1 = gx1;
        double flo = lo;
        double fhi = hi;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - fx0) / (fx1 - fx0) * (right - left);
        java.util.function.DoubleUnaryOperator py = v -> bottom - (v - flo) / (fhi - flo) * (bottom - top);

        // y grid and ticks
        double ys = step(hi - lo, 5);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t = Math.ceil(lo / ys) * ys; t <= hi + 1e-12; t += ys) {
            double y = py.applyAsDouble(t);
            g.setStroke(faint(0.12));
            g.strokeLine(left, y, right, y);
            g.setFill(text());
            g.fillText(tick(t, ys), left - 6, y);
        }
        // x ticks
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        if (c.categorical()) {
            int every = Math.max(1, (int) Math.ceil(c.labels().size() * 70 / Math.max(1, right - left)));
            for (int i = 0; i < c.labels().size(); i += every) {
                double x = px.applyAsDouble(c.grid()[i]);
                g.setStroke(faint(0.12));
                g.strokeLine(x, top, x, bottom);
                g.setFill(text());
                String l = c.labels().get(i);
                g.fillText(l.length() > 12 ? l.substring(0, 11) + "…" : l, x, bottom + 4);
            }
        } else {
            double xs = step(gx1 - gx0, 8);
            for (double t = Math.ceil(gx0 / xs) * xs; t <= gx1 + 1e-12; t += xs) {
                double x = px.applyAsDouble(t);
                g.setStroke(faint(0.12));
                g.strokeLine(x, top, x, bottom);
                g.setFill(text());
                g.fillText(tick(t, xs), x, bottom + 4);
            }
        }
        g.setStroke(faint(0.5));
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);
        g.setFill(text());
        g.fillText(c.column(), (left + right) / 2, bottom + 22);
        g.save();
        g.translate(14, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(c.className().isEmpty() ? messages.get("analyze.explain.pdp.y", c.scale())
                : messages.get("analyze.explain.pdp.yClass", c.scale(), c.className()), 0, 0);
        g.restore();

        int points = c.grid().length;
        // ICE lines
        g.setStroke(ICE);
        g.setLineWidth(1.2);
        for (int line = 0; line < c.rows().length; line++) {
            g.beginPath();
            for (int p = 0; p < points; p++) {
                double x = px.applyAsDouble(c.grid()[p]);
                double y = py.applyAsDouble(c.ice(line, p));
                if (p == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        // PDP
        g.setStroke(PDP);
        g.setLineWidth(3.5);
        g.beginPath();
        for (int p = 0; p < points; p++) {
            double x = px.applyAsDouble(c.grid()[p]);
            double y = py.applyAsDouble(c.average()[p]);
            if (p == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        if (c.categorical() || points <= 3) {
            g.setFill(PDP);
            for (int p = 0; p < points; p++) {
                g.fillOval(px.applyAsDouble(c.grid()[p]) - 4.5, py.applyAsDouble(c.average()[p]) - 4.5, 9, 9);
            }
        }
    }
}
