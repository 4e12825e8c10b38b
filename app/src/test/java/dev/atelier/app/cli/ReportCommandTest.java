package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.testkit.GoldenFiles;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `atelier report`: the bias and explainability page of an XGBoost model on the loan sample.
class ReportCommandTest {
    @TempDir
    Path dir;

    @AfterEach
    void clock() {
        ReportCommand.clock = Instant::now;
    }

    @Test
    void writesASelfContainedPageThatFlagsTheLoanSamplesGenderGapAndMatchesTheGoldenFile() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Path model = dir.resolve("loan-model");
        CliRun trained = CliRun.of("train", "--algorithm", "xgboost", "--train", csv.toString(), "--target",
                "approved", "--out", model.toString(), "--hp", "num_round=20");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        ReportCommand.clock = () -> Instant.parse("2026-01-02T03:04:05Z");
        Path out = dir.resolve("report.html");
        CliRun run = CliRun.of("report", "--model", model.toString(), "--data", csv.toString(), "--facet",
                "gender=female", "--group", "purpose", "--explain-rows", "12", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("gender = female: 921 rows", "DPL", "outside the tolerance 0.1", "Wrote");

        String html = Files.readString(out, StandardCharsets.UTF_8);
        // self-contained: no scripts, no links to anything outside the page
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "http://", "https://", "src=");
        // women 504 / 921 approved, everyone else 740 / 1,079: DPL 0.1386, outside the tolerance 0.1
        assertThat(html).contains("<tr class=\"outside\"><td><b>DPL</b>", "0.1386", "54.7 %", "68.6 %",
                "13.9 points less often", "DI is a ratio around 1", "Mean |SHAP|", "<svg class=\"rates\"");
        assertThat(html).contains("<b>DPPL</b>", "<b>FT</b>", "<b>GE</b>", "credit_score");
        GoldenFiles.assertMatches("cli/report-loan.html", html);
    }

    @Test
    void aNonBinaryModelWithoutPositiveIsAPlainError() throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.HOUSE_PRICES, dir);
        Path model = dir.resolve("house-model");
        CliRun trained = CliRun.of("train", "--algorithm", "xgboost", "--train", csv.toString(), "--target",
                "price", "--out", model.toString(), "--hp", "num_round=5");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        CliRun run = CliRun.of("report", "--model", model.toString(), "--data", csv.toString(), "--facet",
                "bedrooms>3", "--out", dir.resolve("r.html").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--positive").doesNotContain("Exception");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }
}
