package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/// Writes a [Dataset] as an RFC 4180 CSV file: UTF-8 without byte-order mark, comma-separated, CRLF line
/// ends, one header row, missing cells empty, numbers as [Dataset#formatNumber(double)] prints them, dates as
/// ISO dates (`2024-03-01`) or date-times (`2024-03-01 13:45:00`), booleans as `true`/`false`.
///
/// Fields are quoted when they contain a comma, a quote, a line break or another common delimiter (`;`, tab,
/// `|`), or start or end with whitespace (so that [CsvImporter] keeps that whitespace); quotes inside are
/// doubled. Text that is only whitespace reads back as missing. In a one-column file a missing value
/// is written as `""` so that the row is not mistaken for a blank line.
///
/// The file is replaced atomically: the data goes to a temporary file in the same folder that is then moved
/// over the target, so a failure or cancellation leaves any previous file untouched.
public final class CsvWriter {
    private static final char DELIMITER = ',';
    private static final char QUOTE = '"';
    private static final String NEWLINE = "\r\n";
    private static final int CHECK_EVERY = 4096;

    private CsvWriter() {
    }

    /// Writes `dataset` to `file`, replacing it if it exists.
    ///
    /// @throws DataException with [ErrorCode#FILE_WRITE_FAILED] if the file cannot be written
    public static void write(Dataset dataset, Path file) {
        write(dataset, file, JobContext.silent());
    }

    /// Writes `dataset` to `file`, replacing it if it exists, reporting progress in rows to `ctx`.
    ///
    /// @throws DataException with [ErrorCode#FILE_WRITE_FAILED] if the file cannot be written
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled (the target is left unchanged)
    public static void write(Dataset dataset, Path file, JobContext ctx) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(ctx, "ctx");
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        String fileName = target.getFileName() == null ? "data.csv" : target.getFileName().toString();
        ctx.status("job.export.writing", fileName);
        Path temp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            temp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
            try (Writer out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16)) {
                writeTo(dataset, out, ctx);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_WRITE_FAILED, file.toString(),
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }

    /// Writes `dataset` as CSV text to `out` (which is not closed).
    ///
    /// @throws IOException if `out` fails
    public static void writeTo(Dataset dataset, Writer out, JobContext ctx) throws IOException {
        int columns = dataset.columnCount();
        int rows = dataset.rowCount();
        boolean single = columns == 1;
        StringBuilder line = new StringBuilder(256);
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                line.append(DELIMITER);
            }
            appendField(line, dataset.schema().get(c).name(), single);
        }
        line.append(NEWLINE);
        out.write(line.toString());
        for (int r = 0; r < rows; r++) {
            if (r % CHECK_EVERY == 0) {
                ctx.throwIfCancelled();
                ctx.progress(r, rows);
            }
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append(DELIMITER);
                }
                appendField(line, dataset.text(r, c), single);
            }
            line.append(NEWLINE);
            out.write(line.toString());
        }
        ctx.progress(rows, rows);
    }

    /// Appends `value` to `line`, quoted if needed. An empty value in a one-column file is written as `""`.
    static void appendField(StringBuilder line, String value, boolean singleColumn) {
        if (value.isEmpty()) {
            if (singleColumn) {
                line.append(QUOTE).append(QUOTE);
            }
            return;
        }
        if (!needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append(QUOTE);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == QUOTE) {
                line.append(QUOTE);
            }
            line.append(ch);
        }
        line.append(QUOTE);
    }

    private static boolean needsQuotes(String value) {
        if (ValueParsers.isSpace(value.charAt(0)) || ValueParsers.isSpace(value.charAt(value.length() - 1))) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            // other delimiters are quoted too, so that delimiter detection is never misled when re-reading
            if (ch == DELIMITER || ch == QUOTE || ch == '\n' || ch == '\r' || ch == ';' || ch == '\t' || ch == '|'
                    || ch == '\uFEFF' && i == 0) {
                return true;
            }
        }
        return false;
    }
}
