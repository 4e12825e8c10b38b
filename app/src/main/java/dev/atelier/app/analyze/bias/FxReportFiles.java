package dev.atelier.app.analyze.bias;

import dev.atelier.app.common.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/// The report file picker as a JavaFX file chooser owned by the main window.
public final class FxReportFiles implements ReportFiles {
    private final Supplier<@Nullable Window> owner;
    private final Messages messages;

    public FxReportFiles(Supplier<@Nullable Window> owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public Optional<Path> chooseHtmlToSave(String suggestedName) {
        FileChooser c = new FileChooser();
        c.setTitle(messages.get("bias.export.dialog"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("bias.export.html"), "*.html"));
        c.setInitialFileName(suggestedName + ".html");
        File f = c.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        return Optional.of(p.getFileName().toString().endsWith(".html") ? p
                : p.resolveSibling(p.getFileName() + ".html"));
    }
}
