package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.EnsembleLearner;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.DatasetBuilder;
import dev.atelier.engine.explain.ShapExplainer;
import dev.atelier.engine.explain.ShapValues;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier bench explain`: SHAP times on generated loan-like data (8 numeric and 3 categorical columns): TreeSHAP of
/// an XGBoost model (100 trees, depth 6) and of a 100-tree random forest, and Kernel SHAP of a weighted ensemble.
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Time SHAP on generated data (11 columns: 8 numeric, 3 categorical; binary target): TreeSHAP"
                + " of 1,000 rows on XGBoost (100 trees, depth 6) and on a 100-tree random forest, and Kernel SHAP of"
                + " 1,000 rows of weighted ensembles. Prints the median of --runs timed runs after a warm-up (at least"
                + " one run, and more until 2 s have passed)."})
final class BenchExplainCommand implements Callable<Integer> {
    @Option(names = "--train", paramLabel = "N", description = "Training rows (default: ${DEFAULT-VALUE}).")
    int train = 5_000;

    @Option(names = "--rows", paramLabel = "N", description = "Rows explained (default: ${DEFAULT-VALUE}).")
    int rows = 1_000;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per measurement (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--members", paramLabel = "KEYS", description = "Members of the weighted ensemble explained"
            + " with Kernel SHAP (default: ${DEFAULT-VALUE}).")
    String members = "xgboost,linear-learner";

    @Option(names = "--folds", paramLabel = "N", description = "Cross-validation folds of the ensemble (each member is"
            + " a bag of its fold models; default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Option(names = "--samples", paramLabel = "N", description = "Kernel SHAP coalitions (default 0: 2M + 2048, here"
            + " all 2,046 coalitions of the 11 columns).")
    int samples;

    @Option(names = "--only", paramLabel = "WHAT", description = "Only one measurement: xgboost, forest or kernel.")
    String only = "";

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /// `rows` loan-like rows: income, debt, age, … (numeric), region, job, housing (categorical) and `approved`, a
    /// logistic function of several of them with an interaction.
    static Dataset data(int rows, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        String[] names = {"income", "debt", "age", "years_employed", "savings", "loan_amount", "term", "score"};
        double[][] x = new double[names.length][rows];
        String[] region = new String[rows];
        String[] job = new String[rows];
        String[] housing = new String[rows];
        String[] y = new String[rows];
        String[] regions = {"north", "south", "east", "west"};
        String[] jobs = {"clerk", "manager", "technician", "sales", "student", "retired"};
        String[] homes = {"rent", "own", "mortgage"};
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < names.length; j++) {
                x[j][i] = r.nextGaussian();
            }
            region[i] = regions[r.nextInt(regions.length)];
            job[i] = jobs[r.nextInt(jobs.length)];
            housing[i] = homes[r.nextInt(homes.length)];
            double logit = 1.2 * x[0][i] - 1.0 * x[1][i] + 0.4 * x[2][i] + 0.5 * x[7][i] - 0.6 * x[5][i]
                    + 0.5 * x[0][i] * x[4][i] + (housing[i].equals("own") ? 0.7 : 0)
                    + (job[i].equals("student") ? -0.8 : 0);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "yes" : "no";
        }
        DatasetBuilder b = Dataset.builder("loans");
        for (int j = 0; j < names.length; j++) {
            b.numeric(names[j], x[j]);
        }
        return b.categorical("region", region).categorical("job", job).categorical("housing", housing)
                .categorical("approved", y).target("approved").build();
    }

    @Override
    public Integer call() {
        if (train < 100 || rows < 1 || runs < 1 || folds < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--train must be >= 100, --rows and --runs >= 1, --folds >= 2");
        }
        PrintWriter out = spec.commandLine().getOut();
        Dataset data = data(train, 1);
        int[] explained = new int[Math.min(rows, train)];
        for (int i = 0; i < explained.length; i++) {
            explained[i] = i;
        }
        out.printf(Locale.ROOT, "Generated %,d training rows x 11 columns (seed 1; binary target), %d cores;"
                + " median of %d runs after a warm-up (>= 1 run, >= 2 s)%n", train, Runtime.getRuntime().availableProcessors(), runs);
        BenchTiming.reproduce(out, "explain --train %d --rows %d --runs %d --members %s --folds %d%s", train, rows,
                runs, members, folds, samples > 0 ? " --samples " + samples : "");
        if (only.isEmpty() || only.equals("xgboost")) {
            Model xgb = fit(data, "xgboost", Map.of("num_round", "100", "max_depth", "6"));
            time(out, "TreeSHAP, XGBoost 100 trees depth 6, log-odds", explained.length,
                    () -> explain(xgb, data, explained, ShapExplainer.Method.TREE, ShapExplainer.Scale.LOGIT));
        }
        if (only.isEmpty() || only.equals("forest")) {
            Model forest = fit(data, "random-forest", Map.of("n_estimators", "100"));
            time(out, "TreeSHAP, random forest 100 trees, probability", explained.length,
                    () -> explain(forest, data, explained, ShapExplainer.Method.TREE,
                            ShapExplainer.Scale.PROBABILITY));
            Model shallow = fit(data, "random-forest", Map.of("n_estimators", "100", "max_depth", "6"));
            time(out, "TreeSHAP, random forest 100 trees depth 6, probability", explained.length,
                    () -> explain(shallow, data, explained, ShapExplainer.Method.TREE,
                            ShapExplainer.Scale.PROBABILITY));
        }
        if (only.isEmpty() || only.equals("kernel")) {
            var hp = new LinkedHashMap<String, String>();
            hp.put("members", members);
            hp.put("folds", String.valueOf(folds));
            long t0 = System.nanoTime();
            Model ensemble = fit(data, EnsembleLearner.KEY, hp);
            out.printf(Locale.ROOT, "  (weighted ensemble of %s, %d folds, fitted in %.1f s; blend: %s)%n", members,
                    folds, BenchTiming.seconds(t0), composition(ensemble));
            time(out, "Kernel SHAP, Autopilot weighted ensemble, probability, 10 baseline rows", explained.length,
                    () -> explain(ensemble, data, explained, ShapExplainer.Method.KERNEL,
                            ShapExplainer.Scale.PROBABILITY));
            Model linear = fit(data, "linear-learner", Map.of());
            Model xgb = fit(data, "xgboost", Map.of("num_round", "100", "max_depth", "6"));
            Learners learners = Learners.builtIn();
            LearnerSpec es = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, ProblemType.BINARY_CLASSIFICATION,
                    "approved", Map.of("members", "linear-learner,xgboost"), 1);
            Model half = new dev.atelier.engine.automl.EnsembleModel(new dev.atelier.engine.learn.ModelHeader(es,
                    linear.header().classes()), java.util.List.of(linear, xgb), new double[] {1, 1});
            time(out, "Kernel SHAP, 50/50 Linear Learner + XGBoost (100 trees depth 6)", explained.length,
                    () -> explain(half, data, explained, ShapExplainer.Method.KERNEL,
                            ShapExplainer.Scale.PROBABILITY));
        }
        return 0;
    }

    /// "algorithm weight × models" per member of an ensemble.
    private static String composition(Model model) {
        if (!(model instanceof dev.atelier.engine.automl.EnsembleModel e)) {
            return model.header().algorithm();
        }
        var parts = new java.util.ArrayList<String>();
        double[] w = e.weights();
        for (int i = 0; i < w.length; i++) {
            Model m = e.members().get(i);
            int count = m instanceof dev.atelier.engine.automl.EnsembleModel bag ? bag.members().size() : 1;
            String algorithm = m instanceof dev.atelier.engine.automl.EnsembleModel bag
                    ? bag.members().getFirst().header().algorithm() : m.header().algorithm();
            parts.add(String.format(Locale.ROOT, "%s %.2f (%d models)", algorithm, w[i], count));
        }
        return String.join(", ", parts);
    }

    private ShapValues explain(Model model, Dataset data, int[] explained, ShapExplainer.Method method,
                               ShapExplainer.Scale scale) {
        return ShapExplainer.explain(model, data, explained,
                new ShapExplainer.Options(method, scale, -1, samples, 10, 0), JobContext.silent());
    }

    private static Model fit(Dataset data, String algorithm, Map<String, String> hp) {
        Learners learners = Learners.builtIn();
        var all = new LinkedHashMap<>(BenchCommand.REQUIRED.getOrDefault(algorithm, Map.of()));
        all.putAll(hp);
        LearnerSpec spec = LearnerSpec.of(learners.catalog(), algorithm, ProblemType.BINARY_CLASSIFICATION,
                "approved", all, 1);
        return learners.require(algorithm).fit(new TrainingData(data, data), spec, JobContext.silent(),
                TrainingListener.NONE);
    }

    private void time(PrintWriter out, String what, int explained, Supplier<ShapValues> run) {
        // warm-up: at least one run, and more until 2 s have passed (fast measurements need the JIT's second tier)
        long warmStart = System.nanoTime();
        ShapValues warm = run.get();
        for (int i = 0; i < 20 && System.nanoTime() - warmStart < 2_000_000_000L; i++) {
            run.get();
        }
        double worst = 0;
        for (int r = 0; r < warm.rows(); r++) {
            double sum = warm.base()[r];
            for (int j = 0; j < warm.columns().size(); j++) {
                sum += warm.value(r, j);
            }
            worst = Math.max(worst, Math.abs(sum - warm.prediction()[r]));
        }
        BenchTiming.Runs timed = BenchTiming.time(runs, run::get);
        out.printf(Locale.ROOT, "%-70s %,6d rows: median %.3f s, process CPU %.3f s per run (runs: %s; method %s,"
                + " max |base + sum - prediction| %.1e)%n", what, explained, timed.median(), timed.cpuPerRun(),
                timed.rounded(), warm.method(), worst);
        out.flush();
    }
}
