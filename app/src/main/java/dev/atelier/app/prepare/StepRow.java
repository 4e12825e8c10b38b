package dev.atelier.app.prepare;

import dev.atelier.engine.wrangle.Step;
import dev.atelier.engine.wrangle.TransformInfo;
import org.jspecify.annotations.Nullable;

/// One line of the step list.
///
/// @param number      1-based position
/// @param step        the step
/// @param info        its transform, or `null` if the catalogue has no such transform
/// @param valid       whether it fits the data that reaches it (true until checked)
/// @param reason      why not, in plain English; empty when valid
public record StepRow(int number, Step step, @Nullable TransformInfo info, boolean valid, String reason) {
    /// The display name of its transform (the key when unknown).
    public String title() {
        return info != null ? info.name() : step.transform();
    }
}
