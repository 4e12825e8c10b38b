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

    /// Problems found while fitting that did not stop it (text columns skipped, rows without target dropped).
    List<Diagnostic> diagnostics();

    /// Writes the algorithm-specific fitted parameters (the manifest and pipeline are written by the bundle).
    void writePayload(PayloadWriter out);
}
