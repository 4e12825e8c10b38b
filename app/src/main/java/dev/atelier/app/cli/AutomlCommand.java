package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.AutopilotListener;
import dev.atelier.engine.automl.AutopilotResult;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.automl.Autopilot;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.automl.ObjectiveMetric;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.evaluate.EvaluationReport;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.persist.AtomicFiles;
import dev.atelier.engine.persist.Json;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.PreparedModel;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Wrangler;
import dev.atelier.engine.persist.ModelManifest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier automl --train F --target T [...] --out DIR`: an Autopilot job. Writes `DIR/leaderboard.json`,
/// `DIR/model/` (a model bundle `atelier predict` reads) and `DIR/metrics.json`.
@Command(name = "automl", mixinStandardHelpOptions = true,
        description = {"Let Autopilot find the best model for a column: it tries several algorithms and settings"
                + " within a time budget, scores each on rows it did not learn from, and saves the best.",
                "Writes DIR/leaderboard.json, DIR/model/ (for \"atelier predict --model DIR/model\") and"
                        + " DIR/metrics.json."})
final class AutomlCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, paramLabel = "FILE", description = "The training data (CSV/TSV).")
    Path train;

    @Option(names = "--test", paramLabel = "FILE",
            description = "Test data with the same columns; the search never sees it, it only measures the winner.")
    Path test;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "auto",
            description = "auto, binary, multiclass or regression (default: ${DEFAULT-VALUE}, worked out from the"
                    + " target column).")
    String task;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "What to optimize: f1, accuracy, balanced_accuracy, auc, logloss, precision, recall; mse,"
                    + " rmse, mae, r2 (default: f1 for binary, accuracy for multiclass, mse for regression).")
    String metric;

    @Option(names = "--budget", paramLabel = "SECONDS",
            description = "Hard time limit for the search in seconds (default: 60 unless --max-candidates is given).")
    Double budget;

    @Option(names = "--max-candidates", paramLabel = "N", description = "The most candidates to train.")
    Integer maxCandidates;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, ensemble or hpo (default: ${DEFAULT-VALUE}: ensemble below 100 MB of data).")
    String mode;

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "standard",
            description = "quick (small models, at most 12 candidates) or standard (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--algorithm", paramLabel = "KEY",
            description = "Only try this algorithm (repeatable; default: every installed one that fits).")
    List<String> algorithms = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--deterministic",
            description = "Same seed and --max-candidates give the same leaderboard on every run.")
    boolean deterministic;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write results to.")
    Path out;

    @Option(names = "--recipe", paramLabel = "FILE",
            description = "A data-preparation recipe (JSON, see \"atelier wrangle\"): fitted on the training file's"
                    + " rows only (never on --test), every candidate trains on its output, and the fitted recipe is"
                    + " stored in DIR/model so \"atelier predict\" replays it.")
    Path recipe;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Messages messages = Messages.english();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AutopilotSpec auto = autopilotSpec();
        Learners learners = Learners.builtIn();

        Job job = new Job("job.automl", train.getFileName());
        boolean console = System.console() != null;
        if (console) {
            job.addListener(new TerminalProgress(err, messages));
        }
        AutopilotListener live = new AutopilotListener() {
            @Override
            public void onStart(AutopilotResult.Setup s) {
                err.println(messages.get(s.guess().reasonKey(), s.guess().args().toArray()));
                err.printf(Locale.ROOT, "Optimizing %s with %s, %s mode, %d trials at a time; trying %s%n",
                        s.metric().key(), s.validation() == AutopilotSpec.Validation.CROSS_VALIDATION
                                ? s.folds() + "-fold cross-validation" : "a 20 % hold-out",
                        s.mode().name().toLowerCase(Locale.ROOT), s.parallelism(), String.join(", ", s.algorithms()));
                err.flush();
            }

            @Override
            public void onRow(LeaderboardRow row) {
                err.println(describe(row));
                err.flush();
            }
        };
        Loaded loaded = new Loaded();
        AutopilotResult result = job.run(ctx -> {
            loaded.data = read(train, auto.problem(), ctx.child(0.02));
            if (recipe != null) {
                Dataset raw = loaded.data.withSchema(loaded.data.schema().withTarget(target));
                Wrangler.Prepared prepared = Wrangler.prepare(Recipes.readRecipe(recipe), raw, null, Sources.NONE,
                        ctx.child(0.03));
                loaded.recipe = prepared.recipe();
                loaded.data = prepared.train();
                err.printf("Prepared the data with the recipe %s (%d steps, fitted on the training rows): %d rows,"
                        + " %d columns%n", recipe.getFileName(), prepared.recipe().steps().size(),
                        loaded.data.rowCount(), loaded.data.columnCount());
                err.flush();
            }
            return new Autopilot(learners).run(loaded.data, auto, ctx.child(0.95), live);
        });
        for (Diagnostic d : result.diagnostics()) {
            err.println("warning: " + messages.diagnostic(d));
        }
        for (Diagnostic d : result.model().diagnostics()) {
            err.println("warning: " + messages.diagnostic(d));
        }

        Model model = result.model();
        ProblemType problem = result.setup().problem();
        Map<String, Double> testMetrics = null;
        EvaluationReport report = null;
        if (test != null) {
            Dataset testData = read(test, problem, JobContext.silent());
            Predictions scored = PreparedModel.of(model, loaded.recipe).predict(testData);
            report = Evaluator.report(scored, testData, target);
            testMetrics = report == null ? Map.of() : withAliases(report.metrics(), problem);
        }
        Dataset data = loaded.data;
        ModelManifest manifest = ModelBundle.manifest(model, data.schema(), data.rowCount(), learners.catalog(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), ModelBundle.provenance(data, train, null));
        ModelBundle.write(out.resolve("model"), model, manifest, result.validationMetrics(), loaded.recipe);
        write(out.resolve("leaderboard.json"), leaderboardJson(result));
        write(out.resolve("metrics.json"), metricsJson(result, testMetrics, report));

        LeaderboardRow best = result.best();
        stdout.printf(Locale.ROOT, "Autopilot tried %d candidates in %.1f s (%s); best: #%d %s, validation %s %.4f%n",
                result.rows().size(), result.wallSeconds(), stopWords(result.stop()), best.candidateId(),
                best.algorithm(), result.setup().metric().key(), best.score());
        stdout.printf("Saved the leaderboard, metrics and model (for \"atelier predict --model %s\") in %s%n",
                out.resolve("model"), out);
        if (testMetrics != null) {
            stdout.println("Test: " + summary(testMetrics, problem));
        } else {
            stdout.println("Validation: " + summary(withAliases(result.validationMetrics(), problem), problem));
        }
        stdout.flush();
        return 0;
    }

    private static final class Loaded {
        Dataset data;
        @org.jspecify.annotations.Nullable FittedRecipe recipe;
    }

    private AutopilotSpec autopilotSpec() {
        ProblemType problem = null;
        if (!task.equalsIgnoreCase("auto")) {
            try {
                problem = ProblemTypes.parse(task);
            } catch (IllegalArgumentException e) {
                throw usage("--task must be auto, binary, multiclass or regression, not '" + task + "'");
            }
        }
        ObjectiveMetric objective = null;
        if (metric != null) {
            try {
                objective = ObjectiveMetric.parse(metric);
            } catch (IllegalArgumentException e) {
                throw usage("--metric must be one of f1, accuracy, balanced_accuracy, auc, logloss, precision, recall,"
                        + " mse, rmse, mae, r2, not '" + metric + "'");
            }
        }
        AutopilotSpec.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "auto" -> AutopilotSpec.Mode.AUTO;
            case "ensemble", "ensembling" -> AutopilotSpec.Mode.ENSEMBLE;
            case "hpo" -> AutopilotSpec.Mode.HPO;
            default -> throw usage("--mode must be auto, ensemble or hpo, not '" + mode + "'");
        };
        AutopilotSpec.Preset p = switch (preset.toLowerCase(Locale.ROOT)) {
            case "quick" -> AutopilotSpec.Preset.QUICK;
            case "standard" -> AutopilotSpec.Preset.STANDARD;
            default -> throw usage("--preset must be quick or standard, not '" + preset + "'");
        };
        if (budget != null && !(budget > 0)) {
            throw usage("--budget must be more than 0 seconds");
        }
        if (maxCandidates != null && maxCandidates < 1) {
            throw usage("--max-candidates must be at least 1");
        }
        Duration time = budget != null ? Duration.ofMillis(Math.round(budget * 1000))
                : maxCandidates == null ? Duration.ofSeconds(60) : null;
        return AutopilotSpec.of(target).withProblem(problem).withMetric(objective).withMode(m).withPreset(p)
                .withBudget(time).withMaxCandidates(maxCandidates).withSeed(seed).withDeterministic(deterministic)
                .withAlgorithms(algorithms);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /// Reads a CSV, keeping a yes/no target's labels as written (not the importer's true/false).
    private Dataset read(Path file, ProblemType problem, JobContext ctx) {
        CsvOptions options = CsvOptions.defaults();
        Dataset data = CsvImporter.read(file, options, ctx).dataset();
        if (problem != ProblemType.REGRESSION && data.schema().indexOf(target) >= 0
                && data.schema().column(target).type() == ColumnType.BOOLEAN) {
            options = options.withTypeOverrides(Map.of(target, ColumnType.CATEGORICAL));
            data = CsvImporter.read(file, options, JobContext.silent()).dataset();
        }
        return data;
    }

    static String describe(LeaderboardRow row) {
        String head = String.format(Locale.ROOT, "  #%-3d %-18s %-8s", row.candidateId(), row.algorithm(),
                row.stage());
        return switch (row.status()) {
            case OK -> head + String.format(Locale.ROOT, " score %.4f  fit %.1f s  %.3f ms/row  %s", row.score(),
                    row.fitSeconds(), row.latencyMsPerRow(), row.hyperparameters());
            case FAILED -> head + " failed: " + row.reasonCode() + " " + row.reasonArgs();
            case CANCELLED -> head + " cancelled (" + String.join(", ", row.reasonArgs()) + ")";
        };
    }

    private static String stopWords(AutopilotResult.Stop stop) {
        return switch (stop) {
            case COMPLETED -> "all planned candidates done";
            case BUDGET -> "time budget reached";
            case CANCELLED -> "cancelled";
        };
    }

    /// The names: `logloss`, and for multiclass `f1` = macro F1.
    static Map<String, Double> withAliases(Map<String, Double> metrics, ProblemType problem) {
        var out = new LinkedHashMap<>(metrics);
        if (metrics.containsKey("log_loss")) {
            out.put("logloss", metrics.get("log_loss"));
        }
        if (problem == ProblemType.MULTICLASS_CLASSIFICATION && metrics.containsKey("macro_f1")) {
            out.put("f1", metrics.get("macro_f1"));
        }
        return out;
    }

    private static String summary(Map<String, Double> m, ProblemType problem) {
        List<String> keys = problem == ProblemType.REGRESSION ? List.of("rmse", "mae", "r2")
                : List.of("auc", "accuracy", "f1", "logloss");
        var parts = new ArrayList<String>();
        for (String k : keys) {
            if (m.containsKey(k)) {
                parts.add(String.format(Locale.ROOT, "%s %.4f", k, m.get(k)));
            }
        }
        return String.join(", ", parts);
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> finite(Map<String, Double> m) {
        var out = new LinkedHashMap<String, Object>();
        m.forEach((k, v) -> out.put(k, number(v)));
        return out;
    }

    private static Map<String, Object> leaderboardJson(AutopilotResult r) {
        var rows = new ArrayList<Map<String, Object>>();
        int rank = 0;
        for (LeaderboardRow row : r.leaderboard()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("rank", row.ok() ? ++rank : null);
            m.put("candidate", row.candidateId());
            m.put("algorithm", row.algorithm());
            m.put("stage", row.stage());
            m.put("status", row.status().name().toLowerCase(Locale.ROOT));
            m.put("score", number(row.score()));
            m.put("metrics", finite(row.metrics()));
            m.put("hyperparameters", row.hyperparameters());
            m.put("training_rows", row.trainingRows());
            m.put("fit_seconds", row.fitSeconds());
            m.put("latency_ms_per_row", row.latencyMsPerRow());
            m.put("finished_seconds", row.finishedSeconds());
            if (row.reasonCode() != null) {
                m.put("reason_code", row.reasonCode());
                m.put("reason_args", row.reasonArgs());
            }
            rows.add(m);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("objective", r.setup().metric().key());
        out.put("higher_is_better", r.setup().metric().higherIsBetter());
        out.put("best_candidate", r.best().candidateId());
        out.put("rows", rows);
        var points = new ArrayList<Map<String, Object>>();
        r.bestScores().forEach(p -> points.add(Map.of("seconds", p.seconds(), "score", p.score(),
                "candidate", p.candidateId())));
        out.put("best_score_over_time", points);
        return out;
    }

    private Map<String, Object> metricsJson(AutopilotResult r, Map<String, Double> testMetrics,
                                            EvaluationReport report) {
        var out = new LinkedHashMap<String, Object>();
        AutopilotResult.Setup s = r.setup();
        out.put("task", ProblemTypes.shortName(s.problem()));
        out.put("task_reason", Messages.english().get(s.guess().reasonKey(), s.guess().args().toArray()));
        out.put("objective", s.metric().key());
        out.put("validation", s.validation() == AutopilotSpec.Validation.CROSS_VALIDATION
                ? s.folds() + "-fold cross-validation" : "hold-out 20 %");
        out.put("mode", s.mode().name().toLowerCase(Locale.ROOT));
        out.put("best_candidate", r.best().candidateId());
        out.put("best_algorithm", r.best().algorithm());
        out.put("validation_score", number(r.best().score()));
        out.put("validation_metrics", finite(withAliases(r.validationMetrics(), s.problem())));
        if (r.model() instanceof dev.atelier.engine.automl.EnsembleModel e && e.threshold().isPresent()) {
            out.put("decision_threshold", e.threshold().get());
        }
        out.put("wall_seconds", r.wallSeconds());
        out.put("candidates", r.rows().size());
        out.put("stop", r.stop().name().toLowerCase(Locale.ROOT));
        if (testMetrics != null) {
            out.put("test", finite(testMetrics));
            if (report != null && !report.classes().isEmpty()) {
                out.put("test_confusion_matrix", Map.of("classes", report.classes(), "counts", report.confusion()));
            }
        }
        return out;
    }

    private static void write(Path file, Object value) {
        AtomicFiles.write(file, stream -> stream.write((Json.toText(value) + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
