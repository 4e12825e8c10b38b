package dev.atelier.engine.project;

import dev.atelier.engine.algorithms.ProblemType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/// A trained model kept by the project.
///
/// @param id          stable id within the project
/// @param name        display name
/// @param algorithm   the algorithm's catalogue key
/// @param bundlePath  the model bundle, relative to the project file when beside it
/// @param problemType what it predicts
/// @param target      the column it predicts
/// @param metrics     validation metrics by name
/// @param created     when it was trained
public record ModelEntry(String id, String name, String algorithm, String bundlePath, ProblemType problemType,
                         String target, Map<String, Double> metrics, Instant created) {
    public ModelEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bundlePath, "bundlePath");
        metrics = Map.copyOf(metrics);
    }
}
