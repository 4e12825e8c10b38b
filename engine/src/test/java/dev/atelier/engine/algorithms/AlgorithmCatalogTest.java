package dev.atelier.engine.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlgorithmCatalogTest {
    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtIn();

    static Stream<AlgorithmDescriptor> descriptors() {
        return CATALOG.all().stream();
    }

    static Stream<ParamSpec> specs() {
        return CATALOG.all().stream().flatMap(d -> d.hyperparameters().stream());
    }

    @Test
    void theTwentyExpectedAlgorithmsArePresent() {
        assertThat(CATALOG.all()).extracting(AlgorithmDescriptor::key).containsExactlyInAnyOrder(
                "linear-learner", "xgboost", "knn", "factorization-machines", "kmeans", "pca", "random-cut-forest",
                "ip-insights", "lda", "ntm", "deepar", "blazingtext", "object2vec", "seq2seq",
                "image-classification", "object-detection", "semantic-segmentation", "mlp", "random-forest",
                "extra-trees", "weighted-ensemble");   // + Autopilot's ensemble (ADR 0008)
    }

    @Test
    void keysAreUniqueAndKebabCase() {
        List<String> keys = CATALOG.all().stream().map(AlgorithmDescriptor::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void everyDescriptorIsDescribedForPeopleAndNotYetTrainable(AlgorithmDescriptor d) {
        assertThat(d.displayName()).isNotBlank();
        assertThat(d.category()).isIn("Supervised learning", "Unsupervised learning", "Time series", "Text",
                "Computer vision");
        assertThat(d.summary()).isNotBlank().doesNotContain("\n").doesNotContainIgnoringCase("todo").endsWith(".");
        assertThat(d.problemTypes()).isNotEmpty();
        assertThat(d.hyperparameters()).isNotEmpty();
        assertThat(d.trainable()).as("no learner is registered yet").isFalse();
        assertThat(d.hyperparameters()).extracting(ParamSpec::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyHyperparameterHasAPlainOneLineDescription(ParamSpec spec) {
        assertThat(spec.description()).as(spec.name())
                .isNotBlank().doesNotContain("\n").doesNotContainIgnoringCase("todo").endsWith(".");
        assertThat(spec.name()).matches("[a-z][a-z0-9_]*");
        assertThat(spec.range()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyDefaultParsesWithinItsOwnRangeAndRoundTrips(ParamSpec spec) {
        if (spec.requirement() != Requirement.OPTIONAL) {
            assertThat(spec.defaultText()).as(spec.name()).isNull();
            assertThat(spec.defaultValue()).isEmpty();
            return;
        }
        Object value = spec.defaultValue().orElseThrow();
        assertThat(spec.parse(spec.format(value))).as(spec.name()).isEqualTo(value);
        assertThat(spec.parse(spec.defaultText())).isEqualTo(value);
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyProblemTypeHasAnAlgorithm(ProblemType problem) {
        assertThat(CATALOG.forProblem(problem)).isNotEmpty().allMatch(d -> d.solves(problem));
    }

    @Test
    void problemTypesMatchSageMaker() {
        assertThat(keys(CATALOG.forProblem(ProblemType.BINARY_CLASSIFICATION))).containsExactly("xgboost",
                "linear-learner", "random-forest", "extra-trees", "knn", "factorization-machines", "mlp",
                "weighted-ensemble");
        assertThat(keys(CATALOG.forProblem(ProblemType.MULTICLASS_CLASSIFICATION)))
                .containsExactly("xgboost", "linear-learner", "random-forest", "extra-trees", "knn", "mlp",
                        "weighted-ensemble");
        assertThat(keys(CATALOG.forProblem(ProblemType.REGRESSION))).containsExactly("xgboost", "linear-learner",
                "random-forest", "extra-trees", "knn", "factorization-machines", "mlp", "weighted-ensemble");
        assertThat(keys(CATALOG.forProblem(ProblemType.CLUSTERING))).containsExactly("kmeans");
        assertThat(keys(CATALOG.forProblem(ProblemType.ANOMALY_DETECTION)))
                .containsExactly("random-cut-forest", "ip-insights");
        assertThat(keys(CATALOG.forProblem(ProblemType.FORECASTING))).containsExactly("deepar");
        assertThat(keys(CATALOG.forProblem(ProblemType.TOPIC_MODELING))).containsExactly("lda", "ntm");
        assertThat(keys(CATALOG.forProblem(ProblemType.TEXT_CLASSIFICATION))).containsExactly("blazingtext");
    }

    @Test
    void findAndRequire() {
        assertThat(CATALOG.find("xgboost")).map(AlgorithmDescriptor::displayName).contains("XGBoost");
        assertThat(CATALOG.find("XGBoost")).isEmpty();
        var e = catchThrowableOfType(SpecException.class, () -> CATALOG.require("gradient-magic"));
        assertThat(e.code()).isEqualTo(ErrorCode.ALGORITHM_UNKNOWN);
        assertThat(e.args()).containsExactly("gradient-magic");
    }

    @Test
    void validateFillsDefaultsInDescriptorOrder() {
        Map<String, Object> values = CATALOG.validate("xgboost", Map.of("num_round", "50", "objective",
                "Binary:Logistic", "eta", " 0.1 "));
        assertThat(values).containsEntry("num_round", 50L)
                .containsEntry("objective", "binary:logistic")
                .containsEntry("eta", 0.1)
                .containsEntry("max_depth", 6L)
                .containsEntry("subsample", 1.0)
                .containsEntry("booster", "gbtree")
                .containsEntry("deterministic_histogram", true)
                .doesNotContainKeys("num_class", "early_stopping_rounds", "eval_metric");
        List<String> order = CATALOG.require("xgboost").hyperparameters().stream().map(ParamSpec::name)
                .filter(values::containsKey).toList();
        assertThat(values.keySet()).containsExactlyElementsOf(order);
        assertThatThrownBy(() -> values.put("eta", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validateKeepsAutoAsAKeywordThatRoundTrips() {
        Map<String, Object> values = CATALOG.validate("linear-learner", Map.of("wd", "AUTO", "l1", "0.01"));
        assertThat(values.get("learning_rate")).isEqualTo(Keyword.AUTO);
        assertThat(values.get("wd")).isEqualTo(Keyword.AUTO);
        assertThat(values.get("l1")).isEqualTo(0.01);
        assertThat(values.get("feature_dim")).isEqualTo(Keyword.AUTO);
        assertThat(values.get("positive_example_weight_mult")).isEqualTo(1.0);
        ParamSpec learningRate = CATALOG.require("linear-learner").hyperparameter("learning_rate").orElseThrow();
        assertThat(learningRate.format(Keyword.AUTO)).isEqualTo("auto");
        assertThat(learningRate.parse(learningRate.format(Keyword.AUTO))).isEqualTo(Keyword.AUTO);
        assertThat(CATALOG.validate("linear-learner", Map.of("positive_example_weight_mult", "balanced")))
                .containsEntry("positive_example_weight_mult", new Keyword("balanced"));
    }

    @Test
    void blankValuesCountAsNotGiven() {
        assertThat(CATALOG.validate("xgboost", Map.of("num_round", "10", "eta", "  ", "early_stopping_rounds", "")))
                .containsEntry("eta", 0.3).doesNotContainKey("early_stopping_rounds");
    }

    @Test
    void validateRejectsUnknownNames() {
        var e = catchThrowableOfType(SpecException.class,
                () -> CATALOG.validate("xgboost", Map.of("num_round", "10", "learning_rate", "0.1")));
        assertThat(e.code()).isEqualTo(ErrorCode.HYPERPARAMETER_UNKNOWN);
        assertThat(e.args()).containsExactly("learning_rate", "xgboost");
    }

    @Test
    void validateRejectsValuesOutOfRange() {
        var e = catchThrowableOfType(SpecException.class,
                () -> CATALOG.validate("xgboost", Map.of("num_round", "10", "eta", "1.5")));
        assertThat(e.code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID);
        assertThat(e.args()).containsExactly("eta", "1.5", "0 – 1");

        var zero = catchThrowableOfType(SpecException.class,
                () -> CATALOG.validate("xgboost", Map.of("num_round", "0")));
        assertThat(zero.args()).containsExactly("num_round", "0", "1 – ∞");

        var choice = catchThrowableOfType(SpecException.class,
                () -> CATALOG.validate("ntm", Map.of("num_topics", "5", "optimizer", "lbfgs")));
        assertThat(choice.args()).containsExactly("optimizer", "lbfgs", "one of sgd, adam, adagrad, rmsprop, adadelta");
    }

    @Test
    void validateRequiresWhatSageMakerRequiresAndTheDataCannotDecide() {
        var e = catchThrowableOfType(SpecException.class, () -> CATALOG.validate("kmeans", Map.of()));
        assertThat(e.code()).isEqualTo(ErrorCode.HYPERPARAMETER_MISSING);
        assertThat(e.args()).containsExactly("k", "kmeans");
        assertThat(CATALOG.validate("kmeans", Map.of("k", "4"))).containsEntry("k", 4L)
                .doesNotContainKey("feature_dim");
    }

    @Test
    void validateOfAnUnknownAlgorithm() {
        var e = catchThrowableOfType(SpecException.class, () -> CATALOG.validate("nope", Map.of()));
        assertThat(e.code()).isEqualTo(ErrorCode.ALGORITHM_UNKNOWN);
    }

    @Test
    void importantSageMakerHyperparametersAreDescribed() {
        assertHas("linear-learner", "predictor_type", "feature_dim", "mini_batch_size", "epochs", "learning_rate",
                "l1", "wd", "optimizer", "loss", "normalize_data", "normalize_label", "num_models",
                "binary_classifier_model_selection_criteria", "target_recall", "target_precision",
                "balance_multiclass_weights", "early_stopping_patience", "early_stopping_tolerance", "use_bias",
                "num_classes");
        assertHas("xgboost", "num_round", "eta", "gamma", "max_depth", "min_child_weight", "subsample",
                "colsample_bytree", "colsample_bylevel", "colsample_bynode", "alpha", "lambda", "objective",
                "eval_metric", "scale_pos_weight", "tree_method", "early_stopping_rounds", "num_class", "booster",
                "max_delta_step", "grow_policy", "max_leaves", "max_bin", "seed");
        assertHas("knn", "k", "predictor_type", "sample_size", "dimension_reduction_type",
                "dimension_reduction_target", "index_type", "feature_dim", "mini_batch_size");
        assertHas("kmeans", "k", "feature_dim", "init_method", "extra_center_factor", "epochs", "mini_batch_size");
        assertHas("deepar", "prediction_length", "context_length", "time_freq", "epochs", "likelihood",
                "num_cells", "num_layers", "learning_rate", "dropout_rate", "cardinality", "num_dynamic_feat");
        assertHas("random-cut-forest", "num_trees", "num_samples_per_tree", "feature_dim");
    }

    @Test
    void documentedDefaultsAndRanges() {
        assertSpec("xgboost", "eta", "0.3", "0 – 1");
        assertSpec("xgboost", "max_depth", "6", "0 – ∞");
        assertSpec("xgboost", "subsample", "1", "0 – 1 (excluding 0)");
        assertSpec("xgboost", "tweedie_variance_power", "1.5", "1 – 2 (excluding 1 and 2)");
        assertSpec("linear-learner", "epochs", "15", "1 – ∞");
        assertSpec("linear-learner", "mini_batch_size", "1000", "1 – ∞");
        assertSpec("linear-learner", "learning_rate", "auto", "0 – ∞ (excluding 0), or auto");
        assertSpec("linear-learner", "positive_example_weight_mult", "1.0",
                "0 – ∞ (excluding 0), or auto or balanced");
        assertSpec("linear-learner", "num_classes", null, "3 – 1000000");
        assertSpec("knn", "index_type", "faiss.Flat", "one of faiss.Flat, faiss.IVFFlat, faiss.IVFPQ");
        assertSpec("random-cut-forest", "num_trees", "100", "50 – 1000");
        assertSpec("random-cut-forest", "num_samples_per_tree", "256", "1 – 2048");
        assertSpec("deepar", "likelihood", "student-T",
                "one of gaussian, beta, negative-binomial, student-T, deterministic-L1");
        assertSpec("deepar", "num_dynamic_feat", "auto", "1 – ∞, or auto or ignore");
        assertSpec("ntm", "clip_gradient", "Infinity", "0.001 – ∞");
        assertSpec("ip-insights", "learning_rate", "0.001", "0.000001 – 10");
        assertSpec("lda", "tol", "1e-8", "0 – ∞ (excluding 0)");
        assertSpec("kmeans", "extra_center_factor", "auto", "1 – ∞, or auto");
    }

    @Test
    void aCatalogRejectsDuplicateKeys() {
        var xgboost = CATALOG.require("xgboost");
        assertThatThrownBy(() -> AlgorithmCatalog.of(List.of(xgboost, xgboost)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AlgorithmCatalog.of(List.of(xgboost.withTrainable(true))).require("xgboost").trainable()).isTrue();
    }

    @Test
    void descriptorsValidateThemselves() {
        var eta = Hyperparameters.real("eta", "0.3", "[0,1]", "Step size.");
        assertThatThrownBy(() -> new AlgorithmDescriptor("XGBoost", "x", "c", "s.",
                Set.of(ProblemType.REGRESSION), List.of(), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlgorithmDescriptor("x", "x", "c", "s.", Set.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlgorithmDescriptor("x", "x", "c", "s.", Set.of(ProblemType.REGRESSION),
                List.of(eta, eta), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlgorithmDescriptor("x", "x", "c", "two\nlines",
                Set.of(ProblemType.REGRESSION), List.of(eta), false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertHas(String key, String... names) {
        assertThat(CATALOG.require(key).hyperparameters()).extracting(ParamSpec::name).contains(names);
    }

    private static void assertSpec(String key, String name, String defaultText, String range) {
        ParamSpec spec = CATALOG.require(key).hyperparameter(name).orElseThrow();
        assertThat(spec.defaultText()).as(key + "." + name).isEqualTo(defaultText);
        assertThat(spec.range()).as(key + "." + name).isEqualTo(range);
    }

    private static List<String> keys(List<AlgorithmDescriptor> descriptors) {
        return descriptors.stream().map(AlgorithmDescriptor::key).toList();
    }
}
