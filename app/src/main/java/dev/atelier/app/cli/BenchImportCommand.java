package dev.atelier.app.cli;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.insights.Insights;
import dev.atelier.engine.data.insights.InsightsOptions;
import dev.atelier.engine.data.insights.InsightsReport;
import dev.atelier.engine.data.io.DataImporter;
import dev.atelier.engine.data.io.ImportOptions;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier bench import [--size-mb N] [--file F] [--keep]`: generates a CSV of about N MB with 12 mixed columns
/// (in the system temp folder unless `--file` says where; deleted afterwards unless `--keep`), then measures the
/// preview latency (first 100 rows), the full import's throughput and peak heap (or the memory guard's sample
/// when the file does not fit), and the Data Quality & Insights report with a target on a 30,000 × 15 table.
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Measure data import: preview latency, MB/s and peak heap on a generated CSV, and the"
                + " insights report on 30,000 rows x 15 columns."})
final class BenchImportCommand implements Callable<Integer> {
    @Option(names = "--size-mb", paramLabel = "N", description = "Size of the generated CSV in MB (default: ${DEFAULT-VALUE}).")
    int sizeMb = 1024;

    @Option(names = "--file", paramLabel = "FILE", description = "Where to write the CSV (default: a temp file).")
    Path file;

    @Option(names = "--keep", description = "Keep the generated CSV (it is reused if it already exists with --file).")
    boolean keep;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (sizeMb < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size-mb must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path csv = file != null ? file : Files.createTempFile("atelier-bench-", ".csv");
        boolean generated = false;
        try {
            if (file == null || !Files.exists(file) || Files.size(file) == 0) {
                long t0 = System.nanoTime();
                long rows = generate(csv, sizeMb * 1024L * 1024L);
                generated = true;
                out.printf(Locale.ROOT, "Generated %s: %,d rows x 12 columns, %,d MB in %.1f s%n", csv, rows,
                        Files.size(csv) >> 20, (System.nanoTime() - t0) / 1e9);
                out.flush();
            }
            double mb = Files.size(csv) / (1024.0 * 1024.0);
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "Max heap %,d MB, %d cores%n", rt.maxMemory() >> 20, rt.availableProcessors());

            long p0 = System.nanoTime();
            ImportResult preview = DataImporter.preview(csv.toString(), ImportOptions.defaults(), 100);
            double previewSeconds = (System.nanoTime() - p0) / 1e9;
            long p1 = System.nanoTime();
            DataImporter.preview(csv.toString(), ImportOptions.defaults(), 100);
            double warmPreview = (System.nanoTime() - p1) / 1e9;
            out.printf(Locale.ROOT, "Preview of the first %d rows: %.3f s (cold JVM), %.3f s (again)%n",
                    preview.dataset().rowCount(), previewSeconds, warmPreview);

            DataImporter.SizeEstimate estimate = DataImporter.estimate(csv, dev.atelier.engine.data.io.DataFormat.CSV,
                    ImportOptions.defaults());
            out.printf(Locale.ROOT, "Memory guard: about %,d rows, needs ~%,d MB of %,d MB available -> %s%n",
                    estimate.rows(), estimate.megabytes(), estimate.availableMegabytes(),
                    estimate.fits() ? "full import" : "sample");
            out.flush();

            AtomicLong peak = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long before = rt.totalMemory() - rt.freeMemory();
            long c0 = BenchTiming.cpuNanos();
            long i0 = System.nanoTime();
            ImportResult full = DataImporter.read(csv, ImportOptions.defaults(), JobContext.silent());
            double importSeconds = (System.nanoTime() - i0) / 1e9;
            double importCpu = (BenchTiming.cpuNanos() - c0) / 1e9;
            running.set(false);
            sampler.interrupt();
            boolean sampled = full.diagnostics().stream().anyMatch(d -> d.code() == ErrorCode.IMPORT_SAMPLED);
            out.printf(Locale.ROOT, "%s: %,d rows x %d columns in %.1f s = %.1f MB/s (process CPU %.1f s); peak heap"
                            + " %,d MB (%,d MB before)%n",
                    sampled ? "Sampled import (reservoir, one pass)" : "Full import", full.dataset().rowCount(),
                    full.dataset().columnCount(), importSeconds, mb / importSeconds, importCpu, peak.get() >> 20,
                    before >> 20);
            out.flush();
            full = null;

            Dataset table = BenchCommand.Learners.data(30_000, 14, 3);
            long q0 = System.nanoTime();
            InsightsReport report = Insights.analyze(table, "y", InsightsOptions.defaults(), JobContext.silent());
            double insightsSeconds = (System.nanoTime() - q0) / 1e9;
            long q1 = System.nanoTime();
            long qc = BenchTiming.cpuNanos();
            Insights.analyze(table, "y", InsightsOptions.defaults(), JobContext.silent());
            double warmSeconds = (System.nanoTime() - q1) / 1e9;
            double warmCpu = (BenchTiming.cpuNanos() - qc) / 1e9;
            out.printf(Locale.ROOT, "Insights with target on 30,000 x 15: %.2f s (first run, incl. XGBoost start), %.2f s"
                            + " (second run, process CPU %.2f s); quick model %s %.3f%n", insightsSeconds, warmSeconds,
                    warmCpu,
                    report.quickModel() == null ? "-" : report.quickModel().metric(),
                    report.quickModel() == null ? Double.NaN : report.quickModel().score());
            return 0;
        } finally {
            if (generated && !keep) {
                Files.deleteIfExists(csv);
            }
        }
    }

    /// CPU time of the whole process (all threads, including native ones), so figures can be read on a busy
    /// machine; 0 where the platform does not say.
    /// Writes rows of 12 mixed columns until the file reaches `bytes`: an id, 4 decimals, 2 counts, 2 categories,
    /// a date, a yes/no flag and a code with leading zeros.
    static long generate(Path csv, long bytes) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(12);
        String[] regions = {"north", "south", "east", "west", "central"};
        String[] plans = {"basic", "plus", "premium"};
        LocalDate start = LocalDate.of(2020, 1, 1);
        long rows = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            String header = "id,amount,score,ratio,temperature,visits,items,region,plan,day,active,code\n";
            w.write(header);
            written += header.length();
            StringBuilder sb = new StringBuilder(128);
            while (written < bytes) {
                sb.setLength(0);
                sb.append(rows).append(',')
                        .append(Math.round(r.nextDouble() * 100_000) / 100.0).append(',')
                        .append(Math.round(r.nextGaussian() * 1000) / 1000.0).append(',')
                        .append(Math.round(r.nextDouble() * 10_000) / 10_000.0).append(',')
                        .append(Math.round((15 + 8 * r.nextGaussian()) * 10) / 10.0).append(',')
                        .append(r.nextInt(50)).append(',')
                        .append(r.nextInt(12)).append(',')
                        .append(regions[r.nextInt(regions.length)]).append(',')
                        .append(plans[r.nextInt(plans.length)]).append(',')
                        .append(start.plusDays(r.nextInt(1500))).append(',')
                        .append(r.nextBoolean() ? "yes" : "no").append(',')
                        .append(String.format(Locale.ROOT, "%05d", r.nextInt(100_000))).append('\n');
                w.append(sb);
                written += sb.length();
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
