package dev.atelier.engine.data.io;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The raw cells of one column while a file is read: all characters in one growing `char[]` plus the end
/// offset of each cell, and a bit per missing cell. About 4 bytes per cell plus its text, and no `String`
/// objects until the column's type is known.
final class TextColumnBuffer {
    private char[] chars;
    private int[] ends;
    private final BitSet missing = new BitSet();
    private int size;
    private int missingCount;

    /// A buffer sized for about `cells` cells holding `chars` characters in all (it grows beyond if needed).
    static TextColumnBuffer withCapacity(long chars, long cells) {
        int c = (int) Math.clamp(chars, 256, Integer.MAX_VALUE - 16);
        int n = (int) Math.clamp(cells, 64, Integer.MAX_VALUE - 16);
        return new TextColumnBuffer(c, n);
    }

    private TextColumnBuffer(int charCapacity, int cellCapacity) {
        chars = new char[charCapacity];
        ends = new int[cellCapacity];
    }

    /// A buffer holding `values` (`null` or blank = missing), for conversions of existing columns.
    static TextColumnBuffer of(List<@Nullable String> values) {
        TextColumnBuffer b = new TextColumnBuffer(256, Math.max(16, values.size()));
        for (String v : values) {
            if (v == null || v.isBlank()) {
                b.addMissing();
            } else {
                char[] a = v.toCharArray();
                b.add(a, 0, a.length);
            }
        }
        return b;
    }

    /// Appends a present cell holding `src[from, to)`.
    void add(char[] src, int from, int to) {
        int len = to - from;
        int start = size == 0 ? 0 : ends[size - 1];
        if (start + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(start + len, growCapacity(chars.length)));
        }
        System.arraycopy(src, from, chars, start, len);
        push(start + len);
    }

    /// Appends a missing cell.
    void addMissing() {
        missing.set(size);
        missingCount++;
        push(size == 0 ? 0 : ends[size - 1]);
    }

    private void push(int end) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, growCapacity(ends.length));
        }
        ends[size++] = end;
    }

    private static int growCapacity(int current) {
        long next = (long) current + (current >> 1) + 16;
        if (next > Integer.MAX_VALUE - 16) {
            if (current >= Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("column too large");
            }
            return Integer.MAX_VALUE - 16;
        }
        return (int) next;
    }

    /// Drops the stored text once the column has been converted; the buffer must not be read afterwards.
    void release() {
        chars = new char[0];
        ends = new int[0];
        missing.clear();
        size = 0;
        missingCount = 0;
    }

    /// Number of cells.
    int size() {
        return size;
    }

    /// Number of missing cells among all.
    int missingCount() {
        return missingCount;
    }

    /// Number of missing cells in `[from, to)`.
    int missingCount(int from, int to) {
        if (from == 0 && to == size) {
            return missingCount;
        }
        int n = 0;
        for (int i = missing.nextSetBit(from); i >= 0 && i < to; i = missing.nextSetBit(i + 1)) {
            n++;
        }
        return n;
    }

    /// The shared character array (valid up to the last cell's end).
    char[] chars() {
        return chars;
    }

    /// Start offset of cell `i` in [#chars()].
    int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    /// End offset (exclusive) of cell `i` in [#chars()].
    int end(int i) {
        return ends[i];
    }

    /// Whether cell `i` is missing.
    boolean isMissing(int i) {
        return missing.get(i);
    }

    /// Whether the trimmed text of cell `i` equals that of a present cell in `[from, to)`.
    boolean occursAgain(int i, int from, int to) {
        int s = ValueParsers.trimStart(chars, start(i), ends[i]);
        int e = ValueParsers.trimEnd(chars, s, ends[i]);
        int len = e - s;
        for (int k = from; k < to; k++) {
            if (k == i || missing.get(k)) {
                continue;
            }
            int ks = ValueParsers.trimStart(chars, start(k), ends[k]);
            int ke = ValueParsers.trimEnd(chars, ks, ends[k]);
            if (ke - ks == len && Arrays.equals(chars, s, e, chars, ks, ke)) {
                return true;
            }
        }
        return false;
    }

    /// Cell `i` as a string (empty if missing).
    String string(int i) {
        int s = start(i);
        return new String(chars, s, ends[i] - s);
    }

    /// Cell `i` without surrounding whitespace.
    String trimmed(int i) {
        int s = ValueParsers.trimStart(chars, start(i), ends[i]);
        int e = ValueParsers.trimEnd(chars, s, ends[i]);
        return new String(chars, s, e - s);
    }
}
