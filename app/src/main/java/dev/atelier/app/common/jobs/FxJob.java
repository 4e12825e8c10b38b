package dev.atelier.app.common.jobs;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobSnapshot;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/// A JavaFX [Task] that runs engine work inside an engine [Job]: the job's progress and status become the
/// task's `progress` and `message` (which Task coalesces onto the FX thread), and cancelling the task cancels
/// the job and interrupts the worker.
///
/// @param <T> the result type
public final class FxJob<T> extends Task<T> {
    private final Job job;
    private final Job.Work<T> work;
    private final Messages messages;
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private volatile String lastEta = "";

    /// A task that runs `work` in `job`, rendering status keys with `messages`.
    public FxJob(Job job, Job.Work<T> work, Messages messages) {
        this.job = Objects.requireNonNull(job, "job");
        this.work = Objects.requireNonNull(work, "work");
        this.messages = Objects.requireNonNull(messages, "messages");
        job.addListener(this::onUpdate);
    }

    /// The engine job this task runs.
    public Job job() {
        return job;
    }

    /// The estimated time left in plain language; empty when unknown. Changes on the FX thread.
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    @Override
    protected T call() {
        return job.run(work);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        job.cancel();
        return super.cancel(mayInterruptIfRunning);
    }

    private void onUpdate(JobSnapshot s) {
        if (s.fraction() >= 0) {
            updateProgress(s.fraction(), 1.0);
        }
        String status = JobTexts.status(messages, s);
        if (!status.isEmpty()) {
            updateMessage(status);
        }
        String e = JobTexts.eta(messages, s);
        if (!e.equals(lastEta)) {
            lastEta = e;
            Platform.runLater(() -> eta.set(e));
        }
    }
}
