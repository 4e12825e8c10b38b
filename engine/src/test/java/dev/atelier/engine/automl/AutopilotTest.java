package dev.atelier.engine.automl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.Job;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadReader;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import dev.atelier.engine.learn.linear.LinearLearner;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ModelManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutopilotTest {
    private static final Autopilot AUTOPILOT = new Autopilot(Learners.builtIn());

    private static AutopilotSpec small(String target) {
        return AutopilotSpec.of(target).withBudget(null).withMaxCandidates(6).withPreset(AutopilotSpec.Preset.QUICK)
                .withDeterministic(true).withParallelism(2).withSeed(7);
    }

    @Test
    void infersTheProblemAndSaysWhy() {
        ProblemGuess binary = ProblemGuess.infer(SyntheticData.logistic(200, 1, false), "churn");
        assertThat(binary.problem()).isEqualTo(ProblemType.BINARY_CLASSIFICATION);
        assertThat(binary.reasonKey()).isEqualTo("automl.reason.twoValues");
        assertThat(binary.args()).containsExactly("churn", "no and yes");

        ProblemGuess multi = ProblemGuess.infer(SyntheticData.multiclass(200, 1), "kind");
        assertThat(multi.problem()).isEqualTo(ProblemType.MULTICLASS_CLASSIFICATION);
        assertThat(multi.reasonKey()).isEqualTo("automl.reason.categories");
        assertThat(multi.args()).containsExactly("kind", 3);

        ProblemGuess regression = ProblemGuess.infer(SyntheticData.linear(200, 1), "y");
        assertThat(regression.problem()).isEqualTo(ProblemType.REGRESSION);
        assertThat(regression.reasonKey()).isEqualTo("automl.reason.numbers");

        double[] grade = new double[100];
        double[] x = new double[100];
        for (int i = 0; i < 100; i++) {
            grade[i] = i % 4 + 1;
            x[i] = i;
        }
        Dataset grades = Dataset.builder("grades").numeric("x", x).numeric("grade", grade).build();
        ProblemGuess few = ProblemGuess.infer(grades, "grade");
        assertThat(few.problem()).isEqualTo(ProblemType.MULTICLASS_CLASSIFICATION);
        assertThat(few.reasonKey()).isEqualTo("automl.reason.fewWholeNumbers");
        assertThat(few.args()).containsExactly("grade", 4);
    }

    @Test
    void runsASearchAndReportsRowsLive() {
        Dataset data = SyntheticData.logistic(300, 3, true);
        var rows = new ArrayList<LeaderboardRow>();
        var best = new ArrayList<BestScorePoint>();
        AutopilotListener listener = new AutopilotListener() {
            @Override
            public void onRow(LeaderboardRow row) {
                rows.add(row);
            }

            @Override
            public void onBest(BestScorePoint point) {
                best.add(point);
            }
        };
        AutopilotResult r = AUTOPILOT.run(data, small("churn").withMode(AutopilotSpec.Mode.HPO), JobContext.silent(),
                listener);
        assertThat(r.setup().problem()).isEqualTo(ProblemType.BINARY_CLASSIFICATION);
        assertThat(r.setup().metric()).isEqualTo(ObjectiveMetric.F1);
        assertThat(r.setup().validation()).isEqualTo(AutopilotSpec.Validation.CROSS_VALIDATION);
        assertThat(r.rows()).hasSize(6).allMatch(LeaderboardRow::ok);
        assertThat(rows).hasSize(6);
        assertThat(r.rows()).extracting(LeaderboardRow::algorithm).startsWith("linear-learner", "xgboost",
                "random-forest", "extra-trees");
        assertThat(best).isNotEmpty();
        assertThat(best.getLast().score()).isEqualTo(r.best().score());
        for (int i = 1; i < best.size(); i++) {
            assertThat(best.get(i).score()).isGreaterThan(best.get(i - 1).score());
        }
        LeaderboardRow top = r.leaderboard().getFirst();
        assertThat(top).isEqualTo(r.best());
        assertThat(top.metrics()).containsKeys("f1", "auc", "accuracy", "log_loss", "precision", "recall",
                "balanced_accuracy");
        assertThat(top.metrics().get("auc")).isGreaterThan(0.75);
        assertThat(top.fitSeconds()).isPositive();
        assertThat(top.latencyMsPerRow()).isPositive();
        assertThat(r.model().predict(data).size()).isEqualTo(300);
        assertThat(r.stop()).isEqualTo(AutopilotResult.Stop.COMPLETED);
    }

    @Test
    void deterministicModeGivesTheSameLeaderboardTwice() {
        Dataset data = SyntheticData.multiclass(240, 5);
        AutopilotSpec spec = small("kind").withMaxCandidates(7).withMode(AutopilotSpec.Mode.ENSEMBLE)
                .withAlgorithms(List.of("linear-learner", "xgboost", "extra-trees"));
        AutopilotResult a = AUTOPILOT.run(data, spec, JobContext.silent(), AutopilotListener.NONE);
        AutopilotResult b = AUTOPILOT.run(data, spec, JobContext.silent(), AutopilotListener.NONE);
        assertThat(a.rows()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(a.rows()).extracting(LeaderboardRow::candidateId).startsWith(0, 1, 2, 3, 4, 5, 6);
        assertThat(b.rows().stream().map(LeaderboardRow::withoutTimes).toList())
                .isEqualTo(a.rows().stream().map(LeaderboardRow::withoutTimes).toList());
        assertThat(b.best().candidateId()).isEqualTo(a.best().candidateId());
        assertThat(b.model().predict(data)).isEqualTo(a.model().predict(data));
    }

    @Test
    void honoursAHardTimeBudget() {
        Dataset data = SyntheticData.logistic(800, 11, true);
        double budget = 3.0;
        long t0 = System.nanoTime();
        AutopilotResult r = AUTOPILOT.run(data, AutopilotSpec.of("churn")
                        .withBudget(Duration.ofMillis((long) (budget * 1000))).withSeed(3),
                JobContext.silent(), AutopilotListener.NONE);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        assertThat(elapsed).isLessThanOrEqualTo(budget * 1.05 + 0.25);
        assertThat(r.wallSeconds()).isLessThanOrEqualTo(budget * 1.05);
        assertThat(r.stop()).isEqualTo(AutopilotResult.Stop.BUDGET);
        assertThat(r.rows()).anyMatch(LeaderboardRow::ok);
        assertThat(r.model()).isNotNull();
    }

    @Test
    void cancelKeepsTheBestModelSoFar() throws Exception {
        Dataset data = SyntheticData.logistic(1500, 12, false);
        Job job = new Job("automl");
        var firstOk = new java.util.concurrent.CountDownLatch(1);
        AutopilotListener listener = new AutopilotListener() {
            @Override
            public void onRow(LeaderboardRow row) {
                if (row.ok()) {
                    firstOk.countDown();
                    job.cancel();
                }
            }
        };
        AutopilotResult r = AUTOPILOT.run(data, AutopilotSpec.of("churn").withBudget(Duration.ofSeconds(60))
                .withParallelism(1), job, listener);
        assertThat(r.stop()).isEqualTo(AutopilotResult.Stop.CANCELLED);
        assertThat(r.best().ok()).isTrue();
        assertThat(r.model().predict(data).size()).isEqualTo(1500);
    }

    /// A learner that always fails, standing in for a broken algorithm.
    private static final class Failing implements Learner {
        @Override
        public String algorithm() {
            return "knn";
        }

        @Override
        public Set<ProblemType> problems() {
            return EnumSet.of(ProblemType.BINARY_CLASSIFICATION, ProblemType.MULTICLASS_CLASSIFICATION,
                    ProblemType.REGRESSION);
        }

        @Override
        public Model fit(TrainingData data, LearnerSpec spec, JobContext ctx, TrainingListener listener) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "k", "0", "1 or more");
        }

        @Override
        public Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
            throw payload.corrupt("never written");
        }
    }

    @Test
    void aFailingCandidateBecomesARowAndTheSearchGoesOn() {
        Learners learners = Learners.of(AlgorithmCatalog.builtIn(), List.of(new LinearLearner(), new Failing()));
        AutopilotResult r = new Autopilot(learners).run(SyntheticData.logistic(200, 4, false),
                small("churn").withMaxCandidates(5).withMode(AutopilotSpec.Mode.HPO), JobContext.silent(),
                AutopilotListener.NONE);
        LeaderboardRow failed = r.rows().stream().filter(row -> row.algorithm().equals("knn")).findFirst()
                .orElseThrow();
        assertThat(failed.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(failed.reasonCode()).isEqualTo("HYPERPARAMETER_INVALID");
        assertThat(failed.reasonArgs()).containsExactly("k", "0", "1 or more");
        assertThat(r.rows()).hasSize(5);
        assertThat(r.rows().stream().filter(LeaderboardRow::ok).count()).isGreaterThanOrEqualTo(3);
        assertThat(r.best().algorithm()).isEqualTo("linear-learner");
        assertThat(r.leaderboard().getLast().ok()).isFalse();
    }

    @Test
    void everyCandidateFailingReportsTheReason() {
        Learners learners = Learners.of(AlgorithmCatalog.builtIn(), List.of(new Failing()));
        assertThatThrownBy(() -> new Autopilot(learners).run(SyntheticData.logistic(100, 4, false),
                small("churn").withMaxCandidates(3), JobContext.silent(), AutopilotListener.NONE))
                .isInstanceOfSatisfying(AtelierException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID));
    }

    @Test
    void theEnsembleScoresAtLeastAsWellAsItsBestMember() {
        Dataset data = SyntheticData.linear(400, 8);
        AutopilotResult r = AUTOPILOT.run(data, small("y").withMaxCandidates(4).withMode(AutopilotSpec.Mode.ENSEMBLE)
                        .withAlgorithms(List.of("linear-learner", "xgboost", "extra-trees")),
                JobContext.silent(), AutopilotListener.NONE);
        LeaderboardRow ensemble = r.rows().getLast();
        assertThat(ensemble.algorithm()).isEqualTo(EnsembleLearner.KEY);
        assertThat(ensemble.stage()).isEqualTo("ensemble");
        double bestSingle = r.rows().stream().filter(row -> row.ok() && !row.algorithm().equals(EnsembleLearner.KEY))
                .mapToDouble(LeaderboardRow::score).min().orElseThrow();
        assertThat(r.setup().metric()).isEqualTo(ObjectiveMetric.MSE);
        assertThat(ensemble.score()).isLessThanOrEqualTo(bestSingle);
        assertThat(r.best().score()).isLessThanOrEqualTo(bestSingle);
    }

    @Test
    void theEnsembleBundleReadsBackAndPredictsIdentically(@TempDir Path dir) {
        Dataset data = SyntheticData.logistic(240, 9, true);
        AutopilotResult r = AUTOPILOT.run(data, small("churn").withMode(AutopilotSpec.Mode.ENSEMBLE)
                .withMetric(ObjectiveMetric.LOG_LOSS).withAlgorithms(List.of("linear-learner", "xgboost"))
                .withMaxCandidates(3), JobContext.silent(), AutopilotListener.NONE);
        Model model = r.model();
        assertThat(model.header().algorithm()).isEqualTo(EnsembleLearner.KEY);
        Learners learners = Learners.builtIn();
        ModelManifest manifest = ModelBundle.manifest(model, data.schema(), data.rowCount(), learners.catalog(),
                Instant.parse("2026-12-01T00:00:00Z"), ModelBundle.provenance(data, null, null));
        Path bundle = dir.resolve("model");
        ModelBundle.write(bundle, model, manifest, r.validationMetrics());
        ModelBundle.Loaded loaded = ModelBundle.read(bundle, learners);
        assertThat(loaded.model()).isInstanceOf(EnsembleModel.class);
        assertThat(loaded.model().predict(data)).isEqualTo(model.predict(data));
    }

    @Test
    void aTunedDecisionThresholdLabelsAndPersists(@TempDir Path dir) {
        Dataset data = SyntheticData.logistic(300, 21, false);
        Learners learners = Learners.builtIn();
        LearnerSpec ls = LearnerSpec.of(learners.catalog(), "linear-learner", ProblemType.BINARY_CLASSIFICATION,
                "churn", Map.of(), 1);
        Model linear = learners.require("linear-learner").fit(TrainingData.of(data), ls, JobContext.silent(),
                TrainingListener.NONE);
        LearnerSpec es = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, ProblemType.BINARY_CLASSIFICATION,
                "churn", Map.of("members", "linear-learner"), 1);
        var tuned = new EnsembleModel(new ModelHeader(es, List.of("no", "yes")), List.of(linear), new double[] {1},
                0.3);
        var p = tuned.predict(data);
        for (int r = 0; r < p.size(); r++) {
            assertThat(p.labelIndex(r)).isEqualTo(p.probability(r, 1) >= 0.3 ? 1 : 0);
        }
        ModelManifest manifest = ModelBundle.manifest(tuned, data.schema(), data.rowCount(), learners.catalog(),
                Instant.parse("2026-12-01T00:00:00Z"), ModelBundle.provenance(data, null, null));
        ModelBundle.write(dir.resolve("m"), tuned, manifest, Map.of());
        Model back = ModelBundle.read(dir.resolve("m"), learners).model();
        assertThat(((EnsembleModel) back).threshold()).contains(0.3);
        assertThat(back.predict(data)).isEqualTo(p);
    }

    @Test
    void theWeightedEnsembleAlgorithmTrainsOnItsOwn() {
        Dataset data = SyntheticData.logistic(200, 10, false);
        Learners learners = Learners.builtIn();
        LearnerSpec spec = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, ProblemType.BINARY_CLASSIFICATION,
                "churn", Map.of("members", "linear-learner,xgboost", "folds", "3"), 1);
        Model m = learners.require(EnsembleLearner.KEY).fit(TrainingData.of(data), spec, JobContext.silent(),
                TrainingListener.NONE);
        assertThat(m.header().algorithm()).isEqualTo(EnsembleLearner.KEY);
        assertThat(m.predict(data).classes()).containsExactly("no", "yes");
    }

    @Test
    void badInputIsRefusedPlainly() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Dataset oneClass = Dataset.builder("d").numeric("x", x)
                .categorical("y", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a").build();
        assertThatThrownBy(() -> AUTOPILOT.run(oneClass, small("y"), JobContext.silent(), AutopilotListener.NONE))
                .isInstanceOfSatisfying(AtelierException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TARGET_SINGLE_CLASS));
        Dataset lonely = Dataset.builder("d").numeric("x", x)
                .categorical("y", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "c").build();
        assertThatThrownBy(() -> AUTOPILOT.run(lonely, small("y"), JobContext.silent(), AutopilotListener.NONE))
                .isInstanceOfSatisfying(AtelierException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AUTOML_CLASS_TOO_SMALL);
                    assertThat(e.args()).containsExactly("y", "c", 1);
                });
        Dataset noFeatures = Dataset.builder("d").text("note", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                "k", "l").numeric("y", x).build();
        assertThatThrownBy(() -> AUTOPILOT.run(noFeatures, small("y"), JobContext.silent(), AutopilotListener.NONE))
                .isInstanceOfSatisfying(AtelierException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_FEATURES));
        assertThatThrownBy(() -> small("y").withProblem(ProblemType.REGRESSION).withMetric(ObjectiveMetric.F1))
                .isInstanceOfSatisfying(AtelierException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTOML_METRIC_UNSUITED));
        assertThatThrownBy(() -> AUTOPILOT.run(noFeatures, AutopilotSpec.of("y").withBudget(null),
                JobContext.silent(), AutopilotListener.NONE))
                .isInstanceOfSatisfying(AtelierException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTOML_BUDGET_INVALID));
    }

    @Test
    void successiveHalvingPromotesTheBestThirdToMoreRows() {
        Dataset data = SyntheticData.logistic(600, 13, false);
        AutopilotSpec spec = small("churn").withMaxCandidates(13).withMode(AutopilotSpec.Mode.HPO)
                .withValidation(AutopilotSpec.Validation.HOLD_OUT).withAlgorithms(List.of("linear-learner"))
                .withPreset(AutopilotSpec.Preset.STANDARD);
        AutopilotResult r = AUTOPILOT.run(data, spec, new Autopilot.Settings(5, 25, 100), JobContext.silent(),
                AutopilotListener.NONE);
        assertThat(r.setup().halving()).isTrue();
        assertThat(r.rows()).hasSize(13);
        assertThat(r.rows().subList(0, 9)).allMatch(row -> row.stage().equals("rung 1/3"));
        assertThat(r.rows().subList(9, 12)).allMatch(row -> row.stage().equals("rung 2/3"));
        assertThat(r.rows().get(12).stage()).isEqualTo("rung 3/3");
        int small = r.rows().getFirst().trainingRows();
        int middle = r.rows().get(9).trainingRows();
        int all = r.rows().get(12).trainingRows();
        assertThat(small).isLessThan(middle);
        assertThat(middle).isLessThan(all);
        assertThat(all).isEqualTo(480);
        // the promoted configurations are the best third of the rung below
        var rung1 = r.rows().subList(0, 9).stream().filter(LeaderboardRow::ok)
                .sorted(java.util.Comparator.comparingDouble((LeaderboardRow row) -> -row.score())
                        .thenComparingInt(LeaderboardRow::candidateId)).limit(3)
                .map(LeaderboardRow::hyperparameters).toList();
        assertThat(r.rows().subList(9, 12)).extracting(LeaderboardRow::hyperparameters)
                .containsExactlyElementsOf(rung1);
    }

    @Test
    void autoModeAndValidationFollowDataSize() {
        AutopilotSpec s = AutopilotSpec.of("y");
        assertThat(s.validationFor(50_000)).isEqualTo(AutopilotSpec.Validation.CROSS_VALIDATION);
        assertThat(s.validationFor(50_001)).isEqualTo(AutopilotSpec.Validation.HOLD_OUT);
        assertThat(s.modeFor(99L * 1024 * 1024)).isEqualTo(AutopilotSpec.Mode.ENSEMBLE);
        assertThat(s.modeFor(100L * 1024 * 1024)).isEqualTo(AutopilotSpec.Mode.HPO);
        assertThat(ObjectiveMetric.defaultFor(ProblemType.BINARY_CLASSIFICATION)).isEqualTo(ObjectiveMetric.F1);
        assertThat(ObjectiveMetric.defaultFor(ProblemType.MULTICLASS_CLASSIFICATION))
                .isEqualTo(ObjectiveMetric.ACCURACY);
        assertThat(ObjectiveMetric.defaultFor(ProblemType.REGRESSION)).isEqualTo(ObjectiveMetric.MSE);
        assertThat(ObjectiveMetric.parse("logloss")).isEqualTo(ObjectiveMetric.LOG_LOSS);
    }
}
