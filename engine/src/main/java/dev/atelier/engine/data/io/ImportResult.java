package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// What an import produced: the dataset, the format actually used (detected or given), and the recoverable
/// problems met on the way.
///
/// @param dataset     the imported data
/// @param format      for delimited text, the options that were in effect, with detected values filled in
///                    (never `null` delimiter or charset), so that re-reading with them gives the same dataset;
///                    for other sources the defaults with the row limit and type overrides that were used
/// @param diagnostics warnings and notes, in the order they were found
/// @param source      the kind of source that was read
/// @param inferred    what the importer detected or assumed, by name (e.g. `sheet` → `Sales`, `header_row` → `3`,
///                    `encoding` → `UTF-8`), in a stable order, each of which [ImportOptions] can override
public record ImportResult(Dataset dataset, CsvOptions format, List<Diagnostic> diagnostics, DataFormat source,
                           Map<String, String> inferred) {
    public ImportResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        diagnostics = List.copyOf(diagnostics);
        inferred = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inferred));
    }

    /// A delimited-text import.
    public ImportResult(Dataset dataset, CsvOptions format, List<Diagnostic> diagnostics) {
        this(dataset, format, diagnostics, DataFormat.CSV, csvDetails(format));
    }

    private static Map<String, String> csvDetails(CsvOptions format) {
        var m = new LinkedHashMap<String, String>();
        if (format.delimiter() != null) {
            m.put("delimiter", FormatSniffer.delimiterWord(format.delimiter()));
        }
        if (format.charset() != null) {
            m.put("encoding", format.charset());
        }
        m.put("header", format.header().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }
}
