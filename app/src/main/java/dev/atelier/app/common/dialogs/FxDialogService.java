package dev.atelier.app.common.dialogs;

import dev.atelier.app.common.i18n.Messages;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/// The studio's [DialogService]: JavaFX alerts styled with the current theme.
public final class FxDialogService implements DialogService {
    private final Messages messages;
    private final Supplier<@Nullable Window> owner;
    private final Consumer<DialogPane> styler;

    public FxDialogService(Messages messages, Supplier<@Nullable Window> owner, Consumer<DialogPane> styler) {
        this.messages = messages;
        this.owner = owner;
        this.styler = styler;
    }

    @Override
    public SaveChangesChoice askSaveChanges(String projectName) {
        ButtonType save = new ButtonType(messages.get("project.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("project.unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("project.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("project.unsaved.text"), save, discard,
                cancel);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(messages.get("project.unsaved.header", projectName));
        alert.getDialogPane().setId("saveChangesDialog");
        prepare(alert);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) {
            return SaveChangesChoice.SAVE;
        }
        return answer == discard ? SaveChangesChoice.DISCARD : SaveChangesChoice.CANCEL;
    }

    @Override
    public void inform(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(content(text));
        alert.getDialogPane().setPrefWidth(520);
        prepare(alert);
        alert.showAndWait();
    }

    /// Plain paragraphs, except that lines of the form "keys<TAB>meaning" become a two-column table.
    private static Node content(String text) {
        VBox box = new VBox(8);
        GridPane grid = null;
        int row = 0;
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                if (grid == null) {
                    grid = new GridPane();
                    grid.setHgap(18);
                    grid.setVgap(6);
                    grid.getStyleClass().add("key-table");
                    box.getChildren().add(grid);
                }
                Label key = new Label(line.substring(0, tab));
                key.getStyleClass().add("key-cap");
                key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label meaning = new Label(line.substring(tab + 1));
                meaning.setWrapText(true);
                grid.addRow(row++, key, meaning);
            } else if (!line.isBlank()) {
                grid = null;
                Label paragraph = new Label(line);
                paragraph.setWrapText(true);
                box.getChildren().add(paragraph);
            }
        }
        return box;
    }

    private void prepare(Alert alert) {
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
        }
        styler.accept(alert.getDialogPane());
    }
}
