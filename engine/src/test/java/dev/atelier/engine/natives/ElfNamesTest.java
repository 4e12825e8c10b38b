package dev.atelier.engine.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("natives")
class ElfNamesTest {
    @TempDir
    Path dir;

    private Path copyOfArpack() throws IOException {
        Path file = dir.resolve("libarpack.so");
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("org/bytedeco/arpackng/linux-x86_64/libarpack.so.2")) {
            assertThat(in).as("arpack-ng linux-x86_64 jar on the test class path").isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void renamesTheSonameInPlaceWithoutMovingAnyByte() throws IOException {
        Path file = copyOfArpack();
        long size = Files.size(file);
        assertThat(ElfNames.soname(file)).isEqualTo("libarpack.so.2");

        assertThat(ElfNames.rename(file, ElfNames.DT_SONAME, "libarpack.so.2", "libarpack.so")).isTrue();
        assertThat(ElfNames.rename(file, ElfNames.DT_NEEDED, "libopenblas.so.0", "libopenblas.so")).isTrue();

        assertThat(ElfNames.soname(file)).isEqualTo("libarpack.so");
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void renamingTwiceIsHarmless() throws IOException {
        Path file = copyOfArpack();
        ElfNames.rename(file, ElfNames.DT_SONAME, "libarpack.so.2", "libarpack.so");
        assertThat(ElfNames.rename(file, ElfNames.DT_SONAME, "libarpack.so.2", "libarpack.so")).isFalse();
    }

    @Test
    void refusesWhatItCannotDoSafely() throws IOException {
        Path file = copyOfArpack();
        assertThatThrownBy(() -> ElfNames.rename(file, ElfNames.DT_SONAME, "libarpack.so.2", "libarpack-longer.so.2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElfNames.rename(file, ElfNames.DT_SONAME, "libother.so.1", "libother.so"))
                .isInstanceOf(IOException.class);
        Path text = Files.writeString(dir.resolve("notes.txt"), "x".repeat(100));
        assertThatThrownBy(() -> ElfNames.rename(text, ElfNames.DT_SONAME, "a.so.1", "a.so"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a 64-bit little-endian ELF");
    }
}
