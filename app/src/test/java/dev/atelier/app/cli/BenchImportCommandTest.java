package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesAFileOfTheAskedSizeAndReportsEveryFigure() throws IOException {
        Path csv = dir.resolve("bench.csv");
        CliRun run = CliRun.of("bench", "import", "--size-mb", "1", "--file", csv.toString(), "--keep");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Generated", "Preview of the first 100 rows", "Memory guard",
                "Full import", "MB/s", "peak heap", "Insights with target on 30,000 x 15");
        assertThat(Files.size(csv)).isBetween(1L << 20, (1L << 20) + 200);
        assertThat(Files.readAllLines(csv).getFirst()).isEqualTo(
                "id,amount,score,ratio,temperature,visits,items,region,plan,day,active,code");
    }
}
