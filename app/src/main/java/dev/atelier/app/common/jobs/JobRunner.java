package dev.atelier.app.common.jobs;

import dev.atelier.app.common.dialogs.ErrorPresenter;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobState;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/// Starts long-running work off the FX thread and reports it: the job appears in the status bar
/// ([RunningJobsViewModel]) while it runs; its result reaches `onSuccess` on the FX thread; a failure goes to
/// the [ErrorPresenter]; a cancellation only leaves a note in the status bar ("Opening sales.csv was
/// cancelled."), never an error dialog.
///
/// [#background] runs jobs as [FxJob]s on a small pool of daemon threads; [#direct] runs them synchronously on
/// the caller's thread, so view-model tests need neither threads nor the JavaFX toolkit.
public abstract sealed class JobRunner permits JobRunner.Direct, FxJobRunner {
    private final Messages messages;
    private final ErrorPresenter errors;
    private final RunningJobsViewModel runningJobs;
    private final AtomicInteger numbers = new AtomicInteger();

    JobRunner(Messages messages, ErrorPresenter errors, RunningJobsViewModel runningJobs) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.runningJobs = Objects.requireNonNull(runningJobs, "runningJobs");
    }

    /// A runner that runs each job to its end on the calling thread before `start` returns.
    public static JobRunner direct(Messages messages, ErrorPresenter errors, RunningJobsViewModel runningJobs) {
        return new Direct(messages, errors, runningJobs);
    }

    /// A direct runner with its own jobs list.
    public static JobRunner direct(Messages messages, ErrorPresenter errors) {
        return direct(messages, errors, new RunningJobsViewModel());
    }

    /// A runner on `threads` daemon platform threads; jobs beyond that wait in a queue. Call [#start] on the FX
    /// thread.
    public static JobRunner background(Messages messages, ErrorPresenter errors, RunningJobsViewModel runningJobs,
                                       int threads) {
        return new FxJobRunner(messages, errors, runningJobs, threads);
    }

    /// Starts `work` titled by the message `titleKey`; `onSuccess` receives its result on the FX thread.
    public final <T> RunningJob start(String titleKey, Job.Work<T> work, Consumer<? super T> onSuccess) {
        return start(JobRequest.of(titleKey, work, onSuccess));
    }

    /// Starts a job.
    public abstract <T> RunningJob start(JobRequest<T> request);

    /// The list the status bar shows.
    public final RunningJobsViewModel runningJobs() {
        return runningJobs;
    }

    /// Cancels running jobs and stops taking new ones.
    public void shutdown() {
        runningJobs.cancelAll();
    }

    final Messages messages() {
        return messages;
    }

    final RunningJob register(JobRequest<?> request, Runnable canceller) {
        String title = JobTexts.title(messages, request.titleKey(), request.titleArgs());
        RunningJob handle = new RunningJob(numbers.incrementAndGet(), title, canceller);
        runningJobs.added(handle);
        return handle;
    }

    /// Records how a job ended and calls the request's callbacks. On the FX thread (or the caller's, direct).
    final <T> void ended(RunningJob handle, JobRequest<T> request, JobState state, @Nullable T value,
                         @Nullable Throwable error) {
        handle.finish(state);
        runningJobs.removed(handle);
        Throwable toPresent = null;
        try {
            switch (state) {
                case SUCCEEDED -> {
                    @SuppressWarnings("unchecked") T result = (T) value;
                    request.onSuccess().accept(result);
                }
                case CANCELLED -> runningJobs.setLastMessage(
                        JobTexts.ended(messages, request.titleKey(), request.titleArgs(), "cancelled"));
                case FAILED -> {
                    runningJobs.setLastMessage(
                            JobTexts.ended(messages, request.titleKey(), request.titleArgs(), "failed"));
                    toPresent = error != null ? error : new IllegalStateException("job failed without an error");
                }
                case RUNNING -> throw new IllegalArgumentException("not a final state");
            }
        } catch (RuntimeException e) {
            toPresent = e;
        } finally {
            request.onEnd().accept(state);
        }
        // Presented last, so that the screen is already back to normal behind the error dialog.
        if (toPresent != null) {
            errors.present(toPresent);
        }
    }

    /// Whether `error` (or its cause chain) is a cancellation.
    static boolean isCancellation(@Nullable Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CancellationException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /// Runs jobs synchronously on the caller's thread.
    static final class Direct extends JobRunner {
        Direct(Messages messages, ErrorPresenter errors, RunningJobsViewModel runningJobs) {
            super(messages, errors, runningJobs);
        }

        @Override
        public <T> RunningJob start(JobRequest<T> request) {
            Job job = new Job(request.titleKey(), request.titleArgs().toArray());
            RunningJob handle = register(request, job::cancel);
            job.addListener(s -> handle.update(s.fraction(), JobTexts.status(messages(), s),
                    JobTexts.eta(messages(), s)));
            T value;
            try {
                value = job.run(request.work());
            } catch (RuntimeException | Error e) {
                boolean cancelled = isCancellation(e) || job.state() == JobState.CANCELLED;
                ended(handle, request, cancelled ? JobState.CANCELLED : JobState.FAILED, null, cancelled ? null : e);
                return handle;
            }
            ended(handle, request, JobState.SUCCEEDED, value, null);
            return handle;
        }
    }
}
