package dev.atelier.engine.learn.knn;

import dev.atelier.engine.job.JobContext;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/// The searchable training rows: exact (`faiss.Flat`, every row compared) or an inverted file (`faiss.IVFFlat`:
/// rows grouped into `nlists` lists by a k-means coarse quantizer; a query scans only the `nprobe` lists whose
/// centroids are closest). Immutable and thread-safe.
///
/// Scores are "lower is closer": the squared L2 distance, or minus the inner product (`INNER_PRODUCT`, and `COSINE`
/// on rows and queries scaled to unit length). Equal scores are ordered by row position, so every search is
/// deterministic.
final class KnnIndex {
    /// How closeness is measured.
    enum Metric { L2, INNER_PRODUCT, COSINE }

    private static final int KMEANS_ITERATIONS = 12;
    private static final int KMEANS_POINTS_PER_LIST = 256;

    private final Metric metric;
    private final double[] rows;       // n × d, grouped by list
    private final int n;
    private final int d;
    private final double[] centroids;  // nlists × d (empty for flat)
    private final int[] listStart;     // nlists + 1 offsets into rows (flat: {0, n})
    private final int nprobe;
    private final @Nullable ProductQuantizer pq;   // IVFPQ: rows are codes of residuals
    private final byte[] codes;                     // n × pq.m() (empty without PQ)

    KnnIndex(Metric metric, double[] rows, int n, int d, double[] centroids, int[] listStart, int nprobe,
             @Nullable ProductQuantizer pq, byte[] codes) {
        this.metric = metric;
        this.rows = rows;
        this.n = n;
        this.d = d;
        this.centroids = centroids;
        this.listStart = listStart;
        this.nprobe = nprobe;
        this.pq = pq;
        this.codes = codes;
    }

    /// An exact index over `rows` (already projected and, for cosine, unit-length).
    static KnnIndex flat(Metric metric, double[] rows, int n, int d) {
        return new KnnIndex(metric, rows, n, d, new double[0], new int[] {0, n}, 1, null, new byte[0]);
    }

    /// The result of building an IVF index: the index and, for every row position in it, the original row.
    record Built(KnnIndex index, int[] order) {
    }

    /// An inverted-file index with `nlists` lists found by seeded k-means (Lloyd, on at most 256 rows per list),
    /// probing `nprobe` lists per query. Reports progress per k-means iteration as steps `done0 …` of `total`.
    static Built ivf(Metric metric, double[] x, int n, int d, int nlists, int nprobe, int pqM, RandomGenerator random,
                     JobContext ctx, long done0, long total) {
        int lists = Math.max(1, Math.min(nlists, n));
        // training sample for k-means
        int[] perm = IntStream.range(0, n).toArray();
        int m = Math.min(n, lists * KMEANS_POINTS_PER_LIST);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] sample = Arrays.copyOf(perm, m);
        double[] c = new double[lists * d];
        for (int l = 0; l < lists; l++) {
            System.arraycopy(x, sample[l] * d, c, l * d, d);
        }
        int[] assign = new int[m];
        for (int it = 0; it < KMEANS_ITERATIONS; it++) {
            ctx.throwIfCancelled();
            double[] cc = c;
            IntStream.range(0, m).parallel().forEach(i -> assign[i] = nearestL2(cc, lists, d, x, sample[i] * d));
            double[] sum = new double[lists * d];
            int[] count = new int[lists];
            for (int i = 0; i < m; i++) {
                int l = assign[i];
                count[l]++;
                int o = sample[i] * d;
                for (int j = 0; j < d; j++) {
                    sum[l * d + j] += x[o + j];
                }
            }
            for (int l = 0; l < lists; l++) {
                if (count[l] == 0) {       // an empty list restarts at a random training row
                    System.arraycopy(x, sample[random.nextInt(m)] * d, c, l * d, d);
                } else {
                    for (int j = 0; j < d; j++) {
                        c[l * d + j] = sum[l * d + j] / count[l];
                    }
                }
            }
            ctx.progress(done0 + it + 1, total);
        }
        // assign every row to its list, then lay rows out list by list (stable in original order)
        double[] cc = c;
        int[] list = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> list[i] = nearest(metric, cc, lists, d, x, i * d));
        int[] start = new int[lists + 1];
        for (int l : list) {
            start[l + 1]++;
        }
        for (int l = 0; l < lists; l++) {
            start[l + 1] += start[l];
        }
        int[] fill = Arrays.copyOf(start, lists);
        int[] order = new int[n];
        double[] laid = new double[n * d];
        for (int i = 0; i < n; i++) {
            int pos = fill[list[i]]++;
            order[pos] = i;
            System.arraycopy(x, i * d, laid, pos * d, d);
        }
        int probes = Math.max(1, Math.min(nprobe, lists));
        if (pqM <= 0) {
            return new Built(new KnnIndex(metric, laid, n, d, c, start, probes, null, new byte[0]), order);
        }
        // IVFPQ: product-quantize each row's residual from its list centroid (codebooks from ≤ 64·256 rows)
        ctx.throwIfCancelled();
        double[] residual = new double[n * d];
        for (int l = 0; l < lists; l++) {
            for (int pos = start[l]; pos < start[l + 1]; pos++) {
                for (int j = 0; j < d; j++) {
                    residual[pos * d + j] = laid[pos * d + j] - c[l * d + j];
                }
            }
        }
        int trainRows = Math.min(n, 64 * 256);
        int[] pick = IntStream.range(0, n).toArray();
        for (int i = 0; i < trainRows; i++) {
            int j = i + random.nextInt(n - i);
            int t = pick[i];
            pick[i] = pick[j];
            pick[j] = t;
        }
        double[] sampleRows = new double[trainRows * d];
        for (int i = 0; i < trainRows; i++) {
            System.arraycopy(residual, pick[i] * d, sampleRows, i * d, d);
        }
        ProductQuantizer quantizer = ProductQuantizer.train(sampleRows, trainRows, d, pqM, random, ctx);
        byte[] coded = new byte[n * pqM];
        IntStream.range(0, n).parallel().forEach(pos -> quantizer.encode(residual, pos * d, coded, pos * pqM));
        return new Built(new KnnIndex(metric, new double[0], n, d, c, start, probes, quantizer, coded), order);
    }

    private static int nearestL2(double[] c, int lists, int d, double[] x, int o) {
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int l = 0; l < lists; l++) {
            double s = l2(c, l * d, x, o, d);
            if (s < bestScore) {
                bestScore = s;
                best = l;
            }
        }
        return best;
    }

    /// The list a vector belongs to: nearest centroid by L2, or largest inner product for INNER_PRODUCT.
    private static int nearest(Metric metric, double[] c, int lists, int d, double[] x, int o) {
        if (metric != Metric.INNER_PRODUCT) {
            return nearestL2(c, lists, d, x, o);
        }
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int l = 0; l < lists; l++) {
            double s = -dot(c, l * d, x, o, d);
            if (s < bestScore) {
                bestScore = s;
                best = l;
            }
        }
        return best;
    }

    /// Squared L2 distance with four accumulators (fixed order, so results are reproducible).
    static double l2(double[] a, int ao, double[] b, int bo, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            double e0 = a[ao + j] - b[bo + j];
            double e1 = a[ao + j + 1] - b[bo + j + 1];
            double e2 = a[ao + j + 2] - b[bo + j + 2];
            double e3 = a[ao + j + 3] - b[bo + j + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (; j < d; j++) {
            double e = a[ao + j] - b[bo + j];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /// Inner product with four accumulators.
    static double dot(double[] a, int ao, double[] b, int bo, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < d; j++) {
            s0 += a[ao + j] * b[bo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double score(double[] q, int qo, int pos) {
        return metric == Metric.L2 ? l2(rows, pos * d, q, qo, d) : -dot(rows, pos * d, q, qo, d);
    }

    /// The `k` closest row positions to the query at `q[qo..qo+d)`, closest first, into `outPos` and `outScore`
    /// (both at least `k` long). Returns how many were found (fewer than `k` only when the index has fewer rows
    /// in the probed lists).
    int search(double[] q, int qo, int k, int[] outPos, double[] outScore) {
        int[] probe = probes(q, qo);
        int found = scan(probe, q, qo, k, outPos, outScore, 0);
        if (found < Math.min(k, n)) {
            // the probed lists held too few rows: scan the others too (in list order), so k neighbours are found
            boolean[] seen = new boolean[lists()];
            for (int l : probe) {
                seen[l] = true;
            }
            int[] rest = IntStream.range(0, lists()).filter(l -> !seen[l]).toArray();
            found = scan(rest, q, qo, k, outPos, outScore, found);
        }
        return found;
    }

    private int scan(int[] lists, double[] q, int qo, int k, int[] outPos, double[] outScore, int found0) {
        int found = found0;
        ProductQuantizer quantizer = pq;
        double[] residual = new double[quantizer == null ? 0 : d];
        for (int l : lists) {
            double[] table = residual;
            if (quantizer != null) {
                for (int j = 0; j < d; j++) {
                    residual[j] = q[qo + j] - centroids[l * d + j];
                }
                table = quantizer.table(residual, 0);
            }
            for (int pos = listStart[l]; pos < listStart[l + 1]; pos++) {
                double s = quantizer != null ? quantizer.distance(table, codes, pos * quantizer.m())
                        : score(q, qo, pos);
                found = offer(s, pos, k, outPos, outScore, 0, found);
            }
        }
        return found;
    }

    /// The neighbours of `m` queries (row-major in `q`): `pos` gets `m × k` positions, closest first; the returned
    /// array holds how many were found per query. Queries run in parallel; an exact index is scanned in tiles of
    /// [#TILE_QUERIES] queries × [#TILE_ROWS] rows, so each tile of training rows is read from cache, not memory,
    /// for a whole group of queries, four queries per pass over a row ([#flatScore] order, so a query's neighbours
    /// do not depend on the other queries). An IVF index is searched query by query with [#search].
    int[] searchAll(double[] q, int m, int k, int[] pos) {
        int[] found = new int[m];
        double[] score = new double[m * k];
        if (lists() > 1) {
            IntStream.range(0, m).parallel().forEach(i -> {
                int[] p = new int[k];
                double[] s = new double[k];
                found[i] = search(q, i * d, k, p, s);
                System.arraycopy(p, 0, pos, i * k, k);
            });
            return found;
        }
        int groups = (m + TILE_QUERIES - 1) / TILE_QUERIES;
        IntStream.range(0, groups).parallel().forEach(g -> {
            int first = g * TILE_QUERIES;
            int last = Math.min(m, first + TILE_QUERIES);
            for (int from = 0; from < n; from += TILE_ROWS) {
                int to = Math.min(n, from + TILE_ROWS);
                int i = first;
                for (; i + 3 < last; i += 4) {
                    tile4(q, i, from, to, k, pos, score, found);
                }
                for (; i < last; i++) {
                    found[i] = insertRange(q, i * d, from, to, k, pos, score, i * k, found[i]);
                }
            }
        });
        return found;
    }

    static final int TILE_QUERIES = 32;
    static final int TILE_ROWS = 512;

    /// Offers rows `from..to` to queries `i..i+3` at once: each training value is loaded once for four queries and
    /// the four sums are independent, which keeps the processor's arithmetic units busy. Every sum is accumulated
    /// in the same order as in [#flatScore], so a query's neighbours do not depend on its neighbours in the batch.
    private void tile4(double[] q, int i, int from, int to, int k, int[] pos, double[] score, int[] found) {
        int o0 = i * d;
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        boolean l2 = metric == Metric.L2;
        for (int p = from; p < to; p++) {
            int r = p * d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            if (l2) {
                for (int j = 0; j < d; j++) {
                    double x = rows[r + j];
                    double e0 = q[o0 + j] - x;
                    double e1 = q[o1 + j] - x;
                    double e2 = q[o2 + j] - x;
                    double e3 = q[o3 + j] - x;
                    s0 += e0 * e0;
                    s1 += e1 * e1;
                    s2 += e2 * e2;
                    s3 += e3 * e3;
                }
            } else {
                for (int j = 0; j < d; j++) {
                    double x = rows[r + j];
                    s0 -= q[o0 + j] * x;
                    s1 -= q[o1 + j] * x;
                    s2 -= q[o2 + j] * x;
                    s3 -= q[o3 + j] * x;
                }
            }
            found[i] = offer(s0, p, k, pos, score, i * k, found[i]);
            found[i + 1] = offer(s1, p, k, pos, score, (i + 1) * k, found[i + 1]);
            found[i + 2] = offer(s2, p, k, pos, score, (i + 2) * k, found[i + 2]);
            found[i + 3] = offer(s3, p, k, pos, score, (i + 3) * k, found[i + 3]);
        }
    }

    /// The exact index's score: one running sum in input order (squared L2, or minus the inner product).
    private double flatScore(double[] q, int qo, int p) {
        int r = p * d;
        double s = 0;
        if (metric == Metric.L2) {
            for (int j = 0; j < d; j++) {
                double e = q[qo + j] - rows[r + j];
                s += e * e;
            }
        } else {
            for (int j = 0; j < d; j++) {
                s -= q[qo + j] * rows[r + j];
            }
        }
        return s;
    }

    /// Puts row `p` with score `s` into the top-`k` list at `pos/score[o..o+k)` if it is close enough.
    private static int offer(double s, int p, int k, int[] pos, double[] score, int o, int found0) {
        int found = found0;
        if (found == k && !closer(s, p, score[o + k - 1], pos[o + k - 1])) {
            return found;
        }
        int i = found == k ? k - 1 : found++;
        while (i > 0 && closer(s, p, score[o + i - 1], pos[o + i - 1])) {
            score[o + i] = score[o + i - 1];
            pos[o + i] = pos[o + i - 1];
            i--;
        }
        score[o + i] = s;
        pos[o + i] = p;
        return found;
    }

    /// Offers rows `from..to` to the top-`k` list of one query stored at `pos/score[o..o+k)`.
    private int insertRange(double[] q, int qo, int from, int to, int k, int[] pos, double[] score, int o,
                            int found0) {
        int found = found0;
        for (int p = from; p < to; p++) {
            double s = flatScore(q, qo, p);
            if (found == k && !closer(s, p, score[o + k - 1], pos[o + k - 1])) {
                continue;
            }
            int i = found == k ? k - 1 : found++;
            while (i > 0 && closer(s, p, score[o + i - 1], pos[o + i - 1])) {
                score[o + i] = score[o + i - 1];
                pos[o + i] = pos[o + i - 1];
                i--;
            }
            score[o + i] = s;
            pos[o + i] = p;
        }
        return found;
    }

    private static boolean closer(double s, int pos, double otherScore, int otherPos) {
        return s < otherScore || s == otherScore && pos < otherPos;
    }

    /// The lists to scan for a query: all (flat), else the `nprobe` with the closest centroids.
    private int[] probes(double[] q, int qo) {
        int lists = listStart.length - 1;
        if (lists == 1) {
            return new int[] {0};
        }
        int[] best = new int[nprobe];
        double[] bestScore = new double[nprobe];
        int found = 0;
        for (int l = 0; l < lists; l++) {
            double s = metric == Metric.INNER_PRODUCT ? -dot(centroids, l * d, q, qo, d)
                    : l2(centroids, l * d, q, qo, d);
            found = offer(s, l, nprobe, best, bestScore, 0, found);
        }
        return Arrays.copyOf(best, found);
    }

    Metric metric() {
        return metric;
    }

    int size() {
        return n;
    }

    int dimension() {
        return d;
    }

    int lists() {
        return listStart.length - 1;
    }

    int nprobe() {
        return nprobe;
    }

    /// The product quantizer (IVFPQ), or `null`.
    @Nullable ProductQuantizer quantizer() {
        return pq;
    }

    byte[] codesArray() {
        return codes;
    }

    double[] rowsArray() {
        return rows;
    }

    double[] centroidsArray() {
        return centroids;
    }

    int[] listStarts() {
        return listStart.clone();
    }
}
