package dev.atelier.app.common.jobs;

import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobState;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/// What to run and what to do afterwards.
///
/// @param titleKey  message key of the job's title ("job.import" → "Opening {0}")
/// @param titleArgs arguments for the title
/// @param work      the work, run on a worker thread (or the caller's, with [JobRunner#direct])
/// @param onSuccess receives the result on the FX thread
/// @param onEnd     called on the FX thread after every ending (success, failure or cancellation), after
///                  `onSuccess`; view-models clear their "busy" flags here
/// @param <T>       the result type
public record JobRequest<T>(String titleKey, List<Object> titleArgs, Job.Work<T> work,
                            Consumer<? super T> onSuccess, Consumer<JobState> onEnd) {
    public JobRequest {
        Objects.requireNonNull(titleKey, "titleKey");
        titleArgs = List.copyOf(titleArgs);
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onEnd, "onEnd");
    }

    /// A request with no title arguments and nothing to do after the end.
    public static <T> JobRequest<T> of(String titleKey, Job.Work<T> work, Consumer<? super T> onSuccess) {
        return new JobRequest<>(titleKey, List.of(), work, onSuccess, state -> { });
    }

    /// This request with title arguments.
    public JobRequest<T> withTitleArgs(Object... args) {
        return new JobRequest<>(titleKey, Arrays.asList(args), work, onSuccess, onEnd);
    }

    /// This request with a callback for every ending.
    public JobRequest<T> whenEnded(Consumer<JobState> callback) {
        return new JobRequest<>(titleKey, titleArgs, work, onSuccess, callback);
    }
}
