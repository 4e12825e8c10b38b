package dev.atelier.engine.data.io;

import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.JsonDocuments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// The one entry point for reading data: finds out what kind of source it is ([DataFormat]) from the name and
/// the first bytes, checks that it fits in memory, and hands it to the importer for that format. Every importer
/// reports what it inferred ([ImportResult#inferred()]) and accepts overrides ([ImportOptions]); bad input is a
/// [DataException] with a plain-language [ErrorCode], never a crash, and the source is only ever read.
///
/// **Detection** (unless [ImportOptions#format()] says): a folder → image folder; `.xlsx/.xlsm/.xls` → Excel;
/// `.json` → JSON (or JSON Lines / DeepAR when the content is one object per line); `.jsonl/.ndjson/.manifest` →
/// JSON Lines, or DeepAR when the first record has `start` and a `target` array; `.parquet` → Parquet;
/// `.db/.sqlite/.sqlite3` → SQLite; `.lst` → image list; `.corpus` → text corpus; `.txt` → text corpus when it
/// starts with `__label__`, otherwise delimited text; `jdbc:` locations → SQL. Other names go by their magic
/// bytes (`PAR1`, `SQLite format 3`, a zip or OLE2 container, `[`/`{`), else delimited text.
///
/// **Memory guard**: before reading, [#estimate] predicts the memory the import needs from the file size and a
/// sample of its rows, and compares it with what the JVM can still use ([Runtime#maxMemory()] minus what is in
/// use). When it does not fit, [#read] either fails with [ErrorCode#IMPORT_TOO_BIG] or — when
/// [ImportOptions#sampleIfTooBig()] — reads a sample of [ImportOptions#sampleRows()] rows (20,000 by default,
/// like SageMaker Canvas) and says so with [ErrorCode#IMPORT_SAMPLED], instead of running out of memory.
public final class DataImporter {
    /// How many rows a sample has unless the options say otherwise (SageMaker Canvas's default).
    public static final int DEFAULT_SAMPLE_ROWS = 20_000;
    /// The share of the free heap an import may plan to use.
    static final double HEADROOM = 0.6;
    private static final int HEAD_BYTES = 1 << 20;

    private DataImporter() {
    }

    /// Reads `location` (a file or folder path, or a `jdbc:` URL) as `options` say.
    ///
    /// @throws DataException if the source cannot be read as a table (or is too big and sampling is off)
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled
    public static ImportResult read(String location, ImportOptions options, JobContext ctx) {
        return read(location, null, options, ctx);
    }

    /// Reads `location` as `options` say; a `jdbc:` URL is opened with `login` if given (the studio's user and
    /// password fields; never saved).
    ///
    /// @throws DataException if the source cannot be read as a table, the database cannot be reached or refuses the
    ///         login (or the data is too big and sampling is off)
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled
    public static ImportResult read(String location, @Nullable DatabaseLogin login, ImportOptions options,
                                    JobContext ctx) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(ctx, "ctx");
        if (isJdbcUrl(location)) {
            return IdColumns.apply(SqlImporter.readUrl(location, login, options, ctx));
        }
        return read(Path.of(location), options, ctx);
    }

    /// Reads the file or folder `file` as `options` say.
    ///
    /// @throws DataException if it cannot be read as a table (or is too big and sampling is off)
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled
    public static ImportResult read(Path file, ImportOptions options, JobContext ctx) {
        return read(file, options, ctx, availableMemory());
    }

    /// [#read(Path, ImportOptions, JobContext)] with the available memory given (for tests of the guard).
    static ImportResult read(Path file, ImportOptions options, JobContext ctx, long available) {
        DataFormat format = options.format() != null ? options.format() : detect(file);
        if (format != DataFormat.IMAGE_FOLDER && format != DataFormat.SQL) {
            check(file);
        }
        SizeEstimate estimate = estimate(file, format, options, available);
        if (!estimate.fits() && (options.maxRows() == 0 || options.maxRows() > options.sampleRows())) {
            if (!options.sampleIfTooBig()) {
                throw new DataException(ErrorCode.IMPORT_TOO_BIG, file.toString(), estimate.megabytes(),
                        estimate.availableMegabytes());
            }
            ImportResult sample = format == DataFormat.CSV
                    ? CsvSampler.reservoir(file, options, options.sampleRows(), ctx)
                    : readAs(file, format, options.withMaxRows(options.sampleRows()), ctx);
            List<Diagnostic> diagnostics = new ArrayList<>(sample.diagnostics());
            diagnostics.removeIf(d -> d.code() == ErrorCode.IMPORT_ROW_LIMIT_REACHED);
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_SAMPLED, sample.dataset().rowCount(),
                    estimate.rows(), format == DataFormat.CSV ? "a random sample spread over the whole file"
                            : "the first rows"));
            return new ImportResult(sample.dataset(), sample.format(), diagnostics, sample.source(),
                    sample.inferred());
        }
        return readAs(file, format, options, ctx);
    }

    private static ImportResult readAs(Path file, DataFormat format, ImportOptions options, JobContext ctx) {
        if (format == DataFormat.CSV) {
            return CsvImporter.read(file, options.csv(), ctx); // gives identifiers their role itself
        }
        return IdColumns.apply(readOther(file, format, options, ctx));
    }

    private static ImportResult readOther(Path file, DataFormat format, ImportOptions options, JobContext ctx) {
        return switch (format) {
            case CSV -> CsvImporter.read(file, options.csv(), ctx);
            case EXCEL -> ExcelImporter.read(file, options, ctx);
            case JSON -> JsonImporter.read(file, options, false, ctx);
            case JSON_LINES -> JsonImporter.read(file, options, true, ctx);
            case DEEPAR -> DeepArImporter.read(file, options, ctx);
            case PARQUET -> ParquetImporter.read(file, options, ctx);
            case SQL -> {
                check(file);
                if (!startsWith(head(file, 16), "SQLite format 3")) {
                    throw new DataException(ErrorCode.IMPORT_FILE_CORRUPT, file.toString(), "SQLite database",
                            "it does not start with the SQLite header");
                }
                yield SqlImporter.readSqlite(file, options, ctx);
            }
            case TEXT_CORPUS -> TextCorpusImporter.read(file, options, ctx);
            case IMAGE_FOLDER -> {
                if (!Files.exists(file)) {
                    throw new DataException(ErrorCode.FILE_NOT_FOUND, file.toString());
                }
                if (!Files.isDirectory(file)) {
                    throw new DataException(ErrorCode.IMPORT_NO_IMAGES, file.toString());
                }
                yield ImageImporter.readFolder(file, options, ctx);
            }
            case IMAGE_LIST -> ImageImporter.readList(file, options, ctx);
        };
    }

    /// The first `rows` rows of `location`, read without going through the whole file (for CSV this reads only
    /// the start of the file, so it takes about the same time for 1 MB and 10 GB).
    public static ImportResult preview(String location, ImportOptions options, int rows) {
        return preview(location, null, options, rows);
    }

    /// [#preview(String, ImportOptions, int)] with a database login for a `jdbc:` URL.
    public static ImportResult preview(String location, @Nullable DatabaseLogin login, ImportOptions options,
                                       int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be ≥ 1 but was " + rows);
        }
        ImportOptions limited = options.withMaxRows(rows);
        if (isJdbcUrl(location)) {
            return IdColumns.apply(SqlImporter.readUrl(location, login, limited, JobContext.silent()));
        }
        Path file = Path.of(location);
        DataFormat format = options.format() != null ? options.format() : detect(file);
        return readAs(file, format, limited, JobContext.silent());
    }

    /// The tables and views of the database at the JDBC URL `url`, for the user to choose from.
    ///
    /// @throws DataException if there is no driver for the URL, the server cannot be reached or refuses the login
    public static List<String> databaseTables(String url, @Nullable DatabaseLogin login) {
        Objects.requireNonNull(url, "url");
        return SqlImporter.tablesAt(url, login);
    }

    /// Whether `location` is a JDBC URL (`jdbc:…`) rather than a file path.
    public static boolean isDatabaseUrl(String location) {
        return isJdbcUrl(location);
    }

    // ---- detection -----------------------------------------------------------------------------------

    /// What kind of source `file` is, from its name and first bytes.
    ///
    /// @throws DataException `FILE_NOT_FOUND` if it does not exist
    public static DataFormat detect(Path file) {
        if (Files.isDirectory(file)) {
            return DataFormat.IMAGE_FOLDER;
        }
        if (!Files.exists(file)) {
            throw new DataException(ErrorCode.FILE_NOT_FOUND, file.toString());
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        String ext = name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.') + 1) : "";
        byte[] head = head(file, 4096);
        return switch (ext) {
            case "xlsx", "xlsm", "xls" -> DataFormat.EXCEL;
            case "parquet" -> DataFormat.PARQUET;
            case "db", "sqlite", "sqlite3" -> DataFormat.SQL;
            case "lst" -> DataFormat.IMAGE_LIST;
            case "corpus" -> DataFormat.TEXT_CORPUS;
            case "json", "jsonl", "ndjson", "manifest" -> jsonKind(file, head, ext.equals("json"));
            case "txt" -> startsWith(stripBom(head), TextCorpusImporter.LABEL_PREFIX) ? DataFormat.TEXT_CORPUS
                    : DataFormat.CSV;
            default -> byContent(file, head);
        };
    }

    private static DataFormat byContent(Path file, byte[] head) {
        if (startsWith(head, "PAR1")) {
            return DataFormat.PARQUET;
        }
        if (startsWith(head, "SQLite format 3")) {
            return DataFormat.SQL;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4
                && new String(head, StandardCharsets.ISO_8859_1).contains("[Content_Types].xml")
                || head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
            return DataFormat.EXCEL;
        }
        byte[] text = stripBom(head);
        int i = 0;
        while (i < text.length && Character.isWhitespace(text[i])) {
            i++;
        }
        if (i < text.length && (text[i] == '[' || text[i] == '{')) {
            return jsonKind(file, head, true);
        }
        return DataFormat.CSV;
    }

    /// JSON array, JSON Lines or DeepAR, from the first record.
    private static DataFormat jsonKind(Path file, byte[] head, boolean arrayAllowed) {
        byte[] text = stripBom(head);
        int i = 0;
        while (i < text.length && Character.isWhitespace(text[i])) {
            i++;
        }
        if (i < text.length && text[i] == '[' && arrayAllowed) {
            return DataFormat.JSON;
        }
        try (BufferedReader in = JsonImporter.reader(file)) {
            String first = null;
            String second = null;
            String line;
            while ((line = in.readLine()) != null && second == null) {
                if (!line.isBlank()) {
                    if (first == null) {
                        first = line;
                    } else {
                        second = line;
                    }
                }
            }
            if (first == null) {
                return arrayAllowed ? DataFormat.JSON : DataFormat.JSON_LINES;
            }
            Object node = JsonDocuments.parse(first);
            if (DeepArImporter.looksLikeDeepAr(node)) {
                return DataFormat.DEEPAR;
            }
            // a single pretty-printed object spans several lines and its first line is not complete JSON
            return DataFormat.JSON_LINES;
        } catch (JsonDocuments.MalformedJsonException e) {
            return arrayAllowed ? DataFormat.JSON : DataFormat.JSON_LINES;
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, file.toString(), e.getMessage());
        }
    }

    // ---- memory guard --------------------------------------------------------------------------------

    /// A prediction of how big an import will be.
    ///
    /// @param fileBytes      the file's size
    /// @param rows           the estimated number of rows
    /// @param columns        the number of columns in the sample
    /// @param bytes          the estimated peak memory of the import
    /// @param availableBytes the memory the JVM can still use
    public record SizeEstimate(long fileBytes, long rows, int columns, long bytes, long availableBytes) {
        /// Whether the import is expected to fit, with headroom for the work that follows.
        public boolean fits() {
            return bytes <= HEADROOM * availableBytes;
        }

        /// The estimate in MB.
        public long megabytes() {
            return Math.max(1, bytes >> 20);
        }

        /// The available memory in MB.
        public long availableMegabytes() {
            return availableBytes >> 20;
        }
    }

    /// Estimates the memory needed to import `file` (see the class comment) from its size and its first
    /// megabyte: rows = size × (records in the sample / sample bytes); bytes per format: for delimited text
    /// 2 bytes per character (text held as UTF-16 while typing) + 26 bytes per cell (measured: a 1 GB CSV of
    /// 15 M rows × 12 columns peaked at 6.8 GB); for the other text formats
    /// and Parquet about 64 bytes per cell (cells are held as strings before typing); Excel 12× the file size for
    /// .xlsx (POI's in-memory model of the unzipped XML) and 4× for .xls.
    public static SizeEstimate estimate(Path file, DataFormat format, ImportOptions options) {
        return estimate(file, format, options, availableMemory());
    }

    /// The heap the JVM can still grow into: its maximum minus what is in use now.
    public static long availableMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    static SizeEstimate estimate(Path file, DataFormat format, ImportOptions options, long available) {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            size = 0;
        }
        if (size == 0 || format == DataFormat.IMAGE_FOLDER || format == DataFormat.SQL
                || format == DataFormat.IMAGE_LIST) {
            return new SizeEstimate(size, 0, 0, 0, available);
        }
        if (format == DataFormat.EXCEL) {
            boolean xls = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".xls");
            return new SizeEstimate(size, 0, 0, size * (xls ? 4 : 12), available);
        }
        byte[] head = head(file, HEAD_BYTES);
        long lines = 0;
        for (byte b : head) {
            if (b == '\n') {
                lines++;
            }
        }
        long rows = head.length >= size ? Math.max(1, lines) : Math.max(1, lines * size / Math.max(1, head.length));
        int columns = 1;
        if (format == DataFormat.CSV && lines > 1) {
            try {
                columns = Math.max(1, CsvImporter.preview(file, options.csv(), 50).dataset().columnCount());
            } catch (DataException e) {
                columns = 1; // the real read reports the problem
            }
        } else if (format == DataFormat.PARQUET) {
            columns = 16;
        } else {
            columns = 8;
        }
        long cells = rows * columns;
        long bytes = format == DataFormat.CSV ? 2 * size + 26 * cells : 2 * size + 64 * cells;
        return new SizeEstimate(size, rows, columns, bytes, available);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /// A short name for `location` in progress messages: the file or folder name, or the URL without passwords.
    public static String displayName(String location) {
        if (isJdbcUrl(location)) {
            return SqlImporter.redact(location);
        }
        Path p = Path.of(location).getFileName();
        return p == null ? location : p.toString();
    }

    /// `location` safe to show or save: a JDBC URL without its passwords, a path unchanged.
    public static String redact(String location) {
        return isJdbcUrl(location) ? SqlImporter.redact(location) : location;
    }

    static boolean isJdbcUrl(String location) {
        return location.regionMatches(true, 0, "jdbc:", 0, 5);
    }

    private static void check(Path file) {
        String path = file.toString();
        if (!Files.exists(file)) {
            throw new DataException(ErrorCode.FILE_NOT_FOUND, path);
        }
        if (Files.isDirectory(file)) {
            throw new DataException(ErrorCode.FILE_IS_DIRECTORY, path);
        }
        try {
            if (Files.size(file) == 0) {
                throw new DataException(ErrorCode.FILE_EMPTY, path);
            }
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
        }
    }

    static byte[] head(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, file.toString(), e.getMessage());
        }
    }

    /// The character set of a text file: the one the options pin, else sniffed as for CSV.
    static Charset sniffCharset(Path file, ImportOptions options) {
        if (options.csv().charset() != null) {
            try {
                return Charset.forName(options.csv().charset());
            } catch (RuntimeException e) {
                throw new DataException(e, ErrorCode.IMPORT_BAD_ENCODING, file.toString(), options.csv().charset());
            }
        }
        byte[] head = head(file, 64 * 1024);
        boolean complete;
        try {
            complete = head.length >= Files.size(file);
        } catch (IOException e) {
            complete = true;
        }
        return FormatSniffer.sniffCharset(head, head.length, complete);
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] stripBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(b, 3, b.length);
        }
        return b;
    }
}
