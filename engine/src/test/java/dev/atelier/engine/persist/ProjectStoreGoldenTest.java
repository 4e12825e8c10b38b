package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.testkit.GoldenFiles;
import dev.atelier.engine.testkit.TestProjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreGoldenTest {
    private static final String GOLDEN = "project/v1-example.atelier";
    private final ProjectStore store = new ProjectStore();

    @Test
    void writingTheExampleProjectGivesTheGoldenFileByteForByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("example.atelier");
        store.write(TestProjects.example(), file);

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);     // valid UTF-8
        assertThat(text).doesNotContain("\r").endsWith("}\n");
        GoldenFiles.assertMatches(GOLDEN, text);
    }

    @Test
    void readingTheGoldenFileGivesTheExampleProject() {
        assertThat(store.read(GoldenFiles.path(GOLDEN))).isEqualTo(TestProjects.example());
    }

    @Test
    void writingIsDeterministic(@TempDir Path dir) throws IOException {
        store.write(TestProjects.example(), dir.resolve("a.atelier"));
        store.write(store.read(dir.resolve("a.atelier")), dir.resolve("b.atelier"));
        assertThat(Files.readAllBytes(dir.resolve("b.atelier"))).isEqualTo(Files.readAllBytes(dir.resolve("a.atelier")));
    }
}
