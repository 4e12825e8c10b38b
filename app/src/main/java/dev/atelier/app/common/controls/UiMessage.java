package dev.atelier.app.common.controls;

import dev.atelier.engine.error.Severity;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// One line for a [MessageBar]: how serious it is and what to say, in plain language. Toolkit-free, so
/// view-models build lists of these.
///
/// @param severity how serious it is
/// @param text     the sentence to show
/// @param column   the column it is about, if any
public record UiMessage(Severity severity, String text, @Nullable String column) {
    public UiMessage {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /// A message about no particular column.
    public static UiMessage of(Severity severity, String text) {
        return new UiMessage(severity, text, null);
    }
}
