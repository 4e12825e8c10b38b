package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnType;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// How [DataImporter] should read a source. Everything left `null` (or 0) is detected, and the result's
/// [ImportResult#inferred()] says what was chosen, so the user can pin it here to override.
///
/// @param format    the kind of source, or `null` to detect it from the name and content
/// @param csv       delimited-text options (also the missing markers, row limit and type overrides for all formats)
/// @param sheet     Excel: the sheet's name or 1-based number, or `null` for the first sheet
/// @param headerRow Excel: the 1-based row holding the column names, 0 to use the first non-empty row, −1 for none
/// @param table     SQL: the table to read (checked against the database's tables), or `null`
/// @param query     SQL: a query to run instead of a table (read-only connection), or `null`
/// @param frequency DeepAR: the time step between values (`1D`, `1H`, `15min`, `1W`, `1M`), or `null` for daily
/// @param sampleRows     how many rows to keep when the source does not fit in memory
/// @param sampleIfTooBig whether to read a sample (true) or fail with `IMPORT_TOO_BIG` (false) when it does not fit
public record ImportOptions(@Nullable DataFormat format, CsvOptions csv, @Nullable String sheet, int headerRow,
                            @Nullable String table, @Nullable String query, @Nullable String frequency,
                            int sampleRows, boolean sampleIfTooBig) {
    public ImportOptions {
        Objects.requireNonNull(csv, "csv");
        if (headerRow < -1) {
            throw new IllegalArgumentException("headerRow must be ≥ −1 but was " + headerRow);
        }
        if (sampleRows < 1) {
            throw new IllegalArgumentException("sampleRows must be ≥ 1 but was " + sampleRows);
        }
    }

    /// Detect everything; sample 20,000 rows when the source does not fit in memory.
    public static ImportOptions defaults() {
        return of(CsvOptions.defaults());
    }

    /// Delimited-text options, detecting the format.
    public static ImportOptions of(CsvOptions csv) {
        return new ImportOptions(null, csv, null, 0, null, null, null, DataImporter.DEFAULT_SAMPLE_ROWS, true);
    }

    /// These options with another sample size and too-big policy.
    public ImportOptions withSampling(int rows, boolean sampleWhenTooBig) {
        return new ImportOptions(format, csv, sheet, headerRow, table, query, frequency, rows, sampleWhenTooBig);
    }

    /// These options with a fixed format.
    public ImportOptions withFormat(@Nullable DataFormat f) {
        return new ImportOptions(f, csv, sheet, headerRow, table, query, frequency, sampleRows, sampleIfTooBig);
    }

    /// These options with other delimited-text options.
    public ImportOptions withCsv(CsvOptions c) {
        return new ImportOptions(format, c, sheet, headerRow, table, query, frequency, sampleRows, sampleIfTooBig);
    }

    /// These options with an Excel sheet and header row.
    public ImportOptions withSheet(@Nullable String s, int header) {
        return new ImportOptions(format, csv, s, header, table, query, frequency, sampleRows, sampleIfTooBig);
    }

    /// These options with a SQL table or query.
    public ImportOptions withSql(@Nullable String t, @Nullable String q) {
        return new ImportOptions(format, csv, sheet, headerRow, t, q, frequency, sampleRows, sampleIfTooBig);
    }

    /// These options with a DeepAR frequency.
    public ImportOptions withFrequency(@Nullable String f) {
        return new ImportOptions(format, csv, sheet, headerRow, table, query, f, sampleRows, sampleIfTooBig);
    }

    /// These options with a row limit (0 = all rows).
    public ImportOptions withMaxRows(long rows) {
        return withCsv(csv.withMaxRows(rows));
    }

    /// The most rows to read, 0 for all.
    public long maxRows() {
        return csv.maxRows();
    }

    /// Column types chosen by the user.
    public Map<String, ColumnType> typeOverrides() {
        return csv.typeOverrides();
    }
}
