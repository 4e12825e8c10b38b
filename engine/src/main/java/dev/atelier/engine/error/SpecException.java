package dev.atelier.engine.error;

import org.jspecify.annotations.Nullable;

/// A failure while an invalid user choice: algorithm, hyperparameter, column.
public final class SpecException extends AtelierException {
    public SpecException(ErrorCode code, Object... args) {
        super(code, list(args), null);
    }

    public SpecException(@Nullable Throwable cause, ErrorCode code, Object... args) {
        super(code, list(args), cause);
    }
}
