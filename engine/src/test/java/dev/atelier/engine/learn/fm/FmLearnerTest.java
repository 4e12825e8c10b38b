package dev.atelier.engine.learn.fm;

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
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingPoint;
import dev.atelier.engine.learn.TrainingListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class FmLearnerTest extends LearnerContract {
    @Override
    protected Learner learner() {
        return new FmLearner();
    }

    @Override
    protected Map<String, String> hyperparameters(ProblemType problem) {
        return Map.of("num_factors", "4", "epochs", "20", "mini_batch_size", "50", "linear_lr", "0.05",
                "factors_lr", "0.02");
    }

    private static LearnerSpec fm(ProblemType problem, String target, Map<String, String> hp) {
        return LearnerSpec.of(Learners.builtIn().catalog(), "factorization-machines", problem, target, hp, 5);
    }

    /// `y = x1·x2 + N(0, 0.1²)` with two more noise columns and a categorical one: a pure pairwise interaction
    /// that no linear model can express (its best linear fit is the mean).
    static Dataset interaction(int rows, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] x3 = new double[rows];
        String[] colour = new String[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            x3[i] = r.nextGaussian();
            colour[i] = r.nextBoolean() ? "red" : "blue";
            y[i] = x1[i] * x2[i] + 0.1 * r.nextGaussian();
        }
        return Dataset.builder("interaction").numeric("x1", x1).numeric("x2", x2).numeric("x3", x3)
                .categorical("colour", colour).numeric("y", y).target("y").build();
    }

    @Test
    void learnsAPairwiseInteractionThatLinearLearnerCannot() {
        Dataset train = interaction(3000, 1);
        Dataset test = interaction(1000, 2);
        Model fm = fit(train, fm(ProblemType.REGRESSION, "y", Map.of("num_factors", "4", "epochs", "30",
                "mini_batch_size", "50", "linear_lr", "0.01", "factors_lr", "0.02")));
        double fmR2 = Evaluator.evaluate(fm.predict(test), test, "y").get("r2");
        LearnerSpec linearSpec = LearnerSpec.of(Learners.builtIn().catalog(), "linear-learner",
                ProblemType.REGRESSION, "y", Map.of("num_models", "4", "epochs", "10"), 5);
        Model linear = Learners.builtIn().require("linear-learner").fit(TrainingData.of(train), linearSpec,
                JobContext.silent(), TrainingListener.NONE);
        double linearR2 = Evaluator.evaluate(linear.predict(test), test, "y").get("r2");
        assertThat(fmR2).as("FM R²").isGreaterThan(0.9);
        assertThat(linearR2).as("Linear Learner R²").isLessThan(0.05);
        assertThat(fmR2).isGreaterThan(linearR2 + 0.8);
    }

    @Test
    void refusesMulticlassAsSageMakerDoes() {
        assertThatThrownBy(() -> fm(ProblemType.MULTICLASS_CLASSIFICATION, "kind", hyperparameters(null)))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.PROBLEM_TYPE_UNSUPPORTED));
        LearnerSpec forced = new LearnerSpec("factorization-machines", ProblemType.MULTICLASS_CLASSIFICATION, "kind",
                fm(ProblemType.BINARY_CLASSIFICATION, "kind", hyperparameters(null)).hyperparameters(), Set.of(), 1);
        assertThatThrownBy(() -> fit(SyntheticData.multiclass(100, 1), forced))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.PROBLEM_TYPE_UNSUPPORTED));
    }

    @Test
    void reportsOneCurvePointPerEpochWithValidation() {
        Dataset train = SyntheticData.logistic(600, 3, false);
        Dataset validation = SyntheticData.logistic(200, 4, false);
        var points = new ArrayList<TrainingPoint>();
        new FmLearner().fit(new TrainingData(train, validation), fm(ProblemType.BINARY_CLASSIFICATION, "churn",
                hyperparameters(null)), JobContext.silent(), points::add);
        assertThat(points).hasSize(20);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.metric()).isEqualTo("binary_classification_cross_entropy");
            assertThat(p.validation()).isFinite();
        });
        assertThat(points.getLast().train()).isLessThan(points.getFirst().train());
    }

    @Test
    void initialisationMethodsNeedTheirSettings() {
        Dataset data = SyntheticData.logistic(100, 3, false);
        var hp = new HashMap<>(hyperparameters(null));
        hp.put("factors_init_method", "uniform");
        assertThatThrownBy(() -> fit(data, fm(ProblemType.BINARY_CLASSIFICATION, "churn", hp)))
                .satisfies(e -> {
                    assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.HYPERPARAMETER_MISSING);
                    assertThat(((AtelierException) e).args()).first().isEqualTo("factors_init_scale");
                });
        hp.put("factors_init_scale", "0.05");
        hp.put("linear_init_method", "constant");
        hp.put("linear_init_value", "0");
        hp.put("clip_gradient", "1");
        hp.put("rescale_grad", "0.02");
        Model model = fit(data, fm(ProblemType.BINARY_CLASSIFICATION, "churn", hp));
        assertThat(model.predict(data).size()).isEqualTo(100);
        hp.put("predictor_type", "regressor");
        assertThatThrownBy(() -> fit(data, fm(ProblemType.BINARY_CLASSIFICATION, "churn", hp)))
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID));
    }
}
