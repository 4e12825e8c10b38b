package dev.atelier.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/// Golden-file assertions: compares text with a file under `src/test/resources/golden/`.
///
/// Run the tests with `-Dgolden.update=true` to (re)write the golden files from the actual values instead of
/// comparing; review the diff before committing. Line endings in the golden file are normalized to `\n` before
/// comparing, so a checkout with CRLF conversion still passes.
public final class GoldenFiles {
    /// The system property that switches to update mode.
    public static final String UPDATE_PROPERTY = "golden.update";

    private GoldenFiles() {
    }

    /// Asserts that `actual` equals the golden file at `relativePath` (below `src/test/resources/golden/`),
    /// or rewrites that file in update mode.
    public static void assertMatches(String relativePath, String actual) {
        Path file = path(relativePath);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, actual);
            return;
        }
        if (!Files.isRegularFile(file)) {
            fail("golden file " + file + " is missing; run the tests with -D" + UPDATE_PROPERTY
                    + "=true to create it");
        }
        assertEquals(read(relativePath), actual,
                () -> "differs from golden file " + file + " (run with -D" + UPDATE_PROPERTY
                        + "=true to accept the new output)");
    }

    /// The golden file's text with `\n` line endings.
    public static String read(String relativePath) {
        try {
            return Files.readString(path(relativePath), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Where the golden file at `relativePath` lives in the source tree.
    public static Path path(String relativePath) {
        String basedir = System.getProperty("basedir", "");
        return Path.of(basedir).toAbsolutePath().resolve("src/test/resources/golden").resolve(relativePath);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
