package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.Job;
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
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Wrangler;
import dev.atelier.engine.persist.ModelManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier train --algorithm KEY --train F --target T [...] --out DIR`: a local SageMaker-style training job that
/// writes a model bundle.
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a CSV file and save it as a model bundle folder.",
                "Without --validation, 20 %% of the rows (chosen with the seed) are held back to measure the model."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--algorithm", required = true, paramLabel = "KEY",
            description = "The algorithm key, e.g. xgboost or linear-learner (see \"atelier algorithms\").")
    String algorithm;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "The training data (CSV/TSV).")
    Path train;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @Option(names = "--validation", paramLabel = "FILE", description = "Validation data with the same columns.")
    Path validation;

    @Option(names = "--problem-type", paramLabel = "TYPE",
            description = "binary, multiclass or regression (default: worked out from the target column).")
    String problemType;

    @Option(names = "--hp", paramLabel = "NAME=VALUE",
            description = "A hyperparameter by its SageMaker name, e.g. --hp num_round=100 --hp eta=0.1.")
    List<String> hyperparameters = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the model bundle to.")
    Path out;

    @Option(names = "--recipe", paramLabel = "FILE",
            description = "A data-preparation recipe (JSON, see \"atelier wrangle\"): fitted on the training rows only,"
                    + " the model trains on its output, and the fitted recipe is stored in the bundle so"
                    + " \"atelier predict\" replays it on new data.")
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
        Map<String, String> given = new LinkedHashMap<>();
        for (String hp : hyperparameters) {
            int eq = hp.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--hp expects NAME=VALUE, e.g. --hp num_round=100, not '" + hp + "'");
            }
            given.put(hp.substring(0, eq).strip(), hp.substring(eq + 1).strip());
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
        Learners learners = Learners.builtIn();
        Learner learner = learners.require(algorithm);
        ProblemType chosen = forced;

        Job job = TerminalProgress.job("job.train", algorithm, err, messages);
        Result result = job.run(ctx -> train(learner, learners, given, chosen, ctx));

        for (Diagnostic d : result.model().diagnostics()) {
            err.println("warning: " + messages.diagnostic(d));
        }
        stdout.printf("Trained %s (%s) to predict \"%s\" from %d rows; saved to %s%n", algorithm,
                ProblemTypes.words(result.model().header().problem()), target, result.trainRows(), out);
        if (result.recipeSteps() >= 0) {
            stdout.printf("Prepared the data with the recipe %s (%d steps, fitted on the training rows only); the"
                    + " bundle replays it on new data.%n", recipe.getFileName(), result.recipeSteps());
        }
        if (result.metrics().isEmpty()) {
            stdout.println("There were too few rows to hold any back, so the model's accuracy on new data is unknown.");
        } else {
            stdout.printf("Measured on %d validation rows it did not learn from:%n", result.validationRows());
            MetricWords.print(result.metrics(), stdout);
        }
        stdout.flush();
        return 0;
    }

    private record Result(Model model, Map<String, Double> metrics, int trainRows, int validationRows,
                          int recipeSteps) {
    }

    private Result train(Learner learner, Learners learners, Map<String, String> given, ProblemType forced,
                         JobContext ctx) {
        CliData.Table table = CliData.readForTraining(train, target, forced, ctx);
        CsvOptions options = table.options();
        Dataset data = table.data();
        ProblemType problem = forced != null ? forced : ProblemTypes.infer(data, target);
        LearnerSpec learnerSpec = LearnerSpec.of(learners.catalog(), algorithm, problem, target, given, seed);
        Target.read(data, target, problem);            // fails early and plainly on empty data or one class
        Dataset trainPart = data;
        Dataset validPart = null;
        if (validation != null) {
            validPart = CsvImporter.read(validation, options, ctx.child(0.02)).dataset();
        } else {
            HoldOut split = HoldOut.of(data.rowCount(), 0.2, seed);
            if (split.validation().length > 0) {
                trainPart = data.rows(split.train());
                validPart = data.rows(split.validation());
                Target.read(trainPart, target, problem);
            }
        }
        ctx.throwIfCancelled();
        FittedRecipe fitted = null;
        if (recipe != null) {
            Wrangler.Prepared prepared = Wrangler.prepare(Recipes.readRecipe(recipe), trainPart, validPart,
                    Sources.NONE, ctx.child(0.05));
            fitted = prepared.recipe();
            trainPart = prepared.train();
            validPart = prepared.validation();
            Target.read(trainPart, target, problem);
        }
        Model model = learner.fit(new TrainingData(trainPart, validPart), learnerSpec, ctx.child(0.9),
                TrainingListener.NONE);
        Map<String, Double> metrics = validPart == null ? Map.of()
                : Evaluator.evaluate(model.predict(validPart), validPart, target);
        ModelManifest manifest = ModelBundle.manifest(model, fitted == null ? data.schema() : trainPart.schema(),
                trainPart.rowCount(), learners.catalog(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), ModelBundle.provenance(trainPart, train, validation));
        ctx.throwIfCancelled();
        ModelBundle.write(out, model, manifest, metrics, fitted);
        ctx.progress(1, 1);
        return new Result(model, metrics, trainPart.rowCount(), validPart == null ? 0 : validPart.rowCount(),
                fitted == null ? -1 : fitted.steps().size());
    }
}
