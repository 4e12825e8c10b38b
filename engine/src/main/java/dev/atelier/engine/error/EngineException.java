package dev.atelier.engine.error;

import org.jspecify.annotations.Nullable;

/// A failure of the machine Atelier runs on rather than of the user's data or choices: a native library that
/// cannot be prepared or loaded, a cache folder that cannot be written.
public final class EngineException extends AtelierException {
    public EngineException(ErrorCode code, Object... args) {
        super(code, list(args), null);
    }

    public EngineException(@Nullable Throwable cause, ErrorCode code, Object... args) {
        super(code, list(args), cause);
    }
}
