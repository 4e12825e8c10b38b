package dev.atelier.app.prepare;

import dev.atelier.app.common.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/// Recipe file pickers as JavaFX file choosers owned by the main window.
public final class FxRecipeFiles implements RecipeFiles {
    private final Supplier<@Nullable Window> owner;
    private final Messages messages;

    public FxRecipeFiles(Supplier<@Nullable Window> owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public Optional<Path> chooseRecipeToOpen() {
        FileChooser c = chooser(messages.get("prepare.dialog.open"));
        File f = c.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseRecipeToSave(String suggestedName) {
        FileChooser c = chooser(messages.get("prepare.dialog.save"));
        c.setInitialFileName(suggestedName + ".json");
        File f = c.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        return Optional.of(p.getFileName().toString().endsWith(".json") ? p
                : p.resolveSibling(p.getFileName() + ".json"));
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("prepare.dialog.json"), "*.json"));
        return c;
    }
}
