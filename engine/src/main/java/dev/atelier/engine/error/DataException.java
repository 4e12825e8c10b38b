package dev.atelier.engine.error;

import org.jspecify.annotations.Nullable;

/// A failure while reading, importing or transforming data.
public final class DataException extends AtelierException {
    public DataException(ErrorCode code, Object... args) {
        super(code, list(args), null);
    }

    public DataException(@Nullable Throwable cause, ErrorCode code, Object... args) {
        super(code, list(args), cause);
    }
}
