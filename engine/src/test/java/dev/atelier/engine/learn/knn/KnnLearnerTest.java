package dev.atelier.engine.learn.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.DatasetBuilder;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerContract;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ModelManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class KnnLearnerTest extends LearnerContract {
    @Override
    protected Learner learner() {
        return new KnnLearner();
    }

    @Override
    protected Map<String, String> hyperparameters(ProblemType problem) {
        return Map.of("k", problem == ProblemType.REGRESSION ? "5" : "15");
    }

    @Override
    protected boolean randomised() {
        return false;     // an exact index over all rows does not use the seed
    }

    private static LearnerSpec knn(ProblemType problem, String target, Map<String, String> hp, long seed) {
        return LearnerSpec.of(Learners.builtIn().catalog(), "knn", problem, target, hp, seed);
    }

    /// `clusters` well-separated Gaussian blobs in `dims` dimensions (centres 10 apart, spread 1); the target
    /// `cluster` is the blob's name, `id` (a regression target) the row number.
    static Dataset blobs(int rows, int clusters, int dims, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        RandomGenerator centreRandom = RandomGeneratorFactory.of("L64X128MixRandom").create(99);
        double[][] centres = new double[clusters][dims];
        for (double[] c : centres) {
            for (int j = 0; j < dims; j++) {
                c[j] = centreRandom.nextDouble() * 40 - 20;
            }
        }
        double[][] x = new double[dims][rows];
        String[] label = new String[rows];
        double[] id = new double[rows];
        for (int i = 0; i < rows; i++) {
            int c = r.nextInt(clusters);
            for (int j = 0; j < dims; j++) {
                x[j][i] = centres[c][j] + r.nextGaussian();
            }
            label[i] = "c" + c;
            id[i] = i;
        }
        DatasetBuilder b = Dataset.builder("blobs");
        for (int j = 0; j < dims; j++) {
            b.numeric("x" + j, x[j]);
        }
        return b.categorical("cluster", label).numeric("id", id).build();
    }

    @Test
    void recoversWellSeparatedClustersWithEveryIndexAndProjection() {
        Dataset train = blobs(1500, 5, 16, 1);
        Dataset test = blobs(500, 5, 16, 2);
        var settings = new java.util.ArrayList<Map<String, String>>();
        settings.add(Map.of());
        settings.add(Map.of("index_type", "faiss.IVFFlat"));
        settings.add(Map.of("index_type", "faiss.IVFFlat", "index_metric", "COSINE"));
        settings.add(Map.of("index_metric", "INNER_PRODUCT", "index_type", "faiss.IVFFlat"));
        settings.add(Map.of("dimension_reduction_type", "sign", "dimension_reduction_target", "6"));
        settings.add(Map.of("dimension_reduction_type", "fjlt", "dimension_reduction_target", "6"));
        settings.add(Map.of("sample_size", "300"));
        settings.add(Map.of("index_type", "faiss.IVFPQ"));
        settings.add(Map.of("index_type", "faiss.IVFPQ", "faiss_index_pq_m", "4"));
        for (Map<String, String> extra : settings) {
            var hp = new HashMap<>(extra);
            hp.put("k", "5");
            hp.put("predictor_type", "classifier");
            // the id column would dominate distances: leave it out by keeping only x's and the target
            Model model = fit(ignoring(train, "id"), knn(ProblemType.MULTICLASS_CLASSIFICATION, "cluster", hp, 3));
            Map<String, Double> m = Evaluator.evaluate(model.predict(test), test, "cluster");
            if (!extra.getOrDefault("index_metric", "L2").equals("INNER_PRODUCT")) {
                assertThat(m.get("accuracy")).as(extra + " " + m).isGreaterThanOrEqualTo(0.99);
            } else {
                assertThat(m.get("accuracy")).as(extra + " " + m).isGreaterThan(0.5);
            }
        }
    }

    @Test
    void ivfFindsAtLeastNinetyPercentOfTheExactNeighbours() {
        Dataset train = blobs(6000, 12, 10, 5);
        Dataset test = blobs(300, 12, 10, 6);
        var exact = (KnnModel) fit(ignoring(train, "cluster"),
                knn(ProblemType.REGRESSION, "id", Map.of("k", "10"), 1));
        var ivf = (KnnModel) fit(ignoring(train, "cluster"),
                knn(ProblemType.REGRESSION, "id", Map.of("k", "10", "index_type", "faiss.IVFFlat"), 1));
        assertThat(ivf.lists()).isEqualTo(77);                   // auto: √6000
        var pq = (KnnModel) fit(ignoring(train, "cluster"),
                knn(ProblemType.REGRESSION, "id", Map.of("k", "10", "index_type", "faiss.IVFPQ"), 1));
        double[] a = exact.neighbourLabels(test);
        assertThat(recall(a, ivf.neighbourLabels(test), test.rowCount())).isGreaterThanOrEqualTo(0.9);
        // product quantization (5 one-byte pieces instead of 10 doubles) is coarser but still finds most (0.91)
        assertThat(recall(a, pq.neighbourLabels(test), test.rowCount())).isGreaterThanOrEqualTo(0.8);
    }

    private static double recall(double[] exact, double[] approximate, int queries) {
        int hits = 0;
        for (int i = 0; i < queries; i++) {
            var truth = new HashSet<Double>();
            for (int j = 0; j < 10; j++) {
                truth.add(exact[i * 10 + j]);
            }
            for (int j = 0; j < 10; j++) {
                hits += truth.contains(approximate[i * 10 + j]) ? 1 : 0;
            }
        }
        return hits / (10.0 * queries);
    }

    private static Dataset ignoring(Dataset data, String column) {
        return data.withSchema(data.schema().withRole(column, ColumnRole.IGNORED));
    }

    @Test
    void sampleSizeKeepsASeededSample() {
        Dataset data = SyntheticData.logistic(500, 3, false);
        Map<String, String> hp = Map.of("k", "3", "sample_size", "100");
        var a = (KnnModel) fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn", hp, 1));
        var b = (KnnModel) fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn", hp, 1));
        var c = (KnnModel) fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn", hp, 2));
        assertThat(a.size()).isEqualTo(100);
        assertThat(a.predict(data)).isEqualTo(b.predict(data));
        assertThat(c.predict(data)).isNotEqualTo(a.predict(data));
    }

    @Test
    void probabilitiesAreSmoothedVoteShares() {
        Dataset data = SyntheticData.logistic(400, 4, false);
        Model model = fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn", Map.of("k", "4"), 1));
        Predictions p = model.predict(data);
        for (int i = 0; i < p.size(); i++) {
            double q = p.probability(i, 1);
            assertThat(q).isStrictlyBetween(0.0, 1.0);
            // (votes + share) / 5: a whole number of votes plus the class share
            double votes = q * 5;
            assertThat(votes - Math.floor(votes)).isStrictlyBetween(0.0, 1.0);
        }
    }

    @Test
    void ivfpqIsOnlyForL2AndNoMorePiecesThanValues() {
        Dataset data = SyntheticData.logistic(300, 5, false);
        assertThatThrownBy(() -> fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn",
                Map.of("k", "5", "index_type", "faiss.IVFPQ", "faiss_index_pq_m", "96"), 1)))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID));
        assertThatThrownBy(() -> fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn",
                Map.of("k", "5", "index_type", "faiss.IVFPQ", "index_metric", "COSINE"), 1)))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID));
    }

    @Test
    void badReductionSettingsAreRefusedClearly() {
        Dataset data = SyntheticData.logistic(100, 5, false);
        assertThatThrownBy(() -> fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn",
                Map.of("k", "5", "dimension_reduction_type", "sign"), 1)))
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.HYPERPARAMETER_MISSING));
        assertThatThrownBy(() -> fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn",
                Map.of("k", "5", "dimension_reduction_type", "fjlt", "dimension_reduction_target", "500"), 1)))
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID));
        assertThatThrownBy(() -> fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn",
                Map.of("k", "5", "predictor_type", "regressor"), 1)))
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID));
    }

    @Test
    void approximateProjectedCosineModelRoundTripsThroughABundle() {
        Dataset data = SyntheticData.logistic(400, 8, true);
        Model model = fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn", Map.of("k", "7",
                "index_type", "faiss.IVFFlat", "index_metric", "COSINE", "dimension_reduction_type", "fjlt",
                "dimension_reduction_target", "5", "faiss_index_ivf_nlists", "6"), 4));
        Path bundle = dir.resolve("knn-ivf");
        ModelManifest manifest = ModelBundle.manifest(model, data.schema(), data.rowCount(),
                Learners.builtIn().catalog(), Instant.parse("2026-01-01T00:00:00Z"),
                ModelBundle.provenance(data, null, null));
        ModelBundle.write(bundle, model, manifest, Map.of());
        Model loaded = ModelBundle.read(bundle, Learners.builtIn()).model();
        assertThat(((KnnModel) loaded).lists()).isEqualTo(6);
        assertThat(loaded.predict(data)).isEqualTo(model.predict(data));

        Model pq = fit(data, knn(ProblemType.BINARY_CLASSIFICATION, "churn", Map.of("k", "7",
                "index_type", "faiss.IVFPQ", "faiss_index_pq_m", "3", "faiss_index_ivf_nlists", "4"), 4));
        Path pqBundle = dir.resolve("knn-pq");
        ModelBundle.write(pqBundle, pq, ModelBundle.manifest(pq, data.schema(), data.rowCount(),
                Learners.builtIn().catalog(), Instant.parse("2026-01-01T00:00:00Z"),
                ModelBundle.provenance(data, null, null)), Map.of());
        assertThat(ModelBundle.read(pqBundle, Learners.builtIn()).model().predict(data)).isEqualTo(pq.predict(data));
    }
}
