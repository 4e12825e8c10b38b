package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.ColumnInference.Converted;
import dev.atelier.engine.data.io.ColumnInference.Guess;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.job.Parallel;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// Reads delimited text files (CSV, TSV, semicolon- and pipe-separated) into a [Dataset], detecting what the
/// user did not pin in [CsvOptions]: character set, delimiter, header row and column types.
///
/// The reader streams the file once through its own RFC 4180 tokenizer into compact per-column buffers, then
/// infers each column's type (see [ValueParsers] for what reads as a number, date or true/false value) and
/// converts it. Values are never silently changed: codes like `007` keep their zeros, unreadable values in
/// a numeric or date column become missing with a [Diagnostic], and the returned [ImportResult#format()] pins
/// everything that was detected so that reading again gives the same dataset.
///
/// Fatal problems throw [DataException]: [ErrorCode#FILE_NOT_FOUND], [ErrorCode#FILE_IS_DIRECTORY],
/// [ErrorCode#FILE_UNREADABLE], [ErrorCode#FILE_EMPTY], [ErrorCode#FILE_BINARY], [ErrorCode#IMPORT_NO_ROWS],
/// [ErrorCode#IMPORT_BAD_ENCODING]. Cancellation throws `CancellationException` and keeps nothing.
public final class CsvImporter {
    /// How many bytes the format detection looks at.
    static final int HEAD_BYTES = 64 * 1024;
    private static final long UNITS = 1_000_000L;
    private static final long READ_UNITS = 850_000L;
    private static final int CHECK_EVERY = 1024;

    static {
        // Tablesaw's column types initialise one another from static initialisers; creating them first from two
        // threads at once (the parallel typing below) can deadlock, so they are all initialised here, once.
        tech.tablesaw.api.ColumnType.values();
        tech.tablesaw.api.DoubleColumn.create("d");
        StringColumn.create("s");
        tech.tablesaw.api.BooleanColumn.create("b");
        tech.tablesaw.api.DateTimeColumn.create("t");
        tech.tablesaw.api.DateColumn.create("d");
        tech.tablesaw.api.IntColumn.create("i");
        tech.tablesaw.api.LongColumn.create("l");
    }

    private CsvImporter() {
    }

    /// Reads `file` with every format detail detected, the default missing markers and no progress reporting.
    ///
    /// @throws DataException if the file cannot be read as a table
    public static ImportResult read(Path file) {
        return read(file, CsvOptions.defaults(), JobContext.silent());
    }

    /// Reads only the first `rows` data rows of `file`, for a quick preview of how it will be read.
    ///
    /// @throws DataException if the file cannot be read as a table
    public static ImportResult preview(Path file, CsvOptions options, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be ≥ 1 but was " + rows);
        }
        return read(file, options.withMaxRows(rows), JobContext.silent());
    }

    /// Reads `file` as `options` say, detecting what they leave open, reporting progress (bytes read) and
    /// the status keys `job.import.reading` (file name) then `job.import.inferring` (file name) to `ctx`.
    ///
    /// @throws DataException if the file cannot be read as a table
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled
    public static ImportResult read(Path file, CsvOptions options, JobContext ctx) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(ctx, "ctx");
        ctx.throwIfCancelled();
        String path = file.toString();
        String fileName = file.getFileName() == null ? path : file.getFileName().toString();
        long size = checkFile(file);
        ctx.status("job.import.reading", fileName);
        Progress progress = new Progress(ctx);
        progress.report(0);

        byte[] head = readHead(file);
        boolean complete = head.length < HEAD_BYTES;
        boolean guessedCharset = options.charset() == null;
        Charset charset = guessedCharset
                ? FormatSniffer.sniffCharset(head, head.length, complete)
                : lookupCharset(options.charset(), path);
        String binary = FormatSniffer.binaryKind(head, head.length, charset);
        if (binary != null) {
            throw new DataException(ErrorCode.FILE_BINARY, path, binary);
        }
        String sample = decodeSample(head, charset);
        if (complete && sample.isBlank()) {
            throw new DataException(ErrorCode.FILE_EMPTY, path);
        }
        // spreadsheet exports may start with a "sep=;" line that names the delimiter
        @Nullable Character excelSeparator = FormatSniffer.excelSeparator(sample);
        boolean skipFirstLine = excelSeparator != null;
        if (skipFirstLine) {
            int eol = sample.indexOf('\n');
            int cr = sample.indexOf('\r');
            int cut = eol < 0 ? cr : cr < 0 ? eol : Math.min(eol, cr);
            sample = cut < 0 ? "" : sample.substring(cut + 1);
        }
        @Nullable Character delimiter = options.delimiter() != null ? options.delimiter() : excelSeparator;
        FormatSniffer.Layout layout = FormatSniffer.sniffLayout(sample, options.quote(), delimiter, complete);

        RawTable raw;
        try {
            raw = readRecords(file, charset, layout, options, skipFirstLine, size,
                    sizing(sample, head.length, size, layout, options), progress, ctx);
        } catch (CharacterCodingException e) {
            if (guessedCharset && charset.equals(StandardCharsets.UTF_8)) {
                charset = FormatSniffer.WINDOWS_1252;
                try {
                    raw = readRecords(file, charset, layout, options, skipFirstLine, size,
                            sizing(sample, head.length, size, layout, options), progress, ctx);
                } catch (CharacterCodingException again) {
                    throw new DataException(again, ErrorCode.IMPORT_BAD_ENCODING, path, charset.name());
                }
            } else {
                throw new DataException(e, ErrorCode.IMPORT_BAD_ENCODING, path, charset.name());
            }
        }
        if (raw.records == 0) {
            throw new DataException(ErrorCode.FILE_EMPTY, path);
        }
        ctx.throwIfCancelled();
        ctx.status("job.import.inferring", fileName);
        ImportResult result = build(path, fileName, raw, layout, charset, options, progress, ctx);
        if (guessedCharset && charset.equals(FormatSniffer.WINDOWS_1252)
                && FormatSniffer.hasUtf8Sequence(head, head.length)) {
            // some of the text is UTF-8, some is not: say so, since accents will look wrong in one part
            List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_MIXED_ENCODING, path, charset.name()));
            result = new ImportResult(result.dataset(), result.format(), diagnostics, result.source(),
                    result.inferred());
        }
        return result;
    }

    // ---- checks and sniffing -------------------------------------------------------------------------

    private static long checkFile(Path file) {
        String path = file.toString();
        if (!Files.exists(file)) {
            throw new DataException(ErrorCode.FILE_NOT_FOUND, path);
        }
        if (Files.isDirectory(file)) {
            throw new DataException(ErrorCode.FILE_IS_DIRECTORY, path);
        }
        if (!Files.isReadable(file)) {
            throw new DataException(ErrorCode.FILE_UNREADABLE, path, "permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (size == 0) {
            throw new DataException(ErrorCode.FILE_EMPTY, path);
        }
        return size;
    }

    private static DataException unreadable(Path file, IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> new DataException(e, ErrorCode.FILE_NOT_FOUND, file.toString());
            case AccessDeniedException _ -> new DataException(e, ErrorCode.FILE_UNREADABLE, file.toString(),
                    "permission denied");
            default -> new DataException(e, ErrorCode.FILE_UNREADABLE, file.toString(),
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        };
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static Charset lookupCharset(String name, String path) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DataException(e, ErrorCode.IMPORT_BAD_ENCODING, path, name);
        }
    }

    private static String decodeSample(byte[] head, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String s;
        try {
            s = decoder.decode(ByteBuffer.wrap(head)).toString();
        } catch (CharacterCodingException e) {
            s = new String(head, charset);
        }
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static CharsetDecoder decoder(Charset charset) {
        // windows-1252 is the "anything goes" fallback: its five undefined bytes are replaced, not fatal
        CodingErrorAction action = charset.equals(FormatSniffer.WINDOWS_1252)
                ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        return charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    // ---- reading records -----------------------------------------------------------------------------

    /// The raw cells of the whole file (or the first records up to the row limit).
    private static final class RawTable {
        TextColumnBuffer[] columns = new TextColumnBuffer[0];
        String[] firstRow = new String[0];
        int firstCount;
        int records;
        int[] fieldCounts = new int[1024];
        long[] lines = new long[1024];
        final BitSet extraValues = new BitSet();
        boolean more;
        long unterminatedQuoteLine = -1;
    }

    /// Expected storage per column, estimated from the sample, so that column buffers rarely need to grow.
    ///
    /// @param records expected number of records
    /// @param chars   expected characters per column (index = column)
    private record Sizing(long records, long[] chars) {
        long charsOf(int column) {
            return column < chars.length ? chars[column] : 256;
        }
    }

    private static Sizing sizing(String sample, int sampleBytes, long size, FormatSniffer.Layout layout,
                                 CsvOptions options) {
        long[] sums = new long[Math.max(1, layout.columns())];
        int records = 0;
        try {
            CsvTokenizer t = new CsvTokenizer(new StringReader(sample), layout.delimiter(), options.quote(), 8192);
            while (t.next()) {
                records++;
                for (int j = 0; j < Math.min(t.fieldCount(), sums.length); j++) {
                    sums[j] += t.end(j) - t.start(j);
                }
            }
        } catch (IOException e) {
            return new Sizing(1024, new long[0]);
        }
        if (records == 0 || sampleBytes == 0) {
            return new Sizing(1024, new long[0]);
        }
        double scale = (double) size / sampleBytes;
        long expectedRecords = (long) Math.ceil(records * scale * 1.05) + 16;
        if (options.maxRows() > 0) {
            expectedRecords = Math.min(expectedRecords, options.maxRows() + 2);
        }
        double perRecord = (double) expectedRecords / records;
        long[] chars = new long[sums.length];
        for (int j = 0; j < sums.length; j++) {
            chars[j] = (long) (sums[j] * perRecord * 1.05) + 256;
        }
        return new Sizing(expectedRecords, chars);
    }

    private static RawTable readRecords(Path file, Charset charset, FormatSniffer.Layout layout, CsvOptions options,
                                        boolean skipFirstLine, long size, Sizing sizing, Progress progress,
                                        JobContext ctx)
            throws CharacterCodingException {
        RawTable raw = new RawTable();
        int initialRows = (int) Math.clamp(sizing.records(), 16, 1 << 26);
        raw.fieldCounts = new int[initialRows];
        raw.lines = new long[initialRows];
        MissingMarkers missing = new MissingMarkers(options.missingMarkers());
        long limit = options.maxRows() > 0 ? options.maxRows() + 1 : Long.MAX_VALUE;
        int expected = 0;
        try (InputStream in = Files.newInputStream(file);
             CountingInputStream counted = new CountingInputStream(in);
             Reader reader = new InputStreamReader(counted, decoder(charset))) {
            CsvTokenizer t = new CsvTokenizer(reader, layout.delimiter(), options.quote());
            if (skipFirstLine) {
                t.skipLine();
            }
            for (int k = 0; k < layout.preamble() && t.next(); k++) {
                // a title above the table
            }
            TextColumnBuffer[] cols = raw.columns;
            while (t.next()) {
                int n = t.fieldCount();
                char[] a = t.chars();
                if (raw.records == 0) {
                    raw.firstCount = n;
                    expected = Math.max(n, layout.columns());
                    cols = new TextColumnBuffer[expected];
                    for (int j = 0; j < expected; j++) {
                        cols[j] = TextColumnBuffer.withCapacity(sizing.charsOf(j), sizing.records());
                    }
                    raw.columns = cols;
                    raw.firstRow = new String[n];
                    for (int j = 0; j < n; j++) {
                        raw.firstRow[j] = t.field(j);
                    }
                } else if (raw.records >= limit) {
                    raw.more = true;
                    break;
                }
                int m = Math.min(n, expected);
                for (int j = 0; j < m; j++) {
                    int s = t.start(j);
                    int e = t.end(j);
                    if (missing.matches(a, s, e)) {
                        cols[j].addMissing();
                    } else {
                        cols[j].add(a, s, e);
                    }
                }
                for (int j = m; j < expected; j++) {
                    cols[j].addMissing();
                }
                for (int j = expected; j < n; j++) {
                    if (!missing.matches(a, t.start(j), t.end(j))) {
                        raw.extraValues.set(raw.records);
                        break;
                    }
                }
                if (raw.records == raw.fieldCounts.length) {
                    raw.fieldCounts = Arrays.copyOf(raw.fieldCounts, raw.records * 2);
                    raw.lines = Arrays.copyOf(raw.lines, raw.records * 2);
                }
                raw.fieldCounts[raw.records] = n;
                raw.lines[raw.records] = t.recordLine();
                raw.records++;
                if (raw.records % CHECK_EVERY == 0) {
                    ctx.throwIfCancelled();
                    progress.report(Math.min(READ_UNITS, (long) ((double) counted.count * READ_UNITS / size)));
                }
            }
            raw.unterminatedQuoteLine = t.unterminatedQuoteLine();
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        progress.report(READ_UNITS);
        return raw;
    }

    // ---- building the dataset ------------------------------------------------------------------------

    private static ImportResult build(String path, String fileName, RawTable raw, FormatSniffer.Layout layout,
                                      Charset charset, CsvOptions options, Progress progress, JobContext ctx) {
        char delimiter = layout.delimiter();
        TextColumnBuffer[] cols = raw.columns;
        // trailing columns beyond the first row that hold nothing at all (trailing delimiters) are dropped
        int width = cols.length;
        while (width > Math.max(1, raw.firstCount) && cols[width - 1].missingCount() == raw.records) {
            width--;
        }
        @Nullable Guess[] detectGuesses = new Guess[width];
        boolean header = switch (options.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case DETECT -> detectHeader(raw, width, detectGuesses);
        };
        int from = header ? 1 : 0;
        int to = raw.records;
        boolean limited = raw.more;
        if (options.maxRows() > 0 && to - from > options.maxRows()) {
            to = from + (int) options.maxRows();
            limited = true;
        }
        if (to <= from) {
            throw new DataException(ErrorCode.IMPORT_NO_ROWS, path);
        }

        List<Diagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_FORMAT_DETECTED, FormatSniffer.delimiterWord(delimiter),
                charset.name(), header ? "with a header row" : "no header row"));
        if (layout.preamble() > 0) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_LINES_SKIPPED, layout.preamble()));
        }
        if (raw.unterminatedQuoteLine >= 0) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_UNTERMINATED_QUOTE, raw.unterminatedQuoteLine));
        }
        int ragged = 0;
        long firstRagged = -1;
        for (int r = from; r < to; r++) {
            if (raw.fieldCounts[r] < width || raw.extraValues.get(r)) {
                if (ragged++ == 0) {
                    firstRagged = raw.lines[r];
                }
            }
        }
        if (ragged > 0) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_RAGGED_ROWS, ragged, width, firstRagged));
        }
        List<String> names = columnNames(raw, width, header, diagnostics);
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, to - from, options.maxRows()));
        }

        // each column is typed on its own, so the columns are typed in parallel (the diagnostics keep column order)
        Typed[] typed = new Typed[width];
        boolean fullRange = from == 1 && to == raw.records;
        int last = to;
        int typedWidth = width;
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Parallel.forEachIndex("atelier-csv", width, j -> {
            ctx.throwIfCancelled();
            typed[j] = typeColumn(names.get(j), cols[j], from, last, fullRange ? detectGuesses[j] : null, options);
            cols[j].release(); // let the raw text go as soon as the column is typed
            progress.report(READ_UNITS + done.incrementAndGet() * (UNITS - READ_UNITS) / typedWidth);
        });
        List<Column<?>> columns = new ArrayList<>(width);
        List<ColumnSchema> schema = new ArrayList<>(width);
        for (Typed t : typed) {
            columns.add(t.column());
            schema.add(ColumnSchema.feature(t.column().name(), t.type()));
            diagnostics.addAll(t.diagnostics());
        }
        ctx.throwIfCancelled();
        String datasetName = datasetName(fileName);
        Dataset dataset = Dataset.of(datasetName, Table.create(datasetName, columns), new Schema(schema));
        CsvOptions format = new CsvOptions(delimiter, options.quote(), header ? HeaderMode.PRESENT : HeaderMode.ABSENT,
                charset.name(), options.missingMarkers(), options.maxRows(), options.typeOverrides());
        progress.report(UNITS);
        return IdColumns.apply(new ImportResult(dataset, format, diagnostics));
    }

    /// One typed column and what typing it noticed.
    private record Typed(Column<?> column, ColumnType type, List<Diagnostic> diagnostics) {
    }

    private static Typed typeColumn(String name, TextColumnBuffer b, int from, int to, @Nullable Guess detected,
                                    CsvOptions options) {
        List<Diagnostic> diagnostics = new ArrayList<>(2);
        ColumnType override = options.typeOverrides().get(name);
        Guess g = detected != null ? detected : ColumnInference.infer(b, from, to);
        Column<?> column;
        ColumnType type;
        if (override != null) {
            type = override;
            ValueParsers.NumberStyle style = g.type() == ColumnType.NUMERIC || g.leadingZeros()
                    ? g.numberStyle() : ColumnInference.bestNumberStyle(b, from, to);
            ValueParsers.DateOrder order = g.type() == ColumnType.DATETIME
                    ? g.dateOrder() : ColumnInference.bestDateOrder(b, from, to);
            Converted c = ColumnInference.convert(b, from, to, name, type, style, order, true, null);
            column = c.column();
            reportFailures(diagnostics, name, type, c);
        } else if (g.type() == ColumnType.CATEGORICAL || g.type() == ColumnType.TEXT) {
            ColumnInference.Strings s = ColumnInference.strings(b, from, to);
            type = ColumnInference.labelType(s, g.leadingZeros());
            column = StringColumn.create(name, s.values());
            if (g.leadingZeros()) {
                diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_LEADING_ZEROS_KEPT, name));
            }
        } else {
            type = g.type();
            Converted c = ColumnInference.convert(b, from, to, name, type, g.numberStyle(), g.dateOrder(), false,
                    g.numbers());
            column = c.column();
            reportFailures(diagnostics, name, type, c);
            if (g.orderAssumed()) {
                diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_DATE_ORDER_ASSUMED, name,
                        "month/day/year"));
            }
        }
        return new Typed(column, type, diagnostics);
    }

    private static void reportFailures(List<Diagnostic> diagnostics, String name, ColumnType type, Converted c) {
        if (c.failures() > 0) {
            diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_VALUES_SET_MISSING, c.failures(), name,
                    ValueParsers.typeWord(type), Objects.requireNonNullElse(c.example(), "")));
        }
    }

    private static String datasetName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return base.isBlank() ? "data" : base;
    }

    /// Decides whether the first record is a header. Its non-empty cells must be distinct. Then each typed
    /// column whose first cell does not read as the column's type votes for a header; each whose first cell
    /// does, and each text column whose first cell reappears further down, votes against. A header needs at
    /// least one vote for it and no more votes against. Files of text columns only have a header unless a first
    /// cell reappears in its column. A lone record is a header when none of its cells is empty or reads as a
    /// number, date or true/false value.
    private static boolean detectHeader(RawTable raw, int width, @Nullable Guess[] guesses) {
        TextColumnBuffer[] cols = raw.columns;
        if (raw.records == 1) {
            for (int j = 0; j < width; j++) {
                if (cols[j].isMissing(0) || ColumnInference.looksTyped(cols[j], 0)) {
                    return false;
                }
            }
            return true;
        }
        // a repeated name speaks against a header (names are usually distinct), but does not rule it out: a
        // header with a copied name above typed values is still a header, and its names get renamed
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int j = 0; j < Math.min(width, raw.firstRow.length); j++) {
            String v = raw.firstRow[j].strip();
            if (!v.isEmpty() && !seen.add(v.toLowerCase(Locale.ROOT))) {
                duplicates++;
            }
        }
        int votesFor = 0;
        int votesAgainst = duplicates;
        int repeats = 0;
        boolean anyTyped = false;
        int records = raw.records;
        Parallel.forEachIndex("atelier-csv", width, j -> guesses[j] = ColumnInference.infer(cols[j], 1, records));
        for (int j = 0; j < width; j++) {
            Guess g = guesses[j];
            if (g.type() == ColumnType.CATEGORICAL || g.type() == ColumnType.TEXT) {
                // a column name is almost never also one of the column's values ("ham" above "ham", "spam")
                if (!cols[j].isMissing(0) && cols[j].occursAgain(0, 1, raw.records)) {
                    repeats++;
                }
                continue;
            }
            anyTyped = true;
            if (cols[j].isMissing(0)) {
                continue;
            }
            if (ColumnInference.fits(g, cols[j], 0)) {
                votesAgainst++;
            } else {
                votesFor++;
            }
        }
        if (!anyTyped) {
            return repeats == 0 && duplicates == 0;
        }
        return votesFor >= 1 && votesFor >= votesAgainst + repeats;
    }

    private static List<String> columnNames(RawTable raw, int width, boolean header, List<Diagnostic> diagnostics) {
        List<String> names = new ArrayList<>(width);
        Set<String> used = new HashSet<>();
        if (!header) {
            for (int j = 0; j < width; j++) {
                names.add("column_" + (j + 1));
            }
            return names;
        }
        // names given in the header are reserved first, so a generated name never takes a real one
        for (int j = 0; j < width; j++) {
            String original = j < raw.firstRow.length ? headerName(raw.firstRow[j]) : "";
            if (!original.isEmpty()) {
                used.add(original.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> taken = new HashSet<>();
        for (int j = 0; j < width; j++) {
            String original = j < raw.firstRow.length ? headerName(raw.firstRow[j]) : "";
            String name = original;
            if (name.isEmpty()) {
                name = unique("column_" + (j + 1), used, taken);
            } else if (taken.contains(name.toLowerCase(Locale.ROOT))) {
                name = unique(original, used, taken);
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            used.add(name.toLowerCase(Locale.ROOT));
            if (!name.equals(original)) {
                diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_HEADER_RENAMED, original, name));
            }
            names.add(name);
        }
        return names;
    }

    /// A header cell as a column name: control characters removed, surrounding blanks stripped (Tablesaw
    /// trims names itself, so the schema must hold the same text).
    private static String headerName(String cell) {
        StringBuilder b = new StringBuilder(cell.length());
        cell.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        return b.toString().strip().trim();
    }

    private static String unique(String base, Set<String> used, Set<String> taken) {
        if (!used.contains(base.toLowerCase(Locale.ROOT)) && !taken.contains(base.toLowerCase(Locale.ROOT))) {
            return base;
        }
        for (int k = 2; ; k++) {
            String candidate = base + "_" + k;
            String key = candidate.toLowerCase(Locale.ROOT);
            if (!used.contains(key) && !taken.contains(key)) {
                return candidate;
            }
        }
    }

    // ---- small helpers -------------------------------------------------------------------------------

    /// Reports monotone progress in fixed units.
    private static final class Progress {
        private final JobContext ctx;
        private long last = -1;

        Progress(JobContext ctx) {
            this.ctx = ctx;
        }

        synchronized void report(long units) {
            if (units > last) {
                last = units;
                ctx.progress(units, UNITS);
            }
        }
    }

    /// Counts the bytes read through it (read by the same thread that reads the stream).
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }
}
