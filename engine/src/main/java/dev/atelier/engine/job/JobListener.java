package dev.atelier.engine.job;

/// Receives throttled updates of a [Job]. Called on the job's worker thread (or the thread that finished
/// or cancelled it); UI code must hop to its own thread.
@FunctionalInterface
public interface JobListener {
    /// The job changed; `snapshot` is its state now.
    void onUpdate(JobSnapshot snapshot);
}
