package dev.atelier.engine.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/// What a [Job] looks like at one moment, as delivered to a [JobListener].
///
/// @param title        the job's title key (e.g. `"job.import"`) — rendered by the app
/// @param titleArgs    arguments for the title
/// @param fraction     progress in `0..1`, or `-1` while indeterminate (nothing reported yet)
/// @param statusKey    the latest status message key, or empty
/// @param statusArgs   arguments for the status
/// @param state        the job's state
/// @param elapsed      time since the job started
public record JobSnapshot(String title, List<Object> titleArgs, double fraction, String statusKey,
                          List<Object> statusArgs, JobState state, Duration elapsed) {
    public JobSnapshot {
        titleArgs = List.copyOf(titleArgs);
        statusArgs = List.copyOf(statusArgs);
    }

    /// A naive estimate of the time left (elapsed × remaining ÷ done), once at least 2 % is done.
    public Optional<Duration> remaining() {
        if (fraction < 0.02 || fraction >= 1.0 || state != JobState.RUNNING) {
            return Optional.empty();
        }
        long nanos = (long) (elapsed.toNanos() * (1.0 - fraction) / fraction);
        return Optional.of(Duration.ofNanos(nanos));
    }
}
