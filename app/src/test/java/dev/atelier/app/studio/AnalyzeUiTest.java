package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.analyze.AnalyzeViewModel;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// Analyze ▸ Evaluate on the loan-approval sample after a 3-candidate Autopilot run: tiles, confusion matrix,
/// curves, a threshold slider that moves the matrix, column impact.
@Tag("ui")
class AnalyzeUiTest extends StudioUiTestBase {
    @Test
    void evaluateShowsTheDefaultModelOnTheTestRowsAndTheThresholdMovesTheMatrix() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        runAutopilot(3);
        show(dev.atelier.app.shell.Screen.ANALYZE);
        AnalyzeViewModel vm = app.analyzeViewModel();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.getEvaluation() != null && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();

        assertThat(lookup("#analyzeTabs").queryAs(TabPane.class).getTabs()).hasSize(3);
        int testRows = app.autopilotViewModel().session().getContext().test().rowCount();
        assertThat(testRows).isEqualTo(400);
        assertThat(lookup("#analyzeTitle").queryLabeled().getText()).contains("400 test rows");
        for (String k : new String[] {"accuracy", "balanced_accuracy", "precision", "recall", "f1", "auc", "log_loss"}) {
            Label tile = lookup("#tile-" + k).queryAs(Label.class);
            assertThat(tile.getTooltip().getText()).as(k).isNotBlank();
        }
        assertThat(lookup("#tile-accuracy").queryAs(Label.class).getText()).endsWith("%");
        assertThat(cellsTotal()).isEqualTo(testRows);
        LineChart<?, ?> roc = lookup("#rocChart").queryAs(LineChart.class);
        assertThat(roc.getData().getFirst().getData()).hasSizeGreaterThan(2);
        assertThat(lookup("#columnImpactBars").tryQuery()).isPresent();
        assertThat(vm.getEvaluation().importances()).isNotEmpty();

        long predictedPositiveAtHalf = count(0, 1) + count(1, 1);
        Slider slider = lookup("#thresholdSlider").queryAs(Slider.class);
        interact(() -> slider.setValue(0.9));
        WaitForAsyncUtils.waitForFxEvents();
        long predictedPositiveHigh = count(0, 1) + count(1, 1);
        assertThat(predictedPositiveHigh).isLessThan(predictedPositiveAtHalf);
        assertThat(cellsTotal()).isEqualTo(testRows);
        assertThat(lookup("#thresholdSummary").queryLabeled().getText()).contains("0.90", "precision", "recall");
        interact(() -> slider.setValue(0.5));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("studio-analyze");
    }

    private long count(int r, int c) {
        return Long.parseLong(lookup("#confusion-" + r + "-" + c).queryLabeled().getText());
    }

    private long cellsTotal() {
        return count(0, 0) + count(0, 1) + count(1, 0) + count(1, 1);
    }
}
