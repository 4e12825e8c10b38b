package dev.atelier.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.sampledata.generate.SampleDataGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDatasetsTest {

    @Test
    void catalogueListsExactlyTheGeneratedFilesWithUniqueIds() {
        assertThat(SampleDatasets.all()).extracting(SampleDataset::fileName)
                .containsExactlyElementsOf(SampleDataGenerator.fileNames());
        assertThat(SampleDatasets.all()).extracting(SampleDataset::id)
                .containsExactly("loan-approval", "support-ticket-priority", "house-prices", "retail-demand-timeseries");
        assertThat(SampleDatasets.all().stream().map(SampleDataset::problemType).distinct())
                .containsExactlyInAnyOrder("binary", "multiclass", "regression", "forecasting");
    }

    @Test
    void everyFileHasTheRowAndColumnCountsTheCatalogueStates() {
        for (SampleDataset dataset : SampleDatasets.all()) {
            CsvFile csv = CsvFile.of(dataset);
            assertThat(csv.rows()).as(dataset.id() + " rows").hasSize(dataset.rows());
            assertThat(csv.header()).as(dataset.id() + " columns").hasSize(dataset.columns()).doesNotHaveDuplicates();
            assertThat(csv.header()).as(dataset.id() + " target").contains(dataset.target());
            if (dataset.sensitiveColumn() != null) {
                assertThat(csv.header()).contains(dataset.sensitiveColumn());
            }
            assertThat(csv.values(dataset.target())).as(dataset.id() + " target has no missing values")
                    .doesNotContain("");
        }
    }

    @Test
    void filesAreUtf8WithoutBomAndUseUnixLineEndings() throws IOException {
        for (SampleDataset dataset : SampleDatasets.all()) {
            byte[] bytes;
            try (InputStream in = SampleDatasets.open(dataset)) {
                bytes = in.readAllBytes();
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("\r").endsWith("\n").doesNotStartWith("\uFEFF");
            assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(text)).isTrue();
        }
    }

    @Test
    void findReturnsCatalogueEntriesAndEmptyForUnknownIds() {
        assertThat(SampleDatasets.find("loan-approval")).contains(SampleDatasets.LOAN_APPROVAL);
        assertThat(SampleDatasets.find("house-prices")).contains(SampleDatasets.HOUSE_PRICES);
        assertThat(SampleDatasets.find("support-ticket-priority")).contains(SampleDatasets.SUPPORT_TICKET_PRIORITY);
        assertThat(SampleDatasets.find("iris")).isEmpty();
    }

    @Test
    void onlyTheLoanDataHasASensitiveColumn() {
        assertThat(SampleDatasets.LOAN_APPROVAL.sensitiveColumn()).isEqualTo("gender");
        assertThat(SampleDatasets.all()).filteredOn(d -> d.sensitiveColumn() != null)
                .containsExactly(SampleDatasets.LOAN_APPROVAL);
    }

    @Test
    void recordRejectsUnsafeOrInconsistentEntries() {
        assertThatThrownBy(() -> new SampleDataset("../etc", "t", "../etc.csv", "y", "binary", null, "d", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleDataset("a", "t", "b.csv", "y", "binary", null, "d", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleDataset("a", "t", "a.csv", "y", "clustering", null, "d", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleDataset("a", "t", "a.csv", "y", "binary", " ", "d", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleDataset("a", "t", "a.csv", "y", "binary", null, "d", 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openRejectsADatasetThatIsNotBundled() {
        SampleDataset ghost = new SampleDataset("ghost", "Ghost", "ghost.csv", "y", "binary", null, "none", 1, 1);
        assertThatThrownBy(() -> SampleDatasets.open(ghost)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extractWritesTheBundledBytesAndIsIdempotent(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("nested").resolve("samples");
        Path file = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, folder);

        assertThat(file).isEqualTo(folder.resolve("loan-approval.csv"));
        assertThat(Files.readAllBytes(file)).isEqualTo(bundledBytes(SampleDatasets.LOAN_APPROVAL));

        FileTime stamp = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, stamp);
        assertThat(SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, folder)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file)).as("identical file left untouched").isEqualTo(stamp);
        assertThat(listing(folder)).containsExactly("loan-approval.csv");
    }

    @Test
    void extractReplacesAStaleOrDamagedCopy(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("house-prices.csv");
        Files.writeString(file, "price\n1\n");

        assertThat(SampleDatasets.extract(SampleDatasets.HOUSE_PRICES, dir)).isEqualTo(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(bundledBytes(SampleDatasets.HOUSE_PRICES));
        assertThat(listing(dir)).as("no temporary files left behind").containsExactly("house-prices.csv");
    }

    @Test
    void extractToCacheUsesAtelierHome(@TempDir Path dir) throws IOException {
        String previous = System.getProperty("atelier.home");
        System.setProperty("atelier.home", dir.toString());
        try {
            assertThat(SampleDatasets.cacheFolder()).isEqualTo(dir.resolve("samples"));
            Path file = SampleDatasets.extractToCache(SampleDatasets.SUPPORT_TICKET_PRIORITY);
            assertThat(file).isEqualTo(dir.resolve("samples").resolve("support-ticket-priority.csv"));
            assertThat(Files.readAllBytes(file)).isEqualTo(bundledBytes(SampleDatasets.SUPPORT_TICKET_PRIORITY));
        } finally {
            if (previous == null) {
                System.clearProperty("atelier.home");
            } else {
                System.setProperty("atelier.home", previous);
            }
        }
    }

    @Test
    void cacheFolderDefaultsToDotAtelierUnderTheUserHome() {
        String previous = System.getProperty("atelier.home");
        System.clearProperty("atelier.home");
        try {
            assertThat(SampleDatasets.cacheFolder())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".atelier", "samples"));
        } finally {
            if (previous != null) {
                System.setProperty("atelier.home", previous);
            }
        }
    }

    private static byte[] bundledBytes(SampleDataset dataset) throws IOException {
        try (InputStream in = SampleDatasets.open(dataset)) {
            return in.readAllBytes();
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
