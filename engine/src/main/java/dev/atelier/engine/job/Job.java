package dev.atelier.engine.job;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/// A tracked, cancellable unit of long work: the root [JobContext] that the engine reports into and that a UI
/// (or the CLI) watches.
///
/// Progress updates are throttled: listeners hear at most one progress update per `throttle` interval,
/// but always hear status changes, the first progress value, completion (fraction 1) and state changes.
/// Progress never goes backwards.
public final class Job implements JobContext {
    /// The default minimum interval between two progress notifications.
    public static final Duration DEFAULT_THROTTLE = Duration.ofMillis(100);

    private final String title;
    private final List<Object> titleArgs;
    private final LongSupplier nanoTime;
    private final long throttleNanos;
    private final long startNanos;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private volatile boolean cancelRequested;
    private volatile JobState state = JobState.RUNNING;
    private volatile double fraction = -1;
    private volatile String statusKey = "";
    private volatile List<Object> statusArgs = List.of();
    private long lastNotifiedNanos = Long.MIN_VALUE;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /// A job with the default throttle and the system clock.
    public Job(String title, Object... titleArgs) {
        this(System::nanoTime, DEFAULT_THROTTLE, title, titleArgs);
    }

    /// A job with an explicit clock and throttle (tests use a fake clock).
    public Job(LongSupplier nanoTime, Duration throttle, String title, Object... titleArgs) {
        this.title = Objects.requireNonNull(title, "title");
        this.titleArgs = List.copyOf(Arrays.asList(titleArgs));
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.throttleNanos = throttle.toNanos();
        this.startNanos = nanoTime.getAsLong();
    }

    /// Adds a listener that hears every (throttled) update from now on.
    public void addListener(JobListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /// Removes a listener.
    public void removeListener(JobListener listener) {
        listeners.remove(listener);
    }

    /// Asks the job to stop at its next safe point. Safe to call from any thread, more than once.
    public void cancel() {
        cancelRequested = true;
        notifyListeners(true);
    }

    /// Whether [#cancel()] was called.
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested || Thread.currentThread().isInterrupted();
    }

    @Override
    public void status(String messageKey, Object... args) {
        this.statusKey = Objects.requireNonNull(messageKey, "messageKey");
        this.statusArgs = List.copyOf(Arrays.stream(args).map(a -> a == null ? "" : a).toList());
        notifyListeners(true);
    }

    @Override
    public void progress(long done, long total) {
        double f = total <= 0 ? 1.0 : Math.clamp((double) done / total, 0.0, 1.0);
        setFraction(f);
    }

    /// Sets the progress fraction directly (used by child contexts).
    void setFraction(double f) {
        boolean first;
        synchronized (lock) {
            if (f <= fraction) {
                return;
            }
            first = fraction < 0;
            fraction = f;
        }
        notifyListeners(first || f >= 1.0);
    }

    /// The current progress in `0..1`, or `-1` if nothing was reported yet.
    public double fraction() {
        return fraction;
    }

    @Override
    public JobContext child(double share) {
        return new ChildJobContext(this, Math.max(0, fraction), share);
    }

    /// Runs `work` in this job on the calling thread, recording the outcome as the job's final state.
    /// Cancellation (a [CancellationException] or an interrupt) ends in [JobState#CANCELLED] and is rethrown.
    public <T> T run(Work<T> work) {
        try {
            T result = work.run(this);
            if (isCancelled()) {
                throw new CancellationException("cancelled");
            }
            finish(JobState.SUCCEEDED, null);
            return result;
        } catch (CancellationException e) {
            finish(JobState.CANCELLED, null);
            throw e;
        } catch (RuntimeException | Error e) {
            finish(isCancelled() ? JobState.CANCELLED : JobState.FAILED, e);
            throw e;
        }
    }

    /// Marks the job finished (for runners that do not use [#run(Work)]).
    public void finish(JobState finalState, @org.jspecify.annotations.Nullable Throwable error) {
        if (!finalState.isFinal()) {
            throw new IllegalArgumentException("not a final state: " + finalState);
        }
        if (error != null) {
            failure.compareAndSet(null, error);
        }
        if (finalState == JobState.SUCCEEDED) {
            synchronized (lock) {
                fraction = 1.0;
            }
        }
        state = finalState;
        notifyListeners(true);
    }

    /// The job's state now.
    public JobState state() {
        return state;
    }

    /// What the job looks like now.
    public JobSnapshot snapshot() {
        return new JobSnapshot(title, titleArgs, fraction, statusKey, statusArgs, state,
                Duration.ofNanos(nanoTime.getAsLong() - startNanos));
    }

    private void notifyListeners(boolean force) {
        if (listeners.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        synchronized (lock) {
            if (!force && lastNotifiedNanos != Long.MIN_VALUE && now - lastNotifiedNanos < throttleNanos) {
                return;
            }
            lastNotifiedNanos = now;
        }
        JobSnapshot s = snapshot();
        for (JobListener l : listeners) {
            l.onUpdate(s);
        }
    }

    /// Work that runs inside a job.
    @FunctionalInterface
    public interface Work<T> {
        /// Does the work, reporting into `ctx`.
        T run(JobContext ctx);
    }
}
