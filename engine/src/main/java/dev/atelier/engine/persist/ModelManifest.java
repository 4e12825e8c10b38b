package dev.atelier.engine.persist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The persisted shape of a model bundle's `manifest.json` (format versions 1 and 2).
///
/// @param formatVersion   the bundle format: 1 without a recipe, 2 with `recipe.json` ([ModelBundle#FORMAT_VERSION])
/// @param engineVersion   the Atelier engine version that trained the model
/// @param algorithm       the catalogue key
/// @param problemType     `binary`, `multiclass` or `regression`
/// @param target          the predicted column
/// @param classes         the class labels as in the data, in probability order (empty for regression)
/// @param inputSchema     the columns of the training data with their types and roles
/// @param hyperparameters every hyperparameter as text, by SageMaker name
/// @param explicitHyperparameters the names the user gave (the rest were defaults)
/// @param seed            the seed
/// @param createdAt       when the bundle was written (UTC)
/// @param provenance      where the model came from
public record ModelManifest(int formatVersion, String engineVersion, String algorithm, String problemType,
                            String target, List<String> classes, List<InputColumn> inputSchema,
                            Map<String, String> hyperparameters, List<String> explicitHyperparameters, long seed,
                            Instant createdAt, Provenance provenance) {

    public ModelManifest {
        classes = List.copyOf(classes);
        inputSchema = List.copyOf(inputSchema);
        hyperparameters = Map.copyOf(hyperparameters);
        explicitHyperparameters = List.copyOf(explicitHyperparameters);
    }

    /// One column of the training data.
    ///
    /// @param name the column name
    /// @param type `numeric`, `categorical`, `text`, `datetime` or `boolean`
    /// @param role `feature`, `target`, `id`, `ignored` or `sensitive`
    public record InputColumn(String name, String type, String role) {
    }

    /// Where a model came from, in the spirit of Tribuo's provenance.
    ///
    /// @param trainingData     the training file's name, if it came from a file
    /// @param trainingSha256   the training file's SHA-256, if it came from a file
    /// @param validationSha256 the validation file's SHA-256, if one was given
    /// @param trainingRows     rows in the training data
    /// @param trainingColumns  columns in the training data
    /// @param javaVersion      `java.version`
    /// @param os               `os.name`
    /// @param arch             `os.arch`
    public record Provenance(@Nullable String trainingData, @Nullable String trainingSha256,
                             @Nullable String validationSha256, int trainingRows, int trainingColumns,
                             String javaVersion, String os, String arch) {
    }
}
