package dev.atelier.engine.learn.mlp;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.BaseModel;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadWriter;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.natives.NativeLibraries;
import dev.atelier.engine.natives.NativeLibrary;
import java.util.List;

/// A fitted multilayer perceptron: its architecture ([MlpPayload]) and weights as Java arrays. Each prediction
/// builds the network in a fresh native scope, runs it in batches and closes the scope, so the model holds no
/// native memory and is safe to share between threads.
public final class MlpModel extends BaseModel {
    static final String ARCHITECTURE = "mlp.json";
    static final String WEIGHTS = "weights.bin";

    private final MlpPayload payload;
    private final float[][] weights;

    MlpModel(ModelHeader header, FeaturePipeline pipeline, List<Diagnostic> diagnostics, MlpPayload payload,
             float[][] weights) {
        super(header, pipeline, diagnostics);
        this.payload = payload;
        this.weights = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = weights[i].clone();
        }
    }




    /// The architecture and training summary (passes run, best pass).
    public MlpPayload architecture() {
        return payload;
    }

    @Override
    public Predictions predict(Dataset data) {
        return compute(pipeline.transform(data));
    }

    @Override
    public java.util.Optional<Predictions> predictInputs(FeatureMatrix inputs) {
        return java.util.Optional.of(compute(inputs));
    }

    private Predictions compute(FeatureMatrix x) {
        int n = x.rows();
        int k = payload.outputs();
        NativeLibraries.in(NativeLibraries.defaultHome()).ensureLoaded(NativeLibrary.PYTORCH);
        float[] z = MlpNetwork.predict(payload, weights, x.toFloatArray(), n);
        if (header.problem() == ProblemType.REGRESSION) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = z[i] * payload.labelScale() + payload.labelMean();
            }
            return Predictions.regression(v);
        }
        if (header.problem() == ProblemType.BINARY_CLASSIFICATION) {
            double[] p = new double[2 * n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                double q = sigmoid(z[i]);
                p[2 * i] = 1 - q;
                p[2 * i + 1] = q;
                labels[i] = q >= 0.5 ? 1 : 0;
            }
            return Predictions.classification(header.classes(), p, labels);
        }
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, z[i * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[i * k + c] = Math.exp(z[i * k + c] - max);
                sum += p[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] /= sum;
            }
        }
        return Predictions.mostProbable(header.classes(), p);
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.json(ARCHITECTURE, payload);
        out.bytes(WEIGHTS, MlpWeights.encode(weights));
    }
}
