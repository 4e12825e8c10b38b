package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.analyze.explain.ExplainViewModel;
import dev.atelier.app.predict.PredictViewModel;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// Analyze ▸ Explain on the loan-approval sample after a 3-candidate Autopilot run: mean |SHAP| bars, the
/// beeswarm, a row's waterfall that adds up to its prediction, partial dependence; then the Predict screen's
/// what-if shows the SHAP values of the edited row.
@Tag("ui")
class ExplainUiTest extends StudioUiTestBase {
    @Test
    void explainShowsBarsAWaterfallThatAddsUpAndPartialDependence() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        runAutopilot(3);
        show(dev.atelier.app.shell.Screen.ANALYZE);
        TabPane tabs = lookup("#analyzeTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-explain".equals(t.getId())).findFirst().orElseThrow()));
        ExplainViewModel vm = app.analyzeViewModel().explain();
        long started = System.nanoTime();
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> vm.getExplanation() != null);
        System.out.printf("explain: SHAP of %d rows (%s) in %.1f s%n", vm.getExplanation().rows().length,
                vm.getExplanation().shap().method(), (System.nanoTime() - started) / 1e9);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> vm.getExplanation() != null && !vm.busyProperty().get()
                && vm.pdpProperty().get() != null && !vm.localBusyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();

        assertThat(lookup("#explainMethod").queryLabeled().getText()).containsAnyOf("TreeSHAP", "Linear SHAP",
                "Kernel SHAP");
        assertThat(lookup("#explainMethod").queryLabeled().getTooltip().getText()).contains("Shapley");
        // one bar per original column, longest for the most important
        String top = vm.importances().getFirst().column();
        assertThat(vm.importances()).hasSizeGreaterThanOrEqualTo(8)
                .extracting(ExplainViewModel.Importance::column).contains("credit_score", "income")
                .doesNotContain("approved", "applicant_id");
        Region topBar = lookup("#shapBar-" + top).queryAs(Region.class);
        for (ExplainViewModel.Importance i : vm.importances()) {
            assertThat(lookup("#shapBar-" + i.column()).queryAs(Region.class).getPrefWidth())
                    .isLessThanOrEqualTo(topBar.getPrefWidth());
        }
        assertThat(vm.swarm()).hasSameSizeAs(vm.importances());

        // the waterfall of the first row adds up: base + Σ steps = prediction = the row's probability
        TableView<?> rows = lookup("#explainRows").queryTableView();
        assertThat(rows.getItems()).hasSize(400);
        interact(() -> rows.getSelectionModel().select(3));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.localBusyProperty().get() && !vm.steps().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedRowProperty().get()).isEqualTo(3);
        double sum = 0;
        for (int i = 0; i < vm.steps().size(); i++) {
            String shown = lookup("#waterfall-step-" + i).queryLabeled().getText();
            assertThat(shown).isEqualTo(vm.signed(vm.steps().get(i).contribution()));
            sum += vm.steps().get(i).contribution();
        }
        assertThat(vm.base() + sum).isCloseTo(vm.prediction(), within(1e-6));
        assertThat(vm.prediction()).isCloseTo(vm.rows().get(3).output(), within(1e-4));
        assertThat(lookup("#waterfall-base").queryLabeled().getText()).isEqualTo(vm.format(vm.base()));
        assertThat(lookup("#waterfall-prediction").queryLabeled().getText()).isEqualTo(vm.format(vm.prediction()));
        assertThat(lookup("#explainEquation").queryLabeled().getText()).contains("Base value", "= prediction");
        assertThat(lookup("#explainHelp").tryQuery()).isPresent();
        assertThat(vm.pdpColumnProperty().get()).isEqualTo(vm.pdpColumns().getFirst());
        screenshot("studio-explain");
        interact(() -> ((javafx.scene.control.ScrollPane) lookup("#explainTab").queryAs(javafx.scene.layout.BorderPane.class)
                .getCenter()).setVvalue(1));
        screenshot("studio-explain-local");
        javafx.scene.control.MenuBar menus = lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        java.util.function.Function<String, javafx.scene.control.MenuItem> item = id -> menus.getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        interact(() -> item.apply("menu-view-dark").fire());
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("studio-explain-dark");
        interact(() -> item.apply("menu-view-light").fire());
        WaitForAsyncUtils.waitForFxEvents();

        // Predict: editing the what-if row updates its SHAP values
        show(dev.atelier.app.shell.Screen.PREDICT);
        PredictViewModel predict = app.predictViewModel();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !predict.whatIf().bars().isEmpty()
                && !predict.whatIf().workingProperty().get());
        String before = predict.whatIf().equationProperty().get();
        interact(() -> lookup("#input-credit_score").queryAs(TextField.class).setText("300"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !predict.whatIf().workingProperty().get()
                && !predict.whatIf().equationProperty().get().equals(before) && !predict.whatIf().bars().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();
        var credit = predict.whatIf().bars().stream().filter(b -> b.column().equals("credit_score")).findFirst();
        assertThat(credit).isPresent();
        assertThat(credit.get().value()).isEqualTo("300");
        assertThat(lookup("#whatIfShap-0").queryAs(Label.class).getText()).matches("[+−][0-9.,]+");
        assertThat(lookup("#whatIfShapEquation").queryLabeled().getText()).contains("Base value");
        screenshot("studio-predict-shap");
    }
}
