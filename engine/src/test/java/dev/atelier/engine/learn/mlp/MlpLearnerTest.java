package dev.atelier.engine.learn.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerContract;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingPoint;
import dev.atelier.engine.learn.linear.LinearLearner;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ModelManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("natives")
class MlpLearnerTest extends LearnerContract {
    @Override
    protected Learner learner() {
        return new MlpLearner();
    }

    /// A tiny, fast network: two layers of 16, a fast learning rate, few passes.
    @Override
    protected Map<String, String> hyperparameters(ProblemType problem) {
        return Map.of("num_layers", "2", "hidden_size", "16", "num_epochs", "40", "learning_rate", "0.01",
                "batch_size", "64", "epochs_wo_improve", "5");
    }

    private LearnerSpec spec(ProblemType problem, String target, Map<String, String> extra) {
        var hp = new HashMap<>(hyperparameters(problem));
        hp.putAll(extra);
        return LearnerSpec.of(Learners.builtIn().catalog(), MlpLearner.KEY, problem, target, hp, 5);
    }

    /// Two concentric rings (inner "in", outer "out") with a little noise, plus a useless column: no straight line
    /// separates them.
    static Dataset circles(int rows, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] noise = new double[rows];
        String[] y = new String[rows];
        for (int i = 0; i < rows; i++) {
            boolean inner = r.nextBoolean();
            double radius = (inner ? 1.0 : 2.0) + r.nextGaussian() * 0.15;
            double angle = r.nextDouble() * 2 * Math.PI;
            x1[i] = radius * Math.cos(angle);
            x2[i] = radius * Math.sin(angle);
            noise[i] = r.nextGaussian();
            y[i] = inner ? "in" : "out";
        }
        return Dataset.builder("circles").numeric("x1", x1).numeric("x2", x2).numeric("noise", noise)
                .categorical("ring", y).target("ring").build();
    }

    /// `y = 2·sin(2·x1) + x2² + N(0, 0.1²)`, x uniform on [-2, 2].
    static Dataset wave(int rows, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = r.nextDouble() * 4 - 2;
            x2[i] = r.nextDouble() * 4 - 2;
            y[i] = 2 * Math.sin(2 * x1[i]) + x2[i] * x2[i] + r.nextGaussian() * 0.1;
        }
        return Dataset.builder("wave").numeric("x1", x1).numeric("x2", x2).numeric("y", y).target("y").build();
    }

    @Test
    void separatesConcentricCirclesWhereALinearModelCannot() {
        Dataset train = circles(1500, 61);
        Dataset test = circles(600, 62);
        Model mlp = fit(train, spec(ProblemType.BINARY_CLASSIFICATION, "ring", Map.of("num_epochs", "60")));
        Map<String, Double> m = Evaluator.evaluate(mlp.predict(test), test, "ring");
        assertThat(m.get("accuracy")).as("MLP on circles: " + m).isGreaterThan(0.9);

        Model linear = new LinearLearner().fit(TrainingData.of(train), LearnerSpec.of(Learners.builtIn().catalog(),
                        LinearLearner.KEY, ProblemType.BINARY_CLASSIFICATION, "ring",
                        Map.of("num_models", "2", "epochs", "5"), 5), JobContext.silent(),
                dev.atelier.engine.learn.TrainingListener.NONE);
        Map<String, Double> l = Evaluator.evaluate(linear.predict(test), test, "ring");
        assertThat(l.get("accuracy")).as("linear on circles: " + l).isLessThan(0.75);
    }

    @Test
    void fitsASmoothNonlinearRegression() {
        Dataset train = wave(1500, 71);
        Dataset test = wave(600, 72);
        Model model = fit(train, spec(ProblemType.REGRESSION, "y", Map.of("num_layers", "2", "hidden_size", "32",
                "num_epochs", "80", "dropout_prob", "0")));
        Map<String, Double> m = Evaluator.evaluate(model.predict(test), test, "y");
        assertThat(m.get("r2")).as("R² on held-out rows: " + m).isGreaterThan(0.9);
    }

    @Test
    void reportsTrainAndValidationLossPerPassAndKeepsTheBestPass() {
        Dataset data = SyntheticData.logistic(400, 81, false);
        var points = new ArrayList<TrainingPoint>();
        var model = (MlpModel) learner().fit(TrainingData.of(data),
                spec(ProblemType.BINARY_CLASSIFICATION, "churn", Map.of("num_epochs", "25", "epochs_wo_improve", "3")),
                JobContext.silent(), points::add);
        assertThat(points).isNotEmpty().allSatisfy(p -> {
            assertThat(p.metric()).isEqualTo("logloss");
            assertThat(p.train()).isFinite().isPositive();
            assertThat(p.validation()).isFinite().isPositive();
        });
        assertThat(points).extracting(TrainingPoint::step).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, points.size()).boxed().toArray(Integer[]::new));
        MlpPayload a = model.architecture();
        assertThat(a.epochs()).isEqualTo(points.size());
        double best = points.stream().mapToDouble(TrainingPoint::validation).min().orElseThrow();
        assertThat(points.get(a.bestEpoch() - 1).validation()).isEqualTo(best);
        assertThat(a.epochs() - a.bestEpoch()).isLessThanOrEqualTo(3);
        assertThat(points.getFirst().validation()).isGreaterThan(best);
    }

    @Test
    void variantsWithBatchNormEluAndSgdRoundTripThroughABundle() {
        Dataset data = SyntheticData.multiclass(300, 91);
        Model model = fit(data, spec(ProblemType.MULTICLASS_CLASSIFICATION, "kind", Map.of("use_batchnorm", "true",
                "activation", "elu", "optimizer", "sgd", "batch_size", "33", "num_epochs", "8")));
        Path bundle = dir.resolve("variant");
        ModelManifest manifest = ModelBundle.manifest(model, data.schema(), data.rowCount(),
                Learners.builtIn().catalog(), Instant.parse("2026-01-01T00:00:00Z"),
                ModelBundle.provenance(data, null, null));
        ModelBundle.write(bundle, model, manifest, Map.of());
        Predictions before = model.predict(data);
        assertThat(ModelBundle.read(bundle, Learners.builtIn()).model().predict(data)).isEqualTo(before);
        Map<String, Double> m = Evaluator.evaluate(before, data, "kind");
        assertThat(m.get("accuracy")).as(m.toString()).isGreaterThan(0.6);
    }

    @Test
    void takesTheGivenValidationData() {
        Dataset train = SyntheticData.linear(300, 95);
        Dataset validation = SyntheticData.linear(100, 96);
        var points = new ArrayList<TrainingPoint>();
        learner().fit(new TrainingData(train, validation), spec(ProblemType.REGRESSION, "y", Map.of("num_epochs", "5")),
                JobContext.silent(), points::add);
        assertThat(points).hasSize(5).allSatisfy(p -> assertThat(p.metric()).isEqualTo("rmse"));
        assertThat(points.getLast().validation()).isLessThan(points.getFirst().validation());
    }

    @Test
    void trainsOnASingleRowEvenWithBatchNorm() {
        Dataset one = SyntheticData.linear(1, 98);
        Model model = fit(one, spec(ProblemType.REGRESSION, "y", Map.of("use_batchnorm", "true", "num_epochs", "3")));
        assertThat(model.predict(one).value(0)).isFinite();
    }

    @Test
    void aDamagedWeightsFileIsReportedAsACorruptModel() throws Exception {
        Dataset data = SyntheticData.logistic(100, 97, false);
        Model model = fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "churn", Map.of("num_epochs", "2")));
        Path bundle = dir.resolve("damaged");
        ModelBundle.write(bundle, model, ModelBundle.manifest(model, data.schema(), data.rowCount(),
                Learners.builtIn().catalog(), Instant.parse("2026-01-01T00:00:00Z"),
                ModelBundle.provenance(data, null, null)), Map.of());
        try (var files = Files.walk(bundle)) {
            Path weights = files.filter(f -> f.getFileName().toString().equals(MlpModel.WEIGHTS)).findFirst()
                    .orElseThrow();
            byte[] bytes = Files.readAllBytes(weights);
            Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        }
        assertThatThrownBy(() -> ModelBundle.read(bundle, Learners.builtIn()))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.MODEL_CORRUPT));
    }

    @Test
    void weightsEncodeAndDecodeExactly() {
        float[][] w = {{1.5f, -2.25f, Float.MIN_VALUE}, {}, {3f}};
        var shapes = List.of(new MlpPayload.ParameterShape("a", List.of(3L)),
                new MlpPayload.ParameterShape("b", List.of(0L)), new MlpPayload.ParameterShape("c", List.of(1L, 1L)));
        assertThat(MlpWeights.decode(MlpWeights.encode(w), shapes)).isDeepEqualTo(w);
        assertThat(MlpWeights.decode(MlpWeights.encode(w), shapes.subList(0, 2))).isNull();
        assertThat(MlpWeights.decode(new byte[] {1, 2, 3}, shapes)).isNull();
    }
}
