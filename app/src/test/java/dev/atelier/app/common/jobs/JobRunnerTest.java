package dev.atelier.app.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final RunningJobsViewModel running = new RunningJobsViewModel();
    private final JobRunner runner = JobRunner.direct(messages, errors, running);

    @Test
    void successReachesOnSuccessAndTheJobIsListedOnlyWhileItRuns() {
        List<String> events = new ArrayList<>();
        running.jobs().addListener((ListChangeListener<RunningJob>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(j -> events.add("added " + j.getTitle()));
                c.getRemoved().forEach(j -> events.add("removed " + j.getTitle()));
            }
        });
        AtomicReference<List<String>> duringWork = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();
        List<JobState> ends = new ArrayList<>();

        RunningJob job = runner.start(JobRequest.of("job.import", ctx -> {
            duringWork.set(running.jobs().stream().map(RunningJob::getTitle).toList());
            ctx.progress(1, 2);
            return "rows";
        }, result::set).withTitleArgs("sales.csv").whenEnded(ends::add));

        assertThat(duringWork.get()).containsExactly("Opening sales.csv");
        assertThat(result.get()).isEqualTo("rows");
        assertThat(ends).containsExactly(JobState.SUCCEEDED);
        assertThat(job.getState()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.getProgress()).isEqualTo(1.0);
        assertThat(running.jobs()).isEmpty();
        assertThat(events).containsExactly("added Opening sales.csv", "removed Opening sales.csv");
        assertThat(errors.errors()).isEmpty();
    }

    @Test
    void failureGoesToTheErrorPresenterWithAPlainMessage() {
        List<JobState> ends = new ArrayList<>();
        RunningJob job = runner.start(JobRequest.<String>of("job.import", ctx -> {
            throw new DataException(ErrorCode.FILE_EMPTY, "/tmp/empty.csv");
        }, r -> { }).withTitleArgs("empty.csv").whenEnded(ends::add));

        assertThat(job.getState()).isEqualTo(JobState.FAILED);
        assertThat(ends).containsExactly(JobState.FAILED);
        assertThat(errors.shownMessages()).containsExactly("The file /tmp/empty.csv is empty.");
        assertThat(running.getLastMessage()).isEqualTo("Could not open empty.csv.");
        assertThat(running.jobs()).isEmpty();
    }

    @Test
    void cancellationEndsCancelledWithAStatusNoteAndNoError() {
        List<JobState> ends = new ArrayList<>();
        RunningJob job = runner.start(JobRequest.<String>of("job.import", ctx -> {
            throw new CancellationException("cancelled");
        }, r -> { }).withTitleArgs("big.csv").whenEnded(ends::add));

        assertThat(job.getState()).isEqualTo(JobState.CANCELLED);
        assertThat(ends).containsExactly(JobState.CANCELLED);
        assertThat(errors.errors()).isEmpty();
        assertThat(running.getLastMessage()).isEqualTo("Opening big.csv was cancelled; the previous data is still shown.");
    }

    @Test
    void anInterruptedWorkerCountsAsCancelled() {
        RunningJob job = runner.start(JobRequest.<String>of("job.saveProject", ctx -> {
            Thread.currentThread().interrupt();
            ctx.throwIfCancelled();
            return "never";
        }, r -> { }).withTitleArgs("p.atelier"));
        boolean wasInterrupted = Thread.interrupted();

        assertThat(wasInterrupted).isTrue();
        assertThat(job.getState()).isEqualTo(JobState.CANCELLED);
        assertThat(errors.errors()).isEmpty();
        assertThat(running.getLastMessage()).isEqualTo("Saving p.atelier — cancelled.");
    }

    @Test
    void aFailingSuccessHandlerIsPresentedToo() {
        runner.start("job.import", ctx -> "x", r -> {
            throw new IllegalStateException("bug in the view-model");
        });
        assertThat(errors.shownMessages()).singleElement().asString().startsWith("Something unexpected went wrong");
    }

    @Test
    void statusKeysAreRenderedAndUnknownKeysAreNotShown() {
        AtomicReference<RunningJob> seen = new AtomicReference<>();
        List<String> statuses = new ArrayList<>();
        runner.start("job.import", ctx -> {
            RunningJob j = running.jobs().getFirst();
            seen.set(j);
            j.statusProperty().addListener((o, a, b) -> statuses.add(b));
            ctx.status("job.import.reading", "sales.csv");
            ctx.status("engine.internal.key.nobody.translated");
            return 1;
        }, r -> { });
        assertThat(statuses).containsExactly("Reading sales.csv…", "");
        assertThat(seen.get().getState()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void etaIsInPlainWords() {
        assertThat(JobTexts.eta(messages, Duration.ofMillis(400))).isEmpty();
        assertThat(JobTexts.eta(messages, Duration.ofSeconds(20))).isEqualTo("about 20 s left");
        assertThat(JobTexts.eta(messages, Duration.ofSeconds(200))).isEqualTo("about 3 min left");
        assertThat(JobTexts.eta(messages, Duration.ofMinutes(65))).isEqualTo("about 1 h 5 min left");
    }
}
