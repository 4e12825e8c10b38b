package dev.atelier.engine.learn.forest;

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
import dev.atelier.engine.learn.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// Random forest (`random-forest`: bootstrap rows, best split of `max_features` sampled inputs) and extra trees
/// (`extra-trees`: all rows, one random split point per sampled input), on Atelier's own histogram CART
/// ([TreeGrower]): numeric inputs are cut into at most 255 quantile bins before growing, split values are bin
/// boundaries on the original scale. Smile's forests are not used because their trees can only be persisted by
/// Java serialization and Smile has no extra-trees mode (docs/adr/0007).
///
/// Trees grow on a bounded pool of platform threads, each from its own split random stream, so the result does not
/// depend on scheduling. The seed is `random_state` when given, else the spec's seed.
public final class ForestLearner implements Learner {
    private static final int MAX_BINS = 255;
    private final boolean extra;

    private ForestLearner(boolean extra) {
        this.extra = extra;
    }

    /// The random forest learner.
    public static ForestLearner randomForest() {
        return new ForestLearner(false);
    }

    /// The extra trees learner.
    public static ForestLearner extraTrees() {
        return new ForestLearner(true);
    }

    @Override
    public String algorithm() {
        return extra ? "extra-trees" : "random-forest";
    }

    @Override
    public Set<ProblemType> problems() {
        return EnumSet.of(ProblemType.BINARY_CLASSIFICATION, ProblemType.MULTICLASS_CLASSIFICATION,
                ProblemType.REGRESSION);
    }

    @Override
    public Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
        ForestPayload p = payload.json("forest.json", ForestPayload.class);
        int d = pipeline.outputNames().size();
        for (TreeData t : p.trees()) {
            int n = t.nodes();
            if (n == 0 || t.threshold().length != n || t.left().length != n || t.right().length != n
                    || t.value().length != n * p.outputs()) {
                throw payload.corrupt("forest.json has a malformed tree");
            }
            for (int i = 0; i < n; i++) {
                if (t.feature()[i] >= d || t.feature()[i] >= 0 && (t.left()[i] <= i || t.right()[i] <= i
                        || t.left()[i] >= n || t.right()[i] >= n)) {
                    throw payload.corrupt("forest.json has a malformed tree");
                }
            }
        }
        return new ForestModel(header, pipeline, List.of(), p);
    }

    @Override
    public Model fit(TrainingData data, LearnerSpec spec, JobContext ctx, TrainingListener listener) {
        String name = extra ? "Extra Trees" : "Random Forest";
        ctx.status("job.train.preparing", name);
        ProblemType problem = spec.problem();
        Dataset train = data.train();
        Target target = Target.read(train, spec.target(), problem);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train, spec.target(), target.rows(), PipelineOptions.trees());
        FeatureMatrix x = fitted.pipeline().transform(train).rows(target.rows());
        int n = x.rows();
        int d = x.columns();
        int k = problem == ProblemType.REGRESSION ? 0 : target.classes().size();
        double[] y = problem == ProblemType.REGRESSION ? target.values()
                : Arrays.stream(target.labels()).asDoubleStream().toArray();

        String criterion = spec.text("criterion", problem == ProblemType.REGRESSION ? "squared_error" : "gini");
        boolean entropy = criterion.equals("entropy") || criterion.equals("log_loss");
        boolean fits = problem == ProblemType.REGRESSION ? criterion.equals("squared_error")
                || criterion.equals("friedman_mse") : criterion.equals("gini") || entropy;
        if (!fits) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "criterion", criterion,
                    problem == ProblemType.REGRESSION ? "squared_error or friedman_mse" : "gini, entropy or log_loss");
        }
        double[] classWeight = new double[Math.max(k, 1)];
        Arrays.fill(classWeight, 1);
        if (k > 0 && spec.has("class_weight")) {
            int[] counts = new int[k];
            for (double v : y) {
                counts[(int) v]++;
            }
            for (int c = 0; c < k; c++) {
                classWeight[c] = counts[c] == 0 ? 1 : n / (double) (k * counts[c]);
            }
        }
        TreeGrower.Binned binned = bin(x, y, k, classWeight);
        int trees = spec.intValue("n_estimators", 300);
        int mtry = mtry(spec.value("max_features"), d);
        var settings = new TreeGrower.Settings(extra,
                spec.has("max_depth") ? spec.intValue("max_depth", Integer.MAX_VALUE) : Integer.MAX_VALUE,
                spec.intValue("max_leaf_nodes", 15_000), spec.intValue("min_samples_split", 2),
                spec.intValue("min_samples_leaf", 1), mtry, entropy);
        boolean bootstrap = spec.bool("bootstrap", !extra);
        int draws = bootstrap && spec.has("max_samples")
                ? Math.max(1, (int) Math.round(n * spec.doubleValue("max_samples", 1))) : n;
        long seed = spec.isExplicit("random_state") ? spec.longValue("random_state", 0) : spec.seed();

        RandomGenerator.SplittableGenerator root = RandomGeneratorFactory
                .<RandomGenerator.SplittableGenerator>of("L64X128MixRandom").create(seed);
        var streams = new ArrayList<RandomGenerator>();
        for (int t = 0; t < trees; t++) {
            streams.add(root.split());
        }
        TreeData[] grown = new TreeData[trees];
        Object lock = new Object();
        int[] done = {0};
        int threads = Math.max(1, Math.min(trees, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, algorithm());
            t.setDaemon(true);
            return t;
        });
        ctx.status("job.train.trees", name, trees);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < trees; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    ctx.throwIfCancelled();
                    RandomGenerator random = streams.get(index);
                    int[] rows = new int[draws];
                    for (int i = 0; i < draws; i++) {
                        rows[i] = bootstrap ? random.nextInt(n) : i;
                    }
                    grown[index] = new TreeGrower(binned, settings, random).grow(rows, ctx);
                    synchronized (lock) {
                        done[0]++;
                        ctx.progress(done[0], trees);
                    }
                }));
            }
            for (Future<?> f : futures) {
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
        } finally {
            pool.shutdownNow();
        }
        var diagnostics = new ArrayList<Diagnostic>(target.diagnostics());
        diagnostics.addAll(fitted.diagnostics());
        return new ForestModel(new ModelHeader(spec, target.classes()), fitted.pipeline(), diagnostics,
                new ForestPayload(algorithm(), Math.max(k, 1), List.of(grown)));
    }

    private static int mtry(Object maxFeatures, int d) {
        return switch (maxFeatures) {
            case Keyword kw when kw.word().equals("log2") -> Math.max(1, (int) (Math.log(d) / Math.log(2)));
            case Keyword _ -> Math.max(1, (int) Math.sqrt(d));
            case Number share -> Math.max(1, (int) Math.round(share.doubleValue() * d));
            case null, default -> Math.max(1, (int) Math.sqrt(d));
        };
    }

    /// Cuts every input into at most 255 bins at quantiles of its distinct training values.
    private static TreeGrower.Binned bin(FeatureMatrix x, double[] y, int k, double[] classWeight) {
        int n = x.rows();
        int d = x.columns();
        double[] all = x.toArray();
        short[][] bins = new short[d][n];
        double[][] cuts = new double[d][];
        double[] column = new double[n];
        for (int f = 0; f < d; f++) {
            for (int i = 0; i < n; i++) {
                column[i] = all[i * d + f];
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            double[] distinct = Arrays.stream(sorted).distinct().toArray();
            double[] c;
            if (distinct.length <= MAX_BINS + 1) {
                c = new double[Math.max(0, distinct.length - 1)];
                for (int i = 0; i < c.length; i++) {
                    c[i] = distinct[i] + (distinct[i + 1] - distinct[i]) / 2;
                }
            } else {
                double[] q = new double[MAX_BINS];
                int m = 0;
                for (int i = 1; i <= MAX_BINS; i++) {
                    double v = sorted[(int) ((long) i * (n - 1) / (MAX_BINS + 1))];
                    if (m == 0 || v > q[m - 1]) {
                        q[m++] = v;
                    }
                }
                c = Arrays.copyOf(q, m);
            }
            cuts[f] = c;
            for (int i = 0; i < n; i++) {
                int b = Arrays.binarySearch(c, column[i]);
                bins[f][i] = (short) (b >= 0 ? b : -b - 1);
            }
        }
        return new TreeGrower.Binned(bins, cuts, y, n, d, k, classWeight);
    }
}
