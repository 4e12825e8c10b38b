package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.hardwood.InputFile;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Reads an Apache Parquet file with Hardwood (`dev.hardwood:hardwood-core`, a pure-Java reader without Hadoop;
/// ADR 0010). Top-level fields become columns: numbers, strings, booleans, dates and timestamps (UTC) as such;
/// nested values (structs, lists, maps) as their text. Uncompressed, GZIP and Snappy files are read (Snappy via
/// snappy-java); a damaged or cut-short file is an [ErrorCode#IMPORT_FILE_CORRUPT] error.
final class ParquetImporter {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ParquetImporter() {
    }

    static ImportResult read(Path file, ImportOptions options, JobContext ctx) {
        String path = file.toString();
        TableAssembler table = new TableAssembler(options.csv().missingMarkers());
        Map<String, String> inferred = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        long max = options.maxRows();
        boolean limited = false;
        try (ParquetFileReader reader = ParquetFileReader.open(InputFile.of(file));
             RowReader rows = reader.rowReader()) {
            long total = reader.getFileMetaData().numRows();
            inferred.put("rows_in_file", Long.toString(total));
            inferred.put("row_groups", Integer.toString(reader.getFileMetaData().rowGroups().size()));
            String createdBy = reader.getFileMetaData().createdBy();
            if (createdBy != null) {
                inferred.put("created_by", createdBy);
            }
            int n = -1;
            while (rows.hasNext()) {
                rows.next();
                if (n < 0) {
                    n = rows.getFieldCount();
                    for (int j = 0; j < n; j++) {
                        table.positionalColumn(rows.getFieldName(j));
                    }
                }
                if ((table.rows() & 1023) == 0) {
                    ctx.throwIfCancelled();
                    ctx.progress(table.rows(), Math.max(1, total));
                }
                if (max > 0 && table.rows() >= max) {
                    limited = true;
                    break;
                }
                for (int j = 0; j < n; j++) {
                    table.set(j, rows.isNull(j) ? null : text(rows.getValue(j)));
                }
                table.endRow();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof java.util.concurrent.CancellationException c) {
                throw c;
            }
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException(e, ErrorCode.IMPORT_FILE_CORRUPT, path, "Parquet file",
                    String.valueOf(e.getMessage()));
        }
        if (table.rows() == 0) {
            throw new DataException(ErrorCode.IMPORT_NO_ROWS, path);
        }
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, table.rows(), max));
        }
        Dataset dataset = table.build(TableAssembler.datasetName(String.valueOf(file.getFileName())),
                options.typeOverrides(), diagnostics, ctx);
        return new ImportResult(dataset, options.csv(), diagnostics, DataFormat.PARQUET, inferred);
    }

    private static @Nullable String text(@Nullable Object v) {
        return switch (v) {
            case null -> null;
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC).format(DATE_TIME);
            case LocalDateTime t -> t.format(DATE_TIME);
            case BigDecimal b -> b.toPlainString();
            case Double d -> Double.isNaN(d) ? null : d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : d.toString();
            case Float f -> Float.isNaN(f) ? null : f.toString();
            case byte[] b -> new String(b, java.nio.charset.StandardCharsets.UTF_8);
            default -> v.toString();
        };
    }
}
