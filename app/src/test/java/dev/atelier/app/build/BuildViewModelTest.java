package dev.atelier.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.controls.ParamField;
import dev.atelier.app.common.controls.UiMessage;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.TrainingPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildViewModelTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final RunningJobsViewModel running = new RunningJobsViewModel();
    private final FakeFiles files = new FakeFiles();
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private Executor fx = Runnable::run;

    private BuildViewModel vm() {
        return vm(Learners.builtIn());
    }

    private BuildViewModel vm(Learners learners) {
        return new BuildViewModel(state, learners, JobRunner.direct(messages, errors, running), files,
                messages, r -> fx.execute(r), Clock.systemUTC());
    }

    /// 200 rows: `approved` is "yes" mostly when `income` is high; `amount` is a noisy number.
    static LoadedDataset loans() {
        Random random = new Random(7);
        int n = 200;
        double[] income = new double[n];
        double[] amount = new double[n];
        String[] region = new String[n];
        String[] approved = new String[n];
        for (int i = 0; i < n; i++) {
            income[i] = random.nextDouble() * 100;
            amount[i] = 1000 + income[i] * 37 + random.nextGaussian() * 400;
            region[i] = List.of("north", "south", "east").get(i % 3);
            approved[i] = income[i] + random.nextGaussian() * 10 > 50 ? "yes" : "no";
        }
        Dataset ds = Dataset.builder("loans")
                .numeric("income", income)
                .numeric("amount", amount)
                .categorical("region", region)
                .categorical("approved", approved)
                .target("approved")
                .build();
        return new LoadedDataset(LoadedDataset.DEFAULT_ID, "loans.csv", Path.of("/data/loans.csv"), null, ds,
                CsvOptions.defaults(), List.of(), null);
    }

    private static ParamField field(BuildViewModel vm, String name) {
        return vm.params().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutDataThereIsNothingToTrain() {
        BuildViewModel vm = vm();
        assertThat(vm.hasDataProperty().get()).isFalse();
        assertThat(vm.canTrainProperty().get()).isFalse();
        assertThat(vm.targetChoices()).isEmpty();
    }

    @Test
    void targetAndProblemTypeFollowTheDataWithAReason() {
        state.setData(loans());
        BuildViewModel vm = vm();

        assertThat(vm.targetChoices()).isEqualTo(List.of("income", "amount", "region", "approved"));
        assertThat(vm.targetProperty().get()).isEqualTo("approved");
        assertThat(vm.getProblem()).isEqualTo(ProblemType.BINARY_CLASSIFICATION);
        assertThat(vm.problemReasonProperty().get())
                .isEqualTo("\"approved\" holds two values (no and yes), so this is binary classification.");

        vm.targetProperty().set("amount");   // chosen here: the Data screen's roles follow
        assertThat(state.getData().dataset().schema().target().orElseThrow().name()).isEqualTo("amount");
        assertThat(vm.getProblem()).isEqualTo(ProblemType.REGRESSION);

        state.setColumnRole("region", ColumnRole.TARGET);   // chosen on the Data screen: this screen follows
        assertThat(vm.targetProperty().get()).isEqualTo("region");
        assertThat(vm.getProblem()).isEqualTo(ProblemType.MULTICLASS_CLASSIFICATION);

        vm.problemOverrideProperty().set(ProblemType.REGRESSION);
        assertThat(vm.getProblem()).isEqualTo(ProblemType.REGRESSION);
        assertThat(vm.notes()).extracting(UiMessage::text).contains(
                "\"region\" does not hold numbers, so it cannot be predicted as a number. Choose a classification"
                        + " problem instead.");
        assertThat(vm.canTrainProperty().get()).isFalse();
    }

    @Test
    void algorithmsForTheProblemListTrainableOnesFirstAndPickXgboost() {
        state.setData(loans());
        // a build with only some learners, so that the catalogue has algorithms that cannot be trained yet
        BuildViewModel vm = vm(Learners.of(dev.atelier.engine.algorithms.AlgorithmCatalog.builtIn(),
                List.of(new dev.atelier.engine.learn.xgboost.XgboostLearner(),
                        new dev.atelier.engine.learn.linear.LinearLearner())));

        assertThat(vm.algorithms()).allMatch(d -> d.solves(ProblemType.BINARY_CLASSIFICATION));
        assertThat(vm.algorithms().getFirst().trainable()).isTrue();
        assertThat(vm.algorithms()).anyMatch(d -> !d.trainable());
        assertThat(vm.algorithmProperty().get().key()).isEqualTo("xgboost");

        AlgorithmDescriptor later = vm.algorithms().stream().filter(d -> !d.trainable()).findFirst().orElseThrow();
        vm.algorithmProperty().set(later);
        assertThat(vm.canTrainProperty().get()).isFalse();
        assertThat(vm.notes()).extracting(UiMessage::text)
                .contains(later.displayName() + " cannot be trained in this version yet; choose another algorithm.");
    }

    @Test
    void formStartsAtTheDefaultsAndARequiredValueIsAskedFor() {
        state.setData(loans());
        BuildViewModel vm = vm();

        assertThat(field(vm, "eta").getText()).isEqualTo("0.3");
        assertThat(field(vm, "max_depth").getText()).isEqualTo("6");
        assertThat(field(vm, "num_class").isFromData()).isTrue();
        assertThat(field(vm, "num_round").getText()).isEmpty();
        assertThat(field(vm, "num_round").isAdvanced()).isFalse();
        assertThat(vm.params()).anyMatch(ParamField::isAdvanced);
        assertThat(vm.params()).allMatch(f -> f.help().contains(f.spec().description())
                && f.help().contains(f.spec().range()));
        assertThat(vm.notes()).extracting(UiMessage::text)
                .isEqualTo(List.of("Enter a value for num_round; it has no default."));
        assertThat(vm.canTrainProperty().get()).isFalse();

        field(vm, "num_round").setText("10");
        assertThat(vm.notes()).isEmpty();
        assertThat(vm.canTrainProperty().get()).isTrue();
    }

    @Test
    void xgboostsObjectiveDefaultFollowsTheProblem() {
        state.setData(loans());
        BuildViewModel vm = vm();
        assertThat(field(vm, "objective").getText()).isEqualTo("binary:logistic");
        assertThat(field(vm, "objective").help()).contains("Default: binary:logistic");

        vm.targetProperty().set("amount");
        assertThat(field(vm, "objective").getText()).isEqualTo("reg:squarederror");
    }

    @Test
    void anInvalidValueIsFlaggedAndDisablesTrainUntilReset() {
        state.setData(loans());
        BuildViewModel vm = vm();
        field(vm, "num_round").setText("10");

        field(vm, "eta").setText("5");

        assertThat(field(vm, "eta").getError())
                .isEqualTo("The hyperparameter eta = \"5\" is not allowed; expected 0 – 1.");
        assertThat(vm.notes()).extracting(UiMessage::text).containsExactly(field(vm, "eta").getError());
        assertThat(vm.canTrainProperty().get()).isFalse();

        vm.resetDefaults();
        assertThat(field(vm, "eta").getText()).isEqualTo("0.3");
        assertThat(field(vm, "eta").isValid()).isTrue();
    }

    @Test
    void trainingDrawsTheCurveAndScoresTheHeldBackRows() {
        state.setData(loans());
        BuildViewModel vm = vm();
        field(vm, "num_round").setText("8");

        vm.train();

        assertThat(errors.errors()).isEmpty();
        assertThat(vm.getOutcome()).isEqualTo(TrainingOutcome.TRAINED);
        assertThat(vm.isRunning()).isFalse();
        assertThat(vm.curve()).extracting(TrainingPoint::step).isEqualTo(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(vm.curve()).allMatch(p -> !Double.isNaN(p.train()) && !Double.isNaN(p.validation()));
        assertThat(vm.curveMetricProperty().get()).isNotEmpty();
        assertThat(vm.results()).extracting(MetricRow::key).isEqualTo(List.of("accuracy", "balanced_accuracy", "auc", "f1", "log_loss"));
        assertThat(vm.trainedProperty().get().scores().get("accuracy")).isGreaterThan(0.75);
        assertThat(vm.results()).allMatch(r -> !r.explanation().isBlank() && !r.name().startsWith("build."));
        assertThat(vm.statusProperty().get()).isEqualTo("Trained on 160 rows and checked on 40 rows it had not seen.");
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(running.jobs()).isEmpty();
    }

    @Test
    void anotherTargetClearsTheScoresOfTheOldOne() {
        state.setData(loans());
        BuildViewModel vm = vm();
        field(vm, "num_round").setText("3");
        vm.train();
        state.setColumnRole("region", ColumnRole.IGNORED);   // same target: the model still applies
        assertThat(vm.getOutcome()).isEqualTo(TrainingOutcome.TRAINED);

        vm.targetProperty().set("amount");

        assertThat(vm.getOutcome()).isEqualTo(TrainingOutcome.NONE);
        assertThat(vm.results()).isEmpty();
        assertThat(vm.curve()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isFalse();
    }

    @Test
    void everyTrainableAlgorithmTrainsFromTheFormWithACurve() {
        state.setData(loans());
        BuildViewModel vm = vm();
        for (AlgorithmDescriptor d : List.copyOf(vm.algorithms())) {
            if (!d.trainable()) {
                continue;
            }
            vm.algorithmProperty().set(d);
            vm.params().stream().filter(f -> f.isRequired() && f.getText().isBlank()).forEach(f -> f.setText("5"));
            assertThat(vm.canTrainProperty().get()).as(d.key() + " " + vm.notes()).isTrue();

            vm.train();

            assertThat(errors.errors()).as(d.key()).isEmpty();
            assertThat(vm.getOutcome()).as(d.key()).isEqualTo(TrainingOutcome.TRAINED);
            if (vm.curve().isEmpty()) {   // forests grow trees independently, k-NN only stores: no curve, a reason
                assertThat(d.key()).isIn("random-forest", "extra-trees", "knn", "weighted-ensemble");
                assertThat(vm.curveHintProperty().get()).contains(d.displayName(), "no step-by-step curve");
            } else {
                assertThat(vm.curveHintProperty().get()).isEmpty();
            }
            assertThat(vm.results()).as(d.key()).extracting(MetricRow::key).contains("accuracy", "auc");
        }
    }

    @Test
    void regressionIsScoredWithErrorSizes() {
        state.setData(loans().withRole("amount", ColumnRole.TARGET));
        BuildViewModel vm = vm();
        field(vm, "num_round").setText("5");

        vm.train();

        assertThat(vm.getOutcome()).isEqualTo(TrainingOutcome.TRAINED);
        assertThat(vm.results()).extracting(MetricRow::key).isEqualTo(List.of("rmse", "mae", "r2"));
        assertThat(vm.curve()).hasSize(5);
    }

    @Test
    void cancellingLeavesNoModelAndIsNotAnError() {
        state.setData(loans());
        BuildViewModel vm = vm();
        field(vm, "num_round").setText("50");
        fx = r -> {
            r.run();
            if (vm.curve().size() == 3) {
                running.jobs().getFirst().cancel();   // as the status bar's cancel button does
            }
        };

        vm.train();

        assertThat(vm.getOutcome()).isEqualTo(TrainingOutcome.CANCELLED);
        assertThat(vm.trainedProperty().get()).isNull();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.curve().size()).isLessThan(50);
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Training XGBoost was stopped; no model was kept.");
        assertThat(vm.canTrainProperty().get()).isTrue();
    }

    @Test
    void savingWritesABundleAndRecordsTheModelInTheProject() throws Exception {
        state.setData(loans());
        BuildViewModel vm = vm();
        field(vm, "num_round").setText("5");
        vm.train();
        long revision = state.getRevision();
        Path bundle = dir.resolve("loans-xgboost");
        files.modelFolder = bundle;

        vm.saveModel();

        assertThat(errors.errors()).isEmpty();
        assertThat(files.suggestedModelName).isEqualTo("loans-xgboost");
        assertThat(Files.exists(bundle.resolve("manifest.json"))).isTrue();
        assertThat(Files.exists(bundle.resolve("metrics.json"))).isTrue();
        assertThat(state.getProject().models()).hasSize(1);
        var entry = state.getProject().models().getFirst();
        assertThat(entry.algorithm()).isEqualTo("xgboost");
        assertThat(entry.target()).isEqualTo("approved");
        assertThat(entry.bundlePath()).isEqualTo(bundle.toString());
        assertThat(entry.metrics()).containsKeys("accuracy", "auc");
        assertThat(state.getRevision()).isGreaterThan(revision);
        assertThat(state.isDirty()).isTrue();
        assertThat(vm.savedToProperty().get()).isEqualTo(bundle);
    }
}
