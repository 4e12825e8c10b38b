package dev.atelier.engine.learn.fm;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadReader;
import dev.atelier.engine.learn.PipelineOptions;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.Target;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.engine.learn.TrainingPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// SageMaker's Factorization Machines (`factorization-machines`): binary classification (logistic loss) and
/// regression (squared loss); multiclass is refused with `PROBLEM_TYPE_UNSUPPORTED`, as in SageMaker.
///
/// Inputs come from the [FeaturePipeline] (imputed, numbers standardized, categories one-hot) and are used as
/// sparse rows (only non-zero inputs), so one step costs `O(num_factors · non-zeros)`. Regression labels are
/// standardized for training and mapped back when predicting.
///
/// Training is SageMaker's (MXNet) optimizer: Adam with separate learning rates `bias_lr`, `linear_lr`,
/// `factors_lr` and weight decays `bias_wd`, `linear_wd`, `factors_wd` (added to the gradient), the batch gradient
/// multiplied by `rescale_grad` (unset: 1 / rows in the batch, i.e. the mean), clipped to ±`clip_gradient` when
/// set, `eps` (unset: 1e-8) in Adam's denominator. Parameters start from `*_init_method` (`normal` with
/// `*_init_sigma`, `uniform` in ±`*_init_scale`, `constant` at `*_init_value`). `epochs` passes over
/// `mini_batch_size` batches in a seeded shuffled order on one thread, so the same seed gives the same model.
/// Each epoch reports one curve point: the mean training loss during the epoch and the loss on the validation
/// rows when there are any (`binary_classification_cross_entropy`, or `rmse` in the label's units). There is no
/// early stopping (SageMaker has none for this algorithm).
public final class FmLearner implements Learner {
    /// The catalogue key.
    public static final String KEY = "factorization-machines";
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;

    @Override
    public String algorithm() {
        return KEY;
    }

    @Override
    public Set<ProblemType> problems() {
        return EnumSet.of(ProblemType.BINARY_CLASSIFICATION, ProblemType.REGRESSION);
    }

    /// Sparse rows in compressed-row form.
    record Sparse(int[] start, int[] index, double[] value) {
        static Sparse of(FeatureMatrix x) {
            int n = x.rows();
            int d = x.columns();
            int[] start = new int[n + 1];
            var idx = new int[Math.max(16, n * Math.min(d, 8))];
            var val = new double[idx.length];
            int nnz = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double v = x.get(i, j);
                    if (v != 0) {
                        if (nnz == idx.length) {
                            idx = Arrays.copyOf(idx, idx.length * 2);
                            val = Arrays.copyOf(val, val.length * 2);
                        }
                        idx[nnz] = j;
                        val[nnz++] = v;
                    }
                }
                start[i + 1] = nnz;
            }
            return new Sparse(start, Arrays.copyOf(idx, nnz), Arrays.copyOf(val, nnz));
        }

        int rows() {
            return start.length - 1;
        }
    }

    /// `ŷ` of row `i`; leaves `Σᵢ v_if xᵢ` in `sums` (length `k`) for the gradient.
    static double score(Sparse x, int i, double w0, double[] w, double[] v, int k, double[] sums) {
        Arrays.fill(sums, 0);
        double linear = w0;
        double squares = 0;
        for (int p = x.start()[i]; p < x.start()[i + 1]; p++) {
            int j = x.index()[p];
            double xv = x.value()[p];
            linear += w[j] * xv;
            int o = j * k;
            for (int f = 0; f < k; f++) {
                double t = v[o + f] * xv;
                sums[f] += t;
                squares += t * t;
            }
        }
        double pairs = 0;
        for (int f = 0; f < k; f++) {
            pairs += sums[f] * sums[f];
        }
        return linear + 0.5 * (pairs - squares);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /// The loss of one prediction (log loss clipped at 1e-15, or the squared error).
    private static double loss(boolean binary, double z, double y) {
        if (binary) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(z)));
            return y == 1 ? -Math.log(p) : -Math.log(1 - p);
        }
        return (z - y) * (z - y);
    }

    /// Adam state for one group of parameters (bias, linear weights or factors).
    private static final class Adam {
        final double lr;
        final double wd;
        final double[] m;
        final double[] s;

        Adam(double lr, double wd, int size) {
            this.lr = lr;
            this.wd = wd;
            this.m = new double[size];
            this.s = new double[size];
        }

        /// MXNet's Adam step: rescale, clip, add weight decay, update moments, bias-corrected step.
        void step(double[] w, double[] grad, long t, double rescale, double clip, double eps) {
            double lrT = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int i = 0; i < w.length; i++) {
                double g = grad[i] * rescale;
                if (clip > 0) {
                    g = Math.max(-clip, Math.min(clip, g));
                }
                g += wd * w[i];
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                s[i] = BETA2 * s[i] + (1 - BETA2) * g * g;
                w[i] -= lrT * m[i] / (Math.sqrt(s[i]) + eps);
                grad[i] = 0;
            }
        }
    }

    @Override
    public Model fit(TrainingData data, LearnerSpec spec, JobContext ctx, TrainingListener listener) {
        ProblemType problem = spec.problem();
        if (problem != ProblemType.BINARY_CLASSIFICATION && problem != ProblemType.REGRESSION) {
            throw new SpecException(ErrorCode.PROBLEM_TYPE_UNSUPPORTED, KEY, ProblemTypes.words(problem));
        }
        boolean binary = problem == ProblemType.BINARY_CLASSIFICATION;
        if (spec.isExplicit("predictor_type")) {
            String given = spec.text("predictor_type", "");
            String fits = binary ? "binary_classifier" : "regressor";
            if (!given.equals(fits)) {
                throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "predictor_type", given,
                        fits + " for " + ProblemTypes.words(problem));
            }
        }
        ctx.status("job.train.preparing", "Factorization Machines");
        Dataset train = data.train();
        Target target = Target.read(train, spec.target(), problem);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train, spec.target(), target.rows(),
                PipelineOptions.scaled());
        FeaturePipeline pipeline = fitted.pipeline();
        Sparse x = Sparse.of(pipeline.transform(train).rows(target.rows()));
        double[] y = binary ? Arrays.stream(target.labels()).asDoubleStream().toArray() : target.values();
        double labelMean = 0;
        double labelScale = 1;
        if (!binary) {
            labelMean = Arrays.stream(y).average().orElse(0);
            double var = 0;
            for (double v : y) {
                var += (v - labelMean) * (v - labelMean);
            }
            double sd = Math.sqrt(var / y.length);
            labelScale = sd > 1e-12 ? sd : 1;
            for (int i = 0; i < y.length; i++) {
                y[i] = (y[i] - labelMean) / labelScale;
            }
        }
        Sparse vx = null;
        double[] vy = null;
        if (data.validation() != null) {
            Dataset v = data.validation();
            int vt = v.schema().indexOf(spec.target());
            int[] vLabels = binary ? target.labelsOf(v) : null;
            var keep = new ArrayList<Integer>();
            for (int r = 0; r < v.rowCount(); r++) {
                if (vt >= 0 && !v.isMissing(r, vt) && (vLabels == null || vLabels[r] >= 0)) {
                    keep.add(r);
                }
            }
            int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
            if (rows.length > 0) {
                vx = Sparse.of(pipeline.transform(v).rows(rows));
                vy = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    vy[i] = vLabels != null ? vLabels[rows[i]] : (v.number(rows[i], vt) - labelMean) / labelScale;
                }
            }
        }

        int d = pipeline.outputNames().size();
        int k = spec.intValue("num_factors", 8);
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(spec.seed());
        double[] w0 = {init(spec, "bias", random)};
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = init(spec, "linear", random);
        }
        double[] v = new double[d * k];
        for (int j = 0; j < v.length; j++) {
            v[j] = init(spec, "factors", random);
        }
        Adam biasOpt = new Adam(spec.doubleValue("bias_lr", 0.1), spec.doubleValue("bias_wd", 0.01), 1);
        Adam linearOpt = new Adam(spec.doubleValue("linear_lr", 0.001), spec.doubleValue("linear_wd", 0.001), d);
        Adam factorsOpt = new Adam(spec.doubleValue("factors_lr", 0.0001), spec.doubleValue("factors_wd", 0.00001),
                d * k);
        double clip = spec.doubleValue("clip_gradient", 0);
        double eps = spec.doubleValue("eps", 1e-8);
        double rescaleGiven = spec.doubleValue("rescale_grad", 0);
        int epochs = spec.intValue("epochs", 1);
        int batch = spec.intValue("mini_batch_size", 1000);
        int n = x.rows();
        double[] gw0 = new double[1];
        double[] gw = new double[d];
        double[] gv = new double[d * k];
        double[] sums = new double[k];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        String metric = binary ? "binary_classification_cross_entropy" : "rmse";
        ctx.status("job.train.fm", "Factorization Machines", epochs);
        long t = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            ctx.throwIfCancelled();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double trainLoss = 0;
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                for (int b = from; b < to; b++) {
                    int i = order[b];
                    double z = score(x, i, w0[0], w, v, k, sums);
                    trainLoss += loss(binary, z, y[i]);
                    double g = binary ? sigmoid(z) - y[i] : z - y[i];
                    gw0[0] += g;
                    for (int p = x.start()[i]; p < x.start()[i + 1]; p++) {
                        int j = x.index()[p];
                        double xv = x.value()[p];
                        gw[j] += g * xv;
                        int o = j * k;
                        for (int f = 0; f < k; f++) {
                            gv[o + f] += g * xv * (sums[f] - v[o + f] * xv);
                        }
                    }
                }
                t++;
                double rescale = rescaleGiven > 0 ? rescaleGiven : 1.0 / (to - from);
                biasOpt.step(w0, gw0, t, rescale, clip, eps);
                linearOpt.step(w, gw, t, rescale, clip, eps);
                factorsOpt.step(v, gv, t, rescale, clip, eps);
            }
            double validation = Double.NaN;
            if (vx != null) {
                double sum = 0;
                for (int i = 0; i < vx.rows(); i++) {
                    sum += loss(binary, score(vx, i, w0[0], w, v, k, sums), vy[i]);
                }
                validation = report(binary, sum / vx.rows(), labelScale);
            }
            listener.onPoint(new TrainingPoint(epoch, metric, report(binary, trainLoss / n, labelScale), validation));
            ctx.progress(epoch, epochs);
        }
        ctx.progress(epochs, epochs);
        FmPayload payload = new FmPayload(k, w0[0], Arrays.stream(w).boxed().toList(),
                Arrays.stream(v).boxed().toList(), labelMean, labelScale);
        var diagnostics = new ArrayList<Diagnostic>(target.diagnostics());
        diagnostics.addAll(fitted.diagnostics());
        return new FmModel(new ModelHeader(spec, target.classes()), pipeline, diagnostics, payload);
    }

    /// Mean log loss as is; mean squared error (standardized) as RMSE in the label's units.
    private static double report(boolean binary, double meanLoss, double labelScale) {
        return binary ? meanLoss : Math.sqrt(meanLoss) * labelScale;
    }

    /// One start value of group `prefix` (`bias`, `linear`, `factors`) by its `*_init_method`.
    private static double init(LearnerSpec spec, String prefix, RandomGenerator random) {
        String method = spec.text(prefix + "_init_method", "normal");
        return switch (method) {
            case "uniform" -> {
                double scale = required(spec, prefix + "_init_scale");
                yield (random.nextDouble() * 2 - 1) * scale;
            }
            case "constant" -> required(spec, prefix + "_init_value");
            default -> random.nextGaussian() * spec.doubleValue(prefix + "_init_sigma", 0.01);
        };
    }

    private static double required(LearnerSpec spec, String name) {
        if (!(spec.value(name) instanceof Number number)) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_MISSING, name, KEY);
        }
        return number.doubleValue();
    }

    @Override
    public Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
        FmPayload p = payload.json(FmModel.JSON, FmPayload.class);
        int d = pipeline.outputNames().size();
        if (p.factors() < 1 || p.linear().size() != d || p.vectors().size() != d * p.factors()) {
            throw payload.corrupt(FmModel.JSON + " does not fit the preprocessing");
        }
        return new FmModel(header, pipeline, List.of(), p);
    }
}
