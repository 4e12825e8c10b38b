package dev.atelier.app.common.dialogs;

import dev.atelier.app.common.i18n.Messages;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The studio's [ErrorPresenter]: logs the failure once and shows a dialog with the plain message, an
/// expandable "Details" pane (code, technical message, stack trace) and a "Copy details" button.
public final class FxErrorPresenter implements ErrorPresenter {
    private static final Logger LOG = LoggerFactory.getLogger(FxErrorPresenter.class);

    private final Messages messages;
    private final Supplier<@Nullable Window> owner;
    private final Consumer<DialogPane> styler;

    /// A presenter whose dialogs belong to `owner` and are styled by `styler` (the theme's stylesheets).
    public FxErrorPresenter(Messages messages, Supplier<@Nullable Window> owner, Consumer<DialogPane> styler) {
        this.messages = messages;
        this.owner = owner;
        this.styler = styler;
    }

    @Override
    public void present(Throwable error) {
        if (error instanceof CancellationException) {
            return;
        }
        ErrorReport report = ErrorReport.of(error, messages);
        LOG.error("{} ({})", report.message(), report.code() == null ? "unexpected" : report.code(), error);
        // Always deferred: a dialog's nested event loop must not run inside the event handler that failed.
        Platform.runLater(() -> show(report));
    }

    private void show(ErrorReport report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(report.headline());
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
        }
        Label text = new Label(report.message());
        text.setWrapText(true);
        text.setId("errorMessage");
        text.getStyleClass().add("error-message");
        alert.getDialogPane().setContent(text);

        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(false);
        details.setId("errorDetails");
        details.getStyleClass().add("error-details");
        details.setPrefRowCount(12);
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(details));

        ButtonType copy = new ButtonType(messages.get("error.dialog.copy"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.OK);
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(report.message() + "\n\n" + report.details());
            Clipboard.getSystemClipboard().setContent(content);
            e.consume();
        });
        alert.getDialogPane().setPrefWidth(560);
        alert.getDialogPane().setId("errorDialog");
        styler.accept(alert.getDialogPane());
        alert.showAndWait();
    }
}
