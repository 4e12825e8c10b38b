package dev.atelier.engine.error;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A recoverable problem attached to a result ("17 values in `date` could not be parsed and were set to
/// missing"). Never thrown; screens show these inline and the CLI prints them as warnings.
///
/// @param severity how serious it is
/// @param code     what happened
/// @param args     the arguments `code` documents, as plain values (strings, numbers)
/// @param column   the column concerned, if any
public record Diagnostic(Severity severity, ErrorCode code, List<Object> args, @Nullable String column) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    /// A diagnostic at the code's default severity, about no particular column.
    public static Diagnostic of(ErrorCode code, Object... args) {
        return new Diagnostic(code.severity(), code, Arrays.asList(args), null);
    }

    /// A diagnostic at the code's default severity about one column.
    public static Diagnostic ofColumn(String column, ErrorCode code, Object... args) {
        return new Diagnostic(code.severity(), code, Arrays.asList(args), column);
    }
}
