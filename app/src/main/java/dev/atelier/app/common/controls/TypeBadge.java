package dev.atelier.app.common.controls;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnType;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/// A small coloured tag for a column type ("123" numbers, "ABC" categories, "¶" text, "DATE", "✓✗" yes/no) with a
/// tooltip that explains the type in plain language.
public final class TypeBadge {
    private TypeBadge() {
    }

    /// The badge for `type`.
    public static Label create(ColumnType type, Messages messages) {
        String key = key(type);
        Label badge = new Label(messages.get("data.type." + key + ".badge"));
        badge.getStyleClass().addAll("type-badge", "type-" + key);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip(messages.get("data.type." + key + ".name") + " — "
                + messages.get("data.type." + key + ".tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(300));
        badge.setTooltip(tip);
        return badge;
    }

    /// The type's key in the message bundle (`numeric`, `categorical`, ...).
    public static String key(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
