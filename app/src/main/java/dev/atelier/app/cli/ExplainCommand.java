package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.explain.ShapExplainer;
import dev.atelier.engine.explain.ShapValues;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.persist.AtomicFiles;
import dev.atelier.engine.persist.ModelBundle;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier explain --model DIR --data F [--rows N] [--method auto|tree|linear|kernel] [--scale probability|logit]
/// [--class C] --out shap.csv`: SHAP values per row, attributed to the original columns.
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a model's predictions with SHAP values.",
                "Writes one row per explained input row: base_value, one column per original input column, and"
                        + " prediction, so that base_value plus the columns equals prediction on the chosen scale."})
final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model bundle folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The rows to explain (CSV/TSV).")
    Path data;

    @Option(names = "--rows", paramLabel = "N", description = "Explain only the first N rows.")
    @Nullable Integer rows;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "auto|tree|linear|kernel",
            description = "tree: XGBoost's exact TreeSHAP; linear: Linear Learner's exact linear SHAP; kernel: Kernel"
                    + " SHAP for any model; auto picks.")
    String method;

    @Option(names = "--scale", defaultValue = "probability", paramLabel = "probability|logit",
            description = "The output explained for classification models.")
    String scale;

    @Option(names = "--class", paramLabel = "C", description = "The class to explain (default: the positive class,"
            + " i.e. the last one).")
    @Nullable String className;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N", description = "Kernel SHAP coalitions"
            + " (default 0: 2 x columns + 2048, or all coalitions when fewer).")
    int samples;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ModelBundle.Loaded loaded = ModelBundle.read(model, Learners.builtIn());
        Model m = loaded.model();
        String target = loaded.manifest().target();
        Dataset table = CliData.readLabelsAsWritten(data, target, m.header().problem() != ProblemType.REGRESSION,
                JobContext::silent).data();
        ShapExplainer.Method how = switch (method.toLowerCase(Locale.ROOT)) {
            case "auto" -> ShapExplainer.Method.AUTO;
            case "tree" -> ShapExplainer.Method.TREE;
            case "linear" -> ShapExplainer.Method.LINEAR;
            case "kernel" -> ShapExplainer.Method.KERNEL;
            default -> throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "method", method,
                    "auto, tree, linear or kernel");
        };
        ShapExplainer.Scale on = switch (scale.toLowerCase(Locale.ROOT)) {
            case "probability" -> ShapExplainer.Scale.PROBABILITY;
            case "logit" -> ShapExplainer.Scale.LOGIT;
            default -> throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "scale", scale, "probability or logit");
        };
        int cls = -1;
        if (className != null) {
            cls = m.header().classes().indexOf(className);
            if (cls < 0) {
                throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "class", className,
                        "one of " + String.join(", ", m.header().classes()));
            }
        }
        // with a recipe, the model is explained on the recipe's output: attributions name its output columns
        table = loaded.prepare(table);
        int n = rows == null ? table.rowCount() : Math.min(Math.max(0, rows), table.rowCount());
        ShapValues shap = ShapExplainer.explain(m, table, IntStream.range(0, n).toArray(),
                new ShapExplainer.Options(how, on, cls, samples, 10, seed), JobContext.silent());
        AtomicFiles.write(out, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write("base_value");
            for (String c : shap.columns()) {
                w.write(',');
                w.write(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            w.write(",prediction\n");
            for (int r = 0; r < shap.rows(); r++) {
                w.write(Double.toString(shap.base()[r]));
                for (int j = 0; j < shap.columns().size(); j++) {
                    w.write(',');
                    w.write(Double.toString(shap.value(r, j)));
                }
                w.write(',');
                w.write(Double.toString(shap.prediction()[r]));
                w.write('\n');
            }
            w.flush();
        });
        stdout.printf("Explained %d rows with %s SHAP on the %s scale; wrote %s%n", shap.rows(), shap.method(),
                shap.scale(), out);
        stdout.flush();
        return 0;
    }
}
