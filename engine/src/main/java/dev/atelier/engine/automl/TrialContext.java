package dev.atelier.engine.automl;

import dev.atelier.engine.job.JobContext;

/// A candidate's [JobContext] in the [Autopilot] search: it reports cancelled once the run is cancelled, the
/// search deadline passes, the candidate's own flag is set, or its thread is interrupted. Status and progress are
/// the coordinator's, so a trial stays quiet.
final class TrialContext implements JobContext {
    private final JobContext parent;
    private final long deadline;
    private volatile boolean cancelled;

    TrialContext(JobContext parent, long deadline) {
        this.parent = parent;
        this.deadline = deadline;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void status(String messageKey, Object... args) {
        // the coordinator reports status; trials stay quiet
    }

    @Override
    public void progress(long done, long total) {
        // progress is the coordinator's (share of budget or candidates)
    }

    @Override
    public boolean isCancelled() {
        return cancelled || System.nanoTime() > deadline || parent.isCancelled()
                || Thread.currentThread().isInterrupted();
    }

    @Override
    public JobContext child(double share) {
        return this;
    }
}
