package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.persist.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomlCommandTest {
    @TempDir
    Path dir;

    /// A small churn table: churn is "yes" mostly when usage is low and the plan is basic.
    private Path churn(String name, int rows, long seed) throws IOException {
        var random = new Random(seed);
        var csv = new StringBuilder("usage,plan,tenure,churn\n");
        for (int i = 0; i < rows; i++) {
            double usage = random.nextGaussian() * 10 + 50;
            String plan = random.nextBoolean() ? "basic" : "premium";
            int tenure = random.nextInt(60);
            double logit = -(usage - 50) / 5 + (plan.equals("basic") ? 1 : -1) - (tenure - 30) / 20.0;
            String y = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "yes" : "no";
            csv.append(String.format(Locale.ROOT, "%.2f", usage)).append(',').append(plan).append(',')
                    .append(tenure).append(',').append(y).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesLeaderboardModelAndMetricsThatPredictReads() throws IOException {
        Path train = churn("train.csv", 300, 1);
        Path test = churn("test.csv", 150, 2);
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("automl", "--train", train.toString(), "--test", test.toString(), "--target", "churn",
                "--max-candidates", "3", "--deterministic", "--algorithm", "linear-learner", "--algorithm", "xgboost",
                "--mode", "ensemble", "--seed", "3", "--preset", "quick", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("binary classification").contains("#0");

        Map<String, Object> board = Json.MAPPER.readValue(Files.readString(out.resolve("leaderboard.json")), Map.class);
        assertThat(board.get("objective")).isEqualTo("f1");
        var rows = (List<Map<String, Object>>) board.get("rows");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rows.getFirst()).containsKeys("candidate", "algorithm", "hyperparameters", "score", "metrics",
                "fit_seconds", "latency_ms_per_row", "status");
        assertThat(rows.getFirst().get("rank")).isEqualTo(1);

        Map<String, Object> metrics = Json.MAPPER.readValue(Files.readString(out.resolve("metrics.json")), Map.class);
        assertThat(metrics).containsKeys("task", "objective", "best_candidate", "validation_score", "wall_seconds",
                "candidates", "test");
        assertThat(metrics.get("task")).isEqualTo("binary");
        var testMetrics = (Map<String, Object>) metrics.get("test");
        assertThat(testMetrics).containsKeys("auc", "accuracy", "f1", "logloss");
        assertThat((Double) testMetrics.get("auc")).isGreaterThan(0.7);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getLast()).startsWith("Test: auc ");

        Path preds = dir.resolve("preds.csv");
        CliRun predicted = CliRun.of("predict", "--model", out.resolve("model").toString(), "--data", test.toString(),
                "--out", preds.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(Files.readAllLines(preds).getFirst()).isEqualTo("predicted_label,probability_no,probability_yes");
        assertThat(Files.readAllLines(preds)).hasSize(151);
    }

    @Test
    void regressionWithoutTestReportsValidation() throws IOException {
        var random = new Random(5);
        var csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 200; i++) {
            double a = random.nextGaussian();
            double b = random.nextDouble();
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b, 3 * a - 2 * b + random.nextGaussian() * 0.1));
        }
        Path train = dir.resolve("reg.csv");
        Files.writeString(train, csv);
        Path out = dir.resolve("reg");
        CliRun run = CliRun.of("automl", "--train", train.toString(), "--target", "y", "--max-candidates", "2",
                "--algorithm", "linear-learner", "--algorithm", "xgboost", "--mode", "hpo", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList().getLast()).startsWith("Validation: rmse ");
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"task\": \"regression\"")
                .contains("\"objective\": \"mse\"");
    }

    @Test
    void badInputGivesPlainMessagesAndExitCodes() throws IOException {
        Path train = churn("t.csv", 50, 1);
        CliRun wrongMetric = CliRun.of("automl", "--train", train.toString(), "--target", "churn", "--task",
                "regression", "--metric", "f1", "--out", dir.resolve("x").toString());
        assertThat(wrongMetric.exitCode()).isEqualTo(1);
        assertThat(wrongMetric.err()).contains("f1").doesNotContain("Exception");
        CliRun badMode = CliRun.of("automl", "--train", train.toString(), "--target", "churn", "--mode", "fast",
                "--out", dir.resolve("y").toString());
        assertThat(badMode.exitCode()).isEqualTo(2);
        CliRun noColumn = CliRun.of("automl", "--train", train.toString(), "--target", "nope", "--max-candidates",
                "1", "--out", dir.resolve("z").toString());
        assertThat(noColumn.exitCode()).isEqualTo(1);
        assertThat(noColumn.err()).contains("nope");
    }
}
