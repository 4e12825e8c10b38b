package dev.atelier.engine.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("natives")
class NativeCacheTest {
    private static final List<NativeCache.Entry> QUADMATH = List.of(
            new NativeCache.Entry("org/bytedeco/openblas/linux-x86_64/libquadmath.so.0", "libquadmath.so.0"));

    @TempDir
    Path root;

    @Test
    void writesOnceThenReusesTheFolder() throws IOException {
        NativeCache.Prepared first = NativeCache.prepare(root, "q-1", QUADMATH, _ -> {});
        NativeCache.Prepared second = NativeCache.prepare(root, "q-1", QUADMATH, _ -> {});

        assertThat(first.extracted()).isTrue();
        assertThat(second.extracted()).isFalse();
        assertThat(second.folder()).isEqualTo(root.resolve("q-1"));
        assertThat(Files.size(root.resolve("q-1/libquadmath.so.0"))).isGreaterThan(100_000);
        try (var left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("q-1"); // no staging folder left
        }
    }

    @Test
    void aDamagedFolderIsWrittenAgain() throws IOException {
        NativeCache.prepare(root, "q-1", QUADMATH, _ -> {});
        Files.write(root.resolve("q-1/libquadmath.so.0"), new byte[10]); // e.g. a disk that filled up

        assertThat(NativeCache.isComplete(root.resolve("q-1"))).isFalse();
        assertThat(NativeCache.prepare(root, "q-1", QUADMATH, _ -> {}).extracted()).isTrue();
        assertThat(NativeCache.isComplete(root.resolve("q-1"))).isTrue();
    }

    @Test
    void aMissingJarIsReportedAndLeavesNothingBehind() throws IOException {
        var missing = List.of(new NativeCache.Entry("no/such/libnothing.so", "libnothing.so"));
        assertThatThrownBy(() -> NativeCache.prepare(root, "n-1", missing, _ -> {}))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("a jar of the installation is missing");
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }
}
