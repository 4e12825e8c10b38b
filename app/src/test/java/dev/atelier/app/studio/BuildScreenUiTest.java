package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.build.BuildViewModel;
import dev.atelier.app.build.TrainingOutcome;
import dev.atelier.engine.algorithms.ProblemType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The Build screen on the loan-approval sample: pick XGBoost, set a few rounds, train, watch the curve.
@Tag("ui")
class BuildScreenUiTest extends StudioUiTestBase {
    @BeforeEach
    void start() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        clickOn("#nav-build");
        clickOn("#modeSingle");                       // Autopilot is the default; these tests use one algorithm
        WaitForAsyncUtils.waitForFxEvents();
    }

    private BuildViewModel vm() {
        return app.buildViewModel();
    }

    @Test
    void trainingXgboostDrawsTheCurveAndShowsScores() throws Exception {
        assertThat(lookup("#buildScreen").query().isVisible()).isTrue();
        assertThat(lookup("#buildTarget").queryComboBox().getValue()).isEqualTo("approved");
        assertThat(vm().getProblem()).isEqualTo(ProblemType.BINARY_CLASSIFICATION);
        assertThat(lookup("#trainButton").queryButton().isDisabled()).isTrue();   // num_round has no default

        // Chosen through the combo box's own selection: the headless platform's popup windows cannot yet be
        // placed partly off its virtual screen (HeadlessWindow.clearRect throws).
        var picker = lookup("#algorithmPicker").<dev.atelier.engine.algorithms.AlgorithmDescriptor>queryComboBox();
        interact(() -> picker.getSelectionModel().select(picker.getItems().stream()
                .filter(d -> d.key().equals("xgboost")).findFirst().orElseThrow()));
        assertThat(vm().algorithmProperty().get().key()).isEqualTo("xgboost");
        interact(() -> vm().params().stream().filter(f -> f.name().equals("num_round")).findFirst().orElseThrow()
                .setText("12"));                      // the field may be scrolled out of view
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#trainButton").queryButton().isDisabled()).isFalse();

        interact(() -> lookup("#trainButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm().getOutcome() == TrainingOutcome.TRAINED);
        WaitForAsyncUtils.waitForFxEvents();

        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();
        LineChart<?, ?> chart = lookup("#trainingCurve").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(12);
        assertThat(chart.getData().get(1).getData()).hasSize(12);
        Label accuracy = lookup("#metric-accuracy").queryAs(Label.class);
        assertThat(accuracy.getText()).endsWith("%");
        assertThat(accuracy.getTooltip().getText()).contains("held-back rows");
        assertThat(lookup("#saveModelButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#curveEmpty").query().isVisible()).isFalse();
    }

    @Test
    void everyGeneratedFieldExplainsItself() {
        interact(() -> lookup("#paramAdvanced").queryAs(TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> inputs = lookup(".param-input").queryAll();
        assertThat(inputs).hasSameSizeAs(vm().params());
        for (var field : vm().params()) {
            Control input = lookup("#param-" + field.name()).queryAs(Control.class);
            assertThat(input.getTooltip()).as(field.name()).isNotNull();
            assertThat(input.getTooltip().getText()).contains(field.spec().description(), field.spec().range());
            Label help = lookup("#param-" + field.name() + "-help").queryAs(Label.class);
            assertThat(help.getTooltip().getText()).isEqualTo(input.getTooltip().getText());
        }
    }

    @Test
    void anInvalidValueIsFlaggedInlineAndResetRestoresTheDefault() {
        clickOn("#param-num_round").write("5");
        doubleClickOn("#param-eta").eraseText(3).write("7");
        WaitForAsyncUtils.waitForFxEvents();

        Label error = lookup("#param-eta-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("eta", "7");
        assertThat(lookup("#trainButton").queryButton().isDisabled()).isTrue();

        clickOn("#resetParams");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#param-eta").queryTextInputControl().getText()).isEqualTo("0.3");
        assertThat(error.isVisible()).isFalse();
        assertThat(List.of(lookup("#buildNotes").query().isVisible())).isNotNull();
    }
}
