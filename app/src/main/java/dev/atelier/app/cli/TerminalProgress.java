package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.job.JobListener;
import dev.atelier.engine.job.JobSnapshot;
import java.io.PrintWriter;
import java.time.Duration;

/// Shows a job's progress on one terminal line (stderr), redrawn in place; used only when a console is
/// attached, so pipes and CI logs stay clean.
final class TerminalProgress implements JobListener {
    private static final int BAR = 24;
    private final PrintWriter err;
    private final Messages messages;
    private int lastLength;

    TerminalProgress(PrintWriter err, Messages messages) {
        this.err = err;
        this.messages = messages;
    }

    @Override
    public synchronized void onUpdate(JobSnapshot s) {
        if (s.state().isFinal()) {
            clear();
            return;
        }
        String status = s.statusKey().isEmpty() ? "" : messages.get(s.statusKey(), s.statusArgs().toArray());
        StringBuilder line = new StringBuilder("\r");
        if (s.fraction() >= 0) {
            int filled = (int) Math.round(s.fraction() * BAR);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR - filled)).append("] ")
                    .append(String.format("%3d%% ", Math.round(s.fraction() * 100)));
        }
        line.append(status);
        s.remaining().ifPresent(r -> line.append("  ").append(messages.get("cli.progress.eta", format(r))));
        int length = line.length();
        if (length < lastLength) {
            line.append(" ".repeat(lastLength - length));
        }
        lastLength = length;
        err.print(line);
        err.flush();
    }

    private void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    static String format(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /// A job titled by `titleKey` and `arg` that shows its progress on `err` when a person watches the terminal
    /// (nothing is drawn when the output goes to a file or another program).
    static dev.atelier.engine.job.Job job(String titleKey, Object arg, PrintWriter err, Messages messages) {
        var job = new dev.atelier.engine.job.Job(titleKey, arg);
        if (System.console() != null) {
            job.addListener(new TerminalProgress(err, messages));
        }
        return job;
    }
}
