package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.CsvWriter;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.Phase;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Wrangler;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/// `atelier wrangle --data F --recipe R.json --out OUT.csv [--save-fitted FITTED.json]` fits a recipe on a table
/// and writes the prepared table; `--fitted FITTED.json` instead replays a fitted recipe (on new rows by default,
/// or with `--phase training` exactly as on the training data).
@Command(name = "wrangle", mixinStandardHelpOptions = true,
        description = {"Prepare a table with a recipe of transforms (see \"atelier transforms\").",
                "With --recipe the recipe is fitted on the data (means, categories, ... are learned from it);"
                        + " --save-fitted keeps what was learned. With --fitted a fitted recipe is replayed as is:"
                        + " on new rows (--phase prediction, the default) steps that filter or add rows are skipped;"
                        + " --phase training replays every step and gives the same file as the fit."})
final class WrangleCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The table to prepare (CSV/TSV).")
    Path data;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--recipe", paramLabel = "FILE", description = "A recipe (JSON) to fit on the data.")
        Path recipe;

        @Option(names = "--fitted", paramLabel = "FILE", description = "A fitted recipe (JSON) to replay.")
        Path fitted;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(names = "--save-fitted", paramLabel = "FILE", description = "Where to save the fitted recipe (with --recipe).")
    Path saveFitted;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The target column (used by target encoding, balancing, stratified splits).")
    String target;

    @Option(names = "--phase", paramLabel = "PHASE", description = "With --fitted: prediction (default) or training.")
    Phase phase = Phase.PREDICTION;

    @Option(names = "--source", paramLabel = "NAME=FILE", description = "Another table a join or append step names (repeatable).")
    Map<String, Path> sources = new LinkedHashMap<>();

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Messages messages = Messages.english();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Job job = TerminalProgress.job("job.wrangle", String.valueOf(data.getFileName()), err, messages);
        Recipe recipe = which.recipe != null ? Recipes.readRecipe(which.recipe) : null;
        FittedRecipe fitted = which.fitted != null ? Recipes.readFitted(which.fitted) : null;
        String targetColumn = target != null ? target : fitted != null ? fitted.target() : "";
        Dataset table = job.run(ctx -> CsvImporter.read(data, CsvOptions.defaults(), ctx)).dataset();
        if (!targetColumn.isEmpty() && table.schema().indexOf(targetColumn) >= 0) {
            // as for training: a yes/no target keeps its labels as written
            table = CliData.readForTraining(data, targetColumn, null, dev.atelier.engine.job.JobContext.silent()).data();
        } else if (target != null) {
            table.schema().column(target);                       // COLUMN_NOT_FOUND, in plain words
        }
        Dataset input = table;
        Dataset result;
        String what;
        if (recipe != null) {
            var read = new HashMap<String, Dataset>();
            sources.forEach((name, file) -> read.put(name, CsvImporter.read(file, CsvOptions.defaults(),
                    dev.atelier.engine.job.JobContext.silent()).dataset().withName(name)));
            Wrangler.FitResult fit = job.run(ctx -> Wrangler.fit(recipe, input, Sources.of(read), ctx));
            result = fit.data();
            if (saveFitted != null) {
                Recipes.write(saveFitted, fit.fitted());
            }
            what = "Fitted " + fit.fitted().steps().size() + " step(s)";
        } else {
            result = job.run(ctx -> fitted.apply(input, phase, ctx));
            what = "Replayed " + fitted.steps().size() + " fitted step(s) (" + phase.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        CsvWriter.write(result, out);
        stdout.printf("%s on %d rows: wrote %d rows x %d columns to %s%n", what, input.rowCount(), result.rowCount(),
                result.columnCount(), out);
        if (saveFitted != null && recipe != null) {
            stdout.printf("Saved the fitted recipe to %s%n", saveFitted);
        }
        stdout.flush();
        return 0;
    }
}
