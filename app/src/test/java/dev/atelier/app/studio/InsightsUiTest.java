package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.data.insights.InsightsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// The Data screen's Data Quality & Insights tab on the loan-approval sample (gender sensitive, approved the
/// target): the report is built when the tab is shown, lists its warnings with explanations, shows the rows
/// behind a warning, colours the bias measures, and exports the HTML report.
@Tag("ui")
class InsightsUiTest extends StudioUiTestBase {
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
    }

    private InsightsViewModel vm() {
        return app.dataViewModel().insights();
    }

    private void openTab() throws Exception {
        TabPane tabs = lookup("#dataTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm().getReport() != null && !vm().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theReportShowsWarningsBiasAndRowsAndExportsHtml() throws Exception {
        openTab();
        assertThat(errors.errors()).isEmpty();
        assertThat(lookup("#insightsPane").query().isVisible()).isTrue();
        assertThat(lookup("#insightsSummary").queryLabeled().getText()).contains("2,000 rows").contains("approved");

        @SuppressWarnings("unchecked")
        ListView<InsightsViewModel.WarningItem> warnings = lookup("#insightsWarnings").queryAs(ListView.class);
        assertThat(warnings.getItems()).isNotEmpty()
                .extracting(w -> w.type().name()).contains("DUPLICATE_ROWS", "OUTLIERS");
        // the first warning is selected and explained in plain English on the side
        assertThat(lookup("#insightsExplanation").queryAs(javafx.scene.layout.VBox.class).getChildren()).isNotEmpty();
        assertThat(lookup("#insightsExplanation .label").queryAll()).extracting(n -> ((Label) n).getText())
                .contains("What it means", "What to do");

        // choosing the duplicate rows warning shows its rows
        interact(() -> warnings.getSelectionModel().select(warnings.getItems().stream()
                .filter(w -> w.type().name().equals("DUPLICATE_ROWS")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<java.util.List<String>> rows = lookup("#insightsRows").queryAs(TableView.class);
        assertThat(rows.getItems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.getColumns().getFirst().getText()).isEqualTo("Row");

        // bias: CI is within the tolerance, DPL beyond it
        Label ci = lookup("#bias-gender_female-CI").queryAs(Label.class);
        Label dpl = lookup("#bias-gender_female-DPL").queryAs(Label.class);
        assertThat(ci.getStyleClass()).contains("insights-bias-fine");
        assertThat(dpl.getStyleClass()).contains("insights-bias-flag");
        assertThat(dpl.getText()).isEqualTo("+0.1386");
        assertThat(lookup("#insightsModelScore").queryLabeled().getText()).startsWith("AUC");

        screenshot("studio-insights");
        if (dev.atelier.app.testing.Screenshots.wanted()) {
            javafx.scene.control.ScrollPane scroll = lookup("#insightsScroll").queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node biasCard = lookup("#insightsBias").query().getParent();
            interact(() -> scroll.setVvalue(biasCard.getBoundsInParent().getMinY()
                    / Math.max(1, scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight())));
            WaitForAsyncUtils.waitForFxEvents();
            screenshot("studio-insights-bias");
        }

        Path out = dir.resolve("loan-report.html");
        interact(() -> vm().setExportChooser(name -> Optional.of(out)));
        fire("#insightsExport");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(out) && vm().lastExportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("Pre-training bias");
        assertThat(lookup("#insightsExported").queryLabeled().getText()).contains("loan-report.html");
    }

    @Test
    void changingTheTargetRebuildsTheReport() throws Exception {
        openTab();
        interact(() -> app.dataViewModel().setRole("home_owner", dev.atelier.engine.data.ColumnRole.TARGET));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm().getReport() != null
                && "home_owner".equals(vm().getReport().target()) && !vm().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#insightsSummary").queryLabeled().getText()).contains("home_owner");
    }
}
