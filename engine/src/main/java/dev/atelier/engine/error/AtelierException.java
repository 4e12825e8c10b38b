package dev.atelier.engine.error;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A failure the user can understand: an [ErrorCode] plus its arguments. The app renders it in plain
/// language; the technical message (code + arguments) is for logs and the "Details" pane only.
///
/// Cancellation is never an `AtelierException`: it is the JDK's `CancellationException`.
public abstract sealed class AtelierException extends RuntimeException
        permits DataException, EngineException, ProjectException, SpecException {
    private final ErrorCode code;
    private final List<Object> args;

    protected AtelierException(ErrorCode code, List<Object> args, @Nullable Throwable cause) {
        super(code.name() + " " + args, cause);
        this.code = code;
        this.args = List.copyOf(args.stream().map(a -> a == null ? "" : a).toList());
    }

    /// What went wrong.
    public ErrorCode code() {
        return code;
    }

    /// The arguments `code()` documents.
    public List<Object> args() {
        return args;
    }

    static List<Object> list(Object... args) {
        return Arrays.asList(args);
    }
}
