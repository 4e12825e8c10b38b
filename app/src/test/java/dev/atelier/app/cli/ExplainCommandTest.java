package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAdditiveShapRowsForTheLoanModel() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Path model = dir.resolve("model");
        CliRun trained = CliRun.of("train", "--algorithm", "xgboost", "--train", csv.toString(), "--target",
                "approved", "--out", model.toString(), "--hp", "num_round=20");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        for (String[] variant : List.of(new String[] {"tree", "logit"}, new String[] {"kernel", "probability"})) {
            Path out = dir.resolve("shap-" + variant[0] + ".csv");
            CliRun run = CliRun.of("explain", "--model", model.toString(), "--data", csv.toString(), "--rows", "5",
                    "--method", variant[0], "--scale", variant[1], "--samples", "256", "--out", out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(6);
            List<String> header = Arrays.asList(lines.getFirst().split(","));
            assertThat(header.getFirst()).isEqualTo("base_value");
            assertThat(header.getLast()).isEqualTo("prediction");
            assertThat(header).contains("gender", "credit_score").doesNotContain("approved");
            for (String line : lines.subList(1, lines.size())) {
                double[] v = Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
                double sum = 0;
                for (int j = 0; j < v.length - 1; j++) {
                    sum += v[j];
                }
                assertThat(sum).as(variant[0]).isCloseTo(v[v.length - 1], within(1e-3));
            }
        }
        CliRun bad = CliRun.of("explain", "--model", model.toString(), "--data", csv.toString(), "--class", "maybe",
                "--out", dir.resolve("x.csv").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("maybe", "yes");
    }
}
