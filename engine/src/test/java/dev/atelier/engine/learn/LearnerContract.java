package dev.atelier.engine.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.TestJobContexts;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ModelManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The contract every [Learner] must keep (STYLE §11.2), applied by subclassing: tiny data, missing values,
/// rejected targets and data, determinism, bundle round-trip, cancellation and progress, plus quality on data with
/// known structure.
public abstract class LearnerContract {
    @TempDir
    protected Path dir;

    /// The learner under test.
    protected abstract Learner learner();

    /// Small, fast hyperparameters (as text) for `problem`.
    protected abstract Map<String, String> hyperparameters(ProblemType problem);

    /// Whether the seed changes the model (false for deterministic algorithms).
    protected boolean randomised() {
        return true;
    }

    protected LearnerSpec spec(ProblemType problem, String target, long seed) {
        return LearnerSpec.of(Learners.builtIn().catalog(), learner().algorithm(), problem, target,
                hyperparameters(problem), seed);
    }

    protected Model fit(Dataset data, LearnerSpec spec) {
        return learner().fit(TrainingData.of(data), spec, JobContext.silent(), TrainingListener.NONE);
    }

    @Test
    void fitsTinyData() {
        Dataset data = SyntheticData.logistic(30, 1, false);
        Model model = fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7));
        Predictions p = model.predict(data);
        assertThat(p.size()).isEqualTo(30);
        assertThat(p.classes()).containsExactly("no", "yes");
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.probability(i, 0) + p.probability(i, 1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void fitsDataWithMissingValuesAndPredictsUnseenCategories() {
        Dataset data = SyntheticData.logistic(200, 2, true);
        Model model = fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7));
        Dataset unseen = Dataset.builder("new").numeric("x1", 0.5).numeric("x2", Double.NaN).numeric("x3", 3)
                .numeric("noise", 0).categorical("region", "atlantis").build();
        Predictions p = model.predict(unseen);
        assertThat(p.size()).isEqualTo(1);
        assertThat(p.probability(0, 1)).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsSingleClassTarget() {
        Dataset data = SyntheticData.logistic(40, 3, false);
        int[] yes = new int[0];
        var rows = new ArrayList<Integer>();
        int col = data.schema().indexOf("churn");
        for (int r = 0; r < data.rowCount(); r++) {
            if (data.text(r, col).equals("yes")) {
                rows.add(r);
            }
        }
        yes = rows.stream().mapToInt(Integer::intValue).toArray();
        Dataset onlyYes = data.rows(yes);
        assertThatThrownBy(() -> fit(onlyYes, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7)))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.TARGET_SINGLE_CLASS));
    }

    @Test
    void rejectsEmptyData() {
        Dataset empty = SyntheticData.logistic(20, 3, false).rows(new int[0]);
        assertThatThrownBy(() -> fit(empty, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7)))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.DATASET_EMPTY));
    }

    @Test
    void rejectsUnknownTarget() {
        Dataset data = SyntheticData.logistic(20, 3, false);
        assertThatThrownBy(() -> fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "nope", 7)))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
    }

    @Test
    void sameSeedGivesIdenticalPredictionsAndAnotherSeedDiffers() {
        Dataset data = SyntheticData.logistic(300, 4, true);
        Predictions a = fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7)).predict(data);
        Predictions b = fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7)).predict(data);
        assertThat(a).isEqualTo(b);
        if (randomised()) {
            Predictions c = fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 8)).predict(data);
            assertThat(c).isNotEqualTo(a);
        }
    }

    @Test
    void bundleRoundTripGivesIdenticalPredictions() {
        for (Dataset data : List.of(SyntheticData.logistic(200, 5, true), SyntheticData.multiclass(200, 5),
                SyntheticData.linear(200, 5))) {
            String target = data.schema().target().orElseThrow().name();
            ProblemType problem = ProblemTypes.infer(data, target);
            if (!learner().problems().contains(problem)) {
                continue;
            }
            Model model = fit(data, spec(problem, target, 11));
            Path bundle = dir.resolve("bundle-" + data.name());
            ModelManifest manifest = ModelBundle.manifest(model, data.schema(), data.rowCount(),
                    Learners.builtIn().catalog(), Instant.parse("2026-01-01T00:00:00Z"),
                    ModelBundle.provenance(data, null, null));
            ModelBundle.write(bundle, model, manifest, Map.of());
            ModelBundle.Loaded loaded = ModelBundle.read(bundle, Learners.builtIn());
            assertThat(loaded.model().predict(data)).isEqualTo(model.predict(data));
            assertThat(loaded.model().header()).isEqualTo(model.header());
        }
    }

    @Test
    void cancellationStopsFittingWithoutAModel() {
        Dataset data = SyntheticData.logistic(300, 6, false);
        var ctx = TestJobContexts.cancelAfterProgressCalls(2);
        assertThatThrownBy(() -> learner().fit(TrainingData.of(data),
                spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7), ctx, TrainingListener.NONE))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void progressIsMonotoneAndReachesOne() {
        Dataset data = SyntheticData.logistic(200, 6, false);
        var ctx = TestJobContexts.recording();
        learner().fit(TrainingData.of(data), spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7), ctx,
                TrainingListener.NONE);
        assertThat(ctx.fractions).isNotEmpty();
        for (int i = 1; i < ctx.fractions.size(); i++) {
            assertThat(ctx.fractions.get(i)).isGreaterThanOrEqualTo(ctx.fractions.get(i - 1));
        }
        assertThat(ctx.fractions.getLast()).isEqualTo(1.0);
    }

    @Test
    void learnsALogisticGroundTruth() {
        Dataset train = SyntheticData.logistic(2000, 21, false);
        Dataset test = SyntheticData.logistic(1000, 22, false);
        Model model = fit(train, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7));
        Map<String, Double> m = Evaluator.evaluate(model.predict(test), test, "churn");
        assertThat(m.get("auc")).as("AUC on held-out rows: " + m).isGreaterThan(0.85);
    }

    @Test
    void learnsALinearRegression() {
        if (!learner().problems().contains(ProblemType.REGRESSION)) {
            return;
        }
        Dataset train = SyntheticData.linear(2000, 31);
        Dataset test = SyntheticData.linear(1000, 32);
        Model model = fit(train, spec(ProblemType.REGRESSION, "y", 7));
        Map<String, Double> m = Evaluator.evaluate(model.predict(test), test, "y");
        assertThat(m.get("r2")).as("R² on held-out rows: " + m).isGreaterThan(0.9);
    }

    @Test
    void learnsThreeClasses() {
        if (!learner().problems().contains(ProblemType.MULTICLASS_CLASSIFICATION)) {
            return;
        }
        Dataset train = SyntheticData.multiclass(1500, 41);
        Dataset test = SyntheticData.multiclass(600, 42);
        Model model = fit(train, spec(ProblemType.MULTICLASS_CLASSIFICATION, "kind", 7));
        Predictions p = model.predict(test);
        assertThat(p.classes()).containsExactly("a", "b", "c");
        Map<String, Double> m = Evaluator.evaluate(p, test, "kind");
        assertThat(m.get("accuracy")).as(m.toString()).isGreaterThan(0.8);
    }

    @Test
    void predictingWithoutAnInputColumnNamesIt() {
        Dataset data = SyntheticData.logistic(60, 7, false);
        Model model = fit(data, spec(ProblemType.BINARY_CLASSIFICATION, "churn", 7));
        Dataset lacking = Dataset.builder("x").numeric("x1", 1).numeric("x3", 1).numeric("noise", 1)
                .categorical("region", "north").build();
        assertThatThrownBy(() -> model.predict(lacking)).isInstanceOf(AtelierException.class)
                .satisfies(e -> {
                    assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.FEATURE_COLUMN_MISSING);
                    assertThat(((AtelierException) e).args()).containsExactly("x2");
                });
    }
}
