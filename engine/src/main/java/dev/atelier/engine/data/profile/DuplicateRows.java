package dev.atelier.engine.data.profile;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/// Finds rows that are exact copies of each other (every cell equal, missing equal to missing).
///
/// Rows are hashed column by column, sorted by hash, and rows of equal hash are compared cell by cell, so the
/// cost is O(rows × columns + rows log rows) and hash collisions never give a false duplicate.
public final class DuplicateRows {
    private DuplicateRows() {
    }

    /// The groups of identical rows: each group lists the row indices of one repeated row in ascending order
    /// (the first is the original, the others its copies); groups are ordered by their first row. Rows that
    /// occur once are in no group.
    ///
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled
    public static List<int[]> find(Dataset dataset, JobContext ctx) {
        Objects.requireNonNull(dataset, "dataset");
        int rows = dataset.rowCount();
        int columns = dataset.columnCount();
        if (rows < 2 || columns == 0) {
            return List.of();
        }
        long[] hashes = new long[rows];
        Arrays.fill(hashes, 1125899906842597L);
        for (int c = 0; c < columns; c++) {
            ctx.throwIfCancelled();
            boolean numeric = dataset.schema().get(c).type() == ColumnType.NUMERIC;
            double[] numbers = numeric ? dataset.numbers(c) : null;
            for (int r = 0; r < rows; r++) {
                long h = numbers != null ? Double.doubleToLongBits(numbers[r]) : dataset.text(r, c).hashCode();
                hashes[r] = 31 * hashes[r] + mix(h);
            }
        }
        Integer[] order = new Integer[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer r) -> hashes[r]).thenComparingInt(r -> r));
        List<int[]> groups = new ArrayList<>();
        int i = 0;
        List<List<Integer>> classes = new ArrayList<>();
        while (i < rows) {
            int j = i;
            while (j < rows && hashes[order[j]] == hashes[order[i]]) {
                j++;
            }
            if (j - i > 1) {
                classes.clear();
                for (int k = i; k < j; k++) {
                    int row = order[k];
                    List<Integer> home = null;
                    for (List<Integer> cls : classes) {
                        if (sameRow(dataset, cls.getFirst(), row)) {
                            home = cls;
                            break;
                        }
                    }
                    if (home == null) {
                        home = new ArrayList<>();
                        classes.add(home);
                    }
                    home.add(row);
                }
                for (List<Integer> cls : classes) {
                    if (cls.size() > 1) {
                        groups.add(cls.stream().mapToInt(Integer::intValue).sorted().toArray());
                    }
                }
            }
            i = j;
        }
        groups.sort(Comparator.comparingInt(g -> g[0]));
        return List.copyOf(groups);
    }

    /// How many rows are copies of an earlier row in `groups` (each group's size minus one, summed).
    public static int count(List<int[]> groups) {
        int n = 0;
        for (int[] g : groups) {
            n += g.length - 1;
        }
        return n;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static boolean sameRow(Dataset dataset, int a, int b) {
        for (int c = 0; c < dataset.columnCount(); c++) {
            if (!Objects.equals(dataset.value(a, c), dataset.value(b, c))) {
                return false;
            }
        }
        return true;
    }
}
