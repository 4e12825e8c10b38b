package dev.atelier.app.common.jobs;

import dev.atelier.engine.job.JobState;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// A job as the status bar and the view-models see it: title, progress, status text, time left, state and a
/// way to cancel. Toolkit-free; its properties change only on the FX thread (or, with
/// [JobRunner#direct()], on the caller's thread).
public final class RunningJob {
    private final int number;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state", JobState.RUNNING);
    private final Runnable canceller;

    RunningJob(int number, String title, Runnable canceller) {
        this.number = number;
        this.title.set(title);
        this.canceller = canceller;
    }

    /// A number unique among the jobs of one runner (1, 2, ...); the status bar's node ids use it.
    public int number() {
        return number;
    }

    /// Asks the job to stop; it ends in [JobState#CANCELLED] at its next safe point. Does nothing once finished.
    public void cancel() {
        if (!state.get().isFinal()) {
            canceller.run();
        }
    }

    /// The job's title in plain language ("Opening loan-approval.csv").
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// Progress in `0..1`, or `-1` while indeterminate.
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /// What the job is doing now, in plain language; empty if it has not said.
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /// The estimated time left ("about 20 s left"), empty when unknown.
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /// The job's state.
    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public String getTitle() {
        return title.get();
    }

    public double getProgress() {
        return progress.get();
    }

    public String getStatus() {
        return status.get();
    }

    public String getEta() {
        return eta.get();
    }

    public JobState getState() {
        return state.get();
    }

    void update(double fraction, String statusText, String etaText) {
        progress.set(fraction);
        status.set(statusText);
        eta.set(etaText);
    }

    void finish(JobState finalState) {
        if (finalState == JobState.SUCCEEDED) {
            progress.set(1.0);
        }
        eta.set("");
        state.set(finalState);
    }

    @Override
    public String toString() {
        return "RunningJob[" + number + ", " + title.get() + ", " + state.get() + "]";
    }
}
