package dev.atelier.engine.job;

/// A [JobContext] that reports nowhere; cancelled only by thread interruption.
enum SilentJobContext implements JobContext {
    INSTANCE;

    @Override
    public void status(String messageKey, Object... args) {
        // reports nowhere by design
    }

    @Override
    public void progress(long done, long total) {
        // reports nowhere by design
    }

    @Override
    public boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    @Override
    public JobContext child(double share) {
        return this;
    }
}
