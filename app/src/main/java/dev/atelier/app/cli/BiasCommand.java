package dev.atelier.app.cli;

import dev.atelier.engine.bias.BiasAnalysis;
import dev.atelier.engine.bias.BiasReport;
import dev.atelier.engine.bias.Facet;
import dev.atelier.engine.bias.OutcomeRule;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.persist.AtomicFiles;
import dev.atelier.engine.persist.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier bias --data F --label COL --positive VALUE --facet COL=VALUE|COL>NUMBER [--group COL] [--model DIR]
/// --out bias.json`: SageMaker Clarify's bias metrics of a table, and of a model's predictions on it.
@Command(name = "bias", mixinStandardHelpOptions = true,
        description = {"Measure bias against a group with SageMaker Clarify's metrics.",
                "Writes a JSON object with one entry per metric under Clarify's abbreviations (CI, DPL, KL, JS, LP,"
                        + " TVD, KS, CDDL; with --model also DPPL, DI, DCA, DCR, SD, RD, DAR, DRR, AD, TE, CDDPL, FT,"
                        + " GE), null where a metric is undefined."})
final class BiasCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The table (CSV/TSV).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The outcome (label) column.")
    String label;

    @Option(names = "--positive", required = true, paramLabel = "VALUE",
            description = "The favourable outcome: one or more label values separated by commas, or >NUMBER for a"
                    + " numeric label.")
    String positive;

    @Option(names = "--facet", required = true, paramLabel = "COL=VALUE|COL>NUMBER",
            description = "The group to examine, e.g. gender=female or age>40.")
    String facet;

    @Option(names = "--group", paramLabel = "COL", description = "Group column for conditional demographic disparity.")
    @Nullable String group;

    @Option(names = "--model", paramLabel = "DIR", description = "A model bundle, for the post-training metrics.")
    @Nullable Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON file to write.")
    Path out;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        OutcomeRule rule = OutcomeRule.parse(positive);
        Facet selected = Facet.parse(facet);
        Dataset table = CliData.readLabelsAsWritten(data, label, rule.threshold() == null, JobContext::silent).data();
        // the model sees the data through its bundle's recipe (if any); facets and labels come from the raw rows
        @Nullable Model fitted = model == null ? null : dev.atelier.engine.persist.ModelBundle.read(model,
                Learners.builtIn()).rawModel();
        BiasReport report = BiasAnalysis.run(table, new BiasAnalysis.Spec(label, rule, selected, group), fitted,
                JobContext.silent());
        AtomicFiles.write(out, Json.toBytes(report.valuesByAbbreviation()));
        stdout.printf("Facet %s: %d rows; other rows: %d%s%n", report.facet(), report.facetRows(), report.otherRows(),
                report.skippedRows() > 0 ? "; " + report.skippedRows() + " rows left out (missing values)" : "");
        for (BiasReport.Result r : report.results()) {
            stdout.printf("  %-6s %10s  %s%n", r.metric().abbreviation(),
                    r.defined() ? String.format(Locale.ROOT, "%.4f", r.value()) : "undefined", r.metric().title());
        }
        stdout.printf("Wrote %s%n", out);
        stdout.flush();
        return 0;
    }
}
