package dev.atelier.engine.project;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/// A data-preparation recipe: ordered transform steps applied to one dataset.
///
/// @param id        stable id within the project
/// @param name      display name
/// @param datasetId the dataset it prepares
/// @param steps     the steps in order
public record RecipeEntry(String id, String name, String datasetId, List<Step> steps) {
    public RecipeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datasetId, "datasetId");
        steps = List.copyOf(steps);
    }

    /// One transform step: the transform's catalogue key and its parameters (strings, numbers, booleans,
    /// lists of those), and whether it is switched on.
    public record Step(String transform, Map<String, Object> parameters, boolean enabled) {
        public Step {
            Objects.requireNonNull(transform, "transform");
            parameters = Map.copyOf(parameters);
        }
    }
}
