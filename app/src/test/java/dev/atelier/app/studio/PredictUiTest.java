package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.predict.PredictViewModel;
import dev.atelier.sampledata.SampleDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// Predict with the default model of a 2-candidate Autopilot run on the loan-approval sample: the what-if form
/// updates the prediction when a value changes; a CSV file is scored and written next to itself.
@Tag("ui")
class PredictUiTest extends StudioUiTestBase {
    @Test
    void whatIfUpdatesTheProbabilitiesAndAFileIsScored() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        runAutopilot(2);
        show(dev.atelier.app.shell.Screen.PREDICT);
        PredictViewModel vm = app.predictViewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.probabilities().size() == 2
                && !vm.predictingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.fields()).extracting(PredictViewModel.Field::name).contains("income", "credit_score")
                .doesNotContain("approved", "applicant_id");
        assertThat(lookup("#predictionValue").queryLabeled().getText()).isIn(vm.probabilities().getFirst().label());
        double before = probabilityOf(vm, "true");

        TextField credit = lookup("#input-credit_score").queryAs(TextField.class);
        assertThat(credit.getTooltip().getText()).contains("credit_score", "from");
        interact(() -> credit.setText("abc"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#input-credit_score-error").queryLabeled().getText()).contains("not a number");
        interact(() -> {
            credit.setText("300");
            lookup("#input-income").queryAs(TextField.class).setText("9000");
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.predictingProperty().get()
                && vm.probabilities().size() == 2 && probabilityOf(vm, "true") != before);
        assertThat(probabilityOf(vm, "true")).isLessThan(before);   // poor credit, low income: less likely

        Path dir = Files.createTempDirectory(home, "predict");
        Path sample = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        List<String> lines = Files.readAllLines(sample);
        Path input = dir.resolve("new-loans.csv");
        Files.write(input, lines.subList(0, 51));
        files.data = input;
        fire("#predictFileButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.batchProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Path out = dir.resolve("new-loans-predictions.csv");
        assertThat(out).exists();
        assertThat(Files.readAllLines(out)).hasSize(51);
        assertThat(Files.readAllLines(out).getFirst()).contains("predicted_approved", "probability_");
        TableView<?> preview = lookup("#predictPreview").queryTableView();
        assertThat(preview.getItems()).hasSize(50);
        assertThat(lookup("#predictFileStatus").queryLabeled().getText()).contains("50 rows", out.toString());
        screenshot("studio-predict");
    }

    private static double probabilityOf(PredictViewModel vm, String label) {
        return vm.probabilities().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow()
                .probability();
    }
}
