package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnType;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The one place where cell text becomes typed values: numbers, true/false values and date-times. The CSV
/// importer's type inference and [dev.atelier.engine.data.ColumnConversions] both use these parsers, so a
/// value reads the same however it enters the studio.
///
/// Every parser trims surrounding whitespace, never throws on bad input and never allocates on the hot path
/// of the `char[]` overloads the importer uses (except for the date-time result itself).
public final class ValueParsers {

    /// How a column writes its numbers. Plain numbers (`-12.5`, `3e8`) read the same in both styles.
    public enum NumberStyle {
        /// Decimal point, optional comma thousands separators: `1,234.5`.
        POINT,
        /// Decimal comma, optional point thousands separators: `1.234,5` (common in European exports).
        COMMA
    }

    /// The order of day, month and year in a date. ISO dates (`2024-03-01`) are [#YMD].
    public enum DateOrder {
        /// Year first: `2024-03-01`, `2024/03/01`, `2024.3.1`.
        YMD,
        /// Day first: `01/03/2024` (most of the world).
        DMY,
        /// Month first: `03/01/2024` (United States).
        MDY
    }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private ValueParsers() {
    }

    // ---- booleans ------------------------------------------------------------------------------------

    /// Reads `true/false`, `yes/no`, `y/n` and `t/f` in any letter case; `null` for anything else. `1` and `0`
    /// are numbers, not booleans, unless `acceptDigits` is set (as it is when the user explicitly converts a
    /// column to true/false).
    public static @Nullable Boolean parseBoolean(String text, boolean acceptDigits) {
        char[] a = text.toCharArray();
        int r = booleanCode(a, 0, a.length, acceptDigits);
        return r < 0 ? null : r == 1;
    }

    /// 1 for a true word, 0 for a false word, -1 otherwise.
    static int booleanCode(char[] a, int from, int to, boolean acceptDigits) {
        int s = trimStart(a, from, to);
        int e = trimEnd(a, s, to);
        int n = e - s;
        if (n == 1) {
            char c = Character.toLowerCase(a[s]);
            return switch (c) {
                case 't', 'y' -> 1;
                case 'f', 'n' -> 0;
                case '1' -> acceptDigits ? 1 : -1;
                case '0' -> acceptDigits ? 0 : -1;
                default -> -1;
            };
        }
        if (n == 2 && equalsIgnoreCase(a, s, e, "no")) {
            return 0;
        }
        if (n == 3 && equalsIgnoreCase(a, s, e, "yes")) {
            return 1;
        }
        if (n == 4 && equalsIgnoreCase(a, s, e, "true")) {
            return 1;
        }
        if (n == 5 && equalsIgnoreCase(a, s, e, "false")) {
            return 0;
        }
        return -1;
    }

    private static boolean equalsIgnoreCase(char[] a, int s, int e, String word) {
        for (int i = s; i < e; i++) {
            if (Character.toLowerCase(a[i]) != word.charAt(i - s)) {
                return false;
            }
        }
        return true;
    }

    // ---- numbers -------------------------------------------------------------------------------------

    /// Reads a number written in `style`; NaN if the text is not a number. Accepts a sign, thousands
    /// separators in valid positions, a fraction, an exponent and Java's `Infinity`. Percent signs, currency
    /// symbols and words are not numbers.
    public static double parseNumber(String text, NumberStyle style) {
        char[] a = text.toCharArray();
        NumberScanner s = new NumberScanner();
        return s.scan(a, 0, a.length, style) ? s.value : Double.NaN;
    }

    /// Whether the text is a number whose integer part has a superfluous leading zero, like `007` or
    /// `0123` (but not `0` or `0.5`): such values are codes, not quantities.
    public static boolean hasLeadingZero(String text) {
        char[] a = text.toCharArray();
        NumberScanner s = new NumberScanner();
        return s.scan(a, 0, a.length, NumberStyle.POINT) && s.leadingZero;
    }

    /// The number style that reads the most of `values` (missing ones are `null` or blank); [NumberStyle#POINT]
    /// on a tie.
    public static NumberStyle bestNumberStyle(List<@Nullable String> values) {
        return ColumnInference.bestNumberStyle(TextColumnBuffer.of(values), 0, values.size());
    }

    /// A reusable, allocation-free number scanner: after a successful [#scan], `value` holds the number and
    /// the flags describe how it was written. Not thread-safe.
    static final class NumberScanner {
        /// The value of the last successful scan.
        double value;
        /// Whether the last scanned number had a superfluous leading zero (`007`).
        boolean leadingZero;
        /// Whether the last scanned number used thousands separators.
        boolean grouped;
        private final StringBuilder slow = new StringBuilder(32);

        /// Scans `a[from, to)` (trimmed first); false if it is not a number in `style`.
        boolean scan(char[] a, int from, int to, NumberStyle style) {
            int s = trimStart(a, from, to);
            int e = trimEnd(a, s, to);
            leadingZero = false;
            grouped = false;
            if (s >= e) {
                return false;
            }
            char decimalSep = style == NumberStyle.POINT ? '.' : ',';
            char groupSep = style == NumberStyle.POINT ? ',' : '.';
            int i = s;
            boolean negative = false;
            char c = a[i];
            if (c == '-' || c == '+') {
                negative = c == '-';
                i++;
                if (i == e) {
                    return false;
                }
            }
            if (a[i] == 'I') {
                if (e - i == 8 && regionEquals(a, i, "Infinity")) {
                    value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    return true;
                }
                return false;
            }
            long mantissa = 0;
            int significant = 0;      // digits accumulated into mantissa (after leading zeros)
            int dropped = 0;          // integer digits beyond what the mantissa holds
            int intDigits = 0;
            int fracDigits = 0;
            int groupLen = -1;        // digits since the last group separator; -1 = no separator seen yet
            int firstGroupLen = 0;
            boolean exact = true;
            // integer part
            for (; i < e; i++) {
                c = a[i];
                if (c >= '0' && c <= '9') {
                    if (intDigits == 0 && c == '0' && i + 1 < e && isDigit(a[i + 1])) {
                        leadingZero = true;
                    }
                    intDigits++;
                    if (groupLen >= 0) {
                        groupLen++;
                        if (groupLen > 3) {
                            return false;
                        }
                    } else {
                        firstGroupLen++;
                    }
                    if (significant < 18) {
                        if (mantissa != 0 || c != '0') {
                            mantissa = mantissa * 10 + (c - '0');
                            significant++;
                        }
                    } else {
                        dropped++;
                        if (c != '0') {
                            exact = false;
                        }
                    }
                } else if (c == groupSep) {
                    if (intDigits == 0 || (groupLen >= 0 && groupLen != 3) || (groupLen < 0 && firstGroupLen > 3)) {
                        return false;
                    }
                    if (groupLen < 0 && a[s + (a[s] == '-' || a[s] == '+' ? 1 : 0)] == '0') {
                        return false; // "0,123" is not a grouped number
                    }
                    grouped = true;
                    groupLen = 0;
                } else {
                    break;
                }
            }
            if (groupLen >= 0 && groupLen != 3) {
                return false;
            }
            if (grouped) {
                leadingZero = false;
            }
            // fraction
            if (i < e && a[i] == decimalSep) {
                i++;
                for (; i < e; i++) {
                    c = a[i];
                    if (c < '0' || c > '9') {
                        break;
                    }
                    fracDigits++;
                    if (significant < 18) {
                        if (mantissa != 0 || c != '0') {
                            mantissa = mantissa * 10 + (c - '0');
                            significant++;
                        }
                        dropped--;   // one more digit to the right of the point in the mantissa
                    } else if (c != '0') {
                        exact = false;
                    }
                }
            }
            if (intDigits + fracDigits == 0) {
                return false;
            }
            // exponent
            int exponent = 0;
            if (i < e && (a[i] == 'e' || a[i] == 'E')) {
                i++;
                boolean expNegative = false;
                if (i < e && (a[i] == '-' || a[i] == '+')) {
                    expNegative = a[i] == '-';
                    i++;
                }
                int expDigits = 0;
                for (; i < e; i++) {
                    c = a[i];
                    if (c < '0' || c > '9') {
                        break;
                    }
                    expDigits++;
                    if (exponent < 100_000) {
                        exponent = exponent * 10 + (c - '0');
                    }
                }
                if (expDigits == 0) {
                    return false;
                }
                if (expNegative) {
                    exponent = -exponent;
                }
            }
            if (i != e) {
                return false;
            }
            // value = mantissa × 10^scale, where scale counts the integer digits the mantissa could not hold
            // (+1 each) and the fraction digits it does hold (−1 each)
            int scale = exponent + dropped;
            double v;
            if (exact && mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
                // both operands are exact doubles, so one IEEE operation rounds correctly (Clinger's fast path)
                v = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
            } else if (mantissa == 0 && exact) {
                v = 0.0;
            } else {
                v = slowParse(a, s, e, decimalSep, groupSep);
            }
            value = negative ? -Math.abs(v) : Math.abs(v);
            return true;
        }

        private double slowParse(char[] a, int s, int e, char decimalSep, char groupSep) {
            slow.setLength(0);
            for (int i = s; i < e; i++) {
                char c = a[i];
                if (c == groupSep) {
                    continue;
                }
                slow.append(c == decimalSep ? '.' : c);
            }
            return Double.parseDouble(slow.toString());
        }
    }

    private static boolean regionEquals(char[] a, int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (a[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- date-times ----------------------------------------------------------------------------------

    /// Reads a date or date-time written in `order`; `null` if the text is not one. Dates separate their parts
    /// with `-`, `/` or `.` (the same separator twice); years have four digits. A time may follow after `T`
    /// or spaces: `HH:mm`, `HH:mm:ss` or `HH:mm:ss.fraction`, optionally ending in `Z`. Dates without a time
    /// are midnight.
    public static @Nullable LocalDateTime parseDateTime(String text, DateOrder order) {
        char[] a = text.toCharArray();
        return parseDateTime(a, 0, a.length, order);
    }

    /// The date order that reads the most of `values` (missing ones are `null` or blank). On a tie between
    /// day-first and month-first, month-first wins (as in spreadsheet defaults and pandas).
    public static DateOrder bestDateOrder(List<@Nullable String> values) {
        return ColumnInference.bestDateOrder(TextColumnBuffer.of(values), 0, values.size());
    }

    /// Reads `a[from, to)` as a date-time in `order`, or `null`.
    static @Nullable LocalDateTime parseDateTime(char[] a, int from, int to, DateOrder order) {
        int s = trimStart(a, from, to);
        int e = trimEnd(a, s, to);
        if (e - s < 8 || !isDigit(a[s])) {
            return null;
        }
        int i = s;
        // first number
        int n1 = 0;
        int d1 = 0;
        while (i < e && isDigit(a[i]) && d1 < 5) {
            n1 = n1 * 10 + (a[i++] - '0');
            d1++;
        }
        if (i >= e) {
            return null;
        }
        char sep = a[i];
        if (sep != '-' && sep != '/' && sep != '.') {
            return null;
        }
        i++;
        int n2 = 0;
        int d2 = 0;
        while (i < e && isDigit(a[i]) && d2 < 3) {
            n2 = n2 * 10 + (a[i++] - '0');
            d2++;
        }
        if (i >= e || a[i] != sep || d2 < 1 || d2 > 2) {
            return null;
        }
        i++;
        int n3 = 0;
        int d3 = 0;
        while (i < e && isDigit(a[i]) && d3 < 5) {
            n3 = n3 * 10 + (a[i++] - '0');
            d3++;
        }
        boolean shape = switch (order) {
            case YMD -> d1 == 4 && d3 >= 1 && d3 <= 2;
            case DMY, MDY -> d1 >= 1 && d1 <= 2 && d3 == 4;
        };
        if (!shape) {
            return null;
        }
        int year = switch (order) {
            case YMD -> n1;
            case DMY, MDY -> n3;
        };
        int month = switch (order) {
            case YMD, DMY -> n2;
            case MDY -> n1;
        };
        int day = switch (order) {
            case YMD -> n3;
            case DMY -> n1;
            case MDY -> n2;
        };
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        if (i == e) {
            return LocalDateTime.of(year, month, day, 0, 0);
        }
        // time part
        if (a[i] == 'T') {
            i++;
        } else if (a[i] == ' ') {
            while (i < e && a[i] == ' ') {
                i++;
            }
        } else {
            return null;
        }
        int hour = 0;
        int hd = 0;
        while (i < e && isDigit(a[i]) && hd < 3) {
            hour = hour * 10 + (a[i++] - '0');
            hd++;
        }
        if (hd < 1 || hd > 2 || i >= e || a[i] != ':') {
            return null;
        }
        i++;
        if (i + 2 > e || !isDigit(a[i]) || !isDigit(a[i + 1])) {
            return null;
        }
        int minute = (a[i] - '0') * 10 + (a[i + 1] - '0');
        i += 2;
        int second = 0;
        int nanos = 0;
        if (i < e && a[i] == ':') {
            i++;
            if (i + 2 > e || !isDigit(a[i]) || !isDigit(a[i + 1])) {
                return null;
            }
            second = (a[i] - '0') * 10 + (a[i + 1] - '0');
            i += 2;
            if (i < e && (a[i] == '.' || a[i] == ',')) {
                i++;
                int fd = 0;
                while (i < e && isDigit(a[i])) {
                    if (fd < 9) {
                        nanos = nanos * 10 + (a[i] - '0');
                    }
                    fd++;
                    i++;
                }
                if (fd == 0) {
                    return null;
                }
                for (int k = Math.min(fd, 9); k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if (i < e && a[i] == 'Z') {
            i++;
        }
        if (i != e || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    }

    /// The plural English word for values of `type` ("numbers", "dates", "true/false values", "categories",
    /// "text"), as [dev.atelier.engine.error.ErrorCode#IMPORT_VALUES_SET_MISSING] takes it.
    public static String typeWord(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "numbers";
            case DATETIME -> "dates";
            case BOOLEAN -> "true/false values";
            case CATEGORICAL -> "categories";
            case TEXT -> "text";
        };
    }

    // ---- shared helpers ------------------------------------------------------------------------------

    /// The first index in `[from, to)` that is not whitespace (or `to`).
    static int trimStart(char[] a, int from, int to) {
        int s = from;
        while (s < to && isSpace(a[s])) {
            s++;
        }
        return s;
    }

    /// One past the last index in `[from, to)` that is not whitespace (or `from`).
    static int trimEnd(char[] a, int from, int to) {
        int e = to;
        while (e > from && isSpace(a[e - 1])) {
            e--;
        }
        return e;
    }

    /// Whether `c` counts as surrounding whitespace of a cell (space, tab, no-break space, other ASCII controls).
    static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00A0';
    }
}
