package dev.atelier.engine.learn.knn;

import dev.atelier.engine.job.JobContext;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/// Product quantization for `faiss.IVFPQ`: a `d`-dimensional vector (an IVF residual) is cut into `m` contiguous
/// pieces (as even as possible when `m` does not divide `d`), and each piece is replaced by the number of its
/// nearest centroid among `ksub` (≤ 256) learned by k-means for that piece, so a row is stored in `m` bytes.
/// Distances to a query are then sums of `m` table look-ups (asymmetric distance computation). Immutable.
///
/// @param d         the vector dimension
/// @param m         the number of pieces (`faiss_index_pq_m`)
/// @param ksub      centroids per piece
/// @param codebooks for piece `j`, centroid `c`: `dsub_j` values at `ksub · bounds[j] + c · dsub_j`
record ProductQuantizer(int d, int m, int ksub, double[] codebooks) {
    private static final int ITERATIONS = 12;

    /// Where piece `j` starts (`j · d / m`); piece `j` spans `start(j) .. start(j + 1)`.
    int start(int j) {
        return (int) ((long) j * d / m);
    }

    /// Learns the codebooks from the `rows` vectors in `x` (row-major).
    static ProductQuantizer train(double[] x, int rows, int d, int m, RandomGenerator random, JobContext ctx) {
        int ksub = Math.min(256, rows);
        double[] codebooks = new double[ksub * d];
        ProductQuantizer shape = new ProductQuantizer(d, m, ksub, codebooks);
        int[] assign = new int[rows];
        for (int j = 0; j < m; j++) {
            ctx.throwIfCancelled();
            int from = shape.start(j);
            int dsub = shape.start(j + 1) - from;
            int base = ksub * from;
            // start from ksub distinct random rows
            int[] perm = new int[rows];
            for (int i = 0; i < rows; i++) {
                perm[i] = i;
            }
            for (int c = 0; c < ksub; c++) {
                int r = c + random.nextInt(rows - c);
                int t = perm[c];
                perm[c] = perm[r];
                perm[r] = t;
                System.arraycopy(x, perm[c] * d + from, codebooks, base + c * dsub, dsub);
            }
            for (int it = 0; it < ITERATIONS; it++) {
                for (int i = 0; i < rows; i++) {
                    assign[i] = nearest(codebooks, base, ksub, dsub, x, i * d + from);
                }
                double[] sum = new double[ksub * dsub];
                int[] count = new int[ksub];
                for (int i = 0; i < rows; i++) {
                    int c = assign[i];
                    count[c]++;
                    for (int t = 0; t < dsub; t++) {
                        sum[c * dsub + t] += x[i * d + from + t];
                    }
                }
                for (int c = 0; c < ksub; c++) {
                    if (count[c] == 0) {
                        System.arraycopy(x, random.nextInt(rows) * d + from, codebooks, base + c * dsub, dsub);
                    } else {
                        for (int t = 0; t < dsub; t++) {
                            codebooks[base + c * dsub + t] = sum[c * dsub + t] / count[c];
                        }
                    }
                }
            }
        }
        return shape;
    }

    private static int nearest(double[] book, int base, int ksub, int dsub, double[] x, int xo) {
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int c = 0; c < ksub; c++) {
            double s = KnnIndex.l2(book, base + c * dsub, x, xo, dsub);
            if (s < bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    /// The `m` codes of the vector at `x[xo..xo+d)` into `codes[co..co+m)`.
    void encode(double[] x, int xo, byte[] codes, int co) {
        for (int j = 0; j < m; j++) {
            int from = start(j);
            int dsub = start(j + 1) - from;
            codes[co + j] = (byte) nearest(codebooks, ksub * from, ksub, dsub, x, xo + from);
        }
    }

    /// The table `m × ksub` of squared distances from the pieces of `q[qo..qo+d)` to every centroid.
    double[] table(double[] q, int qo) {
        double[] t = new double[m * ksub];
        for (int j = 0; j < m; j++) {
            int from = start(j);
            int dsub = start(j + 1) - from;
            int base = ksub * from;
            for (int c = 0; c < ksub; c++) {
                t[j * ksub + c] = KnnIndex.l2(codebooks, base + c * dsub, q, qo + from, dsub);
            }
        }
        return t;
    }

    /// The approximate squared distance of the coded row at `codes[co..co+m)` given a [#table].
    double distance(double[] table, byte[] codes, int co) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += table[j * ksub + (codes[co + j] & 0xFF)];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductQuantizer p && d == p.d && m == p.m && ksub == p.ksub
                && Arrays.equals(codebooks, p.codebooks);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codebooks);
    }
}
