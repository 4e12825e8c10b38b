package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.report.ProfileHtml;
import dev.atelier.app.report.ProfileReport;
import dev.atelier.engine.bias.DataBias;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.DataFormat;
import dev.atelier.engine.data.io.DataImporter;
import dev.atelier.engine.data.io.ImportOptions;
import dev.atelier.engine.data.io.HeaderMode;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.data.insights.Insights;
import dev.atelier.engine.data.insights.InsightsOptions;
import dev.atelier.engine.data.insights.InsightsReport;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.AtomicFiles;
import dev.atelier.engine.persist.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier profile --data FILE [--target COL] [--json | --out FILE]`: what is in a data file and what is
/// wrong with it.
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profile a data file: column types, missing values, statistics, data-quality warnings and,"
                + " with --target, target leakage, a quick model and each column's prediction power.",
                "Prints a summary; --json prints the full profile as JSON; --out writes it to a .json or .html file."})
final class ProfileCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "SOURCE",
            description = {"The data to profile: a CSV/TSV, Excel (.xlsx/.xls), JSON, JSON Lines, Parquet, SQLite"
                    + " (.db/.sqlite), text corpus (.txt with __label__ lines, .corpus), SageMaker .lst or DeepAR"
                    + " file, a folder of images with one subfolder per class, or a jdbc: URL."})
    String data;

    @Option(names = "--format", paramLabel = "KIND",
            description = "What kind of data it is, if the name and content do not say: csv, excel, json, jsonl,"
                    + " parquet, sql, text, images, lst, deepar (default: detected).")
    String format;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Excel: the sheet's name or number (default: the first).")
    String sheet;

    @Option(names = "--header-row", paramLabel = "N",
            description = "Excel: the row number holding the column names; 0 = first non-empty row (default), -1 = none.")
    int headerRow;

    @Option(names = "--table", paramLabel = "NAME", description = "SQL: the table to read.")
    String table;

    @Option(names = "--query", paramLabel = "SQL", description = "SQL: a query to run instead of reading a table.")
    String query;

    @Option(names = "--frequency", paramLabel = "STEP",
            description = "DeepAR: the time step between values, e.g. 1H, D, W, M (default: daily).")
    String frequency;

    @Option(names = "--no-sampling",
            description = "Fail when the data does not fit in memory, instead of reading a random sample of 20,000 rows.")
    boolean noSampling;

    @Option(names = "--target", paramLabel = "COL",
            description = "The column you want to predict (enables the class-imbalance, target-leakage and"
                    + " prediction-power checks and the quick model).")
    String target;

    @Option(names = "--sensitive", paramLabel = "COL", split = ",",
            description = "Columns to treat as sensitive (e.g. gender,age): with a two-outcome --target the report"
                    + " adds SageMaker Clarify's pre-training bias measures for each.")
    java.util.List<String> sensitive = new java.util.ArrayList<>();

    @ArgGroup(exclusive = true)
    Output output;

    static final class Output {
        @Option(names = "--json", description = "Print the profile as JSON on standard output.")
        boolean json;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Write the profile to FILE: JSON if it ends in .json, otherwise an HTML report.")
        Path out;
    }

    @Option(names = "--delimiter", paramLabel = "SEP",
            description = "Field separator: comma, tab, semicolon, pipe or one character (default: detected).")
    String delimiter;

    @Option(names = "--header", paramLabel = "MODE",
            description = "Whether the first row holds column names: ${COMPLETION-CANDIDATES} (default: detect).")
    HeaderMode header = HeaderMode.DETECT;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Character set, e.g. UTF-8 or windows-1252 (default: detected).")
    String encoding;

    @Option(names = "--sample-rows", paramLabel = "N", description = "Read only the first N rows (default: all).")
    long sampleRows;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Messages messages = Messages.english();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sampleRows < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample-rows must not be negative");
        }
        if (headerRow < -1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--header-row must be -1 or more");
        }
        DataFormat kind = null;
        if (format != null) {
            kind = DataFormat.parse(format).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be one of csv, excel, json, jsonl, parquet, sql, text, images, lst, deepar"));
        }
        CsvOptions csv = CsvOptions.defaults().withDelimiter(parseDelimiter()).withHeader(header)
                .withCharset(encoding).withMaxRows(sampleRows);
        ImportOptions options = ImportOptions.of(csv).withFormat(kind).withSheet(sheet, headerRow)
                .withSql(table, query).withFrequency(frequency)
                .withSampling(DataImporter.DEFAULT_SAMPLE_ROWS, !noSampling);

        String shown = DataImporter.displayName(data);
        Job job = TerminalProgress.job("job.profile", shown, err, messages);
        ProfileReport report = job.run(ctx -> profile(options, ctx, messages));

        if (output != null && output.out != null) {
            String name = output.out.getFileName() == null ? "" : output.out.getFileName().toString();
            String text = name.toLowerCase(Locale.ROOT).endsWith(".json") ? Json.toText(report) + "\n"
                    : ProfileHtml.render(report);
            AtomicFiles.write(output.out, text.getBytes(StandardCharsets.UTF_8));
            err.println(messages.get("cli.profile.wrote", DataImporter.redact(data), output.out));
        } else if (output != null && output.json) {
            out.println(Json.toText(report));
        } else {
            ProfileSummary.print(report, out);
        }
        out.flush();
        return 0;
    }

    private ProfileReport profile(ImportOptions options, JobContext ctx, Messages messages) {
        ImportResult imported = DataImporter.read(data, options, ctx.child(0.5));
        Dataset dataset = imported.dataset();
        if (target != null) {
            dataset = dataset.withSchema(dataset.schema().withTarget(target));
        }
        for (String column : sensitive) {
            if (dataset.schema().indexOf(column) < 0) {
                throw new dev.atelier.engine.error.SpecException(dev.atelier.engine.error.ErrorCode.COLUMN_NOT_FOUND,
                        column);
            }
            dataset = dataset.withSchema(dataset.schema().withRole(column, dev.atelier.engine.data.ColumnRole.SENSITIVE));
        }
        InsightsReport insights = Insights.analyze(dataset, target, InsightsOptions.defaults(), ctx.child(0.95));
        DataBias.Section bias = DataBias.analyze(dataset, insights.target(), ctx.child(1.0));
        return ProfileReport.of(DataImporter.redact(data), imported, insights, bias, messages);
    }

    private Character parseDelimiter() {
        if (delimiter == null) {
            return null;
        }
        return switch (delimiter.toLowerCase(Locale.ROOT)) {
            case "comma", "," -> ',';
            case "tab", "\\t", "\t" -> '\t';
            case "semicolon", ";" -> ';';
            case "pipe", "|" -> '|';
            default -> {
                if (delimiter.length() != 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--delimiter must be comma, tab, semicolon, pipe or a single character, not '" + delimiter + "'");
                }
                yield delimiter.charAt(0);
            }
        };
    }
}
