package dev.atelier.engine.job;

/// A sub-job's view of its parent: maps its own `0..1` onto `[start, start + share]` of the parent.
final class ChildJobContext implements JobContext {
    private final JobContext parent;
    private final Job root;
    private final double start;
    private final double share;
    private volatile double fraction;

    ChildJobContext(Job root, double start, double share) {
        this(root, root, start, share);
    }

    private ChildJobContext(JobContext parent, Job root, double start, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in 0..1 but was " + share);
        }
        this.parent = parent;
        this.root = root;
        this.start = start;
        this.share = Math.min(share, 1.0 - start);
    }

    @Override
    public void status(String messageKey, Object... args) {
        parent.status(messageKey, args);
    }

    @Override
    public void progress(long done, long total) {
        double f = total <= 0 ? 1.0 : Math.clamp((double) done / total, 0.0, 1.0);
        if (f <= fraction) {
            return;
        }
        fraction = f;
        root.setFraction(absolute(f));
    }

    private double absolute(double f) {
        return start + share * f;
    }

    @Override
    public boolean isCancelled() {
        return root.isCancelled();
    }

    @Override
    public JobContext child(double childShare) {
        double childStart = absolute(fraction);
        return new ChildJobContext(this, root, childStart, childShare * share);
    }
}
