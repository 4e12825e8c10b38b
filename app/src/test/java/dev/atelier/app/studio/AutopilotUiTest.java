package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.build.AutopilotSetupViewModel;
import dev.atelier.app.leaderboard.LeaderboardViewModel;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.automl.ObjectiveMetric;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// Build ▸ Autopilot on the loan-approval sample with a tiny budget (3 candidates): the leaderboard opens and
/// fills, the best-score chart draws, another candidate can become the default model.
@Tag("ui")
class AutopilotUiTest extends StudioUiTestBase {
    @BeforeEach
    void start() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        show(dev.atelier.app.shell.Screen.BUILD);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private AutopilotSetupViewModel setup() {
        return app.autopilotViewModel();
    }

    private AutopilotSession session() {
        return setup().session();
    }

    @Test
    void autopilotIsTheDefaultAndExplainsItsChoices() {
        assertThat(lookup("#modeAutopilot").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(lookup("#autopilotSettings").query().isVisible()).isTrue();
        assertThat(lookup("#singleAlgorithmSettings").query().isVisible()).isFalse();
        assertThat(lookup("#problemReason").queryLabeled().getText())
                .startsWith("\"approved\" holds two values").endsWith("so this is binary classification.");
        ComboBox<ObjectiveMetric> metric = lookup("#autopilotMetric").queryComboBox();
        assertThat(metric.getValue()).isEqualTo(ObjectiveMetric.F1);                 // SageMaker's binary default
        assertThat(metric.getItems()).contains(ObjectiveMetric.AUC, ObjectiveMetric.LOG_LOSS)
                .doesNotContain(ObjectiveMetric.RMSE);
        assertThat(metric.getTooltip().getText()).contains("positive outcome");
        interact(() -> setup().modeProperty().set(AutopilotSpec.Mode.HPO));
        assertThat(lookup("#autopilotModeHint").queryLabeled().getText()).contains("settings of each algorithm");
        assertThat(lookup("#startAutopilotButton").queryButton().isDisabled()).isFalse();

        fire("#modeSingle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#singleAlgorithmSettings").query().isVisible()).isTrue();
        assertThat(lookup("#autopilotSettings").query().isVisible()).isFalse();
        assertThat(lookup("#trainingCurve").query().isVisible()).isTrue();
    }

    @Test
    void startFillsTheLeaderboardLiveAndAnotherModelCanBecomeTheDefault() throws Exception {
        interact(() -> {
            setup().maxCandidatesProperty().set(3);
            setup().budgetMinutesProperty().set(1);
        });
        screenshot("studio-build-autopilot");
        fire("#startAutopilotButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.windowViewModel().getScreen()).isEqualTo(dev.atelier.app.shell.Screen.LEADERBOARD);
        assertThat(lookup("#leaderboardScreen").query().isVisible()).isTrue();

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session().getResult() != null
                && !session().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();

        TableView<LeaderboardViewModel.Entry> table = lookup("#leaderboardTable").queryTableView();
        assertThat(table.getItems()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(table.getItems().getFirst().rank()).isEqualTo(1);
        double first = table.getItems().get(0).row().score();
        double second = table.getItems().get(1).row().score();
        assertThat(first).isGreaterThanOrEqualTo(second);                          // F1: best first
        assertThat(table.getItems().getFirst().status()).contains("Default model");
        assertThat(lookup("#leaderboardHeader").queryLabeled().getText()).contains("F1 score", "cross-validation");
        LineChart<?, ?> chart = lookup("#bestScoreChart").queryAs(LineChart.class);
        assertThat(chart.getData().getFirst().getData()).isNotEmpty();

        interact(() -> table.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#leaderboardSettings").queryTextInputControl().getText()).isNotEmpty();
        assertThat(lookup("#leaderboardSelected").queryAs(Label.class).getText()).startsWith("#");
        int chosen = table.getItems().get(1).id();
        fire("#useAsDefaultButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session().defaultCandidateProperty().get()).isEqualTo(chosen);
        assertThat(session().defaultModel()).isPresent();
        assertThat(lookup("#useAsDefaultButton").queryButton().isDisabled()).isTrue();
        screenshot("studio-leaderboard");
    }

    @Test
    void stopKeepsTheBestModelSoFar() throws Exception {
        interact(() -> {
            setup().maxCandidatesProperty().set(0);                                 // only the time limits it
            setup().budgetMinutesProperty().set(2);
        });
        fire("#startAutopilotButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session().rows().stream().anyMatch(r -> r.ok()));
        show(dev.atelier.app.shell.Screen.BUILD);
        fire("#cancelAutopilotButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !session().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors.errors()).isEmpty();
        assertThat(session().getResult()).isNotNull();
        assertThat(session().getResult().stop()).isEqualTo(dev.atelier.engine.automl.AutopilotResult.Stop.CANCELLED);
        assertThat(session().defaultModel()).isPresent();
        assertThat(lookup("#autopilotStatus").queryLabeled().getText()).contains("best", "kept");
        assertThat(lookup("#startAutopilotButton").queryButton().isDisabled()).isFalse();
    }
}
