package dev.atelier.engine.wrangle;

import dev.atelier.engine.project.RecipeEntry;

import java.util.Map;
import java.util.Objects;

/// One step of a [Recipe]: an immutable record, so undo/redo is swapping recipe values.
///
/// @param id         stable id within the recipe (the studio keys its step list and preview on it)
/// @param transform  the transform's catalogue key
/// @param parameters JSON-like parameter values in canonical form (see [RecipeEntry.Step])
/// @param enabled    whether the step runs
public record Step(String id, String transform, Map<String, Object> parameters, boolean enabled) {
    public Step {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("blank step id");
        }
        parameters = new RecipeEntry.Step(transform, parameters, enabled).parameters();
    }

    /// An enabled step.
    public static Step of(String id, String transform, Map<String, Object> parameters) {
        return new Step(id, transform, parameters, true);
    }

    /// This step switched on or off.
    public Step withEnabled(boolean on) {
        return new Step(id, transform, parameters, on);
    }

    /// This step with other parameters.
    public Step withParameters(Map<String, Object> newParameters) {
        return new Step(id, transform, newParameters, enabled);
    }

    /// The project's form of this step (which has no id).
    public RecipeEntry.Step toEntry() {
        return new RecipeEntry.Step(transform, parameters, enabled);
    }
}
