package dev.atelier.engine.learn.xgboost;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.EngineException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.HoldOut;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadReader;
import dev.atelier.engine.learn.PipelineOptions;
import dev.atelier.engine.learn.Target;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.engine.learn.TrainingPoint;
import dev.atelier.engine.natives.NativeLibraries;
import dev.atelier.engine.natives.NativeLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/// XGBoost with SageMaker's hyperparameters, trained round by round (`Booster.update`) so that every round reports
/// progress, checks cancellation and feeds the training curve.
///
/// - **Objective**: when not given, `binary:logistic`, `multi:softprob` or `reg:squarederror` from the problem;
///   `multi:softmax` is trained as `multi:softprob` (same trees, and probabilities are needed).
/// - **Missing values** go to XGBoost as NaN (its learned default directions); **categorical columns** are one-hot
///   encoded by the [FeaturePipeline] (with the `(other)` slot), not XGBoost's experimental native categoricals.
/// - **Validation**: the given validation set, else a seeded 20 % of the training rows (the model then trains on
///   the other 80 %). Eval metrics per round go to the [TrainingListener]; `early_stopping_rounds` watches the last
///   metric on validation, and predictions then use the best round.
/// - `nthread` defaults to the available cores; `seed` defaults to the spec's seed; `tree_method=auto` is `hist`.
///   The same seed gives bit-identical predictions.
public final class XgboostLearner implements Learner {
    /// The catalogue key.
    public static final String KEY = "xgboost";
    /// Parameters passed to XGBoost whenever they have a value (given or catalogue default).
    private static final List<String> ALWAYS = List.of("eta", "gamma", "max_depth", "min_child_weight", "subsample",
            "colsample_bytree", "colsample_bylevel", "colsample_bynode", "alpha", "lambda", "booster");
    /// Parameters passed only when the user gave them.
    private static final List<String> WHEN_GIVEN = List.of("scale_pos_weight", "grow_policy", "max_leaves",
            "max_bin", "max_delta_step", "base_score", "lambda_bias", "normalize_type", "one_drop", "rate_drop",
            "sample_type", "skip_drop", "sketch_eps", "tweedie_variance_power", "interaction_constraints",
            "monotone_constraints", "process_type", "refresh_leaf");

    @Override
    public String algorithm() {
        return KEY;
    }

    @Override
    public Set<ProblemType> problems() {
        return EnumSet.of(ProblemType.BINARY_CLASSIFICATION, ProblemType.MULTICLASS_CLASSIFICATION,
                ProblemType.REGRESSION);
    }

    @Override
    public Model fit(TrainingData data, LearnerSpec spec, JobContext ctx, TrainingListener listener) {
        ctx.status("job.train.preparing", "XGBoost");
        Dataset train = data.train();
        Target target = Target.read(train, spec.target(), spec.problem());
        String objective = objective(spec);
        NativeLibraries.in(NativeLibraries.defaultHome()).ensureLoaded(NativeLibrary.XGBOOST);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train, spec.target(), target.rows(),
                PipelineOptions.nativeMissing());
        FeaturePipeline pipeline = fitted.pipeline();
        FeatureMatrix all = pipeline.transform(train).rows(target.rows());
        float[] labels = labels(spec.problem(), target);

        FeatureMatrix trainX;
        float[] trainY;
        FeatureMatrix validX = null;
        float[] validY = null;
        if (data.validation() != null) {
            trainX = all;
            trainY = labels;
            Dataset v = data.validation();
            int[] vLabels = target.classes().isEmpty() ? null : target.labelsOf(v);
            var keep = new ArrayList<Integer>();
            int vt = v.schema().indexOf(spec.target());
            for (int r = 0; r < v.rowCount(); r++) {
                boolean ok = vt >= 0 && !v.isMissing(r, vt) && (vLabels == null || vLabels[r] >= 0);
                if (ok) {
                    keep.add(r);
                }
            }
            int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
            if (rows.length > 0) {
                validX = pipeline.transform(v).rows(rows);
                validY = new float[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    validY[i] = vLabels == null ? (float) v.number(rows[i], vt) : vLabels[rows[i]];
                }
            }
        } else {
            HoldOut split = HoldOut.of(all.rows(), 0.2, spec.seed());
            if (split.validation().length > 0) {
                trainX = all.rows(split.train());
                trainY = pick(labels, split.train());
                validX = all.rows(split.validation());
                validY = pick(labels, split.validation());
            } else {
                trainX = all;
                trainY = labels;
            }
        }

        int rounds = spec.intValue("num_round", 100);
        int patience = spec.has("early_stopping_rounds") ? spec.intValue("early_stopping_rounds", 0) : 0;
        Map<String, Object> params = params(spec, objective, target.classes().size());
        List<String> metrics = metrics(spec, objective);
        DMatrix dtrain = null;
        DMatrix dvalid = null;
        Booster booster = null;
        try {
            dtrain = matrix(trainX, trainY);
            dvalid = validX == null ? null : matrix(validX, validY);
            booster = XGBoost.train(dtrain, params, 0, Map.of(), null, null);
            for (String metric : metrics) {
                booster.setParam("eval_metric", metric);
            }
            DMatrix[] evals = dvalid == null ? new DMatrix[] {dtrain} : new DMatrix[] {dtrain, dvalid};
            String[] names = dvalid == null ? new String[] {"train"} : new String[] {"train", "validation"};
            String watched = metrics.getLast();
            boolean maximize = maximizes(watched);
            double best = Double.NaN;
            int bestRound = -1;
            int built = 0;
            ctx.status("job.train.rounds", "XGBoost", rounds);
            for (int round = 0; round < rounds; round++) {
                ctx.throwIfCancelled();
                booster.update(dtrain, round);
                built = round + 1;
                Map<String, double[]> values = parseEval(booster.evalSet(evals, names, round), dvalid != null);
                for (String metric : metrics) {
                    double[] tv = values.getOrDefault(metric, new double[] {Double.NaN, Double.NaN});
                    listener.onPoint(new TrainingPoint(round + 1, metric, tv[0], tv[1]));
                }
                ctx.progress(round + 1, rounds);
                if (patience > 0 && dvalid != null) {
                    double score = values.getOrDefault(watched, new double[] {Double.NaN, Double.NaN})[1];
                    if (bestRound < 0 || (maximize ? score > best : score < best)) {
                        best = score;
                        bestRound = round;
                    } else if (round - bestRound >= patience) {
                        break;
                    }
                }
            }
            ctx.progress(rounds, rounds);
            int limit = bestRound >= 0 && bestRound + 1 < built ? bestRound + 1 : 0;
            byte[] bytes = booster.toByteArray("ubj");
            var diagnostics = new ArrayList<Diagnostic>(target.diagnostics());
            diagnostics.addAll(fitted.diagnostics());
            return new XgboostModel(new ModelHeader(spec, target.classes()), pipeline, diagnostics, bytes,
                    new XgboostPayload(objective, built, limit, pipeline.outputNames().size()));
        } catch (XGBoostError e) {
            throw new EngineException(e, ErrorCode.TRAINING_FAILED, KEY, String.valueOf(e.getMessage()));
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (dtrain != null) {
                dtrain.dispose();
            }
            if (dvalid != null) {
                dvalid.dispose();
            }
        }
    }

    @Override
    public Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
        XgboostPayload meta = payload.json("xgboost.json", XgboostPayload.class);
        byte[] bytes = payload.bytes(XgboostModel.BOOSTER_FILE);
        if (meta.features() != pipeline.outputNames().size()) {
            throw payload.corrupt("xgboost.json expects " + meta.features() + " inputs, preprocessing gives "
                    + pipeline.outputNames().size());
        }
        NativeLibraries.in(NativeLibraries.defaultHome()).ensureLoaded(NativeLibrary.XGBOOST);
        return new XgboostModel(header, pipeline, List.of(), bytes, meta);
    }

    static DMatrix matrix(FeatureMatrix x, float[] y) throws XGBoostError {
        DMatrix m = new DMatrix(x.toFloatArray(), x.rows(), x.columns(), Float.NaN);
        if (y != null) {
            m.setLabel(y);
        }
        return m;
    }

    private static float[] labels(ProblemType problem, Target target) {
        if (problem == ProblemType.REGRESSION) {
            double[] v = target.values();
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) v[i];
            }
            return out;
        }
        int[] l = target.labels();
        float[] out = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = l[i];
        }
        return out;
    }

    private static float[] pick(float[] values, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /// The objective for the spec's problem; a given objective must fit the problem.
    static String objective(LearnerSpec spec) {
        String given = spec.text("objective", "");
        if (!spec.isExplicit("objective")) {
            return switch (spec.problem()) {
                case BINARY_CLASSIFICATION -> "binary:logistic";
                case MULTICLASS_CLASSIFICATION -> "multi:softprob";
                default -> "reg:squarederror";
            };
        }
        boolean fits = switch (spec.problem()) {
            case BINARY_CLASSIFICATION -> given.equals("binary:logistic") || given.equals("binary:logitraw")
                    || given.equals("binary:hinge") || given.equals("reg:logistic");
            case MULTICLASS_CLASSIFICATION -> given.startsWith("multi:");
            default -> given.startsWith("reg:") && !given.equals("reg:logistic") || given.equals("count:poisson");
        };
        if (!fits) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "objective", given,
                    "an objective for " + spec.problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return given.equals("multi:softmax") ? "multi:softprob" : given;
    }

    private static Map<String, Object> params(LearnerSpec spec, String objective, int classes) {
        var p = new LinkedHashMap<String, Object>();
        p.put("objective", objective);
        if (objective.startsWith("multi:")) {
            p.put("num_class", classes);
        }
        for (String name : ALWAYS) {
            if (spec.has(name)) {
                p.put(name, param(spec.value(name)));
            }
        }
        for (String name : WHEN_GIVEN) {
            if (spec.isExplicit(name)) {
                p.put(name, param(spec.value(name)));
            }
        }
        String method = spec.text("tree_method", "auto");
        p.put("tree_method", method.equals("auto") || method.equals("gpu_hist") ? "hist" : method);
        p.put("nthread", spec.isExplicit("nthread") ? spec.intValue("nthread", 1)
                : Runtime.getRuntime().availableProcessors());
        p.put("seed", spec.isExplicit("seed") ? spec.longValue("seed", 0) : spec.seed());
        p.put("verbosity", spec.isExplicit("verbosity") ? spec.intValue("verbosity", 0) : 0);
        return p;
    }

    private static Object param(Object value) {
        return value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? d : value;
    }

    private static List<String> metrics(LearnerSpec spec, String objective) {
        String given = spec.text("eval_metric", "").strip();
        if (!given.isEmpty()) {
            return Arrays.stream(given.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (objective.startsWith("binary:") || objective.equals("reg:logistic")) {
            return List.of("logloss");
        }
        if (objective.startsWith("multi:")) {
            return List.of("mlogloss");
        }
        return List.of("rmse");
    }

    /// Whether a bigger value of XGBoost's eval metric is better (auc, aucpr, map, ndcg, pre).
    static boolean maximizes(String metric) {
        String base = metric.contains("@") ? metric.substring(0, metric.indexOf('@')) : metric;
        return base.equals("auc") || base.equals("aucpr") || base.equals("map") || base.equals("ndcg")
                || base.equals("pre");
    }

    /// Parses `[3]\ttrain-logloss:0.1\tvalidation-logloss:0.2` into metric → {train, validation}.
    static Map<String, double[]> parseEval(String line, boolean hasValidation) {
        var out = new LinkedHashMap<String, double[]>();
        String[] parts = line.strip().split("\t");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int dash = part.indexOf('-');
            int colon = part.lastIndexOf(':');
            if (dash < 0 || colon < dash) {
                continue;
            }
            String set = part.substring(0, dash);
            String metric = part.substring(dash + 1, colon);
            double value;
            try {
                value = Double.parseDouble(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            double[] tv = out.computeIfAbsent(metric, _ -> new double[] {Double.NaN, Double.NaN});
            tv[set.equals("train") ? 0 : 1] = value;
        }
        return out;
    }
}
