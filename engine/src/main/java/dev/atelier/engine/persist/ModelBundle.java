package dev.atelier.engine.persist;

import dev.atelier.engine.EngineInfo;
import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadReader;
import dev.atelier.engine.learn.PayloadWriter;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.PreparedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/// A model bundle: a folder holding everything needed to use a fitted model later, on another machine.
///
/// ```
/// manifest.json       ModelManifest: format version, engine version, algorithm, problem, target, classes,
///                     input schema, hyperparameters, seed, created (UTC), provenance
/// preprocessing.json  the fitted FeaturePipeline
/// <payload files>     the algorithm's own: model.ubj + xgboost.json, linear.json, forest.json
/// metrics.json        validation metrics by name
/// model-card.md       a plain-English description
/// recipe.json         (format 2 only) the fitted data-preparation recipe the model was trained behind
/// ```
///
/// **Formats.** A bundle without a recipe is format 1, exactly as before recipes existed, so older builds still
/// read it. A bundle with a recipe is format 2: older builds refuse it (`MODEL_FORMAT_UNSUPPORTED`) rather than
/// predict on unprepared data. With a recipe, the manifest's `inputSchema` and `preprocessing.json` describe the
/// recipe's output (what the model itself sees); `recipe.json`'s `input` lists the raw columns new data needs.
/// [Loaded#predictRaw(Dataset)] replays the recipe for prediction (training-only steps skipped, no row
/// dropped), then predicts.
///
/// Writing is atomic: the bundle is built in a hidden sibling folder and renamed into place, so `dir` holds either
/// the old bundle or the complete new one. Reading checks the format version first: a newer one is
/// `MODEL_FORMAT_UNSUPPORTED`, anything unreadable `MODEL_CORRUPT`. Never Java serialization.
public final class ModelBundle {
    /// The newest format this build writes and reads: 2, a bundle with a fitted recipe.
    public static final int FORMAT_VERSION = 2;
    /// The format of a bundle without a recipe (unchanged since before recipes, so older builds read it).
    public static final int FORMAT_WITHOUT_RECIPE = 1;
    /// The fitted recipe's file name (format 2).
    public static final String RECIPE = "recipe.json";
    /// The manifest's file name.
    public static final String MANIFEST = "manifest.json";
    /// The fitted preprocessing's file name.
    public static final String PREPROCESSING = "preprocessing.json";
    /// The validation metrics' file name.
    public static final String METRICS = "metrics.json";
    /// The model card's file name.
    public static final String MODEL_CARD = "model-card.md";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ModelBundle() {
    }

    /// A read bundle.
    ///
    /// @param model    the model as trained: it predicts on the recipe's output (on raw data when there is no
    ///                 recipe). To predict on the user's raw rows use [#predictRaw(Dataset)] or [#rawModel()].
    /// @param manifest its manifest
    /// @param metrics  its validation metrics
    /// @param recipe   the fitted recipe the model was trained behind, or `null`
    public record Loaded(Model model, ModelManifest manifest, Map<String, Double> metrics,
                         @Nullable FittedRecipe recipe) {
        public Loaded {
            metrics = Map.copyOf(metrics);
        }

        /// A bundle without a recipe.
        public Loaded(Model model, ModelManifest manifest, Map<String, Double> metrics) {
            this(model, manifest, metrics, null);
        }

        /// `raw` as the model sees it: the recipe replayed for prediction (training-only steps such as filters,
        /// sampling and balancing skipped, so no row is dropped), or `raw` itself without a recipe.
        ///
        /// @throws dev.atelier.engine.error.DataException `RECIPE_COLUMN_MISSING` (column, step) when a column a
        ///         step needs is absent; `UNSEEN_CATEGORY` (column, value) for an encoder set to refuse new values
        public Dataset prepare(Dataset raw) {
            return recipe == null ? raw : recipe.apply(raw);
        }

        /// Predicts the user's raw rows: [#prepare(Dataset)], then the model (and its `FeaturePipeline`).
        public Predictions predictRaw(Dataset raw) {
            return model.predict(prepare(raw));
        }

        /// The model as a model of the raw data (the recipe replayed inside `predict`), for code that takes a
        /// [Model] and the raw table; the model itself without a recipe.
        public Model rawModel() {
            return PreparedModel.of(model, recipe);
        }
    }

    /// The manifest for `model` trained on `train` (with provenance from the current JVM).
    public static ModelManifest manifest(Model model, Schema trainingSchema, int trainingRows,
                                         AlgorithmCatalog catalog, Instant createdAt,
                                         ModelManifest.Provenance provenance) {
        ModelHeader h = model.header();
        var columns = new ArrayList<ModelManifest.InputColumn>();
        for (ColumnSchema c : trainingSchema.columns()) {
            columns.add(new ModelManifest.InputColumn(c.name(), c.type().name().toLowerCase(Locale.ROOT),
                    c.role().name().toLowerCase(Locale.ROOT)));
        }
        return new ModelManifest(FORMAT_WITHOUT_RECIPE, EngineInfo.current().version(), h.algorithm(),
                ProblemTypes.shortName(h.problem()), h.target(), h.classes(), columns, h.spec().asText(catalog),
                List.copyOf(h.spec().explicit()), h.spec().seed(), createdAt, provenance);
    }

    /// Provenance of a model trained on `train` (and `trainFile`, if it came from a file).
    public static ModelManifest.Provenance provenance(Dataset train, Path trainFile, Path validationFile) {
        EngineInfo info = EngineInfo.current();
        return new ModelManifest.Provenance(trainFile == null ? null : String.valueOf(trainFile.getFileName()),
                trainFile == null ? null : Fingerprints.sha256(trainFile),
                validationFile == null ? null : Fingerprints.sha256(validationFile),
                train.rowCount(), train.columnCount(), info.javaVersion(), info.os(), info.arch());
    }

    /// Writes the bundle to `dir` atomically (replacing a bundle already there).
    ///
    /// @throws ProjectException `FILE_WRITE_FAILED` (path, reason); `dir` is then unchanged
    public static void write(Path dir, Model model, ModelManifest manifest, Map<String, Double> metrics) {
        write(dir, model, manifest, metrics, null);
    }

    /// Writes the bundle to `dir` atomically with the fitted recipe the model was trained behind (format 2), or
    /// without one (`recipe` `null`: format 1). A [PreparedModel] brings its own recipe.
    ///
    /// @throws ProjectException `FILE_WRITE_FAILED` (path, reason); `dir` is then unchanged
    public static void write(Path dir, Model model, ModelManifest manifest, Map<String, Double> metrics,
                             @Nullable FittedRecipe givenRecipe) {
        FittedRecipe recipe = givenRecipe;
        if (model instanceof PreparedModel prepared) {
            recipe = recipe == null ? prepared.recipe() : recipe;
            model = prepared.model();
        }
        String recipeTarget = recipe == null ? "" : recipe.target();
        int format = recipe == null ? FORMAT_WITHOUT_RECIPE : FORMAT_VERSION;
        if (manifest.formatVersion() != format) {
            manifest = new ModelManifest(format, manifest.engineVersion(), manifest.algorithm(),
                    manifest.problemType(), manifest.target(), manifest.classes(), manifest.inputSchema(),
                    manifest.hyperparameters(), manifest.explicitHyperparameters(), manifest.seed(),
                    manifest.createdAt(), manifest.provenance());
        }
        Path target = dir.toAbsolutePath();
        Path parent = target.getParent();
        String name = String.valueOf(target.getFileName());
        String suffix = HexFormat.of().formatHex(randomBytes());
        Path temp = parent.resolve("." + name + ".tmp-" + suffix);
        Path old = parent.resolve("." + name + ".old-" + suffix);
        try {
            Files.createDirectories(parent);
            Files.createDirectory(temp);
            Files.write(temp.resolve(MANIFEST), Json.toBytes(manifest));
            Files.write(temp.resolve(PREPROCESSING), Json.toBytes(model.pipeline()));
            Files.write(temp.resolve(METRICS), Json.toBytes(new TreeMap<>(metrics)));
            if (recipe != null) {
                Files.write(temp.resolve(RECIPE), Recipes.toBytes(recipe));
            }
            String card = ModelCards.render(manifest, model, metrics);
            if (recipe != null) {
                card += "\n## Data preparation\n\nBefore the model sees new rows, the recipe in recipe.json replays its "
                        + recipe.steps().size() + " steps (learned on the training rows: "
                        + String.join(", ", recipe.steps().stream().map(st -> st.transform()).toList())
                        + "). Steps that only shape the training rows (filters, sampling, balancing, splits) are"
                        + " skipped, so every row gets a prediction. New data needs these columns: "
                        + String.join(", ", recipe.input().stream().map(c -> c.name())
                                .filter(n -> !n.equals(recipeTarget)).toList()) + ".\n";
            }
            Files.writeString(temp.resolve(MODEL_CARD), card, StandardCharsets.UTF_8);
            model.writePayload(new FolderWriter(temp));
            boolean replacing = Files.exists(target);
            if (replacing) {
                if (!Files.isDirectory(target)) {
                    throw new ProjectException(ErrorCode.FILE_WRITE_FAILED, target.toString(),
                            "a file with that name is in the way");
                }
                Files.move(target, old);
            }
            try {
                move(temp, target);
            } catch (IOException e) {
                if (replacing) {
                    Files.move(old, target);
                }
                throw e;
            }
            if (replacing) {
                deleteTree(old);
            }
        } catch (IOException e) {
            deleteTree(temp);
            throw new ProjectException(e, ErrorCode.FILE_WRITE_FAILED, target.toString(), AtomicFiles.reason(e));
        } catch (RuntimeException e) {
            deleteTree(temp);
            if (e instanceof AtelierException) {
                throw e;
            }
            throw new ProjectException(e, ErrorCode.FILE_WRITE_FAILED, target.toString(), String.valueOf(e.getMessage()));
        }
    }

    /// Reads the bundle in `dir` with the learner its manifest names.
    ///
    /// @throws ProjectException `FILE_NOT_FOUND` (path) if there is no bundle; `MODEL_FORMAT_UNSUPPORTED` (path,
    ///         version, newest) for a newer format; `MODEL_CORRUPT` (path, reason) for anything unreadable
    /// @throws dev.atelier.engine.error.SpecException `ALGORITHM_NOT_AVAILABLE` if this build cannot run it
    public static Loaded read(Path dir, Learners learners) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ProjectException(ErrorCode.FILE_NOT_FOUND, manifestFile.toString());
        }
        ModelManifest manifest;
        int version;
        try {
            JsonNode tree = Json.MAPPER.readTree(Files.readAllBytes(manifestFile));
            if (!(tree instanceof ObjectNode object) || !object.path("formatVersion").isIntegralNumber()) {
                throw corrupt(dir, "manifest.json has no format version");
            }
            version = object.path("formatVersion").asInt();
            if (version > FORMAT_VERSION) {
                throw new ProjectException(ErrorCode.MODEL_FORMAT_UNSUPPORTED, dir.toString(), version, FORMAT_VERSION);
            }
            if (version < 1) {
                throw corrupt(dir, "format version " + version);
            }
            manifest = Json.MAPPER.treeToValue(object, ModelManifest.class);
        } catch (IOException | JacksonException e) {
            throw corrupt(dir, "manifest.json: " + e.getMessage());
        }
        Learner learner = learners.require(manifest.algorithm());
        ProblemType problem;
        try {
            problem = ProblemTypes.parse(manifest.problemType());
        } catch (IllegalArgumentException e) {
            throw corrupt(dir, e.getMessage());
        }
        LearnerSpec validated = LearnerSpec.of(learners.catalog(), manifest.algorithm(), problem, manifest.target(),
                manifest.hyperparameters(), manifest.seed());
        LearnerSpec spec = new LearnerSpec(validated.algorithm(), problem, manifest.target(),
                validated.hyperparameters(), java.util.Set.copyOf(manifest.explicitHyperparameters()),
                manifest.seed());
        var reader = new FolderReader(dir);
        FeaturePipeline pipeline = reader.json(PREPROCESSING, FeaturePipeline.class);
        ModelHeader header;
        try {
            header = new ModelHeader(spec, manifest.classes());
        } catch (IllegalArgumentException e) {
            throw corrupt(dir, e.getMessage());
        }
        Model model = learner.read(header, pipeline, reader);
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (Files.isRegularFile(dir.resolve(METRICS))) {
            JsonNode node = reader.json(METRICS, JsonNode.class);
            node.properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        }
        FittedRecipe recipe = null;
        if (version >= 2) {
            byte[] bytes = reader.bytes(RECIPE);
            try {
                recipe = Recipes.parseFitted(bytes, dir.resolve(RECIPE).toString());
            } catch (AtelierException e) {
                throw corrupt(dir, RECIPE + ": " + e.getMessage());
            }
        }
        return new Loaded(model, manifest, metrics, recipe);
    }

    private static ProjectException corrupt(Path dir, String reason) {
        return new ProjectException(ErrorCode.MODEL_CORRUPT, dir.toString(), reason);
    }

    private static String checkName(String name) {
        if (!SAFE_NAME.matcher(name).matches() || name.equals(MANIFEST) || name.equals(PREPROCESSING)
                || name.equals(METRICS) || name.equals(MODEL_CARD) || name.equals(RECIPE)) {
            throw new IllegalArgumentException("not a payload file name: " + name);
        }
        return name;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a hidden leftover folder is harmless
        }
    }

    private record FolderWriter(Path dir) implements PayloadWriter {
        @Override
        public void json(String name, Object value) {
            bytes(name, Json.toBytes(value));
        }

        @Override
        public void bytes(String name, byte[] bytes) {
            try {
                Files.write(dir.resolve(checkName(name)), bytes);
            } catch (IOException e) {
                throw new ProjectException(e, ErrorCode.FILE_WRITE_FAILED, dir.resolve(name).toString(),
                        AtomicFiles.reason(e));
            }
        }
    }

    private record FolderReader(Path dir) implements PayloadReader {
        @Override
        public <T> T json(String name, Class<T> type) {
            try {
                return Json.MAPPER.readValue(bytes(name), type);
            } catch (JacksonException e) {
                throw ModelBundle.corrupt(dir, name + ": " + e.getOriginalMessage());
            }
        }

        @Override
        public byte[] bytes(String name) {
            try {
                return Files.readAllBytes(dir.resolve(name));
            } catch (NoSuchFileException e) {
                throw ModelBundle.corrupt(dir, name + " is missing");
            } catch (IOException e) {
                throw ModelBundle.corrupt(dir, name + ": " + AtomicFiles.reason(e));
            }
        }

        @Override
        public RuntimeException corrupt(String reason) {
            return ModelBundle.corrupt(dir, reason);
        }
    }
}
