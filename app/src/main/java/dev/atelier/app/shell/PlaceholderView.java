package dev.atelier.app.shell;

import dev.atelier.app.common.controls.Icons;
import dev.atelier.app.common.i18n.Messages;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// A screen that is not built yet: says honestly what will be there and which step comes first, with a
/// button that goes there.
public final class PlaceholderView {
    private final StackPane root = new StackPane();

    public PlaceholderView(Screen screen, Node icon, Messages messages, Consumer<Screen> navigate) {
        this(screen, icon, messages, navigate, false);
    }

    /// A placeholder for a screen that exists (`built`: no "Not built yet" badge) but waits for an earlier step.
    public PlaceholderView(Screen screen, Node icon, Messages messages, Consumer<Screen> navigate, boolean built) {
        String key = "screen." + screen.key();
        root.setId("placeholder-" + screen.key());
        root.getStyleClass().addAll("screen", "placeholder");

        Label badge = new Label(messages.get("placeholder.notYet"));
        badge.getStyleClass().add("placeholder-badge");
        StackPane iconBox = new StackPane(icon);
        iconBox.getStyleClass().add("placeholder-icon");
        iconBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        Label title = new Label(messages.get(key + ".title"));
        title.setId("placeholder-" + screen.key() + "-title");
        title.getStyleClass().add("placeholder-title");
        Label body = new Label(messages.get(key + ".placeholder"));
        body.getStyleClass().add("placeholder-body");
        body.setWrapText(true);

        VBox card = built ? new VBox(iconBox, title, body) : new VBox(iconBox, badge, title, body);
        card.getStyleClass().add("placeholder-card");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(600, Region.USE_PREF_SIZE);

        Screen first = screen.comesAfter();
        if (first != null) {
            Label next = new Label(messages.get(key + ".next"));
            next.getStyleClass().add("placeholder-next");
            next.setWrapText(true);
            Button go = new Button(messages.get("placeholder.goTo", messages.get("screen." + first.key() + ".title")));
            go.setId("placeholder-" + screen.key() + "-goto");
            go.getStyleClass().add("primary");
            go.setOnAction(e -> navigate.accept(first));
            VBox step = new VBox(10, next, go);
            step.getStyleClass().add("placeholder-step");
            card.getChildren().add(step);
        }
        root.getChildren().add(card);
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }
}
