package dev.atelier.app.common.jobs;

import dev.atelier.app.common.dialogs.ErrorPresenter;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobState;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/// Runs jobs as [FxJob]s on a bounded pool of daemon platform threads.
final class FxJobRunner extends JobRunner {
    private final ExecutorService executor;

    FxJobRunner(Messages messages, ErrorPresenter errors, RunningJobsViewModel runningJobs, int threads) {
        super(messages, errors, runningJobs);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1 but was " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "atelier-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    @Override
    public <T> RunningJob start(JobRequest<T> request) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("start jobs on the FX thread");
        }
        Job job = new Job(request.titleKey(), request.titleArgs().toArray());
        FxJob<T> task = new FxJob<>(job, request.work(), messages());
        RunningJob handle = register(request, () -> task.cancel(true));
        Runnable sync = () -> handle.update(task.getProgress(), task.getMessage(), task.etaProperty().get());
        task.progressProperty().addListener((o, a, b) -> sync.run());
        task.messageProperty().addListener((o, a, b) -> sync.run());
        task.etaProperty().addListener((o, a, b) -> sync.run());
        task.setOnSucceeded(e -> ended(handle, request, JobState.SUCCEEDED, task.getValue(), null));
        task.setOnCancelled(e -> ended(handle, request, JobState.CANCELLED, null, null));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            boolean cancelled = isCancellation(error) || job.isCancelRequested();
            ended(handle, request, cancelled ? JobState.CANCELLED : JobState.FAILED, null, cancelled ? null : error);
        });
        executor.execute(task);
        return handle;
    }

    @Override
    public void shutdown() {
        super.shutdown();
        executor.shutdownNow();
    }
}
