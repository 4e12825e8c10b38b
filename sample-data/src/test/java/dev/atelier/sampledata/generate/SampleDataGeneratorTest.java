package dev.atelier.sampledata.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.sampledata.SampleDataset;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    @Test
    void regeneratingWithTheDefaultSeedReproducesTheCommittedFilesByteForByte(@TempDir Path dir) throws IOException {
        List<Path> written = SampleDataGenerator.generateAll(dir, SampleDataGenerator.DEFAULT_SEED);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(SampleDataGenerator.fileNames());
        for (SampleDataset dataset : SampleDatasets.all()) {
            byte[] committed;
            try (InputStream in = SampleDatasets.open(dataset)) {
                committed = in.readAllBytes();
            }
            assertThat(Files.readAllBytes(dir.resolve(dataset.fileName())))
                    .as(dataset.fileName() + " differs from the generator output; rerun the generator and commit")
                    .isEqualTo(committed);
        }
    }

    @Test
    void theCommittedSourceFilesMatchTooWhenRunFromTheModule() throws IOException {
        Path sources = SampleDataGenerator.RESOURCE_FOLDER;
        if (!Files.isDirectory(sources)) {
            return; // not run from the module folder (e.g. an IDE with another working directory)
        }
        try (var files = Files.list(sources)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")))
                    .as("every committed CSV is generated and catalogued")
                    .containsExactlyInAnyOrderElementsOf(SampleDataGenerator.fileNames());
        }
        for (String name : SampleDataGenerator.fileNames()) {
            assertThat(Files.readString(sources.resolve(name)))
                    .isEqualTo(SampleDataGenerator.generate(name, SampleDataGenerator.DEFAULT_SEED));
        }
    }

    @Test
    void sameSeedSameBytesAndAnotherSeedOtherData() {
        for (String name : SampleDataGenerator.fileNames()) {
            String a = SampleDataGenerator.generate(name, 7);
            assertThat(SampleDataGenerator.generate(name, 7)).isEqualTo(a);
            assertThat(SampleDataGenerator.generate(name, 8)).isNotEqualTo(a);
        }
    }

    @Test
    void mainWritesIntoTheGivenFolderWithTheGivenSeed(@TempDir Path dir) throws IOException {
        SampleDataGenerator.main(new String[] {dir.toString(), "--seed", "7"});

        assertThat(Files.readString(dir.resolve("house-prices.csv")))
                .isEqualTo(SampleDataGenerator.generate("house-prices.csv", 7));
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(SampleDataGenerator.fileNames().size());
        }
    }

    @Test
    void mainRejectsUnknownOptionsAndExtraFolders(@TempDir Path dir) {
        assertThatThrownBy(() -> SampleDataGenerator.main(new String[] {dir.toString(), "--rows", "5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rows");
        assertThatThrownBy(() -> SampleDataGenerator.main(new String[] {"a", "b"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleDataGenerator.main(new String[] {"--seed"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleDataGenerator.generate("iris.csv", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
