package dev.atelier.engine.learn.linear;

import java.util.List;

/// The persisted shape of `linear.json`: the chosen model's weights on the preprocessed (standardized) inputs.
///
/// @param loss       the loss it was trained with
/// @param outputs    1 for binary and regression, the number of classes for multiclass
/// @param weights    `inputs × outputs` weights, row-major
/// @param bias       one bias per output
/// @param threshold  the tuned decision threshold on the positive probability (binary)
/// @param labelMean  added back to regression outputs (label normalization)
/// @param labelScale multiplied into regression outputs (label normalization)
/// @param chosen     which of the parallel models was chosen, and its settings, in words
public record LinearPayload(String loss, int outputs, List<Double> weights, List<Double> bias, double threshold,
                            double labelMean, double labelScale, String chosen) {
    public LinearPayload {
        weights = List.copyOf(weights);
        bias = List.copyOf(bias);
    }
}
