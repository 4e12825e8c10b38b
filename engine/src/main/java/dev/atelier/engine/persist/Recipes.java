package dev.atelier.engine.persist;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.FittedStep;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.State;
import dev.atelier.engine.wrangle.Step;
import dev.atelier.engine.wrangle.TransformInfo;
import dev.atelier.engine.algorithms.BoolParam;
import dev.atelier.engine.algorithms.ChoiceParam;
import dev.atelier.engine.algorithms.DoubleParam;
import dev.atelier.engine.algorithms.IntParam;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.Requirement;
import dev.atelier.engine.algorithms.StringParam;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/// Recipe files: a [Recipe] (the steps the user wrote) and a [FittedRecipe] (the steps plus what each learned from
/// the training data), as versioned JSON. The fitted form is what the project and every model bundle store, so
/// prediction replays exactly the training-time preparation.
///
/// Format 1:
/// ```json
/// {"formatVersion": 1, "kind": "recipe", "steps": [{"id": "s1", "transform": "fill_mean",
///   "parameters": {"columns": "age"}, "enabled": true}]}
/// {"formatVersion": 1, "kind": "fitted-recipe", "target": "churn", "input": [{"name": ..., "type": ..., "role": ...}],
///   "steps": [{"id": "s1", "transform": "fill_mean", "parameters": {...}, "state": {"age": 41.5}}]}
/// ```
/// Parameter and state values are plain JSON; NaN is written as the text "NaN".
public final class Recipes {
    /// The newest recipe format this build writes and reads.
    public static final int FORMAT_VERSION = 1;

    private Recipes() {
    }

    record StepDto(String id, String transform, Map<String, Object> parameters, boolean enabled) {
    }

    record RecipeDto(int formatVersion, String kind, List<StepDto> steps) {
    }

    record ColumnDto(String name, ColumnType type, ColumnRole role) {
    }

    record FittedStepDto(String id, String transform, Map<String, Object> parameters, Map<String, Object> state) {
    }

    record FittedDto(int formatVersion, String kind, String target, List<ColumnDto> input, List<FittedStepDto> steps) {
    }

    record ParamDto(String name, String type, String defaultValue, boolean required, String range, String description) {
    }

    record TransformDto(String key, String family, String name, String description, List<String> columnTypes,
                        String rows, List<ParamDto> parameters) {
    }

    /// The transform catalogue as JSON (for `atelier transforms --json`): per transform its key, family, name,
    /// description, the column types it fits, its row rule and its parameters (name, type, default, range,
    /// description). Parameter types: `column`, `columns`, `text`, `integer`, `real`, `choice`, `boolean`.
    public static byte[] catalogToBytes(List<TransformInfo> transforms) {
        return Json.toBytes(transforms.stream().map(t -> new TransformDto(t.key(), t.family().key(), t.name(),
                t.description(), t.columnTypes().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList(),
                t.rows().name().toLowerCase(Locale.ROOT), t.params().stream().map(Recipes::param).toList())).toList());
    }

    private static ParamDto param(ParamSpec p) {
        String type = switch (p) {
            case IntParam i -> "integer";
            case DoubleParam d -> "real";
            case ChoiceParam c -> "choice";
            case BoolParam b -> "boolean";
            case StringParam s -> TransformInfo.isColumnParam(s) ? (s.range().endsWith("names") ? "columns" : "column") : "text";
        };
        return new ParamDto(p.name(), type, p.defaultText(), p.requirement() == Requirement.REQUIRED, p.range(),
                p.description());
    }

    /// The recipe as JSON text.
    public static byte[] toBytes(Recipe recipe) {
        return Json.toBytes(new RecipeDto(FORMAT_VERSION, "recipe", recipe.steps().stream()
                .map(s -> new StepDto(s.id(), s.transform(), s.parameters(), s.enabled())).toList()));
    }

    /// The fitted recipe as JSON text.
    public static byte[] toBytes(FittedRecipe fitted) {
        return Json.toBytes(new FittedDto(FORMAT_VERSION, "fitted-recipe", fitted.target(),
                fitted.input().stream().map(c -> new ColumnDto(c.name(), c.type(), c.role())).toList(),
                fitted.steps().stream().map(s -> new FittedStepDto(s.id(), s.transform(), s.parameters(),
                        s.state().values())).toList()));
    }

    /// Writes a recipe atomically.
    public static void write(Path file, Recipe recipe) {
        AtomicFiles.write(file, toBytes(recipe));
    }

    /// Writes a fitted recipe atomically.
    public static void write(Path file, FittedRecipe fitted) {
        AtomicFiles.write(file, toBytes(fitted));
    }

    /// Reads a recipe file.
    ///
    /// @throws DataException `FILE_NOT_FOUND`, `RECIPE_FORMAT_UNSUPPORTED` or `RECIPE_CORRUPT`
    public static Recipe readRecipe(Path file) {
        return parseRecipe(read(file), file.toString());
    }

    /// Reads a fitted recipe file.
    ///
    /// @throws DataException `FILE_NOT_FOUND`, `RECIPE_FORMAT_UNSUPPORTED` or `RECIPE_CORRUPT`
    public static FittedRecipe readFitted(Path file) {
        return parseFitted(read(file), file.toString());
    }

    /// Parses recipe JSON; `where` names the source in errors.
    public static Recipe parseRecipe(byte[] json, String where) {
        ObjectNode tree = checked(json, where, "recipe");
        try {
            RecipeDto dto = Json.MAPPER.treeToValue(tree, RecipeDto.class);
            return new Recipe(nonNull(dto.steps(), where).stream()
                    .map(s -> new Step(s.id(), s.transform(), s.parameters() == null ? Map.of() : s.parameters(), s.enabled()))
                    .toList());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new DataException(e, ErrorCode.RECIPE_CORRUPT, where, e.getMessage());
        }
    }

    /// Parses fitted-recipe JSON; `where` names the source in errors.
    public static FittedRecipe parseFitted(byte[] json, String where) {
        ObjectNode tree = checked(json, where, "fitted-recipe");
        try {
            FittedDto dto = Json.MAPPER.treeToValue(tree, FittedDto.class);
            return new FittedRecipe(
                    nonNull(dto.input(), where).stream().map(c -> new ColumnSchema(c.name(), c.type(), c.role())).toList(),
                    dto.target() == null ? "" : dto.target(),
                    nonNull(dto.steps(), where).stream().map(s -> new FittedStep(s.id(), s.transform(),
                            s.parameters() == null ? Map.of() : s.parameters(),
                            new State(s.state() == null ? Map.of() : s.state()))).toList());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new DataException(e, ErrorCode.RECIPE_CORRUPT, where, e.getMessage());
        }
    }

    private static <T> List<T> nonNull(List<T> list, String where) {
        if (list == null) {
            throw new DataException(ErrorCode.RECIPE_CORRUPT, where, "no steps or columns");
        }
        return list;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(ErrorCode.FILE_NOT_FOUND, file.toString());
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, file.toString(), e.getMessage());
        }
    }

    private static ObjectNode checked(byte[] json, String where, String kind) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new DataException(e, ErrorCode.RECIPE_CORRUPT, where, "not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object) || !object.path("formatVersion").isIntegralNumber()) {
            throw new DataException(ErrorCode.RECIPE_CORRUPT, where, "no format version");
        }
        int version = object.path("formatVersion").asInt();
        if (version > FORMAT_VERSION) {
            throw new DataException(ErrorCode.RECIPE_FORMAT_UNSUPPORTED, where, version, FORMAT_VERSION);
        }
        if (version < 1) {
            throw new DataException(ErrorCode.RECIPE_CORRUPT, where, "format version " + version);
        }
        String found = object.path("kind").asString("");
        if (!found.equals(kind)) {
            throw new DataException(ErrorCode.RECIPE_CORRUPT, where, "expected a " + kind + " file, found \"" + found + "\"");
        }
        return object;
    }

}
