package dev.atelier.engine.learn;

import dev.atelier.engine.data.Dataset;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/// The rows a learner trains on and, optionally, a separate validation set (SageMaker's `train` and `validation`
/// channels). Without one, learners that need validation hold out a seeded 20 % of the training rows.
///
/// @param train      the training rows; the target column is named by the [LearnerSpec]
/// @param validation rows with the same columns, used only to measure (curves, early stopping, model selection)
public record TrainingData(Dataset train, @Nullable Dataset validation) {
    public TrainingData {
        Objects.requireNonNull(train, "train");
    }

    /// Training rows only.
    public static TrainingData of(Dataset train) {
        return new TrainingData(train, null);
    }

    /// The validation rows, if given.
    public Optional<Dataset> validationSet() {
        return Optional.ofNullable(validation);
    }
}
