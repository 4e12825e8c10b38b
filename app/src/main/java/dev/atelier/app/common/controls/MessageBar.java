package dev.atelier.app.common.controls;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.error.Severity;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// An inline, non-modal list of notes about the current screen's data (Orange's widget messages): one row per
/// message with an icon and colour by severity, errors first. Shows the first few rows and a "Show all" link;
/// the close button hides it until the messages change. Invisible when there is nothing to say.
public final class MessageBar extends VBox {
    /// How many rows show before "Show all".
    public static final int COLLAPSED_ROWS = 3;

    private final Messages messages;
    private final ObservableList<UiMessage> items;
    private final VBox rows = new VBox();
    private final Hyperlink more = new Hyperlink();
    private final BooleanProperty expanded = new SimpleBooleanProperty(false);
    private final BooleanProperty dismissed = new SimpleBooleanProperty(false);

    /// A bar showing `items`, which it observes.
    public MessageBar(Messages messages, ObservableList<UiMessage> items) {
        this.messages = messages;
        this.items = items;
        getStyleClass().add("message-bar");
        rows.getStyleClass().add("message-rows");

        Button close = new Button("✕");
        close.setId("messageBarClose");
        close.getStyleClass().addAll("message-close", "flat");
        close.setTooltip(new Tooltip(messages.get("messages.close.tooltip")));
        close.setOnAction(e -> dismissed.set(true));
        more.setId("messageBarMore");
        more.getStyleClass().add("message-more");
        more.setOnAction(e -> expanded.set(!expanded.get()));

        HBox top = new HBox(rows, close);
        HBox.setHgrow(rows, Priority.ALWAYS);
        top.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(top, more);

        items.addListener((ListChangeListener<UiMessage>) c -> {
            dismissed.set(false);
            expanded.set(false);
            rebuild();
        });
        expanded.addListener((o, a, b) -> rebuild());
        dismissed.addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /// Whether all rows show.
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    private void rebuild() {
        boolean show = !items.isEmpty() && !dismissed.get();
        setVisible(show);
        setManaged(show);
        List<UiMessage> sorted = items.stream()
                .sorted(Comparator.comparingInt((UiMessage m) -> -m.severity().ordinal()))
                .toList();
        int visible = expanded.get() ? sorted.size() : Math.min(COLLAPSED_ROWS, sorted.size());
        rows.getChildren().setAll(sorted.subList(0, visible).stream().map(this::row).toList());
        boolean hasMore = sorted.size() > COLLAPSED_ROWS;
        more.setVisible(hasMore);
        more.setManaged(hasMore);
        more.setText(expanded.get() ? messages.get("messages.showFewer")
                : messages.get("messages.showAll", sorted.size()));
        getStyleClass().removeAll("has-error", "has-warning");
        if (sorted.stream().anyMatch(m -> m.severity() == Severity.ERROR)) {
            getStyleClass().add("has-error");
        } else if (sorted.stream().anyMatch(m -> m.severity() == Severity.WARNING)) {
            getStyleClass().add("has-warning");
        }
    }

    private HBox row(UiMessage m) {
        String kind = switch (m.severity()) {
            case INFO -> "info";
            case WARNING -> "warning";
            case ERROR -> "error";
        };
        Label icon = new Label(switch (m.severity()) {
            case INFO -> "i";
            case WARNING -> "!";
            case ERROR -> "✕";
        });
        icon.getStyleClass().addAll("message-icon");
        icon.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        icon.setTooltip(new Tooltip(messages.get("messages.severity." + kind)));
        Label text = new Label(m.text());
        text.setWrapText(true);
        text.getStyleClass().add("message-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(icon, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("message-row", "message-" + kind);
        return row;
    }
}
