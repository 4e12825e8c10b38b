package dev.atelier.app.common.dialogs;

import dev.atelier.app.common.i18n.Messages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/// The studio's [FileChooserService]: native file choosers that remember the last folder used.
public final class FxFileChooserService implements FileChooserService {
    private final Messages messages;
    private final Supplier<@Nullable Window> owner;
    private @Nullable File lastFolder;

    public FxFileChooserService(Messages messages, Supplier<@Nullable Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseDataFile() {
        FileChooser chooser = chooser("files.openData.title");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("files.filter.data"), "*.csv", "*.tsv", "*.txt",
                        "*.CSV", "*.TSV", "*.TXT", "*.xlsx", "*.xlsm", "*.xls", "*.json", "*.jsonl", "*.ndjson",
                        "*.manifest", "*.parquet", "*.db", "*.sqlite", "*.sqlite3", "*.corpus", "*.lst"),
                new FileChooser.ExtensionFilter(messages.get("files.filter.all"), "*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        FileChooser chooser = chooser("files.openProject.title");
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(messages.get("files.filter.project"), "*.atelier"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseProjectToSave(String suggestedName, @Nullable Path folder) {
        FileChooser chooser = chooser("files.saveProject.title");
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(messages.get("files.filter.project"), "*.atelier"));
        chooser.setInitialFileName(suggestedName + ".atelier");
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return remember(chooser.showSaveDialog(owner.get())).map(p ->
                p.getFileName().toString().endsWith(".atelier") ? p : p.resolveSibling(p.getFileName() + ".atelier"));
    }

    @Override
    public Optional<Path> chooseModelFolder(String suggestedName, @Nullable Path folder) {
        FileChooser chooser = chooser("files.saveModel.title");
        chooser.setInitialFileName(suggestedName);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return remember(chooser.showSaveDialog(owner.get()));
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(@Nullable File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
