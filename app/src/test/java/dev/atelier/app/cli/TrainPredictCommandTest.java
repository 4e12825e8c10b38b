package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.persist.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainPredictCommandTest {
    @TempDir
    Path dir;

    /// A small churn table: churn is "yes" mostly when usage is low and the plan is basic.
    private Path churn(String name, int rows, long seed) throws IOException {
        var random = new Random(seed);
        var csv = new StringBuilder("customer,usage,plan,tenure,churn\n");
        for (int i = 0; i < rows; i++) {
            double usage = random.nextGaussian() * 10 + 50;
            String plan = random.nextBoolean() ? "basic" : "premium";
            int tenure = random.nextInt(60);
            double logit = -(usage - 50) / 5 + (plan.equals("basic") ? 1 : -1) - (tenure - 30) / 20.0;
            String y = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "yes" : "no";
            csv.append("c").append(i).append(',').append(i % 17 == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", usage))
                    .append(',').append(plan).append(',').append(tenure).append(',').append(y).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void algorithmsJsonListsKeysHyperparametersAndTrainable() {
        CliRun run = CliRun.of("algorithms", "--json");
        assertThat(run.exitCode()).isZero();
        List<Map<String, Object>> list = Json.MAPPER.readValue(run.out(), List.class);
        Map<String, Object> xgb = list.stream().filter(m -> m.get("key").equals("xgboost")).findFirst().orElseThrow();
        assertThat(xgb).containsKeys("key", "name", "problem_types", "hyperparameters", "trainable");
        assertThat(xgb.get("trainable")).isEqualTo(true);
        assertThat((List<String>) xgb.get("problem_types")).contains("binary", "multiclass", "regression");
        Map<String, Object> hp = ((List<Map<String, Object>>) xgb.get("hyperparameters")).getFirst();
        assertThat(hp).containsKeys("name", "default", "range", "description");
        assertThat(list.stream().filter(m -> m.get("key").equals("object2vec")).findFirst().orElseThrow()
                .get("trainable"))
                .isEqualTo(false);
        assertThat(CliRun.of("algorithms").out()).contains("linear-learner", "not yet");
    }

    @Test
    void trainThenPredictRoundTripsEveryTrainableAlgorithm() throws IOException {
        Path train = churn("train.csv", 300, 1);
        Path test = churn("test.csv", 50, 2);
        for (String algorithm : List.of("xgboost", "linear-learner", "random-forest", "extra-trees", "knn",
                "factorization-machines", "mlp")) {
            Path model = dir.resolve("model-" + algorithm);
            String[] hp = switch (algorithm) {
                case "xgboost" -> new String[] {"--hp", "num_round=30"};
                case "random-forest", "extra-trees" -> new String[] {"--hp", "n_estimators=30"};
                case "knn" -> new String[] {"--hp", "k=5"};
                case "factorization-machines" -> new String[] {"--hp", "num_factors=4", "--hp", "epochs=5"};
                case "mlp" -> new String[] {"--hp", "num_epochs=5", "--hp", "num_layers=1", "--hp", "hidden_size=16"};
                default -> new String[] {"--hp", "num_models=4"};
            };
            String[] args = concat(new String[] {"train", "--algorithm", algorithm, "--train", train.toString(),
                    "--target", "churn", "--out", model.toString()}, hp);
            CliRun trained = CliRun.of(args);
            assertThat(trained.exitCode()).as(trained.err()).isZero();
            assertThat(trained.out()).contains("accuracy", "validation rows");
            assertThat(model.resolve("manifest.json")).exists();
            assertThat(model.resolve("model-card.md")).exists();

            Path preds = dir.resolve("preds-" + algorithm + ".csv");
            CliRun predicted = CliRun.of("predict", "--model", model.toString(), "--data", test.toString(), "--out",
                    preds.toString());
            assertThat(predicted.exitCode()).as(predicted.err()).isZero();
            List<String> lines = Files.readAllLines(preds);
            assertThat(lines.getFirst()).isEqualTo("predicted_label,probability_no,probability_yes");
            assertThat(lines).hasSize(51);
            assertThat(lines.get(1)).matches("(yes|no),[0-9.E-]+,[0-9.E-]+");
        }
    }

    @Test
    void regressionWritesAPredictionColumn() throws IOException {
        var csv = new StringBuilder("a,b,y\n");
        var random = new Random(3);
        for (int i = 0; i < 200; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            csv.append(a).append(',').append(b).append(',').append(2 * a - b + random.nextGaussian() * 0.1).append('\n');
        }
        Path data = dir.resolve("reg.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("reg-model");
        CliRun trained = CliRun.of("train", "--algorithm", "linear-learner", "--train", data.toString(), "--target",
                "y", "--out", model.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("regression", "R²");
        Path preds = dir.resolve("reg-preds.csv");
        assertThat(CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                preds.toString()).exitCode()).isZero();
        List<String> lines = Files.readAllLines(preds);
        assertThat(lines.getFirst()).isEqualTo("prediction");
        assertThat(lines).hasSize(201);
    }

    @Test
    void failuresAreOnePlainLineAndExitOneAndWriteNothing() throws IOException {
        Path train = churn("train.csv", 60, 1);
        Path out = dir.resolve("never");
        Map<String, String[]> cases = Map.of(
                "no algorithm called", new String[] {"--algorithm", "nope"},
                "cannot be trained", new String[] {"--algorithm", "seq2seq"},
                "not allowed", new String[] {"--algorithm", "xgboost", "--hp", "num_round=5", "--hp", "eta=7"},
                "no column called", new String[] {"--algorithm", "xgboost", "--hp", "num_round=5", "--target", "nope"});
        for (var c : cases.entrySet()) {
            var args = new java.util.ArrayList<>(List.of("train", "--train", train.toString(), "--out", out.toString()));
            args.addAll(List.of(c.getValue()));
            if (!args.contains("--target")) {
                args.addAll(List.of("--target", "churn"));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(c.getKey()).isEqualTo(1);
            assertThat(run.err().strip()).doesNotContain("\n").contains(c.getKey()).doesNotContain("Exception");
            assertThat(out).doesNotExist();
        }
        Path single = dir.resolve("single.csv");
        Files.writeString(single, "x,y\n1,a\n2,a\n3,a\n");
        CliRun run = CliRun.of("train", "--algorithm", "xgboost", "--train", single.toString(), "--target", "y",
                "--problem-type", "binary", "--hp", "num_round=5", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("only ever holds \"a\"");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "x,y\n");
        assertThat(CliRun.of("train", "--algorithm", "xgboost", "--train", empty.toString(), "--target", "y",
                "--hp", "num_round=5", "--out", out.toString()).exitCode()).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(CliRun.of("train", "--algorithm", "xgboost").exitCode()).isEqualTo(2);
    }

    @Test
    void predictNamesAMissingColumnAndWritesNothing() throws IOException {
        Path train = churn("train.csv", 100, 1);
        Path model = dir.resolve("m");
        assertThat(CliRun.of("train", "--algorithm", "random-forest", "--train", train.toString(), "--target", "churn",
                "--hp", "n_estimators=5", "--out", model.toString()).exitCode()).isZero();
        Path lacking = dir.resolve("lacking.csv");
        Files.writeString(lacking, "customer,usage,tenure\nc1,50,3\n");
        Path preds = dir.resolve("p.csv");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", lacking.toString(), "--out",
                preds.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("needs the column \"plan\"");
        assertThat(preds).doesNotExist();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void benchHoldoutScoresEveryAlgorithmOnHeldBackRows() throws IOException {
        Path table = churn("table.csv", 400, 3);
        CliRun run = CliRun.of("bench", "holdout", "--data", table.toString(), "--target", "churn",
                "--algorithm", "linear-learner", "--algorithm", "xgboost");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("binary classification", "trained on 320 rows, scored on 80 held back",
                "ACCURACY", "AUC");
        String xgb = run.out().lines().filter(l -> l.startsWith("xgboost")).findFirst().orElseThrow();
        double accuracy = Double.parseDouble(xgb.trim().split("\\s+")[2]);
        assertThat(accuracy).isBetween(0.6, 1.0);
        assertThat(run.out()).contains("linear-learner").doesNotContain("random-forest", "failed");
    }

    @Test
    void benchHoldoutRejectsABadFraction() throws IOException {
        Path table = churn("table.csv", 50, 3);
        CliRun run = CliRun.of("bench", "holdout", "--data", table.toString(), "--target", "churn",
                "--test-fraction", "1.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--test-fraction");
    }

    @Test
    void benchLearnersTimesEachChosenAlgorithmAfterAWarmUp() {
        CliRun run = CliRun.of("bench", "learners", "--rows", "600", "--cols", "6", "--algorithm", "xgboost",
                "--algorithm", "linear-learner");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("600 x 6", "after a warm-up fit");
        List<String> rows = run.out().lines().filter(l -> l.startsWith("xgboost") || l.startsWith("linear-learner"))
                .toList();
        assertThat(rows).hasSize(2).allSatisfy(l -> {
            String[] cells = l.trim().split("\\s+");
            assertThat(Double.parseDouble(cells[1])).isPositive();
            assertThat(Double.parseDouble(cells[2])).isBetween(0.6, 1.0);
        });
        assertThat(CliRun.of("bench", "learners", "--rows", "600", "--cols", "6", "--algorithm", "xgboost",
                "--no-warmup").out()).contains("cold (first fit in this process)");
    }
}
