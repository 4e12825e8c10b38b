package dev.atelier.app.common.controls;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/// The top of a result screen, alike on every screen: a title with a spinner, an introduction and a note.
public final class Headings {
    private Headings() {
    }

    /// A screen title (id `id`, style class `screen-title`) showing `title`, followed by a small spinner shown
    /// while `busy`.
    public static HBox titleRow(String id, StringExpression title, BooleanExpression busy) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("screen-title");
        label.setWrapText(true);
        label.textProperty().bind(title);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(22, 22);
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(spinner.visibleProperty());
        HBox head = new HBox(10, label, spinner);
        head.setAlignment(Pos.CENTER_LEFT);
        return head;
    }

    /// A wrapping hint (style class `build-hint`) with `text`.
    public static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add("build-hint");
        return hint;
    }

    /// A wrapping hint (id `id`) showing `text`, hidden (and taking no room) while `text` is empty.
    public static Label note(String id, StringExpression text) {
        Label note = hint("");
        note.setId(id);
        note.textProperty().bind(text);
        note.visibleProperty().bind(text.isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }
}
