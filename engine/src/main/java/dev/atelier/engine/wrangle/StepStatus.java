package dev.atelier.engine.wrangle;

import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import org.jspecify.annotations.Nullable;

import java.util.List;

/// Whether a step fits the data that reaches it. An invalid step is skipped in previews (the data passes through)
/// so the rest of the recipe stays editable; fitting a recipe with an invalid enabled step fails.
///
/// @param stepId the step
/// @param valid  whether it fits
/// @param code   why not (`null` when valid or disabled)
/// @param args   the code's arguments, e.g. the removed column's name
public record StepStatus(String stepId, boolean valid, @Nullable ErrorCode code, List<Object> args) {
    public StepStatus {
        args = List.copyOf(args);
    }

    static StepStatus ok(String id) {
        return new StepStatus(id, true, null, List.of());
    }

    static StepStatus invalid(String id, AtelierException e) {
        return new StepStatus(id, false, e.code(), e.args());
    }

    /// A plain-English reason for logs and the CLI (the studio renders `code` through its bundle).
    public String reason() {
        return valid ? "" : code + " " + args;
    }
}
