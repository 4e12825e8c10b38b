package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.data.importer.Fixtures;
import dev.atelier.app.project.DataLoader;
import dev.atelier.app.project.EngineDataLoader;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.DataFormat;
import dev.atelier.engine.data.io.ImportOptions;
import dev.atelier.engine.job.JobContext;
import dev.atelier.sampledata.SampleDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The Import dialog in the running studio: Open data… shows what was detected, the settings change the live
/// preview, and Import loads the data as a job that can be cancelled.
@Tag("ui")
class ImportDialogUiTest extends StudioUiTestBase {

    /// Chooses `file` with Open data… and waits until the dialog's first preview is in.
    private void openInDialog(Path file) throws Exception {
        files.data = file;
        fire("#openDataButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#importDialog").tryQuery().isPresent());
        awaitPreview();
    }

    private void awaitPreview() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#importBusy").query().getParent().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String query) {
        return lookup(query).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<Integer> preview() {
        return lookup("#importPreview").queryAs(TableView.class);
    }

    private String found(String key) {
        return lookup("#found-" + key).queryAs(Label.class).getText();
    }

    private void importAndWait() throws Exception {
        Button b = lookup("#importButton").queryButton();
        assertThat(b.isDisabled()).as("Import enabled").isFalse();
        interact(b::fire);
        waitUntilLoaded();
        assertThat(lookup("#importDialog").tryQuery()).isEmpty();
    }

    private Dataset data() {
        return app.dataViewModel().getTableData();
    }

    @Test
    void aCsvWithAnOverriddenDelimiterAndTypeIsImportedAsShown() throws Exception {
        startStudio(StudioArgs.none(), b -> b);
        Path f = Fixtures.write(home.resolve("pipes-" + System.nanoTime() + ".csv"),
                "zip|city|amount\n1000|Oslo|1.5\n2000|Rome|2.5\n3000|Lima|3.5\n");
        openInDialog(f);
        assertThat(found("format")).isEqualTo("Delimited text (CSV, TSV)");
        assertThat(found("delimiter")).isEqualTo("Pipe ( | )");
        assertThat(preview().getColumns()).hasSize(3);

        interact(() -> this.<Object>combo("#importDelimiter").getSelectionModel()
                .select(dev.atelier.app.data.importer.ImportViewModel.Delimiter.COMMA));
        awaitPreview();
        assertThat(preview().getColumns()).hasSize(1); // no commas: one column per line

        interact(() -> this.<Object>combo("#importDelimiter").getSelectionModel()
                .select(dev.atelier.app.data.importer.ImportViewModel.Delimiter.PIPE));
        awaitPreview();
        interact(() -> this.<ColumnType>combo("#type-zip").getSelectionModel().select(ColumnType.CATEGORICAL));
        awaitPreview();
        assertThat(preview().getColumns().getFirst().getText()).isEqualTo("zip");
        interact(() -> this.<ColumnRole>combo("#role-amount").getSelectionModel().select(ColumnRole.TARGET));
        WaitForAsyncUtils.waitForFxEvents();

        importAndWait();
        assertThat(data().columnCount()).isEqualTo(3);
        assertThat(data().schema().column("zip").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(data().schema().target()).get().extracting(c -> c.name()).isEqualTo("amount");
        assertThat(app.services().project().getData().format().delimiter()).isEqualTo('|');
    }

    @Test
    void anExcelSheetIsChosenInTheDialog() throws Exception {
        startStudio(StudioArgs.none(), b -> b);
        Path f = Fixtures.workbook(home.resolve("book-" + System.nanoTime() + ".xlsx"));
        openInDialog(f);
        assertThat(found("format")).isEqualTo("Excel workbook");
        assertThat(this.<String>combo("#importSheet").getItems()).containsExactly("Summary", "Sales");
        interact(() -> this.<String>combo("#importSheet").getSelectionModel().select("Sales"));
        awaitPreview();
        assertThat(preview().getColumns()).extracting(c -> c.getText()).containsExactly("region", "units");
        importAndWait();
        assertThat(data().schema().names()).containsExactly("region", "units");
        assertThat(data().rowCount()).isEqualTo(3);
    }

    @Test
    void aSqliteTableIsChosenInTheDialog() throws Exception {
        startStudio(StudioArgs.none(), b -> b);
        Path f = Fixtures.sqlite(home.resolve("shop-" + System.nanoTime() + ".db"));
        openInDialog(f);
        assertThat(this.<String>combo("#importTable").getItems()).containsExactly("customers", "orders");
        interact(() -> this.<String>combo("#importTable").getSelectionModel().select("orders"));
        awaitPreview();
        assertThat(found("table")).isEqualTo("orders");
        importAndWait();
        assertThat(data().schema().names()).containsExactly("order_id", "customer", "total");
        assertThat(data().rowCount()).isEqualTo(4);
    }

    @Test
    void anImageFolderDroppedOnTheScreenShowsItsClasses() throws Exception {
        startStudio(StudioArgs.none(), b -> b);
        Path folder = Fixtures.images(home.resolve("pets-" + System.nanoTime()), false);
        interact(() -> app.dataViewModel().requestOpen(folder)); // what a drop does
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#importDialog").tryQuery().isPresent());
        awaitPreview();
        assertThat(found("format")).isEqualTo("Image folder");
        assertThat(lookup("#importImageClasses").queryParent().getChildrenUnmodifiable())
                .extracting(n -> ((Label) n).getText()).containsExactly("cat: 3 images", "dog: 2 images");
        importAndWait();
        assertThat(data().rowCount()).isEqualTo(5);
        assertThat(data().schema().names()).contains("path", "label");
    }

    @Test
    void aJsonLinesFileIsFlattened() throws Exception {
        startStudio(StudioArgs.none(), b -> b);
        Path f = Fixtures.write(home.resolve("events-" + System.nanoTime() + ".jsonl"),
                "{\"id\":1,\"user\":{\"name\":\"a\"}}\n{\"id\":2,\"user\":{\"name\":\"b\"}}\n{\"id\":3\n");
        openInDialog(f);
        assertThat(found("format")).isEqualTo("JSON Lines");
        assertThat(lookup("#importNotes").queryParent().isVisible()).isTrue();
        importAndWait();
        assertThat(data().schema().names()).containsExactly("id", "user.name");
        assertThat(app.dataViewModel().notes()).anyMatch(n -> n.text().contains("not valid JSON"));
    }

    @Test
    void aBadFileShowsItsProblemInTheDialogAndCannotBeImported() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        Dataset before = data();
        Path empty = Files.createFile(home.resolve("empty-" + System.nanoTime() + ".csv"));
        openInDialog(empty);
        assertThat(lookup("#importError").queryAs(Label.class).getText()).isEqualTo("The file " + empty + " is empty.");
        assertThat(lookup("#importErrorBox").query().isVisible()).isTrue();
        assertThat(lookup("#importButton").queryButton().isDisabled()).isTrue();
        interact(() -> lookup("#importCancel").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(data()).isSameAs(before);
        assertThat(errors.errors()).isEmpty();
    }

    @Test
    void aCancelledBigLoadLeavesTheProjectAsItWas() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        DataLoader real = new EngineDataLoader();
        DataLoader slowForBigFiles = new DataLoader() {
            @Override
            public LoadedDataset load(Path file, dev.atelier.engine.data.io.CsvOptions options,
                                      UnaryOperator<Schema> roles, JobContext ctx) {
                return real.load(file, options, roles, ctx);
            }

            @Override
            public LoadedDataset load(String location, ImportOptions options, UnaryOperator<Schema> roles,
                                      JobContext ctx) {
                if (!Path.of(location).getFileName().toString().startsWith("big")) {
                    return real.load(location, options, roles, ctx);
                }
                started.countDown();
                for (int i = 0; ; i++) {      // a load that takes long: reports progress until cancelled
                    ctx.progress(Math.min(900, i + 1), 1000);
                    ctx.throwIfCancelled();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        throw new CancellationException("interrupted");
                    }
                }
            }
        };
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b.dataLoader(slowForBigFiles));
        waitUntilLoaded();
        Dataset before = data();
        long revision = app.services().project().getRevision();
        boolean dirty = app.services().project().isDirty();

        StringBuilder rows = new StringBuilder("id,x,label\n");
        for (int i = 0; i < 50_000; i++) {
            rows.append(i).append(',').append(i % 101).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path big = Fixtures.write(home.resolve("big-" + System.nanoTime() + ".csv"), rows.toString());
        openInDialog(big);
        assertThat(preview().getItems()).hasSize(100);
        assertThat(lookup("#importEstimate").queryAs(Label.class).getText()).startsWith("Fits in memory");
        interact(() -> lookup("#importButton").queryButton().fire());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        RunningJob job = app.services().jobs().runningJobs().jobs().getFirst();
        assertThat(job.getTitle()).isEqualTo("Opening " + big.getFileName());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> job.getProgress() > 0);
        interact(() -> lookup("#job-" + job.number() + "-cancel").queryButton().fire());
        waitUntilLoaded();

        assertThat(data()).isSameAs(before);
        assertThat(app.services().project().getRevision()).isEqualTo(revision);
        assertThat(app.services().project().isDirty()).isEqualTo(dirty);
        assertThat(app.services().project().getData().dataset().schema().names())
                .isEqualTo(before.schema().names());
        assertThat(errors.errors()).isEmpty();
        assertThat(dataTable().getItems()).hasSize(SampleDatasets.LOAN_APPROVAL.rows());
    }

    @Test
    void theLoanSampleShowsItsApplicantIdAsAnId() throws Exception {
        startStudio(new StudioArgs(null, null, StudioArgs.DEFAULT_SAMPLE), b -> b);
        waitUntilLoaded();
        assertThat(data().schema().column("applicant_id").role()).isEqualTo(ColumnRole.ID);
        assertThat(this.<ColumnRole>combo("#role-applicant_id").getValue()).isEqualTo(ColumnRole.ID);
        assertThat(DataFormat.CSV).isNotNull();
    }

    @Test
    void screenshotOfTheLoanFileInTheDialog() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.atelier.app.testing.Screenshots.wanted());
        startStudio(StudioArgs.none(), b -> b);
        Path f = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, home.resolve("shot-" + System.nanoTime()));
        openInDialog(f);
        @SuppressWarnings("unchecked")
        TableView<dev.atelier.app.data.importer.ImportColumn> columns = lookup("#importColumns").queryAs(TableView.class);
        interact(() -> columns.getItems().stream().filter(c -> c.name().equals("approved")).findFirst().orElseThrow()
                .roleProperty().set(ColumnRole.TARGET));
        interact(() -> columns.getItems().stream().filter(c -> c.name().equals("region")).findFirst().orElseThrow()
                .typeProperty().set(ColumnType.TEXT));
        awaitPreview();
        screenshotDialog("studio-import");
        Path bad = Fixtures.write(home.resolve("broken-" + System.nanoTime() + ".csv"), "");
        interact(() -> lookup("#importCancel").queryButton().fire());
        openInDialog(bad);
        screenshotDialog("studio-import-error");
    }

    /// Saves the dialog's window when `-Datelier.screenshots=DIR` is given.
    private void screenshotDialog(String name) {
        if (!dev.atelier.app.testing.Screenshots.wanted()) {
            return;
        }
        javafx.scene.Scene scene = lookup("#importDialog").query().getScene();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> dev.atelier.app.testing.Screenshots.save(scene, name));
    }
}
