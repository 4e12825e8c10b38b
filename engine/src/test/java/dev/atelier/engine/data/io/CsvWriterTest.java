package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.TestJobContexts;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesRfc4180WithQuotingOnlyWhereNeeded() throws IOException {
        Dataset d = Dataset.builder("t")
                .numeric("n", 1, 2.5, Double.NaN)
                .text("s", "plain", "a,b \"c\"", " padded")
                .bool("b", true, null, false)
                .dateTime("d", LocalDateTime.of(2024, 1, 2, 0, 0), LocalDateTime.of(2024, 1, 2, 3, 4, 5), null)
                .build();
        Path p = dir.resolve("out.csv");
        CsvWriter.write(d, p);
        assertThat(Files.readString(p, StandardCharsets.UTF_8)).isEqualTo(
                "n,s,b,d\r\n"
                        + "1,plain,true,2024-01-02\r\n"
                        + "2.5,\"a,b \"\"c\"\"\",,2024-01-02 03:04:05\r\n"
                        + ",\" padded\",false,\r\n");
    }

    @Test
    void writtenFileReadsBackWithTheSameTypes() {
        Dataset d = Dataset.builder("t")
                .numeric("n", 1, 2.5, Double.NaN)
                .categorical("code", "007", "012", "007")
                .bool("b", true, null, false)
                .dateTime("d", LocalDateTime.of(2024, 1, 2, 0, 0), null, LocalDateTime.of(2024, 12, 31, 0, 0))
                .build();
        Path p = dir.resolve("back.csv");
        CsvWriter.write(d, p);
        Dataset back = CsvImporter.read(p).dataset();
        assertThat(back.schema().columns()).extracting(c -> c.type())
                .containsExactly(ColumnType.NUMERIC, ColumnType.TEXT, ColumnType.BOOLEAN, ColumnType.DATETIME);
        for (int r = 0; r < d.rowCount(); r++) {
            for (int c = 0; c < d.columnCount(); c++) {
                assertThat(back.text(r, c)).isEqualTo(d.text(r, c));
            }
        }
    }

    @Test
    void singleColumnMissingValuesSurviveAsQuotedEmptyFields() {
        Dataset d = Dataset.builder("t").text("s", "a", null, "b").build();
        Path p = dir.resolve("one.csv");
        CsvWriter.write(d, p);
        Dataset back = CsvImporter.read(p, CsvOptions.defaults().withHeader(HeaderMode.PRESENT)
                .withTypeOverrides(Map.of("s", ColumnType.TEXT)), TestJobContexts.recording()).dataset();
        assertThat(back.rowCount()).isEqualTo(3);
        assertThat(back.isMissing(1, 0)).isTrue();
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path p = dir.resolve("out.csv");
        Files.writeString(p, "old content that is longer than the new one\n");
        CsvWriter.write(Dataset.builder("t").numeric("x", 1).build(), p);
        assertThat(Files.readString(p)).isEqualTo("x\r\n1\r\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(p);
        }
    }

    @Test
    void cancellationLeavesThePreviousFileUntouched() throws IOException {
        Path p = dir.resolve("keep.csv");
        Files.writeString(p, "previous\n");
        double[] many = new double[20_000];
        Dataset d = Dataset.builder("t").numeric("x", many).build();
        assertThatThrownBy(() -> CsvWriter.write(d, p, TestJobContexts.cancelAfterProgressCalls(2)))
                .isInstanceOf(CancellationException.class);
        assertThat(Files.readString(p)).isEqualTo("previous\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(p);
        }
    }

    @Test
    void unwritableTargetIsAWriteFailure() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Path p = blocker.resolve("inside.csv");
        assertThatThrownBy(() -> CsvWriter.write(Dataset.builder("t").numeric("x", 1).build(), p))
                .isInstanceOfSatisfying(DataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_WRITE_FAILED));
    }
}
