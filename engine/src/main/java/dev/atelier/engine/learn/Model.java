package dev.atelier.engine.learn;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import java.util.List;

/// An immutable fitted model: its [ModelHeader], the fitted [FeaturePipeline] that turns a dataset into model inputs,
/// and the fitted parameters. Thread-safe.
public interface Model {

    /// Algorithm, spec and class labels.
    ModelHeader header();

    /// The fitted preprocessing applied before the algorithm sees the data.
    FeaturePipeline pipeline();

    /// Predicts every row of `data` (which needs the columns the model was trained with; the target and any other
    /// columns are ignored). The result is in `data`'s row order.
    ///
    /// @throws dev.atelier.engine.error.DataException `FEATURE_COLUMN_MISSING` (column) if an input column is absent
    Predictions predict(Dataset data);

    /// Predicts from model inputs already made by this model's [#pipeline()] (`pipeline().transform(data)`, or rows
    /// mixed from such matrices, as Kernel SHAP does): the same as [#predict] without the transform. Empty for models
    /// that cannot (ensembles, whose members each have their own pipeline).
    default java.util.Optional<Predictions> predictInputs(FeatureMatrix inputs) {
        return java.util.Optional.empty();
    }

    /// Problems found while fitting that did not stop it (text columns skipped, rows without target dropped).
    List<Diagnostic> diagnostics();

    /// Writes the algorithm-specific fitted parameters (the manifest and pipeline are written by the bundle).
    void writePayload(PayloadWriter out);
}
