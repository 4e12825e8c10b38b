package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.report.AnalysisHtml;
import dev.atelier.app.report.AnalysisReport;
import dev.atelier.app.report.BiasTable;
import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.bias.BiasAnalysis;
import dev.atelier.engine.bias.Facet;
import dev.atelier.engine.bias.OutcomeRule;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.persist.AtomicFiles;
import dev.atelier.engine.persist.ModelBundle;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier report --model DIR --data F --facet COL=VALUE|COL>NUMBER [--label COL] [--positive VALUE]
/// [--group COL] [--tolerance T] [--explain-rows N] [--seed N] --out report.html`: the bias and explainability
/// report — model summary, pre- and post-training bias metrics with readings, formulas and tolerance colours,
/// outcome rates per group, global SHAP and a few single predictions — as one self-contained HTML page.
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a bias and explainability report of a model on a table as one HTML page.",
                "The page has no scripts and needs no network: model summary, SageMaker Clarify's bias metrics"
                        + " (pre-training on the table, post-training on the model's predictions of it) coloured"
                        + " against the tolerance, outcome rates per group, and SHAP attributions."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model bundle folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The table (CSV/TSV) with the label.")
    Path data;

    @Option(names = "--label", paramLabel = "COL", description = "The outcome column (default: the model's target).")
    @Nullable String label;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The favourable outcome: label values separated by commas, or >NUMBER (default for a binary"
                    + " model: its positive class).")
    @Nullable String positive;

    @Option(names = "--facet", required = true, paramLabel = "COL=VALUE|COL>NUMBER",
            description = "The group to examine, e.g. gender=female or age>40.")
    String facet;

    @Option(names = "--group", paramLabel = "COL", description = "Group column for conditional demographic disparity.")
    @Nullable String group;

    @Option(names = "--tolerance", defaultValue = "0.1", paramLabel = "T",
            description = "Metrics larger than this (for DI: |1 - DI|) are flagged. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--explain-rows", defaultValue = "40", paramLabel = "N",
            description = "Rows explained with SHAP, spread over the table (0 = no SHAP). Default: ${DEFAULT-VALUE}.")
    int explainRows;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed for SHAP.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path out;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /// The clock of the report's "Made" line; tests fix it.
    static java.util.function.Supplier<Instant> clock = Instant::now;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!(tolerance >= 0) || explainRows < 0) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, tolerance < 0 || Double.isNaN(tolerance)
                    ? "tolerance" : "explain-rows", tolerance < 0 || Double.isNaN(tolerance)
                    ? Double.toString(tolerance) : Integer.toString(explainRows), "a number of 0 or more");
        }
        Learners learners = Learners.builtIn();
        ModelBundle.Loaded loaded = ModelBundle.read(model, learners);
        Model m = loaded.model();
        String labelColumn = label != null ? label : m.header().target();
        String positiveText = positive;
        if (positiveText == null) {
            if (m.header().problem() != ProblemType.BINARY_CLASSIFICATION) {
                throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "positive", "",
                        "the favourable outcome, e.g. --positive yes (needed unless the model is binary)");
            }
            positiveText = m.header().classes().getLast();
        }
        OutcomeRule rule = OutcomeRule.parse(positiveText);
        Facet selected = Facet.parse(facet);
        Dataset table = CliData.readLabelsAsWritten(data, labelColumn, rule.threshold() == null, JobContext::silent)
                .data();
        String algorithm = learners.catalog().find(m.header().algorithm()).map(AlgorithmDescriptor::displayName)
                .orElse(m.header().algorithm());
        Path folder = model.toAbsolutePath().normalize().getFileName();
        AnalysisReport.ModelSummary summary = AnalysisReport.ModelSummary.of(
                folder == null ? model.toString() : folder.toString(), algorithm, m, loaded.metrics());
        Path file = data.getFileName();
        Messages messages = Messages.english();
        AnalysisReport report = AnalysisReport.compute(new AnalysisReport.Inputs(m, summary,
                file == null ? data.toString() : file.toString(), table, table,
                new BiasAnalysis.Spec(labelColumn, rule, selected, group), tolerance, explainRows, seed, clock.get()),
                messages, JobContext.silent());
        AtomicFiles.write(out, AnalysisHtml.render(report, messages).getBytes(StandardCharsets.UTF_8));
        long outside = report.bias().stream().filter(r -> r.status() == BiasTable.Status.OUTSIDE).count();
        stdout.printf("Group %s: %d rows; other rows: %d. %d of %d bias metrics are outside the tolerance %s.%n",
                report.facet(), report.pre().facetRows(), report.pre().otherRows(), outside, report.bias().size(),
                Double.toString(tolerance));
        for (BiasTable.Row r : report.bias()) {
            if (r.status() == BiasTable.Status.OUTSIDE) {
                stdout.printf("  %-6s %10s  %s%n", r.abbreviation(), r.valueText(), r.reading());
            }
        }
        stdout.printf("Wrote %s%n", out);
        stdout.flush();
        return 0;
    }
}
