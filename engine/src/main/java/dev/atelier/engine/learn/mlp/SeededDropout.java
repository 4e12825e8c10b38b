package dev.atelier.engine.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/// Inverted dropout whose mask comes from a seeded Java random stream instead of PyTorch's process-wide generator,
/// so that two fits running at once cannot disturb each other's randomness. Active only when training.
final class SeededDropout extends AbstractBlock {
    private final float rate;
    private final @Nullable RandomGenerator random;

    /// Drops each value with probability `rate` while training, drawing from `random` (`null`: never drops).
    SeededDropout(float rate, @Nullable RandomGenerator random) {
        this.rate = rate;
        this.random = random;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     @Nullable PairList<String, Object> params) {
        if (!training || rate <= 0 || random == null) {
            return inputs;
        }
        NDArray x = inputs.singletonOrThrow();
        float keep = 1f / (1f - rate);
        float[] mask = new float[Math.toIntExact(x.size())];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextFloat() < rate ? 0f : keep;
        }
        return new NDList(x.mul(x.getManager().create(mask, x.getShape())));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
