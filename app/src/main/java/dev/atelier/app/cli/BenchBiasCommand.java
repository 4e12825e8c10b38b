package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.bias.BiasAnalysis;
import dev.atelier.engine.bias.BiasReport;
import dev.atelier.engine.bias.Facet;
import dev.atelier.engine.bias.OutcomeRule;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.io.PrintWriter;
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

/// `atelier bench bias`: Clarify's bias metrics on generated loan rows — all pre-training metrics (with a group
/// column for CDDL) on 1,000,000 rows, and all post-training metrics (flip test included) with a model.
@Command(name = "bias", mixinStandardHelpOptions = true,
        description = {"Time the bias metrics on generated loan rows (gender facet, region group, yes/no label with a"
                + " planted gap): all pre-training metrics on --rows rows (default 1,000,000), and all post-training"
                + " metrics with a Linear Learner model on --post-rows rows (the flip test is quadratic). Prints the"
                + " median of --runs timed runs after one warm-up."})
final class BenchBiasCommand implements Callable<Integer> {
    @Option(names = "--rows", paramLabel = "N", description = "Rows for pre-training (default: ${DEFAULT-VALUE}).")
    int rows = 1_000_000;

    @Option(names = "--post-rows", paramLabel = "N", description = "Rows for post-training (default: ${DEFAULT-VALUE}).")
    int postRows = 20_000;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per measurement (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /// `rows` rows: gender (female 45 %, male 50 %, nonbinary 5 %), region (10 levels), income, debt, and `approved`,
    /// whose rate is lower for women at equal income and debt.
    static Dataset data(int rows, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        String[] gender = new String[rows];
        String[] region = new String[rows];
        double[] income = new double[rows];
        double[] debt = new double[rows];
        String[] approved = new String[rows];
        String[] regions = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"};
        for (int i = 0; i < rows; i++) {
            double u = r.nextDouble();
            gender[i] = u < 0.45 ? "female" : u < 0.95 ? "male" : "nonbinary";
            region[i] = regions[r.nextInt(regions.length)];
            income[i] = r.nextGaussian();
            debt[i] = r.nextGaussian();
            double logit = income[i] - 0.7 * debt[i] + (gender[i].equals("female") ? -0.6 : 0) + 0.3;
            approved[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "yes" : "no";
        }
        return Dataset.builder("loans").categorical("gender", gender).categorical("region", region)
                .numeric("income", income).numeric("debt", debt).categorical("approved", approved)
                .target("approved").build();
    }

    @Override
    public Integer call() {
        if (rows < 100 || postRows < 100 || runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rows and --post-rows must be >= 100, --runs >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        var biasSpec = new BiasAnalysis.Spec("approved", OutcomeRule.parse("yes"), Facet.parse("gender=female"),
                "region");
        long t0 = System.nanoTime();
        Dataset data = data(rows, 1);
        out.printf(Locale.ROOT, "Generated %,d rows x 5 columns in %.1f s (seed 1), %d cores; median of %d runs after"
                + " one warm-up%n", rows, BenchTiming.seconds(t0), Runtime.getRuntime().availableProcessors(),
                runs);
        BenchTiming.reproduce(out, "bias --rows %d --post-rows %d --runs %d", rows, postRows, runs);
        time(out, String.format(Locale.ROOT, "Pre-training (CI DPL KL JS LP TVD KS CDDL), %,d rows", rows),
                () -> BiasAnalysis.run(data, biasSpec, null, JobContext.silent()));
        Dataset small = data(postRows, 2);
        Learners learners = Learners.builtIn();
        LearnerSpec ls = LearnerSpec.of(learners.catalog(), "linear-learner", ProblemType.BINARY_CLASSIFICATION,
                "approved", Map.of(), 1);
        Model model = learners.require("linear-learner").fit(new TrainingData(small, small), ls, JobContext.silent(),
                TrainingListener.NONE);
        time(out, String.format(Locale.ROOT, "Pre + post-training (all 21, flip test k=5), Linear Learner, %,d rows",
                postRows), () -> BiasAnalysis.run(small, biasSpec, model, JobContext.silent()));
        return 0;
    }

    private void time(PrintWriter out, String what, Supplier<BiasReport> run) {
        BiasReport report = run.get();
        BenchTiming.Runs timed = BenchTiming.time(runs, run::get);
        out.printf(Locale.ROOT, "%-75s median %.3f s, process CPU %.3f s per run (runs: %s)%n", what,
                timed.median(), timed.cpuPerRun(), timed.rounded());
        out.printf(Locale.ROOT, "  %s%n", report.valuesByAbbreviation());
        out.flush();
    }
}
