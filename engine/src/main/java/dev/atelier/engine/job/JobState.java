package dev.atelier.engine.job;

/// The life cycle of a [Job].
public enum JobState {
    /// Working (or waiting for a thread).
    RUNNING,
    /// Finished with a result.
    SUCCEEDED,
    /// Stopped because the user cancelled; nothing of its partial work was kept.
    CANCELLED,
    /// Stopped by an error.
    FAILED;

    /// Whether the job has ended.
    public boolean isFinal() {
        return this != RUNNING;
    }
}
