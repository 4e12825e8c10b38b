package dev.atelier.engine.data.io;

import java.util.Collection;

/// Matches cell texts against the user's missing-value markers without creating strings. A cell is missing
/// when, after trimming, it is empty or equals a marker exactly.
final class MissingMarkers {
    private final char[][][] byLength;

    MissingMarkers(Collection<String> markers) {
        int max = 0;
        for (String m : markers) {
            max = Math.max(max, m.strip().length());
        }
        int[] counts = new int[max + 1];
        for (String m : markers) {
            counts[m.strip().length()]++;
        }
        byLength = new char[max + 1][][];
        for (int len = 0; len <= max; len++) {
            byLength[len] = new char[counts[len]][];
        }
        int[] filled = new int[max + 1];
        for (String m : markers) {
            String t = m.strip();
            byLength[t.length()][filled[t.length()]++] = t.toCharArray();
        }
    }

    /// Whether `a[from, to)` is a missing value.
    boolean matches(char[] a, int from, int to) {
        int s = ValueParsers.trimStart(a, from, to);
        int e = ValueParsers.trimEnd(a, s, to);
        int len = e - s;
        if (len == 0) {
            return true;
        }
        if (len >= byLength.length) {
            return false;
        }
        outer:
        for (char[] m : byLength[len]) {
            for (int i = 0; i < len; i++) {
                if (a[s + i] != m[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
