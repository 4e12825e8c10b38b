package dev.atelier.app.common.dialogs;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.error.AtelierException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A failure as the user sees it: a headline, one plain-language sentence, and the technical details behind a
/// "Details" expander (never in the main message).
///
/// @param headline the dialog's header ("Atelier could not do that")
/// @param message  what went wrong, in plain language
/// @param code     the engine error code's name, or `null` for unexpected errors
/// @param details  the code, the technical message and the stack trace, for copying into a bug report
public record ErrorReport(String headline, String message, @Nullable String code, String details) {
    public ErrorReport {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(details, "details");
    }

    /// The report for `error`: an [AtelierException] renders its code through `messages`; anything else becomes
    /// "Something unexpected went wrong".
    public static ErrorReport of(Throwable error, Messages messages) {
        Throwable shown = unwrap(error);
        StringBuilder details = new StringBuilder();
        if (shown instanceof AtelierException ae) {
            details.append(messages.get("error.details.code")).append(": ").append(ae.code().name()).append('\n');
        }
        details.append(messages.get("error.details.technical")).append(": ").append(shown).append("\n\n");
        StringWriter trace = new StringWriter();
        shown.printStackTrace(new PrintWriter(trace));
        details.append(trace);
        if (shown instanceof AtelierException ae) {
            return new ErrorReport(messages.get("error.dialog.headline"), messages.error(ae), ae.code().name(),
                    details.toString());
        }
        if (shown instanceof OutOfMemoryError) {
            return new ErrorReport(messages.get("error.dialog.headline"), messages.get("error.outOfMemory"), null,
                    details.toString());
        }
        return new ErrorReport(messages.get("error.dialog.unexpectedHeadline"), messages.get("error.unexpected"),
                null, details.toString());
    }

    /// The innermost [AtelierException] in the cause chain, if any; else `error`.
    private static Throwable unwrap(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AtelierException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error;
    }
}
