package dev.atelier.app.cli;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.DatasetBuilder;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.Preview;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Step;
import dev.atelier.engine.wrangle.Wrangler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// `atelier bench wrangle [--rows N]`: a 10-step recipe over generated rows × 20 columns, and the live preview of
/// one step on a 20,000-row sample (what the Prepare screen does on every edit).
@Command(name = "wrangle", mixinStandardHelpOptions = true,
        description = {"Fit a 10-step recipe on generated data (default 1,000,000 rows x 20 columns), replay it on the"
                + " same rows as new data, and time the preview of one step on a 20,000-row sample."})
final class BenchWrangleCommand implements Callable<Integer> {
    @Option(names = "--rows", paramLabel = "N", description = "Rows to generate (default: ${DEFAULT-VALUE}).")
    int rows = 1_000_000;

    @Option(names = "--sample", paramLabel = "N", description = "Preview sample rows (default: ${DEFAULT-VALUE}).")
    int sample = 20_000;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /// The benchmark's recipe: ten common steps touching every column type.
    static Recipe recipe() {
        return Recipe.EMPTY
                .add("fill_mean", Map.of("columns", "n0,n1"))
                .add("fill_median", Map.of("columns", "n2,n3"))
                .add("clip_quantile", Map.of("columns", "n4,n5"))
                .add("scale_standard", Map.of("columns", "n6,n7,n8,n9"))
                .add("formula", Map.of("formula", "if(n11 > 0, n11 * n12, abs(n13))", "output", "f1"))
                .add("one_hot", Map.of("column", "c0"))
                .add("target_encode", Map.of("column", "c1"))
                .add("date_parts", Map.of("column", "when", "parts", "year,month,day"))
                .add("bin_frequency", Map.of("column", "n10", "bins", 5))
                .add("frequency_encode", Map.of("column", "c2"));
    }

    /// `rows` rows: 14 numeric columns (n0–n3 with 5% missing), 4 categorical (10 levels), a date and a yes/no target.
    static Dataset data(int rows, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        DatasetBuilder b = Dataset.builder("bench");
        for (int j = 0; j < 14; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = j < 4 && r.nextDouble() < 0.05 ? Double.NaN : r.nextGaussian() * (j + 1) + j;
            }
            b.numeric("n" + j, v);
        }
        String[] levels = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"};
        for (int j = 0; j < 4; j++) {
            String[] v = new String[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = levels[(int) Math.min(9, Math.abs(r.nextGaussian()) * 3)];
            }
            b.categorical("c" + j, v);
        }
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        LocalDateTime[] when = new LocalDateTime[rows];
        String[] y = new String[rows];
        for (int i = 0; i < rows; i++) {
            when[i] = start.plusMinutes(r.nextInt(3 * 365 * 24 * 60));
            y[i] = r.nextDouble() < 0.3 ? "yes" : "no";
        }
        return b.dateTime("when", when).categorical("y", y).target("y").build();
    }

    @Override
    public Integer call() {
        if (rows < 100 || sample < 10) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be >= 100 and --sample >= 10");
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Dataset data = data(rows, 1);
        out.printf(Locale.ROOT, "Generated %,d rows x %d columns in %.1f s (%d cores)%n", data.rowCount(), data.columnCount(),
                BenchTiming.seconds(t0), Runtime.getRuntime().availableProcessors());
        Recipe recipe = recipe();
        var fittedSteps = new java.util.ArrayList<dev.atelier.engine.wrangle.FittedStep>();
        Dataset current = data;
        double fitSeconds = 0;
        for (Step step : recipe.steps()) {
            long s = System.nanoTime();
            Wrangler.FitResult one = Wrangler.fit(new Recipe(java.util.List.of(step)), current, Sources.NONE, JobContext.silent());
            double took = BenchTiming.seconds(s);
            fitSeconds += took;
            current = one.data();
            fittedSteps.addAll(one.fitted().steps());
            out.printf(Locale.ROOT, "  step %-18s %6.2f s%n", step.transform(), took);
            out.flush();
        }
        Wrangler.FitResult fit = new Wrangler.FitResult(new FittedRecipe(data.schema().columns(), "y", fittedSteps), current);
        FittedRecipe fitted = fit.fitted();
        long t2 = System.nanoTime();
        Dataset replay = fitted.apply(data);
        double applySeconds = BenchTiming.seconds(t2);
        out.printf(Locale.ROOT, "Fit 10-step recipe:          %6.2f s  -> %,d rows x %d columns%n", fitSeconds,
                fit.data().rowCount(), fit.data().columnCount());
        out.printf(Locale.ROOT, "Apply fitted to new rows:    %6.2f s  -> %,d rows x %d columns%n", applySeconds,
                replay.rowCount(), replay.columnCount());
        out.flush();

        Dataset head = data.head(sample);
        Step step = recipe.steps().get(4);                       // the formula step
        Preview before = Wrangler.preview(recipe, head, 4, Sources.NONE);
        double[] times = new double[7];
        for (int k = 0; k < times.length; k++) {
            long s = System.nanoTime();
            Wrangler.previewStep(step, before.before(), Sources.NONE);
            times[k] = (System.nanoTime() - s) / 1e6;
        }
        double[] full = new double[5];
        for (int k = 0; k < full.length; k++) {
            long s = System.nanoTime();
            Wrangler.preview(recipe, head, 9, Sources.NONE);
            full[k] = (System.nanoTime() - s) / 1e6;
        }
        out.printf(Locale.ROOT, "Preview one step (%,d rows): median %.0f ms (runs: %s)%n", sample,
                BenchTiming.median(times),
                Arrays.toString(Arrays.stream(times).map(Math::round).toArray()));
        out.printf(Locale.ROOT, "Preview last step with all 10 re-run (%,d rows): median %.0f ms%n", sample, BenchTiming.median(full));
        out.flush();
        return 0;
    }
}
