package dev.atelier.app.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.app.common.controls.UiMessage;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.DataFormat;
import dev.atelier.engine.data.io.HeaderMode;
import dev.atelier.engine.error.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Import dialog's view-model for each format: what it detects, each override, and the preview following
/// the settings. Previews run on the calling thread here.
class ImportViewModelTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final Executor now = Runnable::run;

    private ImportViewModel open(Path source) {
        ImportViewModel vm = new ImportViewModel(source, messages, now, now);
        vm.refresh();
        return vm;
    }

    private static String finding(ImportViewModel vm, String key) {
        return vm.findings().stream().filter(f -> f.key().equals(key)).map(ImportViewModel.Finding::value)
                .findFirst().orElse("");
    }

    @Test
    void csvShowsWhatWasDetectedAndFollowsADelimiterOverride() throws Exception {
        Path f = Fixtures.write(dir.resolve("semi.csv"), "name;amount;code\nAnn;1,5;A\nBob;2,5;B\nCid;3,5;C\n");
        ImportViewModel vm = open(f);

        assertThat(vm.getError()).isEmpty();
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.CSV);
        assertThat(vm.detectedProperty().get()).isEqualTo(DataFormat.CSV);
        assertThat(finding(vm, "delimiter")).isEqualTo("Semicolon ( ; )");
        assertThat(finding(vm, "encoding")).isEqualTo("UTF-8");
        assertThat(finding(vm, "header")).isEqualTo("First row has the names");
        assertThat(vm.getPreview().columnCount()).isEqualTo(3);

        vm.delimiterProperty().set(ImportViewModel.Delimiter.COMMA);
        assertThat(vm.getPreview().schema().names()).startsWith("name;amount;code"); // split at "1,5" only
        assertThat(finding(vm, "delimiter")).isEqualTo("Comma ( , )");

        vm.delimiterProperty().set(ImportViewModel.Delimiter.SEMICOLON);
        vm.headerProperty().set(HeaderMode.ABSENT);
        assertThat(vm.getPreview().schema().names()).containsExactly("column_1", "column_2", "column_3");
        assertThat(vm.getPreview().rowCount()).isEqualTo(4);
        assertThat(vm.request().options().csv().delimiter()).isEqualTo(';');
        assertThat(vm.request().options().maxRows()).isZero();
    }

    @Test
    void aTypeOverrideReadsThePreviewAgainAndARoleOverrideGoesIntoTheRequest() throws Exception {
        Path f = Fixtures.write(dir.resolve("t.csv"), "zip,score,label\n1000,1,a\n2000,2,b\n3000,3,a\n");
        ImportViewModel vm = open(f);
        ImportColumn zip = vm.columns().getFirst();
        assertThat(zip.getType()).isEqualTo(ColumnType.NUMERIC);

        zip.typeProperty().set(ColumnType.CATEGORICAL);
        assertThat(vm.getPreview().schema().column("zip").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(vm.columns().getFirst().detectedType()).isEqualTo(ColumnType.NUMERIC);
        assertThat(vm.request().options().typeOverrides()).containsEntry("zip", ColumnType.CATEGORICAL);

        vm.setRole("label", ColumnRole.TARGET);
        vm.setRole("score", ColumnRole.IGNORED);
        ImportRequest request = vm.request();
        assertThat(request.roles()).containsEntry("label", ColumnRole.TARGET).containsEntry("score", ColumnRole.IGNORED);
        Schema edited = request.roleEdit().apply(vm.getPreview().schema());
        assertThat(edited.target()).get().extracting(c -> c.name()).isEqualTo("label");
        assertThat(edited.column("score").role()).isEqualTo(ColumnRole.IGNORED);

        vm.columns().getFirst().typeProperty().set(ColumnType.NUMERIC); // back to the detected type
        assertThat(vm.request().options().typeOverrides()).doesNotContainKey("zip");
    }

    @Test
    void idLikeColumnsArriveWithTheRoleId() throws Exception {
        StringBuilder b = new StringBuilder("applicant_id,income\n");
        for (int i = 0; i < 30; i++) {
            b.append(String.format("%06d", 100 + i * 3)).append(',').append(1000 + i % 7).append('\n');
        }
        ImportViewModel vm = open(Fixtures.write(dir.resolve("ids.csv"), b.toString()));
        assertThat(vm.columns()).filteredOn(c -> c.name().equals("applicant_id")).singleElement()
                .satisfies(c -> {
                    assertThat(c.getRole()).isEqualTo(ColumnRole.ID);
                    assertThat(c.idLike()).isTrue();
                });
        assertThat(vm.columns().get(1).getRole()).isEqualTo(ColumnRole.FEATURE);
        assertThat(vm.notes()).extracting(UiMessage::text).anyMatch(t -> t.contains("applicant_id")
                && t.contains("role ID"));
    }

    @Test
    void anEncodingOverrideChangesHowTextIsRead() throws Exception {
        Path f = dir.resolve("latin.csv");
        Files.write(f, "city,n\nZürich,1\nGenève,2\n".getBytes(StandardCharsets.ISO_8859_1));
        ImportViewModel vm = open(f);
        assertThat(finding(vm, "encoding")).isEqualTo("windows-1252");
        assertThat(vm.getPreview().text(0, 0)).isEqualTo("Zürich");
        vm.encodingProperty().set("UTF-8");
        assertThat(vm.getError()).contains("not valid UTF-8");
        assertThat(vm.getPreview()).isNull();
        assertThatThrownBy(vm::request).isInstanceOf(IllegalStateException.class);
        vm.encodingProperty().set("");
        assertThat(vm.getError()).isEmpty();
    }

    @Test
    void excelListsItsSheetsAndReadsTheOneChosenWithAHeaderRow() throws Exception {
        Path f = Fixtures.workbook(dir.resolve("book.xlsx"));
        ImportViewModel vm = open(f);
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.EXCEL);
        assertThat(vm.sheets()).containsExactly("Summary", "Sales");
        assertThat(vm.sheetProperty().get()).isEqualTo("Summary");
        assertThat(finding(vm, "sheet")).isEqualTo("Summary");

        vm.sheetProperty().set("Sales");
        assertThat(vm.getPreview().schema().names()).containsExactly("region", "units");
        assertThat(vm.getPreview().rowCount()).isEqualTo(3);
        vm.headerRowProperty().set(-1);
        assertThat(vm.getPreview().schema().names()).containsExactly("column_1", "column_2");
        assertThat(vm.request().options().sheet()).isEqualTo("Sales");
        assertThat(vm.request().options().headerRow()).isEqualTo(-1);
    }

    @Test
    void sqliteListsItsTablesReadsTheFirstAndRunsAQuery() throws Exception {
        Path f = Fixtures.sqlite(dir.resolve("shop.db"));
        ImportViewModel vm = open(f);
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.SQL);
        assertThat(vm.getError()).isEmpty();
        assertThat(vm.tables()).containsExactly("customers", "orders");
        assertThat(vm.tableProperty().get()).isEqualTo("customers");
        assertThat(vm.getPreview().rowCount()).isEqualTo(3);

        vm.tableProperty().set("orders");
        assertThat(vm.getPreview().schema().names()).containsExactly("order_id", "customer", "total");
        vm.queryProperty().set("SELECT customer, SUM(total) AS spent FROM orders GROUP BY customer");
        vm.runQuery();
        assertThat(vm.getPreview().schema().names()).containsExactly("customer", "spent");
        assertThat(vm.request().options().query()).startsWith("SELECT customer");
        assertThat(vm.request().options().table()).isNull();
    }

    @Test
    void anImageFolderShowsItsClassesAndCounts() throws Exception {
        Path folder = Fixtures.images(dir.resolve("pets"), false);
        ImportViewModel vm = open(folder);
        assertThat(vm.formats()).containsExactly(DataFormat.IMAGE_FOLDER);
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.IMAGE_FOLDER);
        assertThat(vm.imageClasses()).containsExactly(new ImportViewModel.ImageClass("cat", 3),
                new ImportViewModel.ImageClass("dog", 2));
        assertThat(vm.getPreview().schema().names()).contains("path", "label", "width", "height");
        assertThat(vm.estimateTextProperty().get()).isEmpty();
    }

    @Test
    void jsonLinesAreFlattenedAndTextCorporaShowTheirLayout() throws Exception {
        Path jsonl = Fixtures.write(dir.resolve("events.jsonl"),
                "{\"id\":1,\"user\":{\"name\":\"a\",\"age\":30}}\n{\"id\":2,\"user\":{\"name\":\"b\",\"age\":40}}\n");
        ImportViewModel vm = open(jsonl);
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.JSON_LINES);
        assertThat(vm.getPreview().schema().names()).containsExactly("id", "user.name", "user.age");
        assertThat(finding(vm, "layout")).isEqualTo("one object per line");

        Path array = Fixtures.write(dir.resolve("people.json"), "[{\"name\":\"a\",\"tags\":[1,2]},{\"name\":\"b\"}]");
        ImportViewModel json = open(array);
        assertThat(json.formatProperty().get()).isEqualTo(DataFormat.JSON);
        assertThat(json.getPreview().schema().names()).containsExactly("name", "tags");
        json.formatProperty().set(DataFormat.JSON_LINES); // the wrong reading is explained, not thrown
        assertThat(json.getError().isEmpty() ? json.notes().stream().map(UiMessage::text).toList()
                : List.of(json.getError())).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain("Exception"));

        Path lst = Fixtures.write(dir.resolve("train.lst"), "1\t0\tcat/a.png\n2\t1\tdog/b.png\n");
        ImportViewModel list = open(lst);
        assertThat(list.formatProperty().get()).isEqualTo(DataFormat.IMAGE_LIST);
        assertThat(list.getPreview().rowCount()).isEqualTo(2);

        Path corpus = Fixtures.write(dir.resolve("reviews.txt"), "__label__pos great film\n__label__neg dull\n");
        ImportViewModel text = open(corpus);
        assertThat(text.formatProperty().get()).isEqualTo(DataFormat.TEXT_CORPUS);
        assertThat(finding(text, "layout")).startsWith("BlazingText");
        assertThat(text.getPreview().schema().names()).containsExactly("label", "text");
        text.formatProperty().set(DataFormat.CSV); // read the same file as delimited text instead
        assertThat(text.getPreview().columnCount()).isEqualTo(1);
    }

    @Test
    void timeSeriesShowItemTimestampAndTarget() throws Exception {
        Path deepar = Fixtures.write(dir.resolve("series.jsonl"),
                "{\"start\":\"2024-01-01\",\"target\":[1,2,3],\"cat\":[0]}\n"
                        + "{\"start\":\"2024-01-01\",\"target\":[4,5,6],\"cat\":[1]}\n");
        ImportViewModel vm = open(deepar);
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.DEEPAR);
        assertThat(vm.timeSeriesProperty().get()).isTrue();
        assertThat(vm.seriesOnProperty().get()).isTrue();
        assertThat(vm.seriesItemProperty().get()).isEqualTo("item_id");
        assertThat(vm.seriesTimeProperty().get()).isEqualTo("timestamp");
        assertThat(vm.seriesTargetProperty().get()).isEqualTo("target");
        assertThat(vm.request().roles()).containsEntry("target", ColumnRole.TARGET);
        vm.frequencyProperty().set("H");
        assertThat(vm.getPreview().text(1, vm.getPreview().schema().indexOf("timestamp"))).contains("01:00");

        Path longCsv = Fixtures.write(dir.resolve("demand.csv"),
                "store,date,units\nS1,2024-01-01,5\nS1,2024-01-02,6\nS2,2024-01-01,7\nS2,2024-01-02,8\n");
        ImportViewModel csv = open(longCsv);
        assertThat(csv.timeSeriesProperty().get()).isTrue();
        assertThat(csv.seriesOnProperty().get()).as("a store column names the series").isTrue();
        assertThat(csv.seriesItemProperty().get()).isEqualTo("store");
        assertThat(csv.seriesTimeProperty().get()).isEqualTo("date");
        csv.seriesTargetProperty().set("units");
        assertThat(csv.request().roles()).containsEntry("units", ColumnRole.TARGET);
        csv.seriesTargetProperty().set("store");
        assertThat(csv.request().roles()).containsEntry("units", ColumnRole.FEATURE)
                .containsEntry("store", ColumnRole.TARGET);
    }

    @Test
    void aTableWithADateButNoSeriesColumnOffersTheTimeSeriesSettingsSwitchedOff() throws Exception {
        ImportViewModel vm = open(Fixtures.write(dir.resolve("loans.csv"),
                "applicant_id,applied,amount\n001,2024-01-01,5\n002,2024-01-02,6\n003,2024-01-02,7\n"));
        assertThat(vm.timeSeriesProperty().get()).isTrue();
        assertThat(vm.seriesOnProperty().get()).isFalse();
        assertThat(vm.seriesTimeProperty().get()).isEqualTo("applied");
    }

    @Test
    void parquetPreviews() throws Exception {
        ImportViewModel vm = open(Fixtures.parquet());
        assertThat(vm.getError()).isEmpty();
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.PARQUET);
        assertThat(vm.getPreview().rowCount()).isPositive();
        assertThat(finding(vm, "rows_in_file")).isNotEmpty();
    }

    @Test
    void theMemoryEstimateIsShownAndTheSampleIsOfferedWhenItWouldNotFit() throws Exception {
        Path f = Fixtures.write(dir.resolve("small.csv"), "a,b\n1,2\n3,4\n");
        ImportViewModel vm = open(f);
        assertThat(vm.estimateTextProperty().get()).startsWith("Fits in memory");
        assertThat(vm.tooBigProperty().get()).isFalse();
        assertThat(vm.request().options().sampleIfTooBig()).isTrue();
        vm.loadSampleProperty().set(false);
        assertThat(vm.request().options().sampleIfTooBig()).isFalse();
    }

    @Test
    void onlyTheNewestPreviewIsApplied() throws Exception {
        Path f = Fixtures.write(dir.resolve("q.csv"), "a;b\n1;2\n");
        List<Runnable> queued = new ArrayList<>();
        ImportViewModel vm = new ImportViewModel(f, messages, queued::add, Runnable::run);
        vm.refresh();
        vm.delimiterProperty().set(ImportViewModel.Delimiter.COMMA);
        assertThat(queued).hasSize(2);
        assertThat(vm.busyProperty().get()).isTrue();
        queued.forEach(Runnable::run);
        assertThat(vm.previewsProperty().get()).isEqualTo(1);
        assertThat(vm.getPreview().columnCount()).isEqualTo(1); // read with the comma: one column "a;b"
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void everyBadInputOfTheCorpusGivesAPlainSentenceAndTheSourceIsUnchanged() throws Exception {
        for (Fixtures.Bad bad : Fixtures.badInputs(dir.resolve("bad"))) {
            byte[] before = bad.path().toFile().isFile() ? Files.readAllBytes(bad.path()) : null;
            ImportViewModel vm = open(bad.path());
            String said = vm.getError().isEmpty()
                    ? String.join(" ", vm.notes().stream().map(UiMessage::text).toList()) : vm.getError();
            if (bad.name().equals("10,000 columns")) { // nothing wrong to say: it is read in full
                assertThat(vm.getError()).isEmpty();
                assertThat(vm.getPreview().columnCount()).isEqualTo(10_000);
                continue;
            }
            assertThat(said).as(bad.name()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("error.");
            if (bad.fails()) {
                assertThat(vm.getError()).as(bad.name()).isNotEmpty();
            } else {
                assertThat(vm.getError()).as(bad.name() + ": " + vm.getError()).isEmpty();
                assertThat(vm.notes()).as(bad.name()).anyMatch(n -> n.severity() != Severity.INFO);
            }
            if (before != null) {
                assertThat(Files.readAllBytes(bad.path())).as(bad.name()).isEqualTo(before);
            }
        }
    }

    @Test
    void aPreviewOfHundredsOfThousandsOfRowsReadsOnlyItsStart() throws Exception {
        Path f = dir.resolve("big.csv");
        StringBuilder b = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 200_000; i++) {
            b.append(i).append(',').append(i % 97).append(',').append(i % 3 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(f, b);
        ImportViewModel vm = open(f);
        Dataset ds = vm.getPreview();
        assertThat(ds.rowCount()).isEqualTo(ImportViewModel.PREVIEW_ROWS);
        assertThat(vm.estimateTextProperty().get()).contains("about 2");
    }
}
