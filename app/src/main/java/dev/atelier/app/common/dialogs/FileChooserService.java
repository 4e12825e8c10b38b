package dev.atelier.app.common.dialogs;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/// File pickers, behind an interface so that view-models stay toolkit-free and tests choose files directly.
/// Each method returns empty when the user cancels.
public interface FileChooserService {
    /// Picks a data file to open (CSV, TSV, TXT).
    Optional<Path> chooseDataFile();

    /// Picks a project file (`*.atelier`) to open.
    Optional<Path> chooseProjectToOpen();

    /// Picks where to save a project; `suggestedName` is the initial file name (without extension) and
    /// `folder` the initial folder, if known. The result always ends in `.atelier`.
    Optional<Path> chooseProjectToSave(String suggestedName, @Nullable Path folder);

    /// Picks the folder to save a model bundle in; `suggestedName` is the initial folder name and `folder` the
    /// initial parent folder, if known. The folder need not exist yet.
    Optional<Path> chooseModelFolder(String suggestedName, @Nullable Path folder);
}
