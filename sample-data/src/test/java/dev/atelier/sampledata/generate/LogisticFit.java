package dev.atelier.sampledata.generate;

import java.util.List;

/// Maximum-likelihood logistic regression by Newton–Raphson, just enough to check that the planted loan formula
/// can be read back from the file. Not a general-purpose learner (no regularisation, no convergence diagnostics).
final class LogisticFit {
    private LogisticFit() {
    }

    /// Coefficients for the columns of `x` (include a constant 1 column for an intercept).
    static double[] fit(List<double[]> x, List<Boolean> y) {
        int p = x.getFirst().length;
        double[] beta = new double[p];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = x.get(i);
                double z = 0;
                for (int j = 0; j < p; j++) {
                    z += beta[j] * xi[j];
                }
                double prob = 1 / (1 + Math.exp(-z));
                double residual = (y.get(i) ? 1 : 0) - prob;
                double weight = prob * (1 - prob);
                for (int j = 0; j < p; j++) {
                    gradient[j] += residual * xi[j];
                    for (int k = 0; k < p; k++) {
                        hessian[j][k] += weight * xi[j] * xi[k];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-10) {
                break;
            }
        }
        return beta;
    }

    /// Solves `a·s = b` by Gaussian elimination with partial pivoting (`a` and `b` are overwritten).
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double bSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = bSwap;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                b[r] -= factor * b[col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * s[c];
            }
            s[r] = sum / a[r][r];
        }
        return s;
    }
}
