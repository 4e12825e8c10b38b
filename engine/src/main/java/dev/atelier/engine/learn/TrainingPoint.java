package dev.atelier.engine.learn;

/// One point of a live training curve: a metric after an epoch (Linear Learner) or a boosting round (XGBoost).
///
/// @param step       the 1-based epoch or round
/// @param metric     the metric's name as the algorithm reports it (`logloss`, `rmse`, `binary_logistic_loss`)
/// @param train      the value on the training rows (NaN when not measured)
/// @param validation the value on the validation rows (NaN when there are none)
public record TrainingPoint(int step, String metric, double train, double validation) {
    public TrainingPoint {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1 but was " + step);
        }
    }
}
