package dev.atelier.engine.learn.linear;

import dev.atelier.engine.algorithms.Keyword;
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
import dev.atelier.engine.learn.Target;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.ValidationSplit;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.engine.learn.TrainingPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// SageMaker's Linear Learner. `num_models` linear models (auto: 32) are trained side by side on a bounded pool of
/// platform threads, each with its own split random stream, so results never depend on scheduling. Model 0 uses the
/// default settings; the others sample the learning rate (log-uniform 1e-3 – 0.5), `wd` and `l1` (log-uniform, or
/// 0) unless those were given. Each runs `epochs` passes of shuffled mini-batches with the chosen optimizer (auto =
/// adam), L2 (`wd`) in the gradient and L1 (`l1`) as a proximal step, stops early when its validation loss has not
/// improved by `early_stopping_tolerance` (relative) for `early_stopping_patience` epochs, and keeps its best epoch.
///
/// The best model is chosen on validation data: for binary problems by
/// `binary_classifier_model_selection_criteria`, tuning the decision threshold as SageMaker does (the threshold that
/// maximizes accuracy or F-beta; the best precision with recall ≥ `target_recall`; the best recall with precision ≥
/// `target_precision`; 0.5 for `loss_function`); for multiclass by accuracy; for regression by loss.
public final class LinearLearner implements Learner {
    /// The catalogue key.
    public static final String KEY = "linear-learner";
    private static final int AUTO_MODELS = 32;

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
    public Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
        LinearPayload p = payload.json("linear.json", LinearPayload.class);
        if (p.weights().size() != pipeline.outputNames().size() * p.outputs() || p.bias().size() != p.outputs()) {
            throw payload.corrupt("linear.json does not fit the preprocessing");
        }
        return new LinearModel(header, pipeline, List.of(), p);
    }

    /// One candidate model's settings.
    record Config(int index, double lr, double wd, double l1, String optimizer) {
        String words() {
            return String.format(Locale.ROOT, "model %d: %s, learning_rate=%.3g, wd=%.3g, l1=%.3g", index, optimizer,
                    lr, wd, l1);
        }
    }

    @Override
    public Model fit(TrainingData data, LearnerSpec spec, JobContext ctx, TrainingListener listener) {
        ctx.status("job.train.preparing", "Linear Learner");
        ProblemType problem = spec.problem();
        Dataset train = data.train();
        Target target = Target.read(train, spec.target(), problem);
        String loss = loss(spec);
        boolean normalize = !spec.text("normalize_data", "true").equals("false");
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train, spec.target(), target.rows(),
                new PipelineOptions(true, normalize, PipelineOptions.DEFAULT_MAX_LEVELS));
        FeaturePipeline pipeline = fitted.pipeline();
        FeatureMatrix all = pipeline.transform(train).rows(target.rows());
        int k = problem == ProblemType.MULTICLASS_CLASSIFICATION ? target.classes().size() : 1;
        double[] y = problem == ProblemType.REGRESSION ? target.values()
                : Arrays.stream(target.labels()).asDoubleStream().toArray();

        ValidationSplit split = ValidationSplit.of(data, spec, target, problem, pipeline, all, y);
        FeatureMatrix tx = split.trainX();
        double[] ty = split.trainY();
        FeatureMatrix vx = split.validationX();
        double[] vy = split.validationY();

        double labelMean = 0;
        double labelScale = 1;
        if (problem == ProblemType.REGRESSION && !spec.text("normalize_label", "auto").equals("false")) {
            labelMean = Arrays.stream(ty).average().orElse(0);
            double var = 0;
            for (double v : ty) {
                var += (v - labelMean) * (v - labelMean);
            }
            double sd = Math.sqrt(var / ty.length);
            labelScale = sd > 1e-12 ? sd : 1;
        }
        double[] tyScaled = ty.clone();
        double[] vyScaled = vy.clone();
        if (problem == ProblemType.REGRESSION) {
            for (int i = 0; i < tyScaled.length; i++) {
                tyScaled[i] = (ty[i] - labelMean) / labelScale;
            }
            for (int i = 0; i < vyScaled.length; i++) {
                vyScaled[i] = (vy[i] - labelMean) / labelScale;
            }
        }
        double[] weights = rowWeights(spec, problem, ty, k == 1 && problem != ProblemType.REGRESSION ? 2 : k);

        int models = spec.isAuto("num_models") ? AUTO_MODELS : spec.intValue("num_models", AUTO_MODELS);
        int epochs = spec.intValue("epochs", 15);
        RandomGeneratorFactory<RandomGenerator.SplittableGenerator> factory =
                RandomGeneratorFactory.of("L64X128MixRandom");
        RandomGenerator.SplittableGenerator root = factory.create(spec.seed());
        var trainers = new ArrayList<SgdTrainer>();
        for (int m = 0; m < models; m++) {
            RandomGenerator.SplittableGenerator stream = root.split();
            Config config = config(spec, m, stream);
            trainers.add(new SgdTrainer(config, spec, loss, tx, tyScaled, weights, vx, vyScaled, k, stream));
        }
        int threads = Math.max(1, Math.min(models, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "linear-learner");
            t.setDaemon(true);
            return t;
        });
        ctx.status("job.train.epochs", "Linear Learner", models, epochs);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                ctx.throwIfCancelled();
                var futures = new ArrayList<Future<?>>();
                for (SgdTrainer t : trainers) {
                    if (!t.stopped()) {
                        futures.add(pool.submit(() -> t.epoch(ctx)));
                    }
                }
                for (Future<?> f : futures) {
                    await(f);
                }
                SgdTrainer best = trainers.stream().min((a, b) -> Double.compare(a.lastValidationLoss(),
                        b.lastValidationLoss())).orElseThrow();
                listener.onPoint(new TrainingPoint(epoch, loss, best.lastTrainLoss(), best.lastValidationLoss()));
                ctx.progress(epoch, epochs);
                if (trainers.stream().allMatch(SgdTrainer::stopped)) {
                    break;
                }
            }
            ctx.progress(epochs, epochs);
        } finally {
            pool.shutdownNow();
        }

        // selection
        Selection chosen = null;
        for (SgdTrainer t : trainers) {
            Selection s = select(spec, problem, t, vx, vy, k);
            if (chosen == null || s.score() > chosen.score()) {
                chosen = s;
            }
        }
        SgdTrainer winner = chosen.trainer();
        LinearPayload payload = new LinearPayload(loss, k, boxed(winner.bestWeights()), boxed(winner.bestBias()),
                chosen.threshold(), labelMean, labelScale, winner.config().words());
        var diagnostics = new ArrayList<Diagnostic>(target.diagnostics());
        diagnostics.addAll(fitted.diagnostics());
        return new LinearModel(new ModelHeader(spec, target.classes()), pipeline, diagnostics, payload);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Selection(SgdTrainer trainer, double score, double threshold) {
    }

    /// Scores a trained candidate on validation (higher is better) and tunes its threshold.
    private static Selection select(LearnerSpec spec, ProblemType problem, SgdTrainer t, FeatureMatrix vx,
                                    double[] vy, int k) {
        double loss = t.bestValidationLoss();
        if (problem == ProblemType.REGRESSION) {
            return new Selection(t, -loss, 0.5);
        }
        double[] z = t.margins(vx);
        int n = vx.rows();
        if (problem == ProblemType.MULTICLASS_CLASSIFICATION) {
            int right = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (z[i * k + c] > z[i * k + best]) {
                        best = c;
                    }
                }
                right += best == (int) vy[i] ? 1 : 0;
            }
            return new Selection(t, right / (double) n - 1e-9 * loss, 0.5);
        }
        double[] p = new double[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = sigmoid(z[i]);
            truth[i] = (int) vy[i];
        }
        String criterion = spec.text("binary_classifier_model_selection_criteria", "accuracy");
        double[] best = Thresholds.tune(criterion, p, truth, spec.doubleValue("target_recall", 0.8),
                spec.doubleValue("target_precision", 0.8), spec.doubleValue("f_beta", 1.0));
        if (criterion.equals("loss_function")) {
            return new Selection(t, -loss, 0.5);
        }
        return new Selection(t, best[0] - 1e-9 * loss, best[1]);
    }

    private static Config config(LearnerSpec spec, int m, RandomGenerator random) {
        String optimizer = spec.text("optimizer", "auto");
        if (optimizer.equals("auto")) {
            optimizer = "adam";
        }
        double defaultLr = optimizer.equals("sgd") ? 0.1 : 0.01;
        double lr = !spec.isAuto("learning_rate") ? spec.doubleValue("learning_rate", defaultLr)
                : m == 0 ? defaultLr : Math.exp(Math.log(1e-3) + random.nextDouble() * (Math.log(0.5) - Math.log(1e-3)));
        double wd = !spec.isAuto("wd") ? spec.doubleValue("wd", 0)
                : m == 0 || random.nextBoolean() ? 0 : Math.exp(Math.log(1e-7) + random.nextDouble() * Math.log(1e5));
        double l1 = !spec.isAuto("l1") ? spec.doubleValue("l1", 0)
                : m == 0 || random.nextDouble() < 0.75 ? 0
                : Math.exp(Math.log(1e-7) + random.nextDouble() * Math.log(1e4));
        return new Config(m, lr, wd, l1, optimizer);
    }

    /// Per-row weights: positive_example_weight_mult for binary, balance_multiclass_weights for multiclass.
    private static double[] rowWeights(LearnerSpec spec, ProblemType problem, double[] y, int classes) {
        double[] w = new double[y.length];
        Arrays.fill(w, 1);
        if (problem == ProblemType.BINARY_CLASSIFICATION) {
            Object mult = spec.value("positive_example_weight_mult");
            long positives = Arrays.stream(y).filter(v -> v == 1).count();
            double factor = switch (mult) {
                case Keyword _ -> positives == 0 ? 1 : (y.length - positives) / (double) positives;
                case Number n -> n.doubleValue();
                case null, default -> 1;
            };
            for (int i = 0; i < y.length; i++) {
                w[i] = y[i] == 1 ? factor : 1;
            }
        } else if (problem == ProblemType.MULTICLASS_CLASSIFICATION && spec.bool("balance_multiclass_weights", false)) {
            int[] counts = new int[classes];
            for (double v : y) {
                counts[(int) v]++;
            }
            for (int i = 0; i < y.length; i++) {
                w[i] = y.length / (double) (classes * counts[(int) y[i]]);
            }
        }
        return w;
    }

    /// The loss for the spec's problem; a given loss must fit the problem.
    static String loss(LearnerSpec spec) {
        String given = spec.text("loss", "auto");
        ProblemType problem = spec.problem();
        if (given.equals("auto")) {
            return switch (problem) {
                case BINARY_CLASSIFICATION -> "logistic";
                case MULTICLASS_CLASSIFICATION -> "softmax_loss";
                default -> "squared_loss";
            };
        }
        boolean fits = switch (problem) {
            case BINARY_CLASSIFICATION -> given.equals("logistic") || given.equals("hinge_loss");
            case MULTICLASS_CLASSIFICATION -> given.equals("softmax_loss");
            default -> List.of("squared_loss", "absolute_loss", "huber_loss", "quantile_loss",
                    "eps_insensitive_squared_loss", "eps_insensitive_absolute_loss").contains(given);
        };
        if (!fits) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "loss", given,
                    "a loss for " + problem.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return given;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /// `out[o..o+k) = x[off..off+d) · W + b`.
    static void margins(double[] x, int off, int d, double[] w, double[] b, int k, double[] out, int o) {
        for (int c = 0; c < k; c++) {
            out[o + c] = b[c];
        }
        for (int j = 0; j < d; j++) {
            double v = x[off + j];
            if (v != 0) {
                for (int c = 0; c < k; c++) {
                    out[o + c] += v * w[j * k + c];
                }
            }
        }
    }

    static void softmaxInPlace(double[] z, int o, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[o + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            z[o + c] = Math.exp(z[o + c] - max);
            sum += z[o + c];
        }
        for (int c = 0; c < k; c++) {
            z[o + c] /= sum;
        }
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
