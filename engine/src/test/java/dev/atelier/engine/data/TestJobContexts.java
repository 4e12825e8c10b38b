package dev.atelier.engine.data;

import dev.atelier.engine.job.JobContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/// Job contexts for data tests: one that records what it hears, one that cancels after some progress calls.
public final class TestJobContexts {
    private TestJobContexts() {
    }

    /// A context that records every status key and progress fraction.
    public static Recording recording() {
        return new Recording(Integer.MAX_VALUE);
    }

    /// A context that reports cancelled once it has heard `calls` progress calls.
    public static Recording cancelAfterProgressCalls(int calls) {
        return new Recording(calls);
    }

    /// Records status keys and progress fractions; cancelled after a number of progress calls.
    public static final class Recording implements JobContext {
        private final int cancelAfter;
        /// Every status key, in order.
        public final List<String> statusKeys = new CopyOnWriteArrayList<>();
        /// Every status call's arguments, in order.
        public final List<List<Object>> statusArgs = new CopyOnWriteArrayList<>();
        /// Every progress fraction, in order.
        public final List<Double> fractions = new CopyOnWriteArrayList<>();

        Recording(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void status(String messageKey, Object... args) {
            statusKeys.add(messageKey);
            statusArgs.add(new ArrayList<>(List.of(args)));
        }

        @Override
        public void progress(long done, long total) {
            fractions.add(total <= 0 ? 1.0 : (double) done / total);
        }

        @Override
        public boolean isCancelled() {
            return fractions.size() >= cancelAfter;
        }

        @Override
        public JobContext child(double share) {
            return this;
        }
    }
}
