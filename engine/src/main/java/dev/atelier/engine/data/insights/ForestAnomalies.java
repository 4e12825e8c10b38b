package dev.atelier.engine.data.insights;

import com.amazon.randomcutforest.RandomCutForest;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.job.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jspecify.annotations.Nullable;

/// Scores whole rows for strangeness with AWS's Random Cut Forest (randomcutforest-core).
///
/// The forest looks at the numeric, boolean and date columns that are features (not the target, IDs, ignored or
/// sensitive columns), each scaled robustly to `(x − median) / (1.4826 · MAD)` (or by the standard deviation
/// when the MAD is 0), missing values at the median. Its 20 trees of 256 points are filled with up to 2,048 rows
/// in a seeded random order (no time decay, so each tree keeps a uniform sample of the data), then every row is
/// scored against the full forest. Above 8,192 rows each core fills its own identical forest and scores a share of
/// the rows, so the scores are the same whatever the number of cores. A row counts as anomalous when its score
/// exceeds the mean score plus three standard deviations.
final class ForestAnomalies {
    static final int TREES = 20;
    static final int SAMPLE_SIZE = 256;
    /// How many rows (a seeded random choice) fill the forest; its trees keep a uniform sample of 256 of them.
    static final int FILL_ROWS = 8 * SAMPLE_SIZE;
    static final int MAX_DIMENSIONS = 64;
    /// Fewer rows than this are not searched: there is too little to tell normal from strange.
    static final int MIN_ROWS = 100;

    private ForestAnomalies() {
    }

    static InsightsReport.@Nullable Anomalies find(Dataset data, @Nullable String target, InsightsOptions options,
                                                   JobContext ctx) {
        return find(data, target, options, ctx, Runtime.getRuntime().availableProcessors());
    }

    /// As [#find(Dataset, String, InsightsOptions, JobContext)] on at most `maxThreads` threads.
    static InsightsReport.@Nullable Anomalies find(Dataset data, @Nullable String target, InsightsOptions options,
                                                   JobContext ctx, int maxThreads) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < data.columnCount() && columns.size() < MAX_DIMENSIONS; c++) {
            ColumnSchema cs = data.schema().get(c);
            boolean numericLike = cs.type() == ColumnType.NUMERIC || cs.type() == ColumnType.BOOLEAN
                    || cs.type() == ColumnType.DATETIME;
            if (numericLike && cs.role() == ColumnRole.FEATURE && !cs.name().equals(target)) {
                columns.add(c);
            }
        }
        int n = data.rowCount();
        if (columns.isEmpty() || n < MIN_ROWS) {
            return null;
        }
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(options.seed());
        int[] rows = sample(n, options.anomalyRows(), random);
        int d = columns.size();
        float[][] points = new float[rows.length][d];
        for (int j = 0; j < d; j++) {
            ctx.throwIfCancelled();
            int c = columns.get(j);
            double[] x = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                x[i] = data.number(rows[i], c);
            }
            double[] present = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double median = present.length == 0 ? 0 : present[present.length / 2];
            double[] dev = Arrays.stream(present).map(v -> Math.abs(v - median)).sorted().toArray();
            double scale = dev.length == 0 ? 0 : 1.4826 * dev[dev.length / 2];
            if (!(scale > 0)) {
                double mean = Arrays.stream(present).average().orElse(0);
                scale = Math.sqrt(Arrays.stream(present).map(v -> (v - mean) * (v - mean)).average().orElse(0));
            }
            double s = scale > 0 && Double.isFinite(scale) ? scale : 1;
            for (int i = 0; i < rows.length; i++) {
                points[i][j] = Double.isNaN(x[i]) ? 0f : (float) ((x[i] - median) / s);
            }
        }
        int[] order = new int[rows.length];
        Arrays.setAll(order, i -> i);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int fill = Math.min(order.length, FILL_ROWS);
        // Scoring dominates. Each thread fills its own forest from the same seed and the same rows — identical
        // forests, so the scores do not depend on the thread count — and scores its share of the rows; no forest
        // is shared between threads.
        int threads = (int) Math.max(1, Math.min(maxThreads, rows.length / 4096L));
        long total = (long) fill * threads + rows.length;
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        double[] scores = new double[rows.length];
        int dims = d;
        java.util.function.IntConsumer work = t -> {
            RandomCutForest forest = RandomCutForest.builder().dimensions(dims).numberOfTrees(TREES)
                    .sampleSize(SAMPLE_SIZE).timeDecay(0).randomSeed(options.seed()).outputAfter(1)
                    .parallelExecutionEnabled(false).build();
            for (int i = 0; i < fill; i++) {
                if ((i & 1023) == 0) {
                    ctx.throwIfCancelled();
                }
                forest.update(points[order[i]]);
            }
            done.addAndGet(fill);
            int from = (int) ((long) rows.length * t / threads);
            int to = (int) ((long) rows.length * (t + 1) / threads);
            for (int i = from; i < to; i++) {
                if (((i - from) & 1023) == 0) {
                    ctx.throwIfCancelled();
                    if (t == 0) {
                        ctx.progress(done.get() + (long) (i - from) * threads, total);
                    }
                }
                scores[i] = forest.getAnomalyScore(points[i]);
            }
        };
        Parallel.onThreads("atelier-forest", threads, work);
        ctx.progress(total, total);
        double mean = Arrays.stream(scores).average().orElse(0);
        double std = Math.sqrt(Arrays.stream(scores).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        double threshold = mean + 3 * std;
        int count = (int) Arrays.stream(scores).filter(v -> v > threshold).count();
        Integer[] byScore = new Integer[rows.length];
        Arrays.setAll(byScore, i -> i);
        Arrays.sort(byScore, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> rows[i]));
        List<InsightsReport.AnomalousRow> top = new ArrayList<>();
        for (int i = 0; i < Math.min(options.topAnomalies(), byScore.length); i++) {
            top.add(new InsightsReport.AnomalousRow(rows[byScore[i]], scores[byScore[i]]));
        }
        List<String> names = columns.stream().map(c -> data.schema().get(c).name()).toList();
        return new InsightsReport.Anomalies("random cut forest", names, rows.length, threshold, count, top);
    }

    /// All rows when `n ≤ limit`, otherwise a seeded uniform sample of `limit` rows, ascending.
    static int[] sample(int n, int limit, RandomGenerator random) {
        if (n <= limit) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] reservoir = new int[limit];
        for (int i = 0; i < n; i++) {
            if (i < limit) {
                reservoir[i] = i;
            } else {
                int j = random.nextInt(i + 1);
                if (j < limit) {
                    reservoir[j] = i;
                }
            }
        }
        Arrays.sort(reservoir);
        return reservoir;
    }
}
