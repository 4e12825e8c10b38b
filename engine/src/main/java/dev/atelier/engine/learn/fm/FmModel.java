package dev.atelier.engine.learn.fm;

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

/// A fitted factorization machine: `ŷ = w0 + Σ wᵢxᵢ + Σ_{i<j} ⟨vᵢ, vⱼ⟩ xᵢxⱼ`, the pairwise term computed in
/// `O(factors · non-zero inputs)` as `½ Σ_f [(Σᵢ v_if xᵢ)² − Σᵢ v_if² xᵢ²]`. Binary: `P(positive) = σ(ŷ)`, label at
/// 0.5; regression: `ŷ` mapped back to the label's scale.
public final class FmModel extends BaseModel {
    static final String JSON = "fm.json";

    private final FmPayload payload;
    private final double[] w;
    private final double[] v;

    FmModel(ModelHeader header, FeaturePipeline pipeline, List<Diagnostic> diagnostics, FmPayload payload) {
        super(header, pipeline, diagnostics);
        this.payload = payload;
        this.w = payload.linear().stream().mapToDouble(Double::doubleValue).toArray();
        this.v = payload.vectors().stream().mapToDouble(Double::doubleValue).toArray();
    }




    @Override
    public Predictions predict(Dataset data) {
        FeatureMatrix x = pipeline.transform(data);
        FmLearner.Sparse rows = FmLearner.Sparse.of(x);
        int n = x.rows();
        double[] sums = new double[payload.factors()];
        if (header.problem() == ProblemType.REGRESSION) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = FmLearner.score(rows, i, payload.bias(), w, v, payload.factors(), sums)
                        * payload.labelScale() + payload.labelMean();
            }
            return Predictions.regression(out);
        }
        double[] p = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double q = FmLearner.sigmoid(FmLearner.score(rows, i, payload.bias(), w, v, payload.factors(), sums));
            p[2 * i] = 1 - q;
            p[2 * i + 1] = q;
            labels[i] = q >= 0.5 ? 1 : 0;
        }
        return Predictions.classification(header.classes(), p, labels);
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.json(JSON, payload);
    }
}
