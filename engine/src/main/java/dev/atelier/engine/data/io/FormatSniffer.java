package dev.atelier.engine.data.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Guesses how a delimited text file is written from its first bytes: whether it is text at all, its
/// character set, and its field delimiter.
final class FormatSniffer {
    /// The delimiters tried, in order of preference on a tie.
    static final char[] DELIMITERS = {',', '\t', ';', '|'};
    /// How many records the delimiter and column-count guesses look at.
    static final int SAMPLE_RECORDS = 50;
    /// The windows-1252 character set (a superset of Latin-1's printable characters).
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FormatSniffer() {
    }

    /// What the bytes look like if they are not text (e.g. "a PNG image"), or `null` for text. NUL bytes count
    /// as binary unless the text is UTF-16 or UTF-32.
    static @Nullable String binaryKind(byte[] head, int n, @Nullable Charset charset) {
        if (startsWith(head, n, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(head, n, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, n, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(head, n, 'P', 'K', 3, 4) || startsWith(head, n, 'P', 'K', 5, 6)
                || startsWith(head, n, 'P', 'K', 7, 8)) {
            return "a ZIP archive (maybe an Excel .xlsx file)";
        }
        if (startsWith(head, n, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, n, 0x1F, 0x8B)) {
            return "a GZIP-compressed file";
        }
        if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "an older Office document (maybe an Excel .xls file)";
        }
        if (startsWith(head, n, 'P', 'A', 'R', '1')) {
            return "a Parquet data file";
        }
        if (startsWith(head, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "a 7-Zip archive";
        }
        if (startsWith(head, n, 'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f')) {
            return "an SQLite database";
        }
        boolean wide = charset != null && charset.name().startsWith("UTF-16") || charset != null
                && charset.name().startsWith("UTF-32");
        if (!wide) {
            int scan = Math.min(n, 8192);
            int controls = 0;
            for (int i = 0; i < scan; i++) {
                int b = head[i] & 0xFF;
                if (b == 0) {
                    return "binary data";
                }
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
                    controls++;
                }
            }
            // Text tables hardly ever hold control characters; random or compressed bytes hold ~10 %.
            if (controls >= 4 && controls * 100 > scan) {
                return "binary data";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /// The character set announced by a byte-order mark, or `null`.
    static @Nullable Charset bomCharset(byte[] head, int n) {
        if (startsWith(head, n, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, n, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, n, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /// Guesses the character set: a byte-order mark; UTF-16 without one (every other byte NUL); valid UTF-8
    /// (which includes plain ASCII); else windows-1252. `complete` says whether `head` is the whole file
    /// (otherwise a multi-byte sequence cut at the end is forgiven).
    static Charset sniffCharset(byte[] head, int n, boolean complete) {
        Charset bom = bomCharset(head, n);
        if (bom != null) {
            return bom;
        }
        Charset utf16 = bomlessUtf16(head, n);
        if (utf16 != null) {
            return utf16;
        }
        return isUtf8(head, n, complete) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static @Nullable Charset bomlessUtf16(byte[] head, int n) {
        int pairs = Math.min(n, 8192) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs; i++) {
            if (head[2 * i] == 0) {
                evenZeros++;
            }
            if (head[2 * i + 1] == 0) {
                oddZeros++;
            }
        }
        if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /// Whether `head[0, n)` holds at least one well-formed multi-byte UTF-8 sequence (an accented letter
    /// written as UTF-8), whatever else it holds.
    static boolean hasUtf8Sequence(byte[] head, int n) {
        for (int i = 0; i + 1 < n; i++) {
            int b = head[i] & 0xFF;
            int len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (len == 0 || i + len > n) {
                continue;
            }
            boolean ok = true;
            for (int k = 1; k < len && ok; k++) {
                ok = (head[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /// Whether `head[0, n)` is well-formed UTF-8.
    static boolean isUtf8(byte[] head, int n, boolean complete) {
        int i = 0;
        while (i < n) {
            int b = head[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + len > n) {
                return !complete; // cut off at the end of the sample
            }
            int cp = b & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int c = head[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /// The delimiter and column count that best describe `sample`.
    ///
    /// @param delimiter the chosen delimiter
    /// @param columns   the most common field count with it (at least 1)
    /// @param preamble  how many leading one-field records (a title such as "Sales report 2024" above a table
    ///                  of at least three columns) come before the table and should be skipped
    record Layout(char delimiter, int columns, int preamble) {
    }

    /// The most one-field records treated as a title above the table.
    static final int MAX_PREAMBLE = 10;

    /// Tries each delimiter on the first [#SAMPLE_RECORDS] records of `sample` and keeps the one whose field
    /// count (above 1) is the most consistent, weighted by how clean the resulting cells look (a cell that
    /// still holds another candidate delimiter, like `5;2` when splitting `1,5;2,5` at commas, is not clean).
    /// A fixed `pinned` delimiter is only measured. `complete` says whether the sample is the whole file
    /// (otherwise its last record may be cut off and is ignored).
    static Layout sniffLayout(String sample, char quote, @Nullable Character pinned, boolean complete) {
        if (pinned != null) {
            return layout(pinned, measure(sample, pinned, quote, complete));
        }
        Layout best = new Layout(',', 1, 0);
        double bestScore = -1;
        for (char d : DELIMITERS) {
            if (d == quote || sample.indexOf(d) < 0) {
                continue;
            }
            Measure m = measure(sample, d, quote, complete);
            if (m.mode <= 1) {
                continue;
            }
            double score = m.consistency * (0.25 + 0.75 * m.cleanliness);
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && m.mode > best.columns())) {
                bestScore = score;
                best = layout(d, m);
            }
        }
        if (bestScore < 0) {
            return layout(',', measure(sample, ',', quote, complete));
        }
        return best;
    }

    private static Layout layout(char d, Measure m) {
        int columns = Math.max(1, m.mode);
        int preamble = columns >= 3 && m.leadingSingles <= MAX_PREAMBLE ? m.leadingSingles : 0;
        return new Layout(d, columns, preamble);
    }

    /// @param leadingSingles one-field records before the first record with more fields (0 if there is none)
    private record Measure(int mode, double consistency, double cleanliness, int leadingSingles) {
    }

    private static Measure measure(String sample, char d, char quote, boolean complete) {
        CsvTokenizer t = new CsvTokenizer(new StringReader(sample), d, quote, 8192);
        Map<Integer, Integer> counts = new HashMap<>();
        int[] fieldCounts = new int[SAMPLE_RECORDS + 1];
        int records = 0;
        long cells = 0;
        long clean = 0;
        ValueParsers.NumberScanner scanner = new ValueParsers.NumberScanner();
        try {
            while (records <= SAMPLE_RECORDS && t.next()) {
                // the record read past the sample limit only tells whether the last kept record was complete
                if (records == SAMPLE_RECORDS) {
                    records++;
                    break;
                }
                int n = t.fieldCount();
                fieldCounts[records++] = n;
                char[] a = t.chars();
                for (int i = 0; i < n; i++) {
                    cells++;
                    if (isClean(a, t.start(i), t.end(i), d, scanner)) {
                        clean++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int kept = records > SAMPLE_RECORDS ? SAMPLE_RECORDS : records;
        if (!complete && records <= SAMPLE_RECORDS && kept > 1) {
            kept--; // the last record may be cut off by the end of the sample
        }
        if (kept == 0) {
            return new Measure(1, 0, 0, 0);
        }
        for (int i = 0; i < kept; i++) {
            counts.merge(fieldCounts[i], 1, Integer::sum);
        }
        int mode = 1;
        int modeCount = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > modeCount || (e.getValue() == modeCount && e.getKey() > mode)) {
                mode = e.getKey();
                modeCount = e.getValue();
            }
        }
        int singles = 0;
        while (singles < kept && fieldCounts[singles] == 1) {
            singles++;
        }
        if (singles == kept) {
            singles = 0;
        }
        return new Measure(mode, (double) modeCount / kept, cells == 0 ? 0 : (double) clean / cells, singles);
    }

    private static boolean isClean(char[] a, int s, int e, char d, ValueParsers.NumberScanner scanner) {
        boolean hasOther = false;
        for (int i = s; i < e; i++) {
            char c = a[i];
            if (c != d && (c == ',' || c == ';' || c == '\t' || c == '|')) {
                hasOther = true;
                break;
            }
        }
        if (!hasOther) {
            return true;
        }
        return scanner.scan(a, s, e, ValueParsers.NumberStyle.POINT)
                || scanner.scan(a, s, e, ValueParsers.NumberStyle.COMMA);
    }

    /// The delimiter named by a spreadsheet's `sep=X` first line (as Excel writes and reads it), or `null`.
    static @Nullable Character excelSeparator(String sample) {
        if (sample.length() < 5 || !sample.regionMatches(true, 0, "sep=", 0, 4)) {
            return null;
        }
        char d = sample.charAt(4);
        if (d == '\n' || d == '\r' || d == '"') {
            return null;
        }
        boolean lineEnds = sample.length() == 5 || sample.charAt(5) == '\n' || sample.charAt(5) == '\r';
        return lineEnds ? d : null;
    }

    /// The user-facing word for a delimiter ("comma", "tab", ...), or the character itself in quotes.
    static String delimiterWord(char d) {
        return switch (d) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            case ' ' -> "space";
            default -> "\"" + d + "\"";
        };
    }
}
