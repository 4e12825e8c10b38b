package dev.atelier.engine.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/// Builds the DJL network an [MlpPayload] describes, moves its weights in and out as Java arrays, computes the
/// training losses and runs batched inference. Every [NDManager] it opens is closed before it returns.
final class MlpNetwork {
    /// Rows per inference batch: bounds native memory whatever the data size.
    static final int PREDICT_BATCH = 4096;
    static final String ENGINE = "PyTorch";

    private MlpNetwork() {
    }

    /// What the outputs mean and which loss trains them.
    enum Kind {
        /// One logit; sigmoid cross-entropy.
        BINARY,
        /// One logit per class; softmax cross-entropy.
        MULTICLASS,
        /// One value (standardized target); mean squared error.
        REGRESSION
    }

    /// `Linear → [BatchNorm] → activation → dropout` per hidden layer, then a `Linear` output layer.
    /// `dropoutRandom` is `null` for inference.
    static SequentialBlock block(List<Integer> hidden, String activation, boolean batchnorm, double dropout,
                                 int outputs, @Nullable RandomGenerator dropoutRandom) {
        var block = new SequentialBlock();
        for (int units : hidden) {
            block.add(Linear.builder().setUnits(units).build());
            if (batchnorm) {
                block.add(BatchNorm.builder().build());
            }
            block.add(activation(activation));
            if (dropout > 0) {
                block.add(new SeededDropout((float) dropout, dropoutRandom));
            }
        }
        block.add(Linear.builder().setUnits(outputs).build());
        return block;
    }

    private static Block activation(String name) {
        return switch (name) {
            case "elu" -> Activation.eluBlock(1f);
            case "tanh" -> Activation.tanhBlock();
            default -> Activation.reluBlock();
        };
    }

    /// Weight initialization from a seeded Java stream (never PyTorch's global generator): He-uniform for relu
    /// layers, Glorot-uniform otherwise. DJL's `Linear` weight has shape `(units, inputs)`.
    static Initializer initializer(RandomGenerator random, String activation) {
        return (manager, shape, dataType) -> {
            long fanOut = shape.get(0);
            long fanIn = shape.dimension() > 1 ? shape.get(1) : 1;
            double bound = activation.equals("relu") ? Math.sqrt(6.0 / fanIn) : Math.sqrt(6.0 / (fanIn + fanOut));
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            return manager.create(values, shape).toType(dataType, false);
        };
    }

    /// The parameters in block order.
    static List<Parameter> parameters(Block block) {
        return new ArrayList<>(block.getParameters().values());
    }

    /// Names and shapes of the parameters, for the payload.
    static List<MlpPayload.ParameterShape> shapes(Block block) {
        var out = new ArrayList<MlpPayload.ParameterShape>();
        block.getParameters().forEach(p -> {
            var dims = new ArrayList<Long>();
            for (long d : p.getValue().getShape().getShape()) {
                dims.add(d);
            }
            out.add(new MlpPayload.ParameterShape(p.getKey(), dims));
        });
        return out;
    }

    /// A copy of every parameter's values.
    static float[][] snapshot(Block block) {
        List<Parameter> params = parameters(block);
        float[][] out = new float[params.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = params.get(i).getArray().toFloatArray();
        }
        return out;
    }

    /// Writes `values` into the parameters, in block order.
    static void restore(Block block, float[][] values) {
        List<Parameter> params = parameters(block);
        for (int i = 0; i < values.length; i++) {
            params.get(i).getArray().set(values[i]);
        }
    }

    /// The mean loss of logits `z` against `y` (binary: `(b,1)` 0/1; multiclass: `(b,k)` one-hot; regression:
    /// `(b,1)` standardized values).
    static NDArray loss(Kind kind, NDArray z, NDArray y) {
        return switch (kind) {
            // log(1 + e^z) − y·z, computed stably as max(z, 0) + log(1 + e^−|z|) − y·z
            case BINARY -> z.maximum(0f).sub(z.mul(y)).add(z.abs().neg().exp().add(1f).log()).mean();
            case MULTICLASS -> z.logSoftmax(1).mul(y).sum(new int[] {1}).neg().mean();
            case REGRESSION -> z.sub(y).square().mean();
        };
    }

    /// Runs the network of `payload` with `weights` over `rows` rows of `x` (row-major, `payload.inputs()` per
    /// row), in batches of [#PREDICT_BATCH]; returns `rows × outputs` raw outputs.
    static float[] predict(MlpPayload payload, float[][] weights, float[] x, int rows) {
        int d = payload.inputs();
        int k = payload.outputs();
        float[] out = new float[rows * k];
        if (rows == 0) {
            return out;
        }
        try (NDManager manager = NDManager.newBaseManager(ENGINE)) {
            SequentialBlock block = block(payload.hidden(), payload.activation(), payload.batchnorm(),
                    payload.dropout(), k, null);
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, d));
            restore(block, weights);
            var store = new ParameterStore(manager, false);
            for (int from = 0; from < rows; from += PREDICT_BATCH) {
                int b = Math.min(PREDICT_BATCH, rows - from);
                float[] chunk = new float[b * d];
                System.arraycopy(x, from * d, chunk, 0, b * d);
                try (NDManager batch = manager.newSubManager()) {
                    NDArray input = batch.create(chunk, new Shape(b, d));
                    float[] z = block.forward(store, new NDList(input), false).singletonOrThrow().toFloatArray();
                    System.arraycopy(z, 0, out, from * k, b * k);
                }
            }
        }
        return out;
    }
}
