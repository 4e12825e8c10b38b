package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.persist.Json;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiasCommandTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void findsTheLoanSamplesGenderGapInTheDataAndInAModel() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Path out = dir.resolve("bias.json");
        CliRun pre = CliRun.of("bias", "--data", csv.toString(), "--label", "approved", "--positive", "yes",
                "--facet", "gender=female", "--out", out.toString());
        assertThat(pre.exitCode()).as(pre.err()).isZero();
        Map<String, Object> json = Json.MAPPER.readValue(out.toFile(), Map.class);
        assertThat(json).containsOnlyKeys("CI", "DPL", "KL", "JS", "LP", "TVD", "KS", "CDDL");
        // women 504 / 921 approved; everyone else 740 / 1,079
        assertThat(((Number) json.get("DPL")).doubleValue()).isCloseTo(740.0 / 1079 - 504.0 / 921, within(1e-9));
        assertThat(pre.out()).contains("DPL", "Difference in proportions of labels", "921 rows");

        Path model = dir.resolve("model");
        CliRun trained = CliRun.of("train", "--algorithm", "xgboost", "--train", csv.toString(), "--target",
                "approved", "--out", model.toString(), "--hp", "num_round=20");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        CliRun post = CliRun.of("bias", "--data", csv.toString(), "--label", "approved", "--positive", "yes",
                "--facet", "gender=female", "--group", "purpose", "--model", model.toString(), "--out", out.toString());
        assertThat(post.exitCode()).as(post.err()).isZero();
        json = Json.MAPPER.readValue(out.toFile(), Map.class);
        assertThat(json).containsKeys("CI", "DPL", "KL", "JS", "LP", "TVD", "KS", "CDDL", "DPPL", "DI", "DCA",
                "DCR", "SD", "RD", "DAR", "DRR", "AD", "TE", "CDDPL", "FT", "GE").hasSize(21);
        assertThat(((Number) json.get("DI")).doubleValue()).isLessThan(1);
        assertThat(((Number) json.get("CDDL")).doubleValue()).isPositive();
    }

    @Test
    void aBadFacetIsAPlainError() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        CliRun run = CliRun.of("bias", "--data", csv.toString(), "--label", "approved", "--positive", "yes",
                "--facet", "gender", "--out", dir.resolve("b.json").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("facet", "gender=female").doesNotContain("Exception");
        CliRun missing = CliRun.of("bias", "--data", csv.toString(), "--label", "approved", "--positive", "yes",
                "--facet", "sex=female", "--out", dir.resolve("b.json").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no column called \"sex\"");
    }
}
