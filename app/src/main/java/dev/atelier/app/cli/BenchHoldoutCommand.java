package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.HoldOut;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.Target;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.app.common.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier bench holdout --data F --target T`: every trainable algorithm with its defaults on one table, scored on
/// rows held back from training — the figures behind "scores sensibly on a public table".
@Command(name = "holdout", mixinStandardHelpOptions = true,
        description = {"Train every algorithm that fits the problem with its default settings (XGBoost: 100 rounds) on part of a table,"
                + " then score each on the rows held back (default 20 %%, chosen with the seed).",
                "Prints fit time and the usual measures per algorithm."})
final class BenchHoldoutCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The table (CSV/TSV).")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @Option(names = "--problem-type", paramLabel = "TYPE",
            description = "binary, multiclass or regression (default: worked out from the target column).")
    String problemType;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share of rows held back for scoring (default: ${DEFAULT-VALUE}).")
    double testFraction = 0.2;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the split and the learners (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--algorithm", paramLabel = "KEY", description = "Only this algorithm (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--hp", paramLabel = "NAME=VALUE",
            description = "A hyperparameter for the chosen algorithm(s), by its SageMaker name (repeatable).")
    List<String> hyperparameters = new ArrayList<>();

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--test-fraction must be between 0 and 1");
        }
        ProblemType forced = null;
        if (problemType != null) {
            try {
                forced = ProblemTypes.parse(problemType);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--problem-type must be binary, multiclass or regression, not '" + problemType + "'");
            }
        }
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (String hp : hyperparameters) {
            int eq = hp.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--hp expects NAME=VALUE, e.g. --hp epochs=50, not '" + hp + "'");
            }
            given.put(hp.substring(0, eq).strip(), hp.substring(eq + 1).strip());
        }
        PrintWriter out = spec.commandLine().getOut();
        Messages messages = Messages.english();
        Dataset all = CliData.readForTraining(data, target, forced, JobContext.silent()).data();
        ProblemType problem = forced != null ? forced : ProblemTypes.infer(all, target);
        Target.read(all, target, problem);
        HoldOut split = HoldOut.of(all.rowCount(), testFraction, seed);
        Dataset train = all.rows(split.train());
        Dataset test = all.rows(split.validation());
        List<String> columns = problem == ProblemType.REGRESSION ? List.of("rmse", "mae", "r2")
                : problem == ProblemType.BINARY_CLASSIFICATION ? List.of("accuracy", "auc", "f1", "log_loss")
                : List.of("accuracy", "balanced_accuracy", "macro_f1", "log_loss");
        out.printf(Locale.ROOT, "%s: %d rows, target \"%s\" (%s); trained on %d rows, scored on %d held back (seed %d)"
                + ", %d cores%n", data.getFileName(), all.rowCount(), target, ProblemTypes.words(problem),
                train.rowCount(), test.rowCount(), seed, Runtime.getRuntime().availableProcessors());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-24s %9s", "ALGORITHM", "FIT (s)"));
        columns.forEach(c -> header.append(String.format(Locale.ROOT, " %18s", c.toUpperCase(Locale.ROOT))));
        out.println(header);
        Learners learners = Learners.builtIn();
        for (AlgorithmDescriptor d : learners.catalog().all()) {
            if (!d.trainable() || !only.isEmpty() && !only.contains(d.key())) {
                continue;
            }
            Learner learner = learners.require(d.key());
            if (!learner.problems().contains(problem)) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s", d.key()));
            try {
                var hp = new java.util.LinkedHashMap<>(BenchCommand.REQUIRED.getOrDefault(d.key(), Map.of()));
                hp.putAll(given);
                LearnerSpec s = LearnerSpec.of(learners.catalog(), d.key(), problem, target, hp, seed);
                long start = System.nanoTime();
                Model model = learner.fit(new TrainingData(train, null), s, JobContext.silent(), TrainingListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Double> m = Evaluator.evaluate(model.predict(test), test, target);
                row.append(String.format(Locale.ROOT, " %9.2f", seconds));
                columns.forEach(c -> row.append(String.format(Locale.ROOT, " %18.4f", m.getOrDefault(c, Double.NaN))));
            } catch (AtelierException e) {
                row.append("  failed: ").append(messages.error(e));
            }
            out.println(row);
            out.flush();
        }
        return 0;
    }
}
