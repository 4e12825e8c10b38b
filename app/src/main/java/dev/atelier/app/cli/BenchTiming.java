package dev.atelier.app.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/// Timing helpers shared by the `atelier bench ...` commands: wall and process CPU time, medians of timed runs,
/// and the "Reproduce:" line.
final class BenchTiming {
    private BenchTiming() {
    }

    /// Timed runs of one measurement: the wall time of each run in seconds and the process CPU time per run.
    record Runs(double[] seconds, double cpuPerRun) {
        double median() {
            return BenchTiming.median(seconds);
        }

        /// The runs' times rounded to milliseconds, e.g. `[0.123, 0.118]`.
        String rounded() {
            return Arrays.toString(Arrays.stream(seconds).map(v -> Math.round(v * 1000) / 1000.0).toArray());
        }
    }

    /// Runs `run` `runs` times (no warm-up: the caller does its own) and measures each run.
    static Runs time(int runs, Runnable run) {
        double[] t = new double[runs];
        long cpu0 = cpuNanos();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            run.run();
            t[i] = seconds(s);
        }
        return new Runs(t, (cpuNanos() - cpu0) / 1e9 / runs);
    }

    /// The process's CPU time in nanoseconds (0 where the JVM does not report it).
    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /// Seconds since `start` (a [System#nanoTime()] value).
    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /// The median of `v` (the upper one for an even count); `v` is left unsorted.
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /// Prints `Reproduce: atelier bench <args>` and flushes.
    static void reproduce(PrintWriter out, String format, Object... args) {
        out.printf(Locale.ROOT, "Reproduce: atelier bench " + format + "%n", args);
        out.flush();
    }
}
