package dev.atelier.engine.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ModelManifest;
import dev.atelier.engine.testkit.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The bundle's manifest and preprocessing of a tiny deterministic model match golden files; version checks.
class ModelBundleGoldenTest {
    @TempDir
    Path dir;

    private Path writeTinyBundle() {
        Dataset data = SyntheticData.logistic(40, 1, true);
        LearnerSpec spec = LearnerSpec.of(Learners.builtIn().catalog(), "random-forest",
                ProblemType.BINARY_CLASSIFICATION, "churn", Map.of("n_estimators", "3", "max_depth", "2"), 5);
        Model model = Learners.builtIn().require("random-forest").fit(TrainingData.of(data), spec,
                JobContext.silent(), TrainingListener.NONE);
        ModelManifest.Provenance provenance = new ModelManifest.Provenance("tiny.csv", "0".repeat(64), null,
                data.rowCount(), data.columnCount(), "JAVA", "OS", "ARCH");
        ModelManifest manifest = ModelBundle.manifest(model, data.schema(), data.rowCount(),
                Learners.builtIn().catalog(), Instant.parse("2026-01-01T00:00:00Z"), provenance);
        Path bundle = dir.resolve("tiny");
        ModelBundle.write(bundle, model, manifest, Map.of("accuracy", 0.75));
        return bundle;
    }

    @Test
    void manifestAndPreprocessingMatchGoldenFiles() throws IOException {
        Path bundle = writeTinyBundle();
        String manifest = Files.readString(bundle.resolve("manifest.json"))
                .replaceAll("\"engineVersion\": \"[^\"]*\"", "\"engineVersion\": \"VERSION\"");
        GoldenFiles.assertMatches("learn/tiny-forest-manifest.json", manifest);
        GoldenFiles.assertMatches("learn/tiny-forest-preprocessing.json",
                rounded(Files.readString(bundle.resolve("preprocessing.json"))));
        assertThat(Files.readString(bundle.resolve("model-card.md"))).contains("Which of 2 labels", "accuracy: 0.7500");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("tiny");
        }
    }

    /// Rounds every decimal number to 10 significant digits (STYLE §11.3: maths may differ across platforms).
    private static String rounded(String json) {
        return java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(json).replaceAll(m ->
                new java.math.BigDecimal(m.group()).round(new java.math.MathContext(10)).toString());
    }

    @Test
    void newerFormatIsRefusedAndDamagedBundleIsCorrupt() throws IOException {
        Path bundle = writeTinyBundle();
        Path manifest = bundle.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\"formatVersion\": 1", "\"formatVersion\": 3"));
        assertThatThrownBy(() -> ModelBundle.read(bundle, Learners.builtIn()))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.MODEL_FORMAT_UNSUPPORTED));
        Files.writeString(manifest, text);
        Files.writeString(bundle.resolve("forest.json"), "{\"kind\": ");
        assertThatThrownBy(() -> ModelBundle.read(bundle, Learners.builtIn()))
                .isInstanceOf(AtelierException.class)
                .satisfies(e -> assertThat(((AtelierException) e).code()).isEqualTo(ErrorCode.MODEL_CORRUPT));
    }
}
