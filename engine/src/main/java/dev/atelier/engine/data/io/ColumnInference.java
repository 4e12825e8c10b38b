package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.io.ValueParsers.DateOrder;
import dev.atelier.engine.data.io.ValueParsers.NumberScanner;
import dev.atelier.engine.data.io.ValueParsers.NumberStyle;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/// Decides a column's [ColumnType] from its raw cells and turns the cells into typed storage.
///
/// Rules, in order: no values → TEXT; every value a true/false word → BOOLEAN; numbers (allowing up to 2 %
/// unreadable values, which become missing) → NUMERIC, unless some value has a leading zero like `007`, which
/// makes the column text; dates in one consistent day/month/year order (same tolerance) → DATETIME;
/// otherwise CATEGORICAL, or TEXT when the values are mostly distinct, long, or read like sentences.
final class ColumnInference {
    /// The share of non-missing values that may fail to parse in a NUMERIC or DATETIME column.
    static final double TOLERANCE = 0.02;

    private ColumnInference() {
    }

    /// What inference decided for a column.
    ///
    /// @param type          the chosen type
    /// @param numberStyle   how numbers are written (meaningful for NUMERIC)
    /// @param dateOrder     the date order (meaningful for DATETIME)
    /// @param leadingZeros  whether the column would have been numeric but keeps leading zeros as text
    /// @param orderAssumed  whether dates fit both day-first and month-first and month-first was assumed
    /// @param numbers       the parsed values when the column is NUMERIC in [NumberStyle#POINT] (NaN = missing
    ///                      or unreadable), to spare a second parse; `null` otherwise
    record Guess(ColumnType type, NumberStyle numberStyle, DateOrder dateOrder, boolean leadingZeros,
                 boolean orderAssumed, double @Nullable [] numbers) {
    }

    /// A converted column and what could not be converted.
    ///
    /// @param column   the typed storage
    /// @param failures how many present cells could not be read and became missing
    /// @param example  the first such cell, or `null`
    record Converted(Column<?> column, int failures, @Nullable String example) {
    }

    /// Infers the type of cells `[from, to)` of `b`.
    static Guess infer(TextColumnBuffer b, int from, int to) {
        int nonMissing = (to - from) - b.missingCount(from, to);
        if (nonMissing == 0) {
            return new Guess(ColumnType.TEXT, NumberStyle.POINT, DateOrder.YMD, false, false, null);
        }
        int tolerance = (int) Math.floor(TOLERANCE * nonMissing);
        char[] a = b.chars();
        NumberScanner scanner = new NumberScanner();
        boolean boolAlive = true;
        boolean pointAlive = true;
        boolean commaAlive = true;
        int pointFails = 0;
        int commaFails = 0;
        boolean leadingZero = false;
        int[] dateFails = new int[3];
        boolean[] dateAlive = {true, true, true};
        boolean anyDateAlive = true;
        double[] numbers = new double[to - from];
        DateMemo dates = new DateMemo();
        for (int i = from; i < to; i++) {
            if (b.isMissing(i)) {
                numbers[i - from] = Double.NaN;
                continue;
            }
            int s = b.start(i);
            int e = b.end(i);
            if (boolAlive && ValueParsers.booleanCode(a, s, e, false) < 0) {
                boolAlive = false;
            }
            boolean pointOk = false;
            if (pointAlive || commaAlive) {
                pointOk = scanner.scan(a, s, e, NumberStyle.POINT);
                numbers[i - from] = pointOk ? scanner.value : Double.NaN;
                boolean separators = pointOk && (scanner.grouped || contains(a, s, e, '.'));
                if (pointOk) {
                    leadingZero |= scanner.leadingZero;
                } else if (pointAlive && ++pointFails > tolerance) {
                    pointAlive = false;
                }
                if (commaAlive) {
                    boolean commaOk = pointOk && !separators || scanner.scan(a, s, e, NumberStyle.COMMA);
                    if (commaOk) {
                        if (!pointOk) {
                            leadingZero |= scanner.leadingZero;
                        }
                    } else if (++commaFails > tolerance) {
                        commaAlive = false;
                    }
                }
            }
            if (anyDateAlive && !pointOk) {
                anyDateAlive = false;
                for (DateOrder o : DateOrder.values()) {
                    int k = o.ordinal();
                    if (dateAlive[k]) {
                        if (dates.parse(a, s, e, o) == null && ++dateFails[k] > tolerance) {
                            dateAlive[k] = false;
                        }
                        anyDateAlive |= dateAlive[k];
                    }
                }
            } else if (anyDateAlive) {
                // a plain number is never a date; count it against every order
                anyDateAlive = false;
                for (int k = 0; k < 3; k++) {
                    if (dateAlive[k] && ++dateFails[k] > tolerance) {
                        dateAlive[k] = false;
                    }
                    anyDateAlive |= dateAlive[k];
                }
            }
            if (!boolAlive && !pointAlive && !commaAlive && !anyDateAlive) {
                break;
            }
        }
        if (boolAlive) {
            return new Guess(ColumnType.BOOLEAN, NumberStyle.POINT, DateOrder.YMD, false, false, null);
        }
        if (pointAlive || commaAlive) {
            NumberStyle style = pointAlive && (!commaAlive || pointFails <= commaFails)
                    ? NumberStyle.POINT : NumberStyle.COMMA;
            if (leadingZero) {
                return new Guess(ColumnType.CATEGORICAL, style, DateOrder.YMD, true, false, null);
            }
            return new Guess(ColumnType.NUMERIC, style, DateOrder.YMD, false, false,
                    style == NumberStyle.POINT ? numbers : null);
        }
        if (anyDateAlive) {
            DateOrder best = null;
            for (DateOrder o : new DateOrder[] {DateOrder.YMD, DateOrder.MDY, DateOrder.DMY}) {
                int k = o.ordinal();
                if (dateAlive[k] && (best == null || dateFails[k] < dateFails[best.ordinal()])) {
                    best = o;
                }
            }
            assert best != null;
            boolean assumed = best == DateOrder.MDY && dateAlive[DateOrder.DMY.ordinal()]
                    && dateFails[DateOrder.DMY.ordinal()] == dateFails[DateOrder.MDY.ordinal()];
            return new Guess(ColumnType.DATETIME, NumberStyle.POINT, best, false, assumed, null);
        }
        return new Guess(ColumnType.CATEGORICAL, NumberStyle.POINT, DateOrder.YMD, false, false, null);
    }

    private static boolean contains(char[] a, int s, int e, char c) {
        for (int i = s; i < e; i++) {
            if (a[i] == c) {
                return true;
            }
        }
        return false;
    }

    /// The number style that reads the most present cells of `[from, to)`; [NumberStyle#POINT] on a tie.
    static NumberStyle bestNumberStyle(TextColumnBuffer b, int from, int to) {
        NumberScanner scanner = new NumberScanner();
        char[] a = b.chars();
        int point = 0;
        int comma = 0;
        for (int i = from; i < to; i++) {
            if (b.isMissing(i)) {
                continue;
            }
            if (scanner.scan(a, b.start(i), b.end(i), NumberStyle.POINT)) {
                point++;
            }
            if (scanner.scan(a, b.start(i), b.end(i), NumberStyle.COMMA)) {
                comma++;
            }
        }
        return comma > point ? NumberStyle.COMMA : NumberStyle.POINT;
    }

    /// The date order that reads the most present cells of `[from, to)`; on a tie year-first, then
    /// month-first, then day-first.
    static DateOrder bestDateOrder(TextColumnBuffer b, int from, int to) {
        char[] a = b.chars();
        int[] ok = new int[3];
        for (int i = from; i < to; i++) {
            if (b.isMissing(i)) {
                continue;
            }
            for (DateOrder o : DateOrder.values()) {
                if (ValueParsers.parseDateTime(a, b.start(i), b.end(i), o) != null) {
                    ok[o.ordinal()]++;
                }
            }
        }
        DateOrder best = DateOrder.YMD;
        for (DateOrder o : new DateOrder[] {DateOrder.MDY, DateOrder.DMY}) {
            if (ok[o.ordinal()] > ok[best.ordinal()]) {
                best = o;
            }
        }
        return best;
    }

    /// Whether cell `i` reads as a value of the guessed (non-text) type; text types accept everything.
    static boolean fits(Guess g, TextColumnBuffer b, int i) {
        char[] a = b.chars();
        int s = b.start(i);
        int e = b.end(i);
        return switch (g.type()) {
            case BOOLEAN -> ValueParsers.booleanCode(a, s, e, false) >= 0;
            case NUMERIC -> new NumberScanner().scan(a, s, e, g.numberStyle());
            case DATETIME -> ValueParsers.parseDateTime(a, s, e, g.dateOrder()) != null;
            case CATEGORICAL, TEXT -> true;
        };
    }

    /// Whether cell `i` reads as a number, true/false word or date in any style (for one-row header checks).
    static boolean looksTyped(TextColumnBuffer b, int i) {
        char[] a = b.chars();
        int s = b.start(i);
        int e = b.end(i);
        NumberScanner scanner = new NumberScanner();
        if (scanner.scan(a, s, e, NumberStyle.POINT) || scanner.scan(a, s, e, NumberStyle.COMMA)
                || ValueParsers.booleanCode(a, s, e, false) >= 0) {
            return true;
        }
        for (DateOrder o : DateOrder.values()) {
            if (ValueParsers.parseDateTime(a, s, e, o) != null) {
                return true;
            }
        }
        return false;
    }

    /// Converts cells `[from, to)` of `b` to `type`, reading numbers in `style` and dates in `order`.
    /// Unreadable cells become missing and are counted. `digitBooleans` lets `1`/`0` count as true/false.
    /// `numbers`, if given, holds already-parsed values for a NUMERIC conversion.
    static Converted convert(TextColumnBuffer b, int from, int to, String name, ColumnType type, NumberStyle style,
                             DateOrder order, boolean digitBooleans, double @Nullable [] numbers) {
        char[] a = b.chars();
        int failures = 0;
        String example = null;
        switch (type) {
            case NUMERIC -> {
                // values parsed during inference are reused in place; only the gaps are parsed again
                boolean reuse = numbers != null && numbers.length == to - from;
                double[] out = reuse ? numbers : new double[to - from];
                NumberScanner scanner = new NumberScanner();
                for (int i = from; i < to; i++) {
                    if (b.isMissing(i)) {
                        out[i - from] = Double.NaN;
                    } else if (reuse && !Double.isNaN(out[i - from])) {
                        continue;
                    } else if (scanner.scan(a, b.start(i), b.end(i), style)) {
                        out[i - from] = scanner.value;
                    } else {
                        out[i - from] = Double.NaN;
                        failures++;
                        if (example == null) {
                            example = b.trimmed(i);
                        }
                    }
                }
                return new Converted(DoubleColumn.create(name, out), failures, example);
            }
            case BOOLEAN -> {
                BooleanColumn out = BooleanColumn.create(name);
                for (int i = from; i < to; i++) {
                    int code = b.isMissing(i) ? -1 : ValueParsers.booleanCode(a, b.start(i), b.end(i), digitBooleans);
                    if (code < 0) {
                        out.appendMissing();
                        if (!b.isMissing(i)) {
                            failures++;
                            if (example == null) {
                                example = b.trimmed(i);
                            }
                        }
                    } else {
                        out.append(code == 1);
                    }
                }
                return new Converted(out, failures, example);
            }
            case DATETIME -> {
                DateTimeColumn out = DateTimeColumn.create(name);
                DateMemo dates = new DateMemo();
                for (int i = from; i < to; i++) {
                    LocalDateTime v = b.isMissing(i) ? null : dates.parse(a, b.start(i), b.end(i), order);
                    if (v == null) {
                        out.appendMissing();
                        if (!b.isMissing(i)) {
                            failures++;
                            if (example == null) {
                                example = b.trimmed(i);
                            }
                        }
                    } else {
                        out.append(v);
                    }
                }
                return new Converted(out, failures, example);
            }
            case CATEGORICAL, TEXT -> {
                return new Converted(StringColumn.create(name, strings(b, from, to).values()), 0, null);
            }
        }
        throw new AssertionError(type);
    }

    /// Cell texts of `[from, to)` (missing → empty), with equal texts sharing one instance, and text statistics.
    ///
    /// @param values       the cell texts
    /// @param nonMissing   how many cells are present
    /// @param distinct     how many distinct present texts there are
    /// @param totalLength  the summed length of present texts
    /// @param wordyValues  how many present texts have five words or more
    record Strings(String[] values, int nonMissing, int distinct, long totalLength, int wordyValues) {
    }

    /// Collects the texts of `[from, to)`.
    static Strings strings(TextColumnBuffer b, int from, int to) {
        String[] out = new String[to - from];
        CharInterner canonical = new CharInterner();
        int nonMissing = 0;
        long total = 0;
        int wordy = 0;
        char[] a = b.chars();
        for (int i = from; i < to; i++) {
            if (b.isMissing(i)) {
                out[i - from] = "";
                continue;
            }
            nonMissing++;
            String v = canonical.intern(a, b.start(i), b.end(i));
            out[i - from] = v;
            total += v.length();
            int words = 0;
            boolean inWord = false;
            for (int k = b.start(i); k < b.end(i) && words < 5; k++) {
                boolean space = ValueParsers.isSpace(a[k]);
                if (!space && !inWord) {
                    words++;
                }
                inWord = !space;
            }
            if (words >= 5) {
                wordy++;
            }
        }
        return new Strings(out, nonMissing, canonical.size(), total, wordy);
    }

    /// CATEGORICAL or TEXT for a column of labels: TEXT when the values are mostly distinct (more than
    /// `max(50, half of the values)` distinct), long (average above 40 characters) or sentence-like (most have
    /// five words or more and there are more than 10 distinct); for codes with leading zeros, TEXT when more
    /// than half are distinct.
    static ColumnType labelType(Strings s, boolean leadingZeros) {
        int n = s.nonMissing();
        if (n == 0) {
            return ColumnType.TEXT;
        }
        if (leadingZeros) {
            return s.distinct() > 0.5 * n ? ColumnType.TEXT : ColumnType.CATEGORICAL;
        }
        if (s.distinct() > Math.max(50, 0.5 * n)) {
            return ColumnType.TEXT;
        }
        if ((double) s.totalLength() / n > 40) {
            return ColumnType.TEXT;
        }
        if (s.wordyValues() > 0.5 * n && s.distinct() > 10) {
            return ColumnType.TEXT;
        }
        return ColumnType.CATEGORICAL;
    }
}
