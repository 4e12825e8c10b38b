package dev.atelier.engine.natives;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// XGBoost 3 trains a tiny binary model with the natives its jar ships and no install (docs/adr/0006).
@Tag("natives")
class XgboostNativesTest {
    @TempDir
    Path home;

    @Test
    void trainsABinaryClassifier() throws XGBoostError {
        NativeLoad load = NativeLibraries.in(home).ensureLoaded(NativeLibrary.XGBOOST);
        assertThat(load.loaded()).last().isEqualTo("libxgboost4j.so");

        int rows = 200;
        int columns = 3;
        var random = new Random(3);
        float[] x = new float[rows * columns];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                x[i * columns + j] = (float) random.nextGaussian();
            }
            y[i] = x[i * columns] + x[i * columns + 1] > 0 ? 1 : 0;
        }
        var data = new DMatrix(x, rows, columns, Float.NaN);
        data.setLabel(y);
        Map<String, Object> params = Map.of("objective", "binary:logistic", "max_depth", 3, "eta", 0.3,
                "nthread", 1, "seed", 1);
        Booster booster = XGBoost.train(data, params, 20, Map.of(), null, null);
        float[][] p = booster.predict(data);

        int correct = 0;
        for (int i = 0; i < rows; i++) {
            correct += (p[i][0] > 0.5) == (y[i] > 0.5) ? 1 : 0;
        }
        assertThat(correct / (double) rows).isGreaterThan(0.9);
        booster.dispose();
        data.dispose();
    }
}
