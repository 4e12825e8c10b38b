package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.DatasetBuilder;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier bench learners [--rows N --cols D]`: fit time of every trainable learner on generated data.
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure how fast things run on this machine.",
        subcommands = {BenchCommand.Learners.class, BenchHoldoutCommand.class, BenchWrangleCommand.class,
                BenchImportCommand.class, BenchProfileCommand.class, BenchExplainCommand.class,
                BenchBiasCommand.class})
final class BenchCommand implements Runnable {
    /// Values for the hyperparameters SageMaker requires (no default), used by the benchmarks.
    static final Map<String, Map<String, String>> REQUIRED = Map.of("xgboost", Map.of("num_round", "100"),
            "knn", Map.of("k", "10"), "factorization-machines", Map.of("num_factors", "8"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /// The learner benchmark.
    @Command(name = "learners", mixinStandardHelpOptions = true,
            description = {"Fit every trainable algorithm with its defaults (XGBoost: 100 rounds, k-NN: k=10,"
                    + " FM: 8 factors) on generated binary data and print the fit time and AUC on 10,000 fresh rows."})
    static final class Learners implements Callable<Integer> {
        @Option(names = "--rows", paramLabel = "N", description = "Training rows (default: ${DEFAULT-VALUE}).")
        int rows = 50_000;

        @Option(names = "--cols", paramLabel = "D", description = "Numeric columns (default: ${DEFAULT-VALUE}).")
        int cols = 20;

        @Option(names = "--algorithm", paramLabel = "KEY", description = "Only this algorithm (repeatable).")
        List<String> only = new ArrayList<>();

        @Option(names = "--warmup", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "First fit each algorithm once on 2,000 rows, so that the timed fit excludes loading its"
                        + " native library and compiling its Java code (default: on; --no-warmup times a cold start).")
        boolean warmup = true;

        @Mixin
        GlobalOptions global;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (rows < 10 || cols < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be >= 10 and --cols >= 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            var learners = dev.atelier.engine.learn.Learners.builtIn();
            Dataset train = data(rows, cols, 1);
            Dataset test = data(10_000, cols, 2);
            out.printf(Locale.ROOT, "Generated %d x %d training rows (binary target), %d cores, %s%n", rows, cols,
                    Runtime.getRuntime().availableProcessors(), warmup ? "after a warm-up fit on 2,000 rows"
                            : "cold (first fit in this process)");
            out.printf(Locale.ROOT, "%-24s %10s %8s%n", "ALGORITHM", "FIT (s)", "AUC");
            for (AlgorithmDescriptor d : learners.catalog().all()) {
                boolean composite = d.key().equals(dev.atelier.engine.automl.EnsembleLearner.KEY);
                if (!d.trainable() || composite && !only.contains(d.key()) || !only.isEmpty() && !only.contains(d.key())) {
                    continue;
                }
                Learner learner = learners.require(d.key());
                Map<String, String> hp = REQUIRED.getOrDefault(d.key(), Map.of());
                LearnerSpec s = LearnerSpec.of(learners.catalog(), d.key(), ProblemType.BINARY_CLASSIFICATION, "y",
                        hp, 1);
                if (warmup) {
                    Dataset small = data(2_000, cols, 3);
                    learner.fit(new TrainingData(small, small), s, JobContext.silent(), TrainingListener.NONE);
                }
                long start = System.nanoTime();
                Model model = learner.fit(new TrainingData(train, test), s, JobContext.silent(), TrainingListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                double auc = Evaluator.evaluate(model.predict(test), test, "y").getOrDefault("auc", Double.NaN);
                out.printf(Locale.ROOT, "%-24s %10.2f %8.4f%n", d.key(), seconds, auc);
                out.flush();
            }
            return 0;
        }

        /// `cols` Gaussian columns; the target is a logistic function of the first five plus an interaction.
        static Dataset data(int rows, int cols, long seed) {
            RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
            double[][] x = new double[cols][rows];
            String[] y = new String[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    x[j][i] = r.nextGaussian();
                }
                double logit = 0;
                for (int j = 0; j < Math.min(5, cols); j++) {
                    logit += (j % 2 == 0 ? 1.0 : -1.0) * x[j][i];
                }
                if (cols > 6) {
                    logit += x[5][i] * x[6][i];
                }
                y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "1" : "0";
            }
            DatasetBuilder b = Dataset.builder("bench");
            for (int j = 0; j < cols; j++) {
                b.numeric("x" + j, x[j]);
            }
            return b.categorical("y", y).target("y").build();
        }
    }
}
