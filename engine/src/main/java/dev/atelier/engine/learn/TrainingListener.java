package dev.atelier.engine.learn;

/// Hears the [TrainingPoint]s of a running fit, for a live training curve. Called on the training thread, in step
/// order; implementations must be quick and must not throw.
@FunctionalInterface
public interface TrainingListener {
    /// A listener that ignores everything.
    TrainingListener NONE = _ -> { };

    /// A new point of the curve.
    void onPoint(TrainingPoint point);
}
