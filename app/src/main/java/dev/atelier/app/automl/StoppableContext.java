package dev.atelier.app.automl;

import dev.atelier.engine.job.JobContext;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/// A [JobContext] that also reports cancelled once `stop` is set: "Stop" on the Build screen ends the search
/// through it, so the search returns its best model so far and the job still succeeds (cancelling the job itself
/// would discard the result).
public record StoppableContext(JobContext delegate, AtomicBoolean stop) implements JobContext {
    public StoppableContext {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(stop, "stop");
    }

    @Override
    public void status(String messageKey, Object... args) {
        delegate.status(messageKey, args);
    }

    @Override
    public void progress(long done, long total) {
        delegate.progress(done, total);
    }

    @Override
    public boolean isCancelled() {
        return stop.get() || delegate.isCancelled();
    }

    @Override
    public JobContext child(double share) {
        return new StoppableContext(delegate.child(share), stop);
    }
}
