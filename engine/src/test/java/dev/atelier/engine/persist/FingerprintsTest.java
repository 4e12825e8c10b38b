package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintsTest {
    @TempDir
    Path dir;

    @Test
    void knownDigests() throws IOException {
        assertThat(Fingerprints.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Fingerprints.sha256(Files.write(dir.resolve("t"), "test".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void streamingAFileGivesTheDigestOfItsBytes() throws IOException {
        byte[] bytes = new byte[1_000_003];
        new Random(7).nextBytes(bytes);
        assertThat(Fingerprints.sha256(Files.write(dir.resolve("big"), bytes))).isEqualTo(Fingerprints.sha256(bytes));
    }

    @Test
    void missingFilesAndFoldersAreReported() {
        var missing = catchThrowableOfType(ProjectException.class, () -> Fingerprints.sha256(dir.resolve("none")));
        assertThat(missing.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
        var folder = catchThrowableOfType(ProjectException.class, () -> Fingerprints.sha256(dir));
        assertThat(folder.code()).isEqualTo(ErrorCode.FILE_IS_DIRECTORY);
    }
}
