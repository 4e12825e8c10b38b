package dev.atelier.engine.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/// Inverted dropout whose mask comes from a seeded Java random stream instead of PyTorch's process-wide generator,
/// so that two fits running at once cannot disturb each other's randomness. Active only when training.
final class SeededDropout extends AbstractBlock {
    private final float rate;
    private final @Nullable RandomGenerator random;
    private @Nullable ByteBuffer buffer;

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
        int size = Math.toIntExact(x.size());
        if (buffer == null || buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(size);
        }
        buffer.clear();
        // four 16-bit uniforms per nextLong(): the rate is honoured to 1/65536, at a quarter of the calls
        int threshold = Math.round(rate * 65536f);
        long bits = 0;
        for (int i = 0; i < size; i++) {
            if ((i & 3) == 0) {
                bits = random.nextLong();
            }
            buffer.put((int) (bits & 0xFFFF) < threshold ? (byte) 0 : (byte) 1);
            bits >>>= 16;
        }
        buffer.flip();
        // The byte mask wraps our reused direct buffer without a copy; the conversion to floats copies it at once,
        // so the buffer is free again before the next batch (no direct-memory churn per batch).
        NDArray mask;
        try (NDArray kept = x.getManager().create(buffer, x.getShape(), DataType.INT8)) {
            mask = kept.toType(DataType.FLOAT32, true).muli(1f / (1f - rate));
        }
        return new NDList(x.mul(mask));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
