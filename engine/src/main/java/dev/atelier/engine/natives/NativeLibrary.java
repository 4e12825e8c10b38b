package dev.atelier.engine.natives;

/// A native library family that a group of algorithms needs before its first use.
public enum NativeLibrary {
    /// OpenBLAS (BLAS and LAPACK) and ARPACK, for Smile's linear algebra: linear and ridge regression, LASSO,
    /// elastic net, PCA, kernel PCA and the other eigen-solvers. Smile's trees, forests, boosting, logistic
    /// regression, k-NN and k-means need none.
    LINEAR_ALGEBRA("OpenBLAS"),
    /// XGBoost's `libxgboost4j` and the GNU OpenMP runtime (`libgomp.so.1`) it links against.
    XGBOOST("XGBoost"),
    /// PyTorch (CPU) through DJL.
    PYTORCH("PyTorch");

    private final String displayName;

    NativeLibrary(String displayName) {
        this.displayName = displayName;
    }

    /// The name shown to users in [dev.atelier.engine.error.ErrorCode#NATIVE_LIBRARY_UNAVAILABLE].
    public String displayName() {
        return displayName;
    }
}
