package dev.atelier.engine.data.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/// A streaming RFC 4180 record reader with the leniency real files need.
///
/// - Fields are separated by `delimiter`; records end at LF, CR or CRLF.
/// - A field that starts with `quote` (after optional spaces) is quoted: it may contain delimiters, line
///   breaks and doubled quotes (`""` → `"`). Text after the closing quote is kept literally.
/// - A quote inside an unquoted field is an ordinary character.
/// - Unquoted fields lose surrounding spaces and tabs; quoted fields keep everything between the quotes.
/// - Empty and whitespace-only lines are skipped.
/// - A leading byte-order mark (U+FEFF) is dropped.
/// - A quote that is never closed swallows the rest of the input into its field; [#unterminatedQuoteLine()]
///   then tells where it started.
///
/// Each call to [#next()] overwrites the previous record; the fields are slices of [#chars()].
final class CsvTokenizer {
    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final char[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean firstFill = true;
    private boolean pendingLf;
    private boolean quotedCr;
    private long line = 1;

    private char[] row = new char[1024];
    private int rowLen;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fields;
    private boolean firstFieldQuoted;
    private long recordLine;
    private long unterminatedQuoteLine = -1;
    private long records;

    CsvTokenizer(Reader in, char delimiter, char quote) {
        this(in, delimiter, quote, 1 << 16);
    }

    CsvTokenizer(Reader in, char delimiter, char quote, int bufferSize) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.buf = new char[bufferSize];
    }

    /// Reads the next non-blank record; false at the end of input.
    boolean next() throws IOException {
        while (readRecord()) {
            if (fields == 1 && starts[0] == ends[0] && !firstFieldQuoted) {
                continue; // blank line
            }
            records++;
            return true;
        }
        return false;
    }

    /// Skips the rest of the current physical line (used for a spreadsheet's `sep=;` line), ignoring quotes.
    void skipLine() throws IOException {
        while (pos < limit || fill()) {
            char c = buf[pos++];
            if (c == '\n' || c == '\r') {
                endLine(c);
                return;
            }
        }
    }

    /// Number of fields in the current record.
    int fieldCount() {
        return fields;
    }

    /// The characters of the current record; field `i` is `chars()[start(i) .. end(i))`.
    char[] chars() {
        return row;
    }

    /// Start offset of field `i`.
    int start(int i) {
        return starts[i];
    }

    /// End offset (exclusive) of field `i`.
    int end(int i) {
        return ends[i];
    }

    /// Field `i` as a string.
    String field(int i) {
        return new String(row, starts[i], ends[i] - starts[i]);
    }

    /// The physical line (1-based) on which the current record starts.
    long recordLine() {
        return recordLine;
    }

    /// Number of records returned so far.
    long records() {
        return records;
    }

    /// The line where a never-closed quote started, or -1.
    long unterminatedQuoteLine() {
        return unterminatedQuoteLine;
    }

    /// Whether the whole input has been consumed.
    boolean atEnd() {
        return eof && pos >= limit;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        if (firstFill) {
            firstFill = false;
            if (buf[0] == '\uFEFF') {
                pos = 1;
                if (limit == 1) {
                    return fill();
                }
            }
        }
        return true;
    }

    private boolean readRecord() throws IOException {
        fields = 0;
        rowLen = 0;
        firstFieldQuoted = false;
        if (pos >= limit && !fill()) {
            return false;
        }
        if (pendingLf) {
            pendingLf = false;
            if (buf[pos] == '\n') {
                pos++;
                if (pos >= limit && !fill()) {
                    return false;
                }
            }
        }
        recordLine = line;
        final char d = delimiter;
        final char q = quote;
        int state = START;
        int fieldStart = 0;
        int trimFloor = 0;
        long quoteLine = -1;
        while (true) {
            if (pos >= limit && !fill()) {
                // end of input ends the record
                if (state == QUOTED && unterminatedQuoteLine < 0) {
                    unterminatedQuoteLine = quoteLine;
                }
                int fs = state == START ? rowLen : fieldStart;
                endField(fs, state == UNQUOTED ? trimmedEnd(trimFloor) : rowLen);
                return true;
            }
            char c = buf[pos++];
            switch (state) {
                case START -> {
                    fieldStart = rowLen;
                    trimFloor = rowLen;
                    if (c == d) {
                        endField(fieldStart, rowLen);
                    } else if (c == '\n' || c == '\r') {
                        endLine(c);
                        endField(fieldStart, rowLen);
                        return true;
                    } else if (c == q) {
                        state = QUOTED;
                        quoteLine = line;
                        quotedCr = false;
                        if (fields == 0) {
                            firstFieldQuoted = true;
                        }
                    } else if (c != ' ' && c != '\t') {
                        state = UNQUOTED;
                        pos--;
                        scanUnquoted(d);
                    }
                }
                case UNQUOTED -> {
                    if (c == d) {
                        endField(fieldStart, trimmedEnd(trimFloor));
                        state = START;
                    } else if (c == '\n' || c == '\r') {
                        endLine(c);
                        endField(fieldStart, trimmedEnd(trimFloor));
                        return true;
                    } else {
                        pos--;
                        scanUnquoted(d);
                    }
                }
                case QUOTED -> {
                    if (c == q) {
                        state = QUOTE_SEEN;
                    } else {
                        pos--;
                        scanQuoted(q);
                    }
                }
                case QUOTE_SEEN -> {
                    if (c == q) {
                        append(q);
                        quotedCr = false;
                        state = QUOTED;
                    } else if (c == d) {
                        endField(fieldStart, rowLen);
                        state = START;
                    } else if (c == '\n' || c == '\r') {
                        endLine(c);
                        endField(fieldStart, rowLen);
                        return true;
                    } else if (c != ' ' && c != '\t') {
                        // lenient: text after a closing quote is kept literally
                        trimFloor = rowLen;
                        state = UNQUOTED;
                        pos--;
                        scanUnquoted(d);
                    }
                }
                default -> throw new AssertionError(state);
            }
        }
    }

    /// Copies characters up to the next delimiter or line break (or buffer end) into the row.
    private void scanUnquoted(char d) {
        int p = pos;
        final int lim = limit;
        final char[] b = buf;
        while (p < lim) {
            char c = b[p];
            if (c == d || c == '\n' || c == '\r') {
                break;
            }
            p++;
        }
        appendRun(pos, p);
        pos = p;
    }

    /// Copies characters up to the next quote (or buffer end) into the row, counting line breaks.
    private void scanQuoted(char q) {
        int p = pos;
        final int lim = limit;
        final char[] b = buf;
        while (p < lim) {
            char c = b[p];
            if (c == q) {
                break;
            }
            if (c == '\n') {
                if (!quotedCr) {
                    line++;
                }
                quotedCr = false;
            } else if (c == '\r') {
                line++;
                quotedCr = true;
            } else {
                quotedCr = false;
            }
            p++;
        }
        appendRun(pos, p);
        pos = p;
    }

    private void endLine(char c) {
        line++;
        if (c == '\r') {
            pendingLf = true;
        }
    }

    private int trimmedEnd(int floor) {
        int e = rowLen;
        while (e > floor && (row[e - 1] == ' ' || row[e - 1] == '\t')) {
            e--;
        }
        return e;
    }

    private void endField(int start, int end) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        fields++;
    }

    private void append(char c) {
        if (rowLen == row.length) {
            row = Arrays.copyOf(row, row.length * 2);
        }
        row[rowLen++] = c;
    }

    private void appendRun(int from, int to) {
        int n = to - from;
        if (rowLen + n > row.length) {
            row = Arrays.copyOf(row, Math.max(rowLen + n, row.length * 2));
        }
        System.arraycopy(buf, from, row, rowLen, n);
        rowLen += n;
    }
}
