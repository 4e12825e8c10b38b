package dev.atelier.engine.wrangle;

import org.jspecify.annotations.Nullable;

/// Dense linear algebra for the few small systems the transforms solve (least squares, PCA on a covariance
/// matrix). Sizes are the number of columns, so plain loops suffice.
final class Linear {
    private Linear() {
    }

    /// Solves `a x = b` by Gaussian elimination with partial pivoting; `null` if singular.
    static double @Nullable [] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-12) {
                return null;
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double factor = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= factor * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    /// The top `k` eigenvectors (rows) and eigenvalues of a symmetric matrix, by power iteration with deflation.
    /// Each vector's sign is fixed so its largest-magnitude entry is positive (a stable, reproducible choice).
    static double[][] topEigen(double[][] sym, int k, double[] values) {
        int d = sym.length;
        double[][] m = new double[d][];
        for (int i = 0; i < d; i++) {
            m[i] = sym[i].clone();
        }
        double[][] vectors = new double[k][d];
        for (int e = 0; e < k; e++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = 1.0 / Math.sqrt(d) + 1e-3 * (i + 1);
            }
            double lambda = 0;
            for (int it = 0; it < 1000; it++) {
                double[] w = new double[d];
                for (int i = 0; i < d; i++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += m[i][j] * v[j];
                    }
                    w[i] = s;
                }
                double norm = 0;
                for (double x : w) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                if (norm < 1e-300) {
                    break;
                }
                double diff = 0;
                for (int i = 0; i < d; i++) {
                    w[i] /= norm;
                    diff = Math.max(diff, Math.abs(Math.abs(w[i]) - Math.abs(v[i])));
                }
                v = w;
                lambda = norm;
                if (diff < 1e-12) {
                    break;
                }
            }
            int big = 0;
            for (int i = 1; i < d; i++) {
                if (Math.abs(v[i]) > Math.abs(v[big])) {
                    big = i;
                }
            }
            if (v[big] < 0) {
                for (int i = 0; i < d; i++) {
                    v[i] = -v[i];
                }
            }
            vectors[e] = v;
            values[e] = lambda;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[i][j] -= lambda * v[i] * v[j];
                }
            }
        }
        return vectors;
    }
}
