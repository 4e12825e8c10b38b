package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.analyze.bias.BiasViewModel;
import dev.atelier.app.cli.AtelierCli;
import dev.atelier.app.report.BiasTable;
import dev.atelier.engine.persist.Json;
import dev.atelier.sampledata.SampleDatasets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// Analyze ▸ Bias on the loan-approval sample (gender is marked sensitive) after a 2-candidate Autopilot run:
/// the defaults pick gender = female, the check runs as a job, DPL equals the CLI's value and is flagged
/// against the tolerance, and a wider tolerance clears the flag.
@Tag("ui")
class BiasUiTest extends StudioUiTestBase {
    @Test
    void theBiasTabFindsThePlantedGenderGapAsTheCliDoes() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        runAutopilot(2);
        show(dev.atelier.app.shell.Screen.ANALYZE);
        TabPane tabs = lookup("#analyzeTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-bias".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        BiasViewModel vm = app.biasViewModel();

        @SuppressWarnings("unchecked")
        ComboBox<String> column = lookup("#biasFacetColumn").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> value = lookup("#biasFacetValue").queryAs(ComboBox.class);
        assertThat(column.getValue()).isEqualTo("gender");
        assertThat(column.getItems()).first().isEqualTo("gender");
        assertThat(value.getValue()).isEqualTo("female");
        assertThat(lookup("#biasLabel").queryLabeled().getText()).isEqualTo("approved");

        fire("#biasRunButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.getResult() != null && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        errors.errors().forEach(Throwable::printStackTrace);
        assertThat(errors.errors()).isEmpty();

        double cli = cliDpl();
        assertThat(vm.rows()).extracting(BiasTable.Row::abbreviation).containsExactly("CI", "DPL", "KL", "JS", "LP",
                "TVD", "KS", "CDDL", "DPPL", "DI", "DCA", "DCR", "SD", "RD", "DAR", "DRR", "AD", "TE", "CDDPL", "FT", "GE");
        for (BiasTable.Row r : vm.rows()) {   // every metric is on screen with its value and tolerance badge
            assertThat(lookup("#bias-value-" + r.abbreviation()).queryLabeled().getText()).isEqualTo(r.valueText());
            assertThat(lookup("#bias-status-" + r.abbreviation()).queryAs(Label.class).getProperties().get("status"))
                    .isEqualTo(r.status());
        }
        assertThat(lookup("#biasPreTable").tryQuery()).isPresent();
        assertThat(lookup("#biasPostTable").tryQuery()).isPresent();
        assertThat(Double.parseDouble(lookup("#bias-value-DPL").queryLabeled().getText())).isCloseTo(cli, within(1e-4));
        Label dplStatus = lookup("#bias-status-DPL").queryAs(Label.class);
        assertThat(dplStatus.getProperties().get("status")).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(dplStatus.getText()).isEqualTo("outside");
        assertThat(lookup("#bias-status-CI").queryAs(Label.class).getProperties().get("status"))
                .isEqualTo(BiasTable.Status.WITHIN);
        assertThat(lookup("#biasFormula").queryLabeled().getText()).startsWith("DPL = q_a - q_d");
        assertThat(lookup("#biasLegend").tryQuery()).isPresent();
        assertThat(lookup("#biasHelp").tryQuery()).isPresent();
        BarChart<?, ?> rates = lookup("#biasRatesChart").queryAs(BarChart.class);
        assertThat(rates.getData()).hasSize(3);
        assertThat(rates.getData().getFirst().getData().stream().map(d -> String.valueOf(d.getXValue())).toList())
                .containsExactly("gender = female", "everyone else", "male", "nonbinary");
        screenshot("studio-bias");
        ScrollPane scroll = (ScrollPane) lookup(".build-settings-scroll").queryAll().stream()
                .filter(n -> n.isVisible() && n.getScene() != null && isInBiasTab(n)).findFirst().orElseThrow();
        interact(() -> scroll.setVvalue(0.6));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("studio-bias-post");

        // a wider tolerance (set in the spinner) clears the DPL flag without running again
        @SuppressWarnings("unchecked")
        Spinner<Double> tolerance = lookup("#biasTolerance").queryAs(Spinner.class);
        interact(() -> tolerance.getValueFactory().setValue(0.2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#bias-status-DPL").queryAs(Label.class).getProperties().get("status"))
                .isEqualTo(BiasTable.Status.WITHIN);
    }

    private static boolean isInBiasTab(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p.lookup("#biasPreTable") != null && p instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /// `atelier bias` on the same sample file: the DPL it writes.
    @SuppressWarnings("unchecked")
    private static double cliDpl() throws Exception {
        Path dir = Files.createTempDirectory("bias-ui");
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Path out = dir.resolve("bias.json");
        int code = AtelierCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "bias",
                "--data", csv.toString(), "--label", "approved", "--positive", "yes", "--facet", "gender=female",
                "--out", out.toString());
        assertThat(code).isZero();
        Map<String, Object> json = Json.MAPPER.readValue(out.toFile(), Map.class);
        return ((Number) json.get("DPL")).doubleValue();
    }
}
