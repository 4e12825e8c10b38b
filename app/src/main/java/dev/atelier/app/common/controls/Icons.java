package dev.atelier.app.common.controls;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/// Line icons drawn on a 24 × 24 grid and styled from CSS (`.icon` strokes with the text colour). Drawn for
/// Atelier; no icon font needed.
public final class Icons {
    /// The icons the studio uses.
    public enum Name {
        DATA("M4 4.5h16a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1 -1.5 1.5H4a1.5 1.5 0 0 1 -1.5 -1.5V6A1.5 1.5 0 0 1 4 4.5z"
                + "M2.5 9.5h19M2.5 14.5h19M9 9.5v10"),
        PREPARE("M4 7h9M17 7h3M15 5v4M4 17h3M11 17h9M9 15v4"),
        BUILD("M12 2.8l8 4.5v9.4l-8 4.5l-8 -4.5V7.3zM12 12l8 -4.6M12 12v9.2M12 12L4 7.4"),
        LEADERBOARD("M5 20.5V12M12 20.5V4.5M19 20.5V9M3 20.5h18"),
        ANALYZE("M10.5 3.5a7 7 0 1 1 0 14a7 7 0 1 1 0 -14zM15.5 15.5L21 21M7.5 12.5v-2M10.5 12.5v-5M13.5 12.5v-3"),
        PREDICT("M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0 -18zM12 7.5a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0 -9zM12 11.2v1.6"),
        DEPLOY("M12 15V3.5M7 8.5l5 -5l5 5M4 14v5a1.5 1.5 0 0 0 1.5 1.5h13A1.5 1.5 0 0 0 20 19v-5"),
        OPEN("M3 6.5A1.5 1.5 0 0 1 4.5 5h4.6l2 2.2h8.4A1.5 1.5 0 0 1 21 8.7v9.8a1.5 1.5 0 0 1 -1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z"),
        SAMPLE("M6 3.5h9l4 4V20a.5.5 0 0 1 -.5.5h-12.5a.5.5 0 0 1 -.5 -.5V4a.5.5 0 0 1 .5 -.5zM14.5 3.5V8h4.5"
                + "M8.5 12h7M8.5 15.5h7"),
        DROP("M12 3.5v11M7 10l5 5l5 -5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5 -1.5V15"),
        MOON("M20 14.5A8.5 8.5 0 0 1 9.5 4A8.5 8.5 0 1 0 20 14.5z"),
        COLUMNS("M4 4.5h16v15H4zM9.3 4.5v15M14.7 4.5v15");

        private final String path;

        Name(String path) {
            this.path = path;
        }
    }

    private Icons() {
    }

    /// The icon `name`, `size` pixels square, with style classes `icon` and `icon-<name>`.
    public static Node create(Name name, double size) {
        SVGPath path = new SVGPath();
        path.setContent(name.path);
        path.getStyleClass().add("icon-path");
        Rectangle box = new Rectangle(0, 0, 24, 24);
        box.setFill(null);
        box.setStroke(null);
        box.setMouseTransparent(true);
        Group inner = new Group(box, path);
        double scale = size / 24.0;
        inner.setScaleX(scale);
        inner.setScaleY(scale);
        Group outer = new Group(inner);
        outer.getStyleClass().addAll("icon", "icon-" + name.name().toLowerCase(java.util.Locale.ROOT));
        return outer;
    }
}
