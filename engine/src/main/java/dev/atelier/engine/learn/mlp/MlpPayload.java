package dev.atelier.engine.learn.mlp;

import java.util.List;

/// The persisted shape of `mlp.json`: the network's architecture and how its outputs are read. The weights
/// themselves are in `weights.bin` ([MlpWeights]), one array per entry of `parameters`, in that order.
///
/// @param inputs      inputs per row (the preprocessing's output columns)
/// @param hidden      neurons per hidden layer, input side first
/// @param activation  `relu`, `elu` or `tanh`
/// @param batchnorm   whether each hidden layer normalizes its outputs (batch normalization)
/// @param dropout     the dropout rate used in training (predictions never drop anything)
/// @param outputs     1 for binary (a logit) and regression, the number of classes for multiclass (logits)
/// @param labelMean   added back to regression outputs (the target was standardized for training)
/// @param labelScale  multiplied into regression outputs
/// @param epochs      how many passes training ran before it stopped
/// @param bestEpoch   the pass whose weights were kept (the lowest validation loss)
/// @param parameters  the network's parameters in block order, with their shapes
public record MlpPayload(int inputs, List<Integer> hidden, String activation, boolean batchnorm, double dropout,
                         int outputs, double labelMean, double labelScale, int epochs, int bestEpoch,
                         List<ParameterShape> parameters) {
    public MlpPayload {
        hidden = List.copyOf(hidden);
        parameters = List.copyOf(parameters);
    }

    /// One parameter array: its DJL name and shape.
    ///
    /// @param name  the name DJL gives it inside the network (`01Linear_weight`)
    /// @param shape its dimensions
    public record ParameterShape(String name, List<Long> shape) {
        public ParameterShape {
            shape = List.copyOf(shape);
        }

        /// How many numbers it holds.
        long size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }
}
