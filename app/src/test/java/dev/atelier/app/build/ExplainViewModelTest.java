package dev.atelier.app.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.app.analyze.AnalyzeViewModel;
import dev.atelier.app.analyze.explain.ExplainViewModel;
import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.explain.ShapExplainer;
import dev.atelier.engine.learn.Learners;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/// The Explain tab's view-model on a real 2-candidate Autopilot run (direct job runner, no toolkit): bars,
/// beeswarm, a waterfall that adds up, the scale switch, partial dependence, and a regression run.
class ExplainViewModelTest {
    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final JobRunner jobs = JobRunner.direct(messages, errors, new RunningJobsViewModel());
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private final AutopilotSession session = new AutopilotSession();
    private final Learners learners = Learners.builtIn();

    private void run() {
        BuildViewModel build = new BuildViewModel(state, learners, jobs, new FakeFiles(), messages, Runnable::run,
                Clock.systemUTC());
        AutopilotSetupViewModel vm = new AutopilotSetupViewModel(build, state, learners, jobs, messages,
                Runnable::run, session, () -> { });
        vm.maxCandidatesProperty().set(2);
        vm.modeProperty().set(AutopilotSpec.Mode.HPO);
        vm.start();
        assertThat(errors.errors()).isEmpty();
    }

    @Test
    void aClassifierIsExplainedGloballyAndRowByRowAndItsWaterfallAddsUp() {
        state.setData(BuildViewModelTest.loans());
        run();
        ExplainViewModel vm = new AnalyzeViewModel(session, learners.catalog(), jobs, messages).explain();
        vm.refresh();
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();
        var e = vm.getExplanation();
        assertThat(e).isNotNull();
        assertThat(vm.classifierProperty().get()).isTrue();
        assertThat(vm.classes()).containsExactly("no", "yes");
        assertThat(vm.methodProperty().get()).containsAnyOf("TreeSHAP", "Linear SHAP", "Kernel SHAP");
        assertThat(vm.methodTooltipProperty().get()).isNotBlank();
        assertThat(vm.titleProperty().get()).contains("of 40 test rows");
        // income decides approval
        assertThat(vm.importances()).extracting(ExplainViewModel.Importance::column)
                .containsExactlyInAnyOrder("income", "amount", "region");
        assertThat(vm.importances().getFirst().column()).isEqualTo("income");
        assertThat(vm.importances()).isSortedAccordingTo((a, b) -> Double.compare(b.meanAbs(), a.meanAbs()));
        assertThat(vm.swarm()).extracting(ExplainViewModel.Swarm::column).containsExactly("income",
                vm.importances().get(1).column(), vm.importances().get(2).column());
        var incomeSwarm = vm.swarm().getFirst();
        assertThat(incomeSwarm.shap()).hasSize(e.rows().length);
        assertThat(java.util.Arrays.stream(incomeSwarm.colour())).allMatch(c -> c >= 0 && c <= 1);
        // high income (red) pushes approval up: the highest-income row has a positive SHAP value
        int highest = 0;
        for (int i = 0; i < incomeSwarm.colour().length; i++) {
            highest = incomeSwarm.colour()[i] > incomeSwarm.colour()[highest] ? i : highest;
        }
        assertThat(incomeSwarm.shap()[highest]).isPositive();
        assertThat(java.util.Arrays.stream(vm.swarm().stream().filter(s -> s.column().equals("region")).findFirst()
                .orElseThrow().colour())).allMatch(c -> Double.isNaN(c));

        assertThat(vm.rows()).hasSize(40);
        assertThat(vm.selectedRowProperty().get()).isZero();
        assertAddsUp(vm, 0);
        vm.selectedRowProperty().set(7);
        assertAddsUp(vm, 7);
        assertThat(vm.steps().getFirst().value()).isNotBlank();

        // partial dependence of the most important column, the mean of its ICE lines
        assertThat(vm.pdpColumns().getFirst()).isEqualTo("income");
        var pdp = vm.pdpProperty().get();
        assertThat(pdp).isNotNull();
        assertThat(pdp.column()).isEqualTo("income");
        assertThat(pdp.average()[pdp.average().length - 1]).isGreaterThan(pdp.average()[0]);
        double mean = 0;
        for (int r = 0; r < pdp.rows().length; r++) {
            mean += pdp.ice(r, 3) / pdp.rows().length;
        }
        assertThat(pdp.average()[3]).isCloseTo(mean, within(1e-9));
        vm.pdpColumnProperty().set("region");
        assertThat(vm.pdpProperty().get().categorical()).isTrue();
        assertThat(vm.pdpProperty().get().labels()).containsExactlyInAnyOrder("north", "south", "east");

        // the other scale: recomputed, still additive, in log-odds
        ShapExplainer.Scale other = vm.scaleProperty().get() == ShapExplainer.Scale.LOGIT
                ? ShapExplainer.Scale.PROBABILITY : ShapExplainer.Scale.LOGIT;
        vm.scaleProperty().set(other);
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.getExplanation()).isNotSameAs(e);
        assertThat(vm.getExplanation().scale()).isEqualTo(other);
        assertThat(vm.scaleNoteProperty().get()).contains(other == ShapExplainer.Scale.LOGIT ? "log-odds"
                : "probabilities");
        assertAddsUp(vm, vm.selectedRowProperty().get());
        assertThat(vm.pdpProperty().get().scale()).isEqualTo(other == ShapExplainer.Scale.LOGIT ? "logit"
                : "probability");
    }

    /// base + Σ steps = prediction = the row's model output on the explained scale; the equation says so. XGBoost
    /// predicts in float32, so the sum matches to 1e-6 relative to the prediction's size (a regression in dollars).
    private static void assertAddsUp(ExplainViewModel vm, int row) {
        double sum = vm.steps().stream().mapToDouble(ExplainViewModel.Step::contribution).sum();
        double tolerance = 1e-6 * Math.max(1, Math.abs(vm.prediction()));
        assertThat(vm.base() + sum).isCloseTo(vm.prediction(), within(tolerance));
        assertThat(vm.prediction()).isCloseTo(vm.rows().get(row).output(), within(1e-4));
        assertThat(vm.steps().getLast().end()).isCloseTo(vm.prediction(), within(tolerance));
        assertThat(vm.equationProperty().get()).contains("Base value", vm.format(vm.base()), vm.format(vm.prediction()));
    }

    @Test
    void aRegressionIsExplainedInItsOwnUnits() {
        state.setData(BuildViewModelTest.loans());
        state.setColumnRole("amount", dev.atelier.engine.data.ColumnRole.TARGET);
        run();
        ExplainViewModel vm = new AnalyzeViewModel(session, learners.catalog(), jobs, messages).explain();
        vm.refresh();
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.classifierProperty().get()).isFalse();
        assertThat(vm.scaleNoteProperty().get()).contains("units of the predicted value");
        assertThat(vm.importances().getFirst().column()).isEqualTo("income");
        assertAddsUp(vm, 0);
    }

    @Test
    void theWhatIfRowIsExplainedAfterEachEditAndItsBarsAddUp() throws Exception {
        state.setData(BuildViewModelTest.loans());
        run();
        var worker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            var predict = new dev.atelier.app.predict.PredictViewModel(session, learners.catalog(), jobs,
                    new FakeFiles(), messages, Runnable::run, worker);
            var shap = predict.whatIf();
            await(() -> !shap.bars().isEmpty() && !shap.workingProperty().get());
            assertThat(shap.bars()).extracting(dev.atelier.app.predict.WhatIfShap.Bar::column)
                    .containsExactlyInAnyOrder("income", "amount", "region");
            String before = shap.equationProperty().get();
            assertThat(before).contains("Base value", "of \"");
            predict.fields().stream().filter(f -> f.name().equals("income")).findFirst().orElseThrow()
                    .valueProperty().set("99");
            await(() -> !shap.workingProperty().get() && !shap.equationProperty().get().equals(before));
            var income = shap.bars().stream().filter(b -> b.column().equals("income")).findFirst().orElseThrow();
            assertThat(income.value()).isEqualTo("99");
            // base + Σ bars = the prediction in the sentence
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Base value (-?[0-9.]+) ([+−])([0-9.]+) "
                    + "\\(contributions\\) = (-?[0-9.]+)").matcher(shap.equationProperty().get());
            assertThat(m.find()).as(shap.equationProperty().get()).isTrue();
            double sum = shap.bars().stream().mapToDouble(dev.atelier.app.predict.WhatIfShap.Bar::contribution).sum();
            assertThat(Double.parseDouble(m.group(3)) * (m.group(2).equals("+") ? 1 : -1)).isCloseTo(sum,
                    within(0.0011));
            assertThat(Double.parseDouble(m.group(1)) + sum).isCloseTo(Double.parseDouble(m.group(4)), within(0.002));
            predict.fields().stream().filter(f -> f.name().equals("income")).findFirst().orElseThrow()
                    .valueProperty().set("not a number");
            assertThat(shap.bars()).isEmpty();   // invalid inputs: nothing explained
        } finally {
            worker.shutdownNow();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("in time").isTrue();
    }

    /// 240 rows of three classes decided by x1 and x2.
    private static dev.atelier.app.project.LoadedDataset kinds() {
        java.util.Random random = new java.util.Random(3);
        int n = 240;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] kind = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = random.nextGaussian();
            x2[i] = random.nextGaussian();
            kind[i] = x1[i] > 0.4 ? "a" : x2[i] > 0 ? "b" : "c";
        }
        var ds = dev.atelier.engine.data.Dataset.builder("kinds").numeric("x1", x1).numeric("x2", x2)
                .categorical("kind", kind).target("kind").build();
        return new dev.atelier.app.project.LoadedDataset(dev.atelier.app.project.LoadedDataset.DEFAULT_ID,
                "kinds.csv", java.nio.file.Path.of("/data/kinds.csv"), null, ds,
                dev.atelier.engine.data.io.CsvOptions.defaults(), java.util.List.of(), null);
    }

    @Test
    void aMulticlassModelIsExplainedForTheChosenClass() {
        state.setData(kinds());
        run();
        ExplainViewModel vm = new AnalyzeViewModel(session, learners.catalog(), jobs, messages).explain();
        vm.refresh();
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.classes()).containsExactly("a", "b", "c");
        assertThat(vm.classIndexProperty().get()).isEqualTo(2);
        assertThat(vm.scaleNoteProperty().get()).contains("\"c\"");
        assertThat(vm.importances().getFirst().column()).isEqualTo("x2");   // c against the rest: x2 decides
        assertAddsUp(vm, 0);
        vm.classIndexProperty().set(0);
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.getExplanation().classIndex()).isZero();
        assertThat(vm.scaleNoteProperty().get()).contains("\"a\"");
        assertThat(vm.importances().getFirst().column()).isEqualTo("x1");   // a against the rest: x1 decides
        assertAddsUp(vm, 0);
        assertThat(vm.pdpProperty().get().className()).isEqualTo("a");
    }

    @Test
    void withoutARunThereIsANote() {
        ExplainViewModel vm = new AnalyzeViewModel(session, learners.catalog(), jobs, messages).explain();
        vm.refresh();
        assertThat(vm.getExplanation()).isNull();
        assertThat(vm.noteProperty().get()).contains("Run Autopilot");
    }
}
