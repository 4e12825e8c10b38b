package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Garbage that slipped past the first checks once: random bytes without NUL, control characters in headers.
class CsvImporterBadInputTest {
    @TempDir
    Path dir;

    @Test
    void randomBytesWithoutNulAreReportedAsBinary() throws IOException {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        byte[] bytes = new byte[4000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (1 + rng.nextInt(255));   // never 0
        }
        Path file = Files.write(dir.resolve("noise.csv"), bytes);
        assertThatThrownBy(() -> CsvImporter.read(file))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_BINARY));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void controlCharactersInHeaderNamesAreDropped() throws IOException {
        Path file = Files.writeString(dir.resolve("ctl.csv"), "a\u0007b, c \u000B\nx,1\ny,2\n", StandardCharsets.UTF_8);
        ImportResult r = CsvImporter.read(file);
        assertThat(r.dataset().schema().names()).containsExactly("ab", "c");
    }

    @Test
    void aFewTabsAndFormFeedsInRealTextAreStillText() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.csv"), "name,note\nann,\"line\fone\"\nbob,two\n", StandardCharsets.UTF_8);
        assertThat(CsvImporter.read(file).dataset().rowCount()).isEqualTo(2);
    }
}
