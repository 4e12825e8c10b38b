package dev.atelier.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobTest {
    private final AtomicLong clock = new AtomicLong();
    private final List<JobSnapshot> heard = new ArrayList<>();

    private Job job() {
        Job job = new Job(clock::get, Duration.ofMillis(100), "job.test");
        job.addListener(heard::add);
        return job;
    }

    @Test
    void progressIsThrottledButFirstAndLastUpdatesAlwaysArrive() {
        Job job = job();
        for (int i = 1; i <= 1000; i++) {
            job.progress(i, 1000);   // all within the same instant of the fake clock
        }
        assertThat(heard).extracting(JobSnapshot::fraction).containsExactly(0.001, 1.0);
    }

    @Test
    void progressUpdatesResumeAfterTheThrottleInterval() {
        Job job = job();
        job.progress(1, 10);
        job.progress(2, 10);
        clock.addAndGet(Duration.ofMillis(150).toNanos());
        job.progress(3, 10);
        assertThat(heard).extracting(JobSnapshot::fraction).containsExactly(0.1, 0.3);
    }

    @Test
    void progressNeverGoesBackwards() {
        Job job = job();
        job.progress(5, 10);
        job.progress(2, 10);
        assertThat(job.fraction()).isEqualTo(0.5);
    }

    @Test
    void progressIsClampedAndZeroTotalMeansDone() {
        Job job = job();
        job.progress(20, 10);
        assertThat(job.fraction()).isEqualTo(1.0);
        Job other = job();
        other.progress(0, 0);
        assertThat(other.fraction()).isEqualTo(1.0);
    }

    @Test
    void statusChangesAlwaysReachListeners() {
        Job job = job();
        job.status("job.a", "x");
        job.status("job.b", 2);
        assertThat(heard).extracting(JobSnapshot::statusKey).containsExactly("job.a", "job.b");
        assertThat(heard.getLast().statusArgs()).containsExactly(2);
    }

    @Test
    void childJobsMapTheirProgressIntoTheirShareOfTheParent() {
        Job job = job();
        JobContext first = job.child(0.25);
        first.progress(1, 2);
        assertThat(job.fraction()).isEqualTo(0.125);
        first.progress(2, 2);
        assertThat(job.fraction()).isEqualTo(0.25);
        JobContext second = job.child(0.75);
        second.progress(1, 3);
        assertThat(job.fraction()).isEqualTo(0.5);
    }

    @Test
    void grandchildrenMapThroughTheirParent() {
        Job job = job();
        JobContext child = job.child(0.5);
        JobContext grandchild = child.child(0.5);   // a quarter of the whole job
        grandchild.progress(1, 1);
        assertThat(job.fraction()).isEqualTo(0.25);
    }

    @Test
    void cancellingIsSeenByChildrenAndStopsTheWork() {
        Job job = job();
        JobContext child = job.child(0.5).child(0.5);
        assertThat(child.isCancelled()).isFalse();
        job.cancel();
        assertThat(child.isCancelled()).isTrue();
        assertThatThrownBy(child::throwIfCancelled).isInstanceOf(CancellationException.class);
    }

    @Test
    void runRecordsSuccessAndCompletesProgress() {
        Job job = job();
        String result = job.run(ctx -> {
            ctx.progress(1, 3);
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.fraction()).isEqualTo(1.0);
        assertThat(heard.getLast().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void runRecordsCancellationWithoutCallingItAFailure() {
        Job job = job();
        assertThatThrownBy(() -> job.run(ctx -> {
            job.cancel();
            ctx.throwIfCancelled();
            return null;
        })).isInstanceOf(CancellationException.class);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void runRecordsFailure() {
        Job job = job();
        assertThatThrownBy(() -> job.run(_ -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(job.state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void interruptedThreadCountsAsCancelled() {
        Job job = job();
        Thread.currentThread().interrupt();
        try {
            assertThat(job.isCancelled()).isTrue();
            assertThat(JobContext.silent().isCancelled()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void remainingTimeIsEstimatedOnceSomeWorkIsDone() {
        Job job = job();
        assertThat(job.snapshot().remaining()).isEmpty();
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        job.progress(1, 4);
        assertThat(job.snapshot().remaining()).contains(Duration.ofSeconds(30));
    }

    @Test
    void childShareMustBeAFraction() {
        Job job = job();
        assertThatThrownBy(() -> job.child(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
