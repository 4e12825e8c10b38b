package dev.atelier.app.testing;

import dev.atelier.app.common.dialogs.FileChooserService;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/// A [FileChooserService] whose "user" picks preset files (or cancels when they are null).
public final class FakeFiles implements FileChooserService {
    public @Nullable Path data;
    public @Nullable Path projectToOpen;
    public @Nullable Path projectToSave;
    public @Nullable String suggestedName;

    @Override
    public Optional<Path> chooseDataFile() {
        return Optional.ofNullable(data);
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        return Optional.ofNullable(projectToOpen);
    }

    @Override
    public Optional<Path> chooseProjectToSave(String suggested, @Nullable Path folder) {
        this.suggestedName = suggested;
        return Optional.ofNullable(projectToSave);
    }

    public @Nullable Path modelFolder;
    public @Nullable String suggestedModelName;

    @Override
    public Optional<Path> chooseModelFolder(String suggested, @Nullable Path folder) {
        this.suggestedModelName = suggested;
        return Optional.ofNullable(modelFolder);
    }
}
