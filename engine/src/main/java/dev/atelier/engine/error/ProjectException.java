package dev.atelier.engine.error;

import org.jspecify.annotations.Nullable;

/// A failure while reading or writing a project file.
public final class ProjectException extends AtelierException {
    public ProjectException(ErrorCode code, Object... args) {
        super(code, list(args), null);
    }

    public ProjectException(@Nullable Throwable cause, ErrorCode code, Object... args) {
        super(code, list(args), cause);
    }
}
