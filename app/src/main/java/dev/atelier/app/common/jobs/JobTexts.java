package dev.atelier.app.common.jobs;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.job.JobSnapshot;
import java.time.Duration;
import java.util.List;

/// Plain-language texts about jobs: titles, status lines and time left.
final class JobTexts {
    private JobTexts() {
    }

    static String title(Messages messages, String key, List<Object> args) {
        return messages.get(key, args.toArray());
    }

    /// The status line of a snapshot; empty if the job has not said anything the bundle knows.
    static String status(Messages messages, JobSnapshot s) {
        if (s.statusKey().isEmpty() || !messages.has(s.statusKey())) {
            return "";
        }
        return messages.get(s.statusKey(), s.statusArgs().toArray());
    }

    /// "about 20 s left", "about 3 min left", "about 1 h 5 min left"; empty when unknown or under a second.
    static String eta(Messages messages, JobSnapshot s) {
        return s.remaining().map(d -> eta(messages, d)).orElse("");
    }

    static String eta(Messages messages, Duration left) {
        long seconds = left.toSeconds();
        if (seconds < 1) {
            return "";
        }
        if (seconds < 60) {
            return messages.get("jobs.eta.seconds", seconds);
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 60) {
            return messages.get("jobs.eta.minutes", minutes);
        }
        return messages.get("jobs.eta.hours", minutes / 60, minutes % 60);
    }

    static String ended(Messages messages, String titleKey, List<Object> titleArgs, String outcome) {
        String specific = titleKey + "." + outcome;
        if (messages.has(specific)) {
            return messages.get(specific, titleArgs.toArray());
        }
        return messages.get("jobs." + outcome, title(messages, titleKey, titleArgs));
    }
}
