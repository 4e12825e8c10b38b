package dev.atelier.engine.learn.mlp;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.EngineException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadReader;
import dev.atelier.engine.learn.PipelineOptions;
import dev.atelier.engine.learn.Target;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.ValidationSplit;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.engine.learn.TrainingPoint;
import dev.atelier.engine.natives.NativeLibraries;
import dev.atelier.engine.natives.NativeLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// A multilayer perceptron (Autopilot's deep-learning candidate) trained with DJL on PyTorch's CPU engine, with
/// AutoGluon's hyperparameter names.
///
/// Inputs are imputed, standardized and one-hot encoded by the [FeaturePipeline]. The network is `num_layers ×
/// (Linear(hidden_size) → [BatchNorm] → activation → dropout)` and a linear output layer: one logit for binary
/// problems (sigmoid cross-entropy), one per class for multiclass (softmax cross-entropy), one value for
/// regression (mean squared error on the standardized target, un-standardized at prediction). Training runs
/// shuffled mini-batches with Adam (or SGD with momentum) and L2 weight decay, measures the loss on validation rows
/// (the given validation data, else a seeded 20 % hold-out) after every pass, stops after `epochs_wo_improve`
/// passes without improvement and keeps the best pass's weights.
///
/// Determinism: weight initialization, dropout masks and shuffling all draw from Java streams split from the
/// spec's seed; PyTorch's process-wide random generator is never used, so parallel fits cannot disturb each other.
public final class MlpLearner implements Learner {
    /// The catalogue key.
    public static final String KEY = "mlp";
    static final String NAME = "Multilayer Perceptron";
    private static final int EVAL_BATCH = 4096;

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
    public dev.atelier.engine.learn.Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
        MlpPayload p = payload.json(MlpModel.ARCHITECTURE, MlpPayload.class);
        if (p.inputs() != pipeline.outputNames().size() || p.hidden().isEmpty() || p.outputs() < 1) {
            throw payload.corrupt(MlpModel.ARCHITECTURE + " does not fit the preprocessing");
        }
        float[][] weights = MlpWeights.decode(payload.bytes(MlpModel.WEIGHTS), p.parameters());
        if (weights == null) {
            throw payload.corrupt(MlpModel.WEIGHTS + " does not match " + MlpModel.ARCHITECTURE);
        }
        return new MlpModel(header, pipeline, List.of(), p, weights);
    }

    /// The hyperparameters resolved for one fit (auto values filled in from the data size).
    record Settings(int epochs, int patience, double learningRate, double weightDecay, double dropout,
                    List<Integer> hidden, String activation, boolean batchnorm, int batchSize, String optimizer) {
        /// Batch normalization needs at least two rows per batch, so it is off for a single training row.
        static Settings of(LearnerSpec spec, int rows) {
            int layers = spec.intValue("num_layers", 4);
            int size = spec.intValue("hidden_size", 128);
            int patience = spec.isAuto("epochs_wo_improve")
                    ? rows > 100_000 ? 5 : rows > 10_000 ? 10 : 20
                    : spec.intValue("epochs_wo_improve", 20);
            int batch = spec.isAuto("batch_size")
                    ? Math.clamp(Integer.highestOneBit(Math.max(1, rows / 16)), 32, 512)
                    : spec.intValue("batch_size", 512);
            return new Settings(spec.intValue("num_epochs", 500), patience, spec.doubleValue("learning_rate", 3e-4),
                    spec.doubleValue("weight_decay", 1e-6), spec.doubleValue("dropout_prob", 0.1),
                    Collections.nCopies(layers, size), spec.text("activation", "relu"),
                    spec.bool("use_batchnorm", false) && rows >= 2, batch, spec.text("optimizer", "adam"));
        }
    }

    /// Model inputs and labels as floats: `x` row-major, `y` one label per row (0/1, class index, or standardized
    /// value).
    private record Rows(float[] x, float[] y, int n) {
    }

    @Override
    public dev.atelier.engine.learn.Model fit(TrainingData data, LearnerSpec spec, JobContext ctx,
                                              TrainingListener listener) {
        ctx.status("job.train.preparing", NAME);
        ProblemType problem = spec.problem();
        Dataset train = data.train();
        Target target = Target.read(train, spec.target(), problem);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train, spec.target(), target.rows(),
                PipelineOptions.scaled());
        FeaturePipeline pipeline = fitted.pipeline();
        FeatureMatrix all = pipeline.transform(train).rows(target.rows());
        double[] y = problem == ProblemType.REGRESSION ? target.values()
                : Arrays.stream(target.labels()).asDoubleStream().toArray();

        ValidationSplit split = ValidationSplit.of(data, spec, target, problem, pipeline, all, y);
        FeatureMatrix tx = split.trainX();
        double[] ty = split.trainY();
        FeatureMatrix vx = split.validationX();
        double[] vy = split.validationY();

        double labelMean = 0;
        double labelScale = 1;
        if (problem == ProblemType.REGRESSION) {
            labelMean = Arrays.stream(ty).average().orElse(0);
            double ss = 0;
            for (double v : ty) {
                ss += (v - labelMean) * (v - labelMean);
            }
            double sd = Math.sqrt(ss / ty.length);
            labelScale = sd > 1e-12 && Double.isFinite(sd) ? sd : 1;
        }
        MlpNetwork.Kind kind = switch (problem) {
            case BINARY_CLASSIFICATION -> MlpNetwork.Kind.BINARY;
            case MULTICLASS_CLASSIFICATION -> MlpNetwork.Kind.MULTICLASS;
            default -> MlpNetwork.Kind.REGRESSION;
        };
        int outputs = kind == MlpNetwork.Kind.MULTICLASS ? target.classes().size() : 1;
        Rows trainRows = rows(tx, ty, labelMean, labelScale);
        Rows validRows = rows(vx, vy, labelMean, labelScale);
        Settings settings = Settings.of(spec, trainRows.n());

        NativeLibraries.in(NativeLibraries.defaultHome()).ensureLoaded(NativeLibrary.PYTORCH);
        ctx.status("job.train.network", NAME, settings.hidden().size(), settings.epochs());
        Result result;
        try {
            result = train(settings, kind, outputs, tx.columns(), trainRows, validRows, labelScale, spec.seed(), ctx,
                    listener);
        } catch (ai.djl.engine.EngineException e) { // PyTorch refused (e.g. out of memory): a failure of this fit
            throw new EngineException(e, ErrorCode.TRAINING_FAILED, KEY, String.valueOf(e.getMessage()));
        }

        MlpPayload payload = new MlpPayload(tx.columns(), settings.hidden(), settings.activation(),
                settings.batchnorm(), settings.dropout(), outputs, labelMean, labelScale, result.epochs(),
                result.bestEpoch(), result.shapes());
        var diagnostics = new ArrayList<Diagnostic>(target.diagnostics());
        diagnostics.addAll(fitted.diagnostics());
        return new MlpModel(new ModelHeader(spec, target.classes()), pipeline, diagnostics, payload, result.weights());
    }

    private record Result(float[][] weights, List<MlpPayload.ParameterShape> shapes, int epochs, int bestEpoch) {
    }

    /// The training loop. Every native array lives in the trainer's manager (parameters, optimizer state) or in a
    /// per-batch sub-manager closed after the batch.
    private static Result train(Settings s, MlpNetwork.Kind kind, int outputs, int d, Rows train, Rows valid,
                                double labelScale, long seed, JobContext ctx, TrainingListener listener) {
        RandomGenerator.SplittableGenerator root = RandomGeneratorFactory
                .<RandomGenerator.SplittableGenerator>of("L64X128MixRandom").create(seed);
        RandomGenerator initRandom = root.split();
        RandomGenerator dropoutRandom = root.split();
        RandomGenerator shuffleRandom = root.split();
        SequentialBlock block = MlpNetwork.block(s.hidden(), s.activation(), s.batchnorm(), s.dropout(), outputs,
                dropoutRandom);
        Optimizer optimizer = s.optimizer().equals("sgd")
                ? Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) s.learningRate())).optMomentum(0.9f)
                        .optWeightDecays((float) s.weightDecay()).build()
                : Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) s.learningRate()))
                        .optWeightDecays((float) s.weightDecay()).build();
        // the loss given to DJL is only a placeholder: the loop computes its own (MlpNetwork.loss)
        var config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(optimizer)
                .optInitializer(MlpNetwork.initializer(initRandom, s.activation()), Parameter.Type.WEIGHT);
        String metric = switch (kind) {
            case BINARY -> "logloss";
            case MULTICLASS -> "mlogloss";
            case REGRESSION -> "rmse";
        };
        int n = train.n();
        // batch normalization cannot train on a batch of one row: such a remainder joins the previous batch
        int batchSize = Math.max(1, Math.min(s.batchSize(), n));
        try (Model model = Model.newInstance("mlp", MlpNetwork.ENGINE)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, d));
                NDManager manager = trainer.getManager();
                int[] order = new int[n];
                Arrays.setAll(order, i -> i);
                float[][] best = MlpNetwork.snapshot(block);
                double bestLoss = Double.POSITIVE_INFINITY;
                int bestEpoch = 0;
                int since = 0;
                int epoch = 0;
                while (epoch < s.epochs()) {
                    epoch++;
                    shuffle(order, shuffleRandom);
                    double sum = 0;
                    for (int from = 0; from < n; ) {
                        ctx.throwIfCancelled();
                        int to = Math.min(n, from + batchSize);
                        if (s.batchnorm() && n - to == 1) {
                            to = n;
                        }
                        try (NDManager batch = manager.newSubManager()) {
                            NDArray x = batch.create(gatherX(train, order, from, to, d), new Shape(to - from, d));
                            NDArray yb = labels(batch, kind, outputs, gatherY(train, order, from, to), to - from);
                            float value;
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray z = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray loss = MlpNetwork.loss(kind, z, yb);
                                value = loss.getFloat();
                                if (value > 0) {
                                    collector.backward(loss);
                                }
                            }
                            sum += value * (double) (to - from);
                            // a batch already fitted exactly has nothing to teach (and DJL rejects all-zero gradients)
                            if (value > 0) {
                                trainer.step();
                            }
                        }
                        from = to;
                    }
                    double trainLoss = sum / n;
                    double validLoss = evaluate(trainer, manager, kind, outputs, valid, d);
                    if (!Double.isFinite(trainLoss) || !Double.isFinite(validLoss)) {
                        break; // diverged: keep the best weights so far
                    }
                    listener.onPoint(new TrainingPoint(epoch, metric, curve(kind, trainLoss, labelScale),
                            curve(kind, validLoss, labelScale)));
                    ctx.progress(epoch, s.epochs());
                    if (validLoss < bestLoss - 1e-7 * Math.abs(bestLoss) || bestEpoch == 0) {
                        bestLoss = validLoss;
                        bestEpoch = epoch;
                        best = MlpNetwork.snapshot(block);
                        since = 0;
                    } else if (++since >= s.patience()) {
                        break;
                    }
                }
                ctx.progress(s.epochs(), s.epochs());
                return new Result(best, MlpNetwork.shapes(block), epoch, bestEpoch);
            }
        }
    }

    /// The mean loss over `rows`, in inference mode (no dropout, batch-norm running statistics).
    private static double evaluate(Trainer trainer, NDManager manager, MlpNetwork.Kind kind, int outputs, Rows rows,
                                   int d) {
        double sum = 0;
        int[] all = new int[rows.n()];
        Arrays.setAll(all, i -> i);
        for (int from = 0; from < rows.n(); from += EVAL_BATCH) {
            int to = Math.min(rows.n(), from + EVAL_BATCH);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.create(gatherX(rows, all, from, to, d), new Shape(to - from, d));
                NDArray y = labels(batch, kind, outputs, gatherY(rows, all, from, to), to - from);
                NDArray z = trainer.evaluate(new NDList(x)).singletonOrThrow();
                sum += MlpNetwork.loss(kind, z, y).getFloat() * (double) (to - from);
            }
        }
        return sum / rows.n();
    }

    /// The curve shows the loss itself for classification and the RMSE in the target's units for regression.
    private static double curve(MlpNetwork.Kind kind, double loss, double labelScale) {
        return kind == MlpNetwork.Kind.REGRESSION ? Math.sqrt(loss) * labelScale : loss;
    }

    private static NDArray labels(NDManager manager, MlpNetwork.Kind kind, int outputs, float[] y, int b) {
        if (kind != MlpNetwork.Kind.MULTICLASS) {
            return manager.create(y, new Shape(b, 1));
        }
        float[] oneHot = new float[b * outputs];
        for (int i = 0; i < b; i++) {
            oneHot[i * outputs + (int) y[i]] = 1f;
        }
        return manager.create(oneHot, new Shape(b, outputs));
    }

    private static float[] gatherX(Rows rows, int[] order, int from, int to, int d) {
        float[] out = new float[(to - from) * d];
        for (int i = from; i < to; i++) {
            System.arraycopy(rows.x(), order[i] * d, out, (i - from) * d, d);
        }
        return out;
    }

    private static float[] gatherY(Rows rows, int[] order, int from, int to) {
        float[] out = new float[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = rows.y()[order[i]];
        }
        return out;
    }

    private static Rows rows(FeatureMatrix x, double[] y, double labelMean, double labelScale) {
        float[] labels = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (float) ((y[i] - labelMean) / labelScale);
        }
        return new Rows(x.toFloatArray(), labels, x.rows());
    }

    private static void shuffle(int[] order, RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
