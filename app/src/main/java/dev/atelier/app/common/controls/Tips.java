package dev.atelier.app.common.controls;

import dev.atelier.app.common.i18n.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// The studio's explanations on hover and its titled cards, alike on every screen: tooltips wrap at a readable
/// width, appear after a short pause and stay long enough to be read (they explain metrics and settings).
public final class Tips {
    private Tips() {
    }

    /// A wrapping tooltip with `text`.
    public static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(350));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /// A card (style class `build-card`) with a title from `titleKey` explained by `tooltipKey`, then `content`.
    public static VBox card(Messages messages, String titleKey, String tooltipKey, Node... content) {
        Label l = new Label(messages.get(titleKey));
        l.getStyleClass().add("panel-title");
        l.setTooltip(tip(messages.get(tooltipKey)));
        VBox box = new VBox(8, l);
        box.getChildren().addAll(content);
        box.getStyleClass().add("build-card");
        return box;
    }
}
