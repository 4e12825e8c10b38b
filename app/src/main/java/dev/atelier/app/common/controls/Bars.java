package dev.atelier.app.common.controls;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/// Horizontal bars built from plain nodes (column impact, SHAP values, waterfalls), alike on every screen.
public final class Bars {
    private Bars() {
    }

    /// A pane of exactly `width` × `height` pixels that bars and ticks are placed in.
    public static Pane lane(double width, double height) {
        Pane lane = new Pane();
        lane.setMinSize(width, height);
        lane.setPrefSize(width, height);
        lane.setMaxSize(width, height);
        return lane;
    }

    /// A bar (style class `importance-bar`) `width` pixels wide, at least 2.
    public static Region bar(double width) {
        Region bar = new Region();
        bar.getStyleClass().add("importance-bar");
        bar.setPrefWidth(Math.max(2, width));
        bar.setMaxWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    /// Adds `name`, `bar` and `value` as row `row` of `grid`, all three explained by `tip`.
    public static void addRow(GridPane grid, int row, Label name, Node bar, Label value, Tooltip tip) {
        name.setTooltip(tip);
        value.setTooltip(tip);
        Tooltip.install(bar, tip);
        grid.add(name, 0, row);
        grid.add(bar, 1, row);
        grid.add(value, 2, row);
    }
}
