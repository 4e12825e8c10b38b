package dev.atelier.engine.data.io;

/// Turns character ranges into `String`s, one instance per distinct text, without allocating a `String` for a
/// text it has seen before (an open-addressing table keyed by the characters themselves). Used when a column of
/// labels is built from millions of cells with few distinct values.
final class CharInterner {
    private String[] keys = new String[256];
    private int[] hashes = new int[256];
    private int size;

    /// The one `String` equal to `a[from, to)`.
    String intern(char[] a, int from, int to) {
        int h = 1;
        for (int k = from; k < to; k++) {
            h = 31 * h + a[k];
        }
        int mask = keys.length - 1;
        int i = slot(h, mask);
        while (true) {
            String k = keys[i];
            if (k == null) {
                String s = new String(a, from, to - from);
                keys[i] = s;
                hashes[i] = h;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return s;
            }
            if (hashes[i] == h && same(k, a, from, to)) {
                return k;
            }
            i = (i + 1) & mask;
        }
    }

    /// A well-spread slot: texts such as "00017", "00018" have consecutive `31·h + c` hashes, which would form
    /// long runs under linear probing, so the hash is scrambled (Fibonacci hashing) first.
    private static int slot(int h, int mask) {
        int x = h * 0x9E3779B9;
        return (x ^ (x >>> 15)) & mask;
    }

    /// How many distinct texts were interned.
    int size() {
        return size;
    }

    private static boolean same(String k, char[] a, int from, int to) {
        int n = to - from;
        if (k.length() != n) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (k.charAt(j) != a[from + j]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        keys = new String[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int h = oldHashes[j];
                int i = slot(h, mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = h;
            }
        }
    }
}
