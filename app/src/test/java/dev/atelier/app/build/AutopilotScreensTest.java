package dev.atelier.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.analyze.AnalyzeViewModel;
import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.leaderboard.LeaderboardViewModel;
import dev.atelier.app.predict.PredictViewModel;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.automl.ObjectiveMetric;
import dev.atelier.engine.data.io.CsvWriter;
import dev.atelier.engine.learn.Learners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Autopilot screens' view-models together, without the toolkit: Build's Autopilot setup starts a real
/// (2-candidate) search through a direct job runner; the leaderboard ranks it; Analyze measures the default
/// model on the test rows; Predict scores a file.
class AutopilotScreensTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final JobRunner jobs = JobRunner.direct(messages, errors, new RunningJobsViewModel());
    private final FakeFiles files = new FakeFiles();
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private final AutopilotSession session = new AutopilotSession();
    private final Learners learners = Learners.builtIn();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private int opened;

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private AutopilotSetupViewModel setup() {
        BuildViewModel build = new BuildViewModel(state, learners, jobs, files, messages, Runnable::run,
                Clock.systemUTC());
        return new AutopilotSetupViewModel(build, state, learners, jobs, messages, Runnable::run, session,
                () -> opened++);
    }

    @Test
    void theMetricFollowsTheProblemWithSageMakersDefaultFirst() {
        state.setData(BuildViewModelTest.loans());
        AutopilotSetupViewModel vm = setup();
        assertThat(vm.autopilotProperty().get()).isTrue();
        assertThat(vm.metricProperty().get()).isEqualTo(ObjectiveMetric.F1);
        assertThat(vm.metrics()).first().isEqualTo(ObjectiveMetric.F1);
        assertThat(vm.metrics()).contains(ObjectiveMetric.AUC, ObjectiveMetric.LOG_LOSS, ObjectiveMetric.RECALL)
                .noneMatch(m -> m.fits(ProblemType.REGRESSION));
        assertThat(vm.metricLabel(ObjectiveMetric.F1)).isEqualTo("F1 score (suggested)");
        assertThat(vm.metricExplanationProperty().get()).contains("positive outcome");

        state.setColumnRole("amount", dev.atelier.engine.data.ColumnRole.TARGET);
        assertThat(vm.metricProperty().get()).isEqualTo(ObjectiveMetric.MSE);
        assertThat(vm.metrics()).allMatch(m -> m.fits(ProblemType.REGRESSION));

        vm.maxCandidatesProperty().set(4);
        vm.modeProperty().set(AutopilotSpec.Mode.HPO);
        vm.presetProperty().set(AutopilotSpec.Preset.STANDARD);
        vm.budgetMinutesProperty().set(0.5);
        AutopilotSpec spec = vm.spec();
        assertThat(spec.target()).isEqualTo("amount");
        assertThat(spec.problem()).isEqualTo(ProblemType.REGRESSION);
        assertThat(spec.maxCandidates()).isEqualTo(4);
        assertThat(spec.budget()).hasSeconds(30);
        assertThat(spec.mode()).isEqualTo(AutopilotSpec.Mode.HPO);
        assertThat(spec.preset()).isEqualTo(AutopilotSpec.Preset.STANDARD);
    }

    @Test
    void aRunFillsTheLeaderboardThenAnalyzeAndPredictUseTheDefaultModel() throws Exception {
        state.setData(BuildViewModelTest.loans());
        AutopilotSetupViewModel vm = setup();
        LeaderboardViewModel board = new LeaderboardViewModel(session, learners.catalog(), messages);
        vm.maxCandidatesProperty().set(2);
        vm.modeProperty().set(AutopilotSpec.Mode.HPO);
        vm.start();

        assertThat(errors.errors()).isEmpty();
        assertThat(opened).isEqualTo(1);
        assertThat(session.isRunning()).isFalse();
        assertThat(session.getResult()).isNotNull();
        assertThat(session.getContext().test().rowCount()).isEqualTo(40);      // 20 % of 200 kept aside
        assertThat(session.getContext().search().rowCount()).isEqualTo(160);
        assertThat(board.entries()).hasSize(2);
        var first = board.entries().get(0);
        var second = board.entries().get(1);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.row().score()).isGreaterThanOrEqualTo(second.row().score());
        assertThat(first.status()).contains("Default model");
        assertThat(board.headerProperty().get()).contains("F1 score", "higher is better", "cross-validation");
        assertThat(board.summaryProperty().get()).contains("2 candidates");
        assertThat(board.bestScores()).isNotEmpty();

        // "Save model…" writes the selected candidate as a bundle that the CLI can read, listed in the project
        var bundles = new dev.atelier.app.automl.CandidateBundles(session, state, learners.catalog(), jobs, files,
                messages, Clock.systemUTC());
        board.setSaver(bundles::save);
        files.modelFolder = dir.resolve("best-model");
        board.selectedProperty().set(first);
        assertThat(board.canSaveProperty().get()).isTrue();
        board.saveSelected();
        assertThat(errors.errors()).isEmpty();
        assertThat(dir.resolve("best-model/manifest.json")).isRegularFile();
        assertThat(board.savedProperty().get()).contains("best-model");
        assertThat(state.getProject().models()).singleElement()
                .satisfies(m -> assertThat(m.bundlePath()).endsWith("best-model"));
        var reread = dev.atelier.engine.persist.ModelBundle.read(dir.resolve("best-model"), learners);
        assertThat(reread.model().predict(session.getContext().test()).size())
                .isEqualTo(session.getContext().test().rowCount());

        // the run is kept in the project (and so saved with it): one experiment, a run per candidate
        var experiments = state.getProject().experiments();
        assertThat(experiments).hasSize(1);
        assertThat(experiments.getFirst().target()).isEqualTo("approved");
        assertThat(experiments.getFirst().objective()).isEqualTo("f1");
        assertThat(experiments.getFirst().runs()).hasSize(session.getResult().rows().size())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(
                        dev.atelier.engine.project.ExperimentEntry.RunStatus.SUCCEEDED));
        assertThat(experiments.getFirst().runs().getFirst().metrics()).containsKey("f1");
        assertThat(state.isDirty()).isTrue();

        board.selectedProperty().set(second);
        assertThat(board.canUseAsDefaultProperty().get()).isTrue();
        board.useAsDefault();
        assertThat(session.defaultCandidateProperty().get()).isEqualTo(second.id());
        assertThat(board.entries().stream().filter(e -> e.id() == second.id()).findFirst().orElseThrow().status())
                .contains("Default model");

        AnalyzeViewModel analyze = new AnalyzeViewModel(session, learners.catalog(), jobs, messages);
        analyze.refresh();                                                      // the selected candidate
        var evaluation = analyze.getEvaluation();
        assertThat(evaluation).isNotNull();
        assertThat(evaluation.candidate()).isEqualTo(second.id());
        assertThat(analyze.tiles()).extracting(AnalyzeViewModel.Tile::key)
                .contains("accuracy", "precision", "recall", "f1", "auc", "log_loss");
        assertThat(total(analyze.confusionProperty().get())).isEqualTo(40);
        analyze.thresholdProperty().set(1.01);                                 // nothing is called positive
        long[][] m = analyze.confusionProperty().get();
        assertThat(m[0][1] + m[1][1]).isZero();
        assertThat(total(m)).isEqualTo(40);
        assertThat(evaluation.importances()).extracting(i -> i.column()).contains("income");
        // income decides approval; on 40 test rows the permutation ranking of the weaker candidate is noisy, so
        // only ask that income matters and ranks in the top two of the three inputs
        assertThat(evaluation.importances().subList(0, 2)).extracting(i -> i.column()).contains("income");

        PredictViewModel predict = new PredictViewModel(session, learners.catalog(), jobs, files, messages,
                Runnable::run, worker);
        assertThat(predict.fields()).extracting(PredictViewModel.Field::name)
                .containsExactlyInAnyOrder("income", "amount", "region");
        Path input = dir.resolve("more.csv");
        CsvWriter.write(BuildViewModelTest.loans().dataset().head(12), input);
        predict.setRecorder(r -> state.addPredictions(r.output(), r.sha256(), r.schema()));
        predict.predictFile(input);
        assertThat(errors.errors()).isEmpty();
        Path out = dir.resolve("more-predictions.csv");
        assertThat(Files.readAllLines(out)).hasSize(13);
        assertThat(predict.batchProperty().get().columns()).contains("predicted_approved", "probability_yes",
                "probability_no");
        assertThat(predict.batchProperty().get().preview()).hasSize(12);
        // the predictions file is listed in the project, with its fingerprint and columns
        var listed = state.getProject().datasets().stream().filter(d -> d.id().startsWith("predictions-")).toList();
        assertThat(listed).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("more-predictions.csv");
            assertThat(d.sha256()).isEqualTo(dev.atelier.engine.persist.Fingerprints.sha256(out));
            assertThat(d.columns()).extracting(c -> c.name()).contains("predicted_approved", "probability_yes");
        });
    }

    @Test
    void withARecipeAutopilotTrainsOnThePreparedDataAndItsCandidatesCarryTheRecipe() throws Exception {
        state.setData(BuildViewModelTest.loans());
        state.setRecipe(dev.atelier.engine.wrangle.Recipe.EMPTY
                .add("formula", java.util.Map.of("formula", "amount / income", "output", "ratio"))
                .add("filter_formula", java.util.Map.of("formula", "income > 5"))
                .add("one_hot", java.util.Map.of("column", "region"))
                .add("drop_columns", java.util.Map.of("columns", "amount")));
        AutopilotSetupViewModel vm = setup();
        vm.maxCandidatesProperty().set(2);
        vm.modeProperty().set(AutopilotSpec.Mode.HPO);
        vm.start();
        assertThat(errors.errors()).isEmpty();
        var ctx = session.getContext();
        assertThat(ctx.recipe()).isNotNull();
        assertThat(ctx.recipe().steps()).hasSize(4);
        assertThat(ctx.search().schema().names()).contains("ratio", "region_north").doesNotContain("amount", "region");
        assertThat(ctx.search().rowCount()).isLessThan(160);                  // the filter ran on the search rows
        assertThat(ctx.test().rowCount()).isEqualTo(40);                       // ... but never on rows to predict
        assertThat(ctx.all().schema().names()).contains("amount", "region");   // the raw rows, for Predict's form
        assertThat(state.getProject().experiments().getFirst().recipeId()).isEqualTo(ProjectState.RECIPE_ID);

        var bundles = new dev.atelier.app.automl.CandidateBundles(session, state, learners.catalog(), jobs, files,
                messages, Clock.systemUTC());
        files.modelFolder = dir.resolve("prepared-model");
        bundles.save(session.defaultCandidateProperty().get(), saved -> { });
        assertThat(dir.resolve("prepared-model").resolve(dev.atelier.engine.persist.ModelBundle.RECIPE)).exists();
        var reread = dev.atelier.engine.persist.ModelBundle.read(dir.resolve("prepared-model"), learners);
        assertThat(reread.recipe()).isEqualTo(ctx.recipe());
        assertThat(reread.predictRaw(BuildViewModelTest.loans().dataset()).size()).isEqualTo(200);

        PredictViewModel predict = new PredictViewModel(session, learners.catalog(), jobs, files, messages,
                Runnable::run, worker);
        assertThat(predict.fields()).extracting(PredictViewModel.Field::name)
                .containsExactlyInAnyOrder("income", "amount", "region");
        // the what-if form's values go through the recipe too (the model itself never sees "amount")
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((predict.predictingProperty().get() || predict.predictionProperty().get().isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(predict.predictionProperty().get()).isIn("yes", "no");
        Path input = dir.resolve("raw.csv");
        CsvWriter.write(BuildViewModelTest.loans().dataset().head(12), input);
        predict.predictFile(input);
        assertThat(errors.errors()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("raw-predictions.csv"))).hasSize(13);
    }

    @Test
    void aRegressionRunShowsResidualsAndTheErrorDistribution() {
        state.setData(BuildViewModelTest.loans());
        state.setColumnRole("amount", dev.atelier.engine.data.ColumnRole.TARGET);
        AutopilotSetupViewModel vm = setup();
        vm.maxCandidatesProperty().set(2);
        vm.modeProperty().set(AutopilotSpec.Mode.HPO);
        vm.start();
        assertThat(errors.errors()).isEmpty();
        LeaderboardViewModel board = new LeaderboardViewModel(session, learners.catalog(), messages);
        assertThat(board.headerProperty().get()).contains("Mean squared error", "lower is better");
        assertThat(board.entries().get(0).row().score()).isLessThanOrEqualTo(board.entries().get(1).row().score());
        assertThat(board.otherMetrics()).containsExactly("rmse", "mae", "r2");

        AnalyzeViewModel analyze = new AnalyzeViewModel(session, learners.catalog(), jobs, messages);
        analyze.refresh();
        assertThat(analyze.tiles()).extracting(AnalyzeViewModel.Tile::key).contains("rmse", "mae", "r2", "mape");
        assertThat(analyze.histogram().stream().mapToInt(AnalyzeViewModel.Bin::count).sum()).isEqualTo(40);
        assertThat(analyze.getEvaluation().report().residuals()).hasSize(40);
        assertThat(analyze.confusionProperty().get()).isEmpty();
        assertThat(analyze.getEvaluation().importances().getFirst().column()).isEqualTo("income");
    }

    @Test
    void errorsAreBinnedFromTheirMinimumToTheirMaximum() {
        var bins = AnalyzeViewModelAccess.bins(new double[] {-2, -1, 0, 0, 0, 1, 4}, 3);
        assertThat(bins).hasSize(3);
        assertThat(bins.getFirst().from()).isEqualTo(-2);
        assertThat(bins.getLast().to()).isEqualTo(4);
        assertThat(bins.stream().mapToInt(AnalyzeViewModel.Bin::count).sum()).isEqualTo(7);
        assertThat(bins).extracting(AnalyzeViewModel.Bin::count).containsExactly(2, 4, 1);   // width 2
    }

    private static long total(long[][] m) {
        long t = 0;
        for (long[] row : m) {
            for (long v : row) {
                t += v;
            }
        }
        return t;
    }
}
