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

    /// The trees as node tables (copies), for TreeSHAP: each node's values hold [#outputs()] numbers (class
    /// probabilities in the order of the header's classes, or the regression value); the prediction is their mean.
    public List<TreeData> treeTables() {
        return payload.trees().stream().map(TreeData::copy).toList();
    }

    /// Values per node: the number of classes, or 1 for regression.
    public int outputs() {
        return payload.outputs();
    }

    /// How many trees it has.
    public int trees() {
        return payload.trees().size();
    }

    @Override
    public Predictions predict(Dataset data) {
        return compute(pipeline.transform(data));
    }

    @Override
    public java.util.Optional<Predictions> predictInputs(FeatureMatrix inputs) {
        return java.util.Optional.of(compute(inputs));
    }

    private Predictions compute(FeatureMatrix m) {
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
