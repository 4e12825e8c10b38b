package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnType;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// How to read a delimited text file. `null` delimiter or charset means "detect it"; the import result says
/// what was detected, and the user may pin it here to override.
///
/// @param delimiter      the field separator, or `null` to detect (comma, tab, semicolon, pipe)
/// @param quote          the quote character (RFC 4180 doubling escapes it inside quotes)
/// @param header         whether the first row holds column names
/// @param charset        the character set name, or `null` to detect (BOM, UTF-8, UTF-16, windows-1252)
/// @param missingMarkers cell texts read as missing (compared after trimming, case-sensitive)
/// @param maxRows        the most data rows to read, 0 for all
/// @param typeOverrides  column types chosen by the user, by column name; inference decides the rest
public record CsvOptions(@Nullable Character delimiter, char quote, HeaderMode header, @Nullable String charset,
                         Set<String> missingMarkers, long maxRows, Map<String, ColumnType> typeOverrides) {

    /// The markers read as missing unless the user says otherwise.
    public static final Set<String> DEFAULT_MISSING_MARKERS =
            Set.of("", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "?", "-", "#N/A");

    public CsvOptions {
        Objects.requireNonNull(header, "header");
        missingMarkers = Set.copyOf(missingMarkers);
        typeOverrides = Map.copyOf(typeOverrides);
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be ≥ 0 but was " + maxRows);
        }
        if (delimiter != null && (delimiter == quote || delimiter == '\n' || delimiter == '\r')) {
            throw new IllegalArgumentException("invalid delimiter " + (int) delimiter);
        }
    }

    /// Detect everything; the default missing markers; all rows.
    public static CsvOptions defaults() {
        return new CsvOptions(null, '"', HeaderMode.DETECT, null, DEFAULT_MISSING_MARKERS, 0, Map.of());
    }

    /// These options with a row limit.
    public CsvOptions withMaxRows(long rows) {
        return new CsvOptions(delimiter, quote, header, charset, missingMarkers, rows, typeOverrides);
    }

    /// These options with a fixed delimiter.
    public CsvOptions withDelimiter(@Nullable Character d) {
        return new CsvOptions(d, quote, header, charset, missingMarkers, maxRows, typeOverrides);
    }

    /// These options with a header mode.
    public CsvOptions withHeader(HeaderMode mode) {
        return new CsvOptions(delimiter, quote, mode, charset, missingMarkers, maxRows, typeOverrides);
    }

    /// These options with a fixed charset.
    public CsvOptions withCharset(@Nullable String cs) {
        return new CsvOptions(delimiter, quote, header, cs, missingMarkers, maxRows, typeOverrides);
    }

    /// These options with the given type overrides.
    public CsvOptions withTypeOverrides(Map<String, ColumnType> overrides) {
        return new CsvOptions(delimiter, quote, header, charset, missingMarkers, maxRows, overrides);
    }
}
