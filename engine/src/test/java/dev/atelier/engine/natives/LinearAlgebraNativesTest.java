package dev.atelier.engine.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.feature.extraction.PCA;
import smile.manifold.KPCA;
import smile.math.kernel.GaussianKernel;
import smile.regression.LASSO;
import smile.regression.LinearModel;
import smile.regression.OLS;

/// Smile's linear algebra with the bundled OpenBLAS/LAPACK/ARPACK, from an empty Atelier home, on a machine
/// with no BLAS installed (docs/adr/0006).
@Tag("natives")
class LinearAlgebraNativesTest {
    @TempDir
    static Path home;

    private static final int N = 300;
    private static final double[][] X = new double[N][3];
    private static final double[] Y = new double[N];

    static {
        var random = new Random(7);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 3; j++) {
                X[i][j] = random.nextGaussian();
            }
            Y[i] = 2 * X[i][0] - X[i][2] + 0.5 + 0.01 * random.nextGaussian();
        }
    }

    private static NativeLoad load() {
        return NativeLibraries.in(home).ensureLoaded(NativeLibrary.LINEAR_ALGEBRA);
    }

    private static DataFrame frame() {
        return DataFrame.of(X, "a", "b", "c").add(new DoubleVector("y", Y));
    }

    @Test
    void concurrentCallsLoadOnceAndShareTheResult() throws Exception {
        int threads = 4;
        var start = new CountDownLatch(1);
        List<Future<NativeLoad>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return load();
                }));
            }
            start.countDown();
            NativeLoad first = results.getFirst().get();
            for (Future<NativeLoad> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
        }
        assertThat(load()).isSameAs(NativeLibraries.loaded(NativeLibrary.LINEAR_ALGEBRA).orElseThrow());
    }

    @Test
    void extractsRenamedCopiesIntoTheAtelierHome() throws IOException {
        NativeLoad load = load();
        assertThat(load.directory()).isNotNull();
        Path folder = load.directory();
        if (folder.startsWith(home)) { // this class loaded it (not an earlier test class in the same JVM)
            assertThat(folder.getParent()).isEqualTo(home.resolve("natives"));
            assertThat(load.extracted()).isTrue();
        }
        assertThat(folder.getFileName().toString()).startsWith("openblas-").endsWith("_linux-x86_64");
        assertThat(ElfNames.soname(folder.resolve("libopenblas.so"))).isEqualTo("libopenblas.so");
        assertThat(ElfNames.soname(folder.resolve("libarpack.so"))).isEqualTo("libarpack.so");
        assertThat(Files.exists(folder.resolve(NativeCache.MARKER))).isTrue();
        assertThat(load.loaded()).hasSize(4).last().asString().endsWith("libarpack.so");
    }

    @Test
    void ordinaryLeastSquaresUsesLapack() {
        load();
        LinearModel ols = OLS.fit(Formula.lhs("y"), frame());
        double[] beta = ols.coefficients().toArray(new double[0]);
        assertThat(beta[0]).isCloseTo(2.0, within(0.01));
        assertThat(beta[1]).isCloseTo(0.0, within(0.01));
        assertThat(beta[2]).isCloseTo(-1.0, within(0.01));
        assertThat(ols.intercept()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void lassoAndPcaUseBlas() {
        load();
        LinearModel lasso = LASSO.fit(Formula.lhs("y"), frame(), new LASSO.Options(0.1));
        assertThat(lasso.coefficients().toArray(new double[0])[0]).isCloseTo(2.0, within(0.05));

        double[] variance = PCA.fit(X).variance().toArray(new double[0]);
        assertThat(variance).hasSize(3);
        assertThat(variance[2]).isPositive();
        assertThat(variance[0]).isGreaterThanOrEqualTo(variance[1]);
        assertThat(variance[1]).isGreaterThanOrEqualTo(variance[2]);
    }

    @Test
    void kernelPcaUsesArpack() {
        load();
        double[][] sample = Arrays.copyOf(X, 100);
        var kpca = KPCA.fit(sample, new GaussianKernel(1.0), new KPCA.Options(2));
        double[][] coordinates = kpca.coordinates();
        assertThat(coordinates).hasNumberOfRows(100);
        assertThat(coordinates[0]).hasSize(2);
        assertThat(Arrays.stream(coordinates).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite)).isTrue();
    }
}
