package dev.atelier.engine.learn.fm;

import java.util.List;

/// The persisted shape of `fm.json`: a factorization machine on the preprocessed inputs.
///
/// @param factors    `num_factors`, the length of each input's factor vector
/// @param bias       the global bias `w0`
/// @param linear     one weight per input
/// @param vectors    `inputs × factors` factor entries, row-major
/// @param labelMean  added back to regression outputs (labels are standardized for training)
/// @param labelScale multiplied into regression outputs
public record FmPayload(int factors, double bias, List<Double> linear, List<Double> vectors, double labelMean,
                        double labelScale) {
    public FmPayload {
        linear = List.copyOf(linear);
        vectors = List.copyOf(vectors);
    }
}
