package dev.atelier.engine.learn.linear;

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
import java.util.List;

/// A fitted Linear Learner model: `z = x·W + b` on the preprocessed inputs; a sigmoid with a tuned threshold for
/// binary, a softmax for multiclass, `z · labelScale + labelMean` for regression.
public final class LinearModel extends BaseModel {
    private final LinearPayload payload;
    private final double[] w;
    private final double[] b;

    LinearModel(ModelHeader header, FeaturePipeline pipeline, List<Diagnostic> diagnostics, LinearPayload payload) {
        super(header, pipeline, diagnostics);
        this.payload = payload;
        this.w = payload.weights().stream().mapToDouble(Double::doubleValue).toArray();
        this.b = payload.bias().stream().mapToDouble(Double::doubleValue).toArray();
    }




    /// The decision threshold on the positive class's probability (binary).
    public double threshold() {
        return payload.threshold();
    }

    /// The weight of model input `input` in the margin of output `output` (the log-odds for binary; for regression
    /// the margin is in normalised units: value = margin × [#labelScale()] + [#labelMean()]). For linear SHAP.
    public double weight(int input, int output) {
        return w[input * payload.outputs() + output];
    }

    /// The bias of output `output`'s margin.
    public double bias(int output) {
        return b[output];
    }

    /// Multiplied into regression margins (1 for classification models).
    public double labelScale() {
        return header.problem() == ProblemType.REGRESSION ? payload.labelScale() : 1;
    }

    /// Added to regression outputs (0 for classification models).
    public double labelMean() {
        return header.problem() == ProblemType.REGRESSION ? payload.labelMean() : 0;
    }

    /// Which parallel model was chosen, in words.
    public String chosen() {
        return payload.chosen();
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
        int d = x.columns();
        int k = payload.outputs();
        double[] xs = x.toArray();
        double[] z = new double[n * k];
        for (int i = 0; i < n; i++) {
            LinearLearner.margins(xs, i * d, d, w, b, k, z, i * k);
        }
        if (header.problem() == ProblemType.REGRESSION) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = z[i] * payload.labelScale() + payload.labelMean();
            }
            return Predictions.regression(v);
        }
        if (header.problem() == ProblemType.BINARY_CLASSIFICATION) {
            double[] p = new double[n * 2];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                double q = LinearLearner.sigmoid(z[i]);
                p[2 * i] = 1 - q;
                p[2 * i + 1] = q;
                labels[i] = q >= payload.threshold() ? 1 : 0;
            }
            return Predictions.classification(header.classes(), p, labels);
        }
        for (int i = 0; i < n; i++) {
            LinearLearner.softmaxInPlace(z, i * k, k);
        }
        return Predictions.mostProbable(header.classes(), z);
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.json("linear.json", payload);
    }
}
