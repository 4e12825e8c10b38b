package dev.atelier.engine.job;

import java.util.concurrent.CancellationException;

/// Passed to every long-running engine operation: it reports status and progress and asks, at safe points,
/// whether the user cancelled. Implementations are thread-safe and cheap to call in loops; they throttle what
/// they forward to listeners.
///
/// Engine code calls [#throwIfCancelled()] in every loop of unbounded length, and never leaves half-built
/// state behind when it throws.
public interface JobContext {

    /// Says what the job is doing now, as a message key plus arguments the app renders
    /// (e.g. `"job.import.reading"`, `"sales.csv"`).
    void status(String messageKey, Object... args);

    /// Reports that `done` of `total` units of this job's work are finished. Values outside `0..total` are
    /// clamped; progress never goes backwards.
    void progress(long done, long total);

    /// Whether cancellation was requested (or the thread was interrupted).
    boolean isCancelled();

    /// Throws [CancellationException] if cancellation was requested or the thread was interrupted.
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /// A context for a sub-job that owns the next `share` (0..1) of this job's remaining progress range:
    /// the child's 0..1 maps onto `[current, current + share]` of this job. Cancellation is shared.
    JobContext child(double share);

    /// A context that reports nowhere and is never cancelled, for tests and the CLI's quiet mode.
    static JobContext silent() {
        return SilentJobContext.INSTANCE;
    }
}
