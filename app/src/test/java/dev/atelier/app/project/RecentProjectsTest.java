package dev.atelier.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheNewestFirstWithoutDuplicatesAndSurvivesARestart() throws Exception {
        Path file = dir.resolve("recent.json");
        RecentProjects recent = new RecentProjects(file);
        Path a = Files.createFile(dir.resolve("a.atelier"));
        Path b = Files.createFile(dir.resolve("b \"quoted\" \\ name.atelier"));
        recent.add(a);
        recent.add(b);
        recent.add(a);

        assertThat(recent.items()).containsExactly(a, b);
        assertThat(new RecentProjects(file).items()).containsExactly(a, b);
        assertThat(recent.mostRecentExisting()).contains(a);

        Files.delete(a);
        assertThat(new RecentProjects(file).mostRecentExisting()).contains(b);
    }

    @Test
    void keepsAtMostEight() {
        RecentProjects recent = new RecentProjects(dir.resolve("recent.json"));
        for (int i = 0; i < 12; i++) {
            recent.add(dir.resolve("p" + i + ".atelier"));
        }
        assertThat(recent.items()).hasSize(RecentProjects.MAX).first().isEqualTo(dir.resolve("p11.atelier"));
    }

    @Test
    void aDamagedFileMeansAnEmptyList() throws Exception {
        Path file = dir.resolve("recent.json");
        Files.writeString(file, "{ not what we wrote");
        assertThat(new RecentProjects(file).items()).isEmpty();
    }

    @Test
    void parsesEscapes() {
        assertThat(RecentProjects.parse("[\"a\\\\b\", \"c\\\"d\", \"\\u00e9\"]")).isEqualTo(List.of("a\\b", "c\"d", "é"));
        assertThat(RecentProjects.parse(" [ ] ")).isEmpty();
    }
}
