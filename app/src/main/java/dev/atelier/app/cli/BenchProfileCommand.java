package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.report.ProfileHtml;
import dev.atelier.app.report.ProfileReport;
import dev.atelier.engine.bias.DataBias;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.insights.Insights;
import dev.atelier.engine.data.insights.InsightsOptions;
import dev.atelier.engine.data.insights.InsightsReport;
import dev.atelier.engine.data.io.DataImporter;
import dev.atelier.engine.data.io.ImportOptions;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.job.JobContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier bench profile [--rows N] [--runs R]`: the whole `atelier profile --target T --sensitive S --out
/// report.html` path — import a generated CSV of N rows × 15 mixed columns (with a planted leak column), the
/// Data Quality & Insights report with a target, the pre-training bias section and the HTML page — timed per run
/// (the first run includes the JVM's warm-up and XGBoost's start), with the phases of the last run and the
/// machine's load average.
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Measure the profile + insights report with a target (and bias section) on a generated"
                + " table of N rows x 15 columns, end to end."})
final class BenchProfileCommand implements Callable<Integer> {
    @Option(names = "--rows", paramLabel = "N", description = "Rows of the generated table (default: ${DEFAULT-VALUE}).")
    int rows = 30_000;

    @Option(names = "--runs", paramLabel = "R", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (rows < 200 || runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be at least 200 and --runs at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path csv = Files.createTempFile("atelier-bench-profile-", ".csv");
        try {
            generate(csv, rows);
            out.printf(Locale.ROOT, "Table: %,d rows x 15 columns (%,d KB), %d cores, load average %.2f%n", rows,
                    Files.size(csv) >> 10, Runtime.getRuntime().availableProcessors(), load());
            Messages messages = Messages.english();
            for (int run = 1; run <= runs; run++) {
                long c0 = BenchTiming.cpuNanos();
                long t0 = System.nanoTime();
                ImportResult imported = DataImporter.read(csv, ImportOptions.defaults(), JobContext.silent());
                Dataset data = imported.dataset();
                data = data.withSchema(data.schema().withTarget("approved").withRole("group", ColumnRole.SENSITIVE));
                long t1 = System.nanoTime();
                InsightsReport insights = Insights.analyze(data, "approved", InsightsOptions.defaults(),
                        JobContext.silent());
                long t2 = System.nanoTime();
                DataBias.Section bias = DataBias.analyze(data, "approved", JobContext.silent());
                ProfileReport report = ProfileReport.of(csv.getFileName().toString(), imported, insights, bias,
                        messages);
                String html = ProfileHtml.render(report);
                long t3 = System.nanoTime();
                out.printf(Locale.ROOT, "Run %d: %.2f s (process CPU %.2f s) = import %.2f s + insights %.2f s + bias"
                                + " and HTML %.2f s; %d warnings, leak flagged: %s, quick model %s %.3f, %,d KB HTML%n",
                        run, (t3 - t0) / 1e9, (BenchTiming.cpuNanos() - c0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                        (t3 - t2) / 1e9, report.warnings().size(),
                        report.warnings().stream().anyMatch(w -> w.type().equals("TARGET_LEAKAGE")
                                && "settled_amount".equals(w.column())),
                        report.quick_model() == null ? "-" : report.quick_model().metric(),
                        report.quick_model() == null || report.quick_model().score() == null ? Double.NaN
                                : report.quick_model().score(), html.length() >> 10);
                out.flush();
            }
            out.printf(Locale.ROOT, "Load average afterwards %.2f%n", load());
            return 0;
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /// 15 columns: an id, 7 numbers, 3 categories (one of them the sensitive `group`), a date, a yes/no flag, a
    /// leak (`settled_amount`, recorded only for approved rows) and the target `approved`, which depends on
    /// a few of the numbers and categories with noise.
    static void generate(Path csv, int rows) throws IOException {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(30);
        String[] regions = {"north", "south", "east", "west", "central"};
        String[] plans = {"basic", "plus", "premium"};
        String[] groups = {"a", "a", "a", "b", "b", "c"};
        LocalDate start = LocalDate.of(2021, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,income,age,debt,score,tenure,visits,ratio,region,plan,group,day,owner,settled_amount,approved\n");
            StringBuilder sb = new StringBuilder(160);
            for (int i = 0; i < rows; i++) {
                double income = Math.round(20_000 + 80_000 * r.nextDouble());
                int age = 18 + r.nextInt(60);
                double debt = Math.round(r.nextDouble() * 30_000);
                int score = 300 + r.nextInt(550);
                int tenure = r.nextInt(30);
                int visits = r.nextInt(40);
                double ratio = Math.round(r.nextDouble() * 1000) / 1000.0;
                String region = regions[r.nextInt(regions.length)];
                String plan = plans[r.nextInt(plans.length)];
                String group = groups[r.nextInt(groups.length)];
                boolean owner = r.nextBoolean();
                double logit = (score - 575) / 90.0 + (income - debt - 45_000) / 30_000.0 + (owner ? 0.4 : 0)
                        + ("premium".equals(plan) ? 0.3 : 0) - ("c".equals(group) ? 0.4 : 0) + r.nextGaussian();
                boolean approved = logit > 0;
                sb.setLength(0);
                sb.append(i).append(',').append(income).append(',').append(age).append(',').append(debt).append(',')
                        .append(score).append(',').append(tenure).append(',').append(r.nextDouble() < 0.05 ? "" : visits)
                        .append(',').append(ratio).append(',').append(region).append(',').append(plan).append(',')
                        .append(group).append(',').append(start.plusDays(r.nextInt(1000))).append(',')
                        .append(owner ? "yes" : "no").append(',')
                        .append(approved ? Math.round(income * 0.2 + r.nextDouble() * 1000) : 0).append(',')
                        .append(approved ? "yes" : "no").append('\n');
                w.append(sb);
            }
        }
    }
}
