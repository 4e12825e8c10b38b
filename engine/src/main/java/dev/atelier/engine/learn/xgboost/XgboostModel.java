package dev.atelier.engine.learn.xgboost;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.EngineException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.learn.Contributions;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.BaseModel;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadWriter;
import dev.atelier.engine.learn.Predictions;
import java.io.IOException;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/// A fitted XGBoost model: XGBoost's own model bytes (UBJSON) plus our preprocessing. The booster is loaded from
/// those bytes both after training and after reading a bundle, so both predict bit-identically.
public final class XgboostModel extends BaseModel {
    static final String BOOSTER_FILE = "model.ubj";
    private final byte[] bytes;
    private final XgboostPayload meta;
    private final Booster booster;

    XgboostModel(ModelHeader header, FeaturePipeline pipeline, List<Diagnostic> diagnostics, byte[] bytes,
                 XgboostPayload meta) {
        super(header, pipeline, diagnostics);
        this.bytes = bytes.clone();
        this.meta = meta;
        try {
            this.booster = XGBoost.loadModel(this.bytes);
            booster.setParam("nthread", Runtime.getRuntime().availableProcessors());
        } catch (XGBoostError | IOException e) {
            throw new EngineException(e, ErrorCode.TRAINING_FAILED, XgboostLearner.KEY, String.valueOf(e.getMessage()));
        }
    }




    /// Rounds built, and rounds used for predicting (0 = all).
    public XgboostPayload rounds() {
        return meta;
    }

    @Override
    public Predictions predict(Dataset data) {
        return compute(run(pipeline.transform(data), false, false));
    }

    @Override
    public java.util.Optional<Predictions> predictInputs(FeatureMatrix inputs) {
        return java.util.Optional.of(compute(run(inputs, false, false)));
    }

    private Predictions compute(float[][] raw) {
        int n = raw.length;
        List<String> classes = header.classes();
        if (header.problem() == ProblemType.REGRESSION) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = raw[i][0];
            }
            return Predictions.regression(v);
        }
        int k = classes.size();
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (k == 2) {
                double q = raw[i][0];
                if (meta.objective().equals("binary:logitraw")) {
                    q = 1 / (1 + Math.exp(-q));
                }
                p[i * 2] = 1 - q;
                p[i * 2 + 1] = q;
            } else {
                for (int c = 0; c < k; c++) {
                    p[i * k + c] = raw[i][c];
                }
            }
        }
        return Predictions.mostProbable(classes, p);
    }

    /// The raw margins (log-odds for binary, one per class for multiclass, the value for regression) per row.
    public double[][] margins(Dataset data) {
        float[][] raw = run(data, true, false);
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = new double[raw[i].length];
            for (int j = 0; j < raw[i].length; j++) {
                out[i][j] = raw[i][j];
            }
        }
        return out;
    }

    /// The trees used for predicting, as XGBoost's text dump with statistics (one string per tree: lines
    /// `id:[f<input><<threshold>] yes=…,no=…,missing=…,gain=…,cover=…` and `id:leaf=…,cover=…`), for TreeSHAP in
    /// Java. Trees of a multiclass model alternate over the classes.
    public List<String> treeDump() {
        try {
            String[] all = booster.getModelDump((String) null, true, "text");
            int groups = header.problem() == ProblemType.MULTICLASS_CLASSIFICATION ? header.classes().size() : 1;
            int used = meta.iterationLimit() > 0 ? Math.min(all.length, meta.iterationLimit() * groups) : all.length;
            return List.of(all).subList(0, used);
        } catch (XGBoostError e) {
            throw new EngineException(e, ErrorCode.TRAINING_FAILED, XgboostLearner.KEY, String.valueOf(e.getMessage()));
        }
    }

    /// XGBoost's exact TreeSHAP contributions (`predictContrib`) of every model input to each row's margin; for
    /// each row and group they sum with the bias to [#margins].
    public Contributions contributions(Dataset data) {
        float[][] raw = run(data, false, true);
        List<String> features = pipeline.outputNames();
        int width = features.size() + 1;
        int groups = raw.length == 0 ? 1 : raw[0].length / width;
        double[] values = new double[raw.length * groups * width];
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < raw[i].length; j++) {
                values[i * groups * width + j] = raw[i][j];
            }
        }
        return new Contributions(values, raw.length, groups, features);
    }

    private float[][] run(Dataset data, boolean margin, boolean contrib) {
        return run(pipeline.transform(data), margin, contrib);
    }

    private float[][] run(FeatureMatrix x, boolean margin, boolean contrib) {
        if (x.rows() == 0) {
            return new float[0][];
        }
        DMatrix m = null;
        try {
            m = XgboostLearner.matrix(x, null);
            return contrib ? booster.predictContrib(m, meta.iterationLimit())
                    : booster.predict(m, margin, meta.iterationLimit());
        } catch (XGBoostError e) {
            throw new EngineException(e, ErrorCode.TRAINING_FAILED, XgboostLearner.KEY, String.valueOf(e.getMessage()));
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.bytes(BOOSTER_FILE, bytes);
        out.json("xgboost.json", meta);
    }
}
