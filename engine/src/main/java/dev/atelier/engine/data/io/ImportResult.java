package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import java.util.List;

/// What an import produced: the dataset, the format actually used (detected or given), and the recoverable
/// problems met on the way.
///
/// @param dataset     the imported data
/// @param format      the options that were in effect, with detected values filled in (never `null` delimiter
///                    or charset), so that re-reading with them gives the same dataset
/// @param diagnostics warnings and notes, in the order they were found
public record ImportResult(Dataset dataset, CsvOptions format, List<Diagnostic> diagnostics) {
    public ImportResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
