package dev.atelier.engine.learn.forest;

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

/// A fitted random forest or extra-trees model: the average of its trees' leaf values.
public final class ForestModel extends BaseModel {
    private final ForestPayload payload;

    ForestModel(ModelHeader header, FeaturePipeline pipeline, List<Diagnostic> diagnostics, ForestPayload payload) {
        super(header, pipeline, diagnostics);
        this.payload = payload;
    }




    /// How many trees it has.
    public int trees() {
        return payload.trees().size();
    }

    @Override
    public Predictions predict(Dataset data) {
        FeatureMatrix m = pipeline.transform(data);
        double[] x = m.toArray();
        int n = m.rows();
        int d = m.columns();
        int k = payload.outputs();
        double[] sum = new double[n * k];
        for (TreeData tree : payload.trees()) {
            for (int i = 0; i < n; i++) {
                int leaf = tree.leaf(x, i * d);
                for (int c = 0; c < k; c++) {
                    sum[i * k + c] += tree.value()[leaf * k + c];
                }
            }
        }
        double t = payload.trees().size();
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= t;
        }
        if (header.problem() == ProblemType.REGRESSION) {
            return Predictions.regression(sum);
        }
        return Predictions.mostProbable(header.classes(), sum);
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.json("forest.json", payload);
    }
}
