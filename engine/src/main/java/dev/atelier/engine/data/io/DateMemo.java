package dev.atelier.engine.data.io;

import dev.atelier.engine.data.io.ValueParsers.DateOrder;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/// A small direct-mapped memo of [ValueParsers#parseDateTime(char[], int, int, DateOrder)]: date columns repeat
/// the same few thousand texts millions of times, and parsing one costs far more than comparing a few
/// characters. Texts that miss simply replace the slot, so a column of all-distinct timestamps costs one extra
/// comparison per cell. Not thread-safe: one per column being read.
final class DateMemo {
    private static final int SLOTS = 8192;
    private final char[][] keys = new char[SLOTS][];
    private final byte[] orders = new byte[SLOTS];
    private final @Nullable LocalDateTime[] values = new LocalDateTime[SLOTS];

    /// The date-time in `a[from, to)` read in `order`, or `null` if it is not one.
    @Nullable LocalDateTime parse(char[] a, int from, int to, DateOrder order) {
        int n = to - from;
        if (n > 40) {
            return ValueParsers.parseDateTime(a, from, to, order);
        }
        int h = order.ordinal();
        for (int k = from; k < to; k++) {
            h = 31 * h + a[k];
        }
        int i = (h ^ (h >>> 13)) & (SLOTS - 1);
        char[] key = keys[i];
        if (key != null && key.length == n && orders[i] == order.ordinal()) {
            boolean same = true;
            for (int j = 0; j < n; j++) {
                if (key[j] != a[from + j]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return values[i];
            }
        }
        LocalDateTime v = ValueParsers.parseDateTime(a, from, to, order);
        char[] copy = new char[n];
        System.arraycopy(a, from, copy, 0, n);
        keys[i] = copy;
        orders[i] = (byte) order.ordinal();
        values[i] = v;
        return v;
    }
}
