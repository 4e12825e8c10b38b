package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.job.JobContext;
import java.util.Set;

/// A stateless algorithm: fits a [LearnerSpec] on [TrainingData] into an immutable [Model], and reads a model of
/// its own kind back from a bundle. Implementations are thread-safe (they hold no state).
///
/// Contract (checked for every learner by the `LearnerContract` tests):
/// - rejects empty data (`DATASET_EMPTY`), a classification target with one value (`TARGET_SINGLE_CLASS`) and an
///   unknown target (`COLUMN_NOT_FOUND`) with a typed `AtelierException`;
/// - the same spec (including seed) on the same data gives bit-identical predictions;
/// - reports progress monotonically up to 1.0 and calls `ctx.throwIfCancelled()` at least once per epoch, round
///   or tree; a cancelled fit throws `CancellationException` and returns no model;
/// - [Model#writePayload] followed by [#read] gives a model with bit-identical predictions.
public interface Learner {

    /// The catalogue key of the algorithm it implements (`xgboost`).
    String algorithm();

    /// The problems it solves.
    Set<ProblemType> problems();

    /// Fits `spec` on `data`.
    ///
    /// @throws dev.atelier.engine.error.AtelierException for bad data or hyperparameters (see the contract)
    /// @throws java.util.concurrent.CancellationException if `ctx` was cancelled
    Model fit(TrainingData data, LearnerSpec spec, JobContext ctx, TrainingListener listener);

    /// Reads a model this learner wrote with [Model#writePayload].
    ///
    /// @throws dev.atelier.engine.error.AtelierException `MODEL_CORRUPT` if the payload cannot be understood
    Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload);
}
