package dev.atelier.engine.data;

import dev.atelier.engine.error.Diagnostic;
import java.util.List;
import java.util.Objects;

/// The outcome of changing a column's type: the new dataset and what happened on the way (for example, how
/// many values could not be converted and became missing).
///
/// @param dataset     the dataset with the converted column
/// @param diagnostics warnings about the conversion, empty if every value converted
public record ConversionResult(Dataset dataset, List<Diagnostic> diagnostics) {
    public ConversionResult {
        Objects.requireNonNull(dataset, "dataset");
        diagnostics = List.copyOf(diagnostics);
    }
}
