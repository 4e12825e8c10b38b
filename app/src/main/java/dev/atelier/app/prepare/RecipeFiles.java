package dev.atelier.app.prepare;

import java.nio.file.Path;
import java.util.Optional;

/// File pickers for recipe files, behind an interface so that the view-model stays toolkit-free. Each method
/// returns empty when the user cancels.
public interface RecipeFiles {
    /// Picks a recipe file (`*.json`) to import.
    Optional<Path> chooseRecipeToOpen();

    /// Picks where to export the recipe; `suggestedName` is the initial file name without extension.
    Optional<Path> chooseRecipeToSave(String suggestedName);
}
