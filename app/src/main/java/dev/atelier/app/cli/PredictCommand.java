package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.persist.AtomicFiles;
import dev.atelier.engine.persist.ModelBundle;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier predict --model DIR --data F --out preds.csv`: a batch transform with a model bundle.
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict every row of a CSV file with a model bundle made by \"atelier train\".",
                "Writes one row per input row, in order: predicted_label and probability_<label> columns for"
                        + " classification, or prediction for regression."})
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model bundle folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The rows to predict (CSV/TSV).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Messages messages = Messages.english();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Job job = TerminalProgress.job("job.predict", String.valueOf(data.getFileName()), err, messages);
        ModelBundle.Loaded loaded = ModelBundle.read(model, Learners.builtIn());
        String target = loaded.manifest().target();
        Dataset rows = job.run(ctx -> CsvImporter.read(data, CsvOptions.defaults(), ctx)).dataset();
        if (loaded.model().header().problem() != ProblemType.REGRESSION && rows.schema().indexOf(target) >= 0
                && rows.schema().column(target).type() == ColumnType.BOOLEAN) {
            rows = CsvImporter.read(data, CsvOptions.defaults().withTypeOverrides(Map.of(target, ColumnType.CATEGORICAL)),
                    JobContext.silent()).dataset();
        }
        Predictions p = loaded.predictRaw(rows);       // replays the bundle's recipe first, if it has one
        AtomicFiles.write(out, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            write(p, w);
            w.flush();
        });
        stdout.printf("Predicted %d rows with %s; wrote %s%n", p.size(), loaded.manifest().algorithm(), out);
        if (rows.schema().indexOf(target) >= 0 && p.size() == rows.rowCount()) {
            Map<String, Double> metrics = Evaluator.evaluate(p, rows, target);
            if (!metrics.isEmpty()) {
                stdout.printf("The data has the target column \"%s\"; compared with it:%n", target);
                MetricWords.print(metrics, stdout);
            }
        }
        stdout.flush();
        return 0;
    }

    static void write(Predictions p, Writer w) throws java.io.IOException {
        List<String> classes = p.classes();
        if (p.isClassification()) {
            w.write("predicted_label");
            for (String c : classes) {
                w.write(',');
                w.write(quote("probability_" + c));
            }
            w.write('\n');
            for (int r = 0; r < p.size(); r++) {
                w.write(quote(p.label(r)));
                for (int c = 0; c < classes.size(); c++) {
                    w.write(',');
                    w.write(Double.toString(p.probability(r, c)));
                }
                w.write('\n');
            }
        } else {
            w.write("prediction\n");
            for (int r = 0; r < p.size(); r++) {
                w.write(Double.toString(p.value(r)));
                w.write('\n');
            }
        }
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
