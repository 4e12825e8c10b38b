package dev.atelier.engine.data.profile;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.JobContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Computes a [DatasetProfile]: statistics per column and warnings about common data problems.
///
/// Each column is read once, plus one sort of its values (numeric) or one hash map of its values (labels), so
/// the cost is O(n log n) per column; duplicate rows are found by sorting row hashes. The warning rules are:
///
/// - [WarningType#HIGH_MISSING]: at least 20 % of the column is missing.
/// - [WarningType#CONSTANT_COLUMN]: at most one distinct present value.
/// - [WarningType#DUPLICATE_ROWS]: at least one row is an exact copy of an earlier one.
/// - [WarningType#HIGH_CARDINALITY]: a categorical column (not an ID) with more than 100 distinct values, or
///   with at least 10 distinct values that make up more than half its present values.
/// - [WarningType#ID_LIKE]: a column (not already an ID or the target) of at least 10 values, none missing,
///   all different, that is either categorical or text with short values mostly without spaces, or numeric
///   whole numbers counting up one by one like row numbers.
/// - [WarningType#OUTLIERS]: numeric values whose robust z-score `|x − median| / (1.4826 · MAD)` exceeds 3.5,
///   reported when the MAD is positive, the column has more than two distinct values, and the outliers are
///   at least one value, at least 0.1 % of the values (on normally distributed data about 0.05 % exceed it)
///   and at most 5 % of them (or 3 values): more than that means a skewed distribution, not a few outliers.
/// - [WarningType#CLASS_IMBALANCE]: the target is categorical, true/false, or numeric with at most 10
///   distinct whole numbers, has at least two classes, and the rarest class has fewer than 0.2 times the
///   rows of the most common one.
public final class Profiler {
    /// The missing share from which a column is flagged.
    public static final double HIGH_MISSING_FRACTION = 0.2;
    /// The robust z-score above which a value is an outlier.
    public static final double OUTLIER_Z = 3.5;
    /// The minority-to-majority ratio below which the target is imbalanced.
    public static final double IMBALANCE_RATIO = 0.2;
    private static final int TOP_VALUES = 10;
    private static final int HISTOGRAM_BINS = 20;

    private Profiler() {
    }

    /// Profiles `dataset`. The class-imbalance check looks at `target`, or at the dataset's target column when
    /// `target` is `null` (and is skipped when there is none). Reports one progress step per column to `ctx`
    /// and the status key `job.profile.column` with the column name.
    ///
    /// @throws SpecException with [ErrorCode#COLUMN_NOT_FOUND] if `target` names no column
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled
    public static DatasetProfile profile(Dataset dataset, @Nullable String target, JobContext ctx) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(ctx, "ctx");
        String targetName = target;
        if (targetName == null) {
            targetName = dataset.schema().target().map(ColumnSchema::name).orElse(null);
        } else if (dataset.schema().indexOf(targetName) < 0) {
            throw new SpecException(ErrorCode.COLUMN_NOT_FOUND, targetName);
        }
        int rows = dataset.rowCount();
        int columns = dataset.columnCount();
        List<ColumnProfile> profiles = new ArrayList<>(columns);
        List<ProfileWarning> columnWarnings = new ArrayList<>();
        List<ProfileWarning> datasetWarnings = new ArrayList<>();
        List<ValueCount> classes = List.of();
        for (int c = 0; c < columns; c++) {
            ctx.throwIfCancelled();
            ColumnSchema cs = dataset.schema().get(c);
            ctx.status("job.profile.column", cs.name());
            ColumnResult result = profileColumn(dataset, c, cs, rows, cs.name().equals(targetName));
            profiles.add(result.profile());
            columnWarnings.addAll(result.warnings());
            if (cs.name().equals(targetName)) {
                classes = result.classes();
            }
            ctx.progress(c + 1, columns + 1L);
        }
        ctx.throwIfCancelled();
        int duplicates = countDuplicateRows(dataset, ctx);
        if (duplicates > 0) {
            datasetWarnings.add(new ProfileWarning(WarningType.DUPLICATE_ROWS, null,
                    count(duplicates) + (duplicates == 1 ? " row (" : " rows (") + percent((double) duplicates / rows)
                            + (duplicates == 1 ? ") is an exact copy" : ") are exact copies")
                            + " of an earlier row."));
        }
        if (targetName != null) {
            ProfileWarning w = imbalance(targetName, classes);
            if (w != null) {
                datasetWarnings.add(w);
            }
        }
        ctx.progress(columns + 1L, columns + 1L);
        List<ProfileWarning> warnings = new ArrayList<>(datasetWarnings);
        warnings.addAll(columnWarnings);
        return new DatasetProfile(rows, columns, profiles, duplicates, warnings);
    }

    /// A column's profile, its warnings and, for a classification target, its class counts (most common first).
    private record ColumnResult(ColumnProfile profile, List<ProfileWarning> warnings, List<ValueCount> classes) {
    }

    /// The type-specific part of a column's profile, with type-specific warnings.
    private record Partial(ColumnStats stats, int distinct, List<ProfileWarning> warnings, List<ValueCount> classes) {
    }

    private static ColumnResult profileColumn(Dataset dataset, int c, ColumnSchema cs, int rows, boolean isTarget) {
        String name = cs.name();
        int missing = dataset.missingCount(c);
        int count = rows - missing;
        double missingFraction = rows == 0 ? 0.0 : (double) missing / rows;
        Partial partial = switch (cs.type()) {
            case NUMERIC -> numericColumn(dataset, c, cs, isTarget, missing);
            case CATEGORICAL, TEXT, BOOLEAN -> labelColumn(dataset, c, cs, isTarget, count, missing);
            case DATETIME -> dateColumn(dataset, c);
        };
        List<ProfileWarning> warnings = new ArrayList<>();
        if (rows > 0 && missingFraction >= HIGH_MISSING_FRACTION) {
            warnings.add(new ProfileWarning(WarningType.HIGH_MISSING, name,
                    percent(missingFraction) + " of values are missing."));
        }
        if (rows > 0 && partial.distinct() <= 1) {
            String detail = partial.distinct() == 0 ? "The column has no values, so it cannot help a model."
                    : "Every row has the same value (\"" + onlyValue(dataset, c) + "\"), so it cannot help a model.";
            warnings.add(new ProfileWarning(WarningType.CONSTANT_COLUMN, name, detail));
        }
        warnings.addAll(partial.warnings());
        ColumnProfile profile = new ColumnProfile(name, cs.type(), cs.role(), count, missing, missingFraction,
                partial.distinct(), partial.stats());
        return new ColumnResult(profile, warnings, partial.classes());
    }

    private static Partial numericColumn(Dataset dataset, int c, ColumnSchema cs, boolean isTarget, int missing) {
        double[] x = present(dataset.numbers(c));
        Arrays.sort(x);
        int distinct = distinctSorted(x);
        NumericStats stats = numericStats(x);
        List<ProfileWarning> warnings = new ArrayList<>();
        int n = x.length;
        boolean rowNumbers = cs.role() != ColumnRole.ID && !isTarget && missing == 0 && n >= 10 && distinct == n
                && allWhole(x) && x[n - 1] - x[0] == n - 1;
        if (rowNumbers) {
            warnings.add(new ProfileWarning(WarningType.ID_LIKE, cs.name(), "The values count up one by one ("
                    + Dataset.formatNumber(x[0]) + ", " + Dataset.formatNumber(x[1]) + ", "
                    + Dataset.formatNumber(x[2]) + ", …) like row numbers, so this looks like an identifier;"
                    + " consider giving it the role ID."));
        } else if (cs.role() != ColumnRole.ID) {
            outliers(cs.name(), x, stats.p50(), distinct, warnings);
        }
        List<ValueCount> classes = isTarget && distinct >= 1 && distinct <= 10 && allWhole(x)
                ? numericClasses(x) : List.of();
        return new Partial(stats, distinct, warnings, classes);
    }

    private static Partial labelColumn(Dataset dataset, int c, ColumnSchema cs, boolean isTarget, int count,
                                       int missing) {
        Map<String, Integer> counts = new HashMap<>();
        long length = 0;
        int withSpace = 0;
        for (int r = 0; r < dataset.rowCount(); r++) {
            if (dataset.isMissing(r, c)) {
                continue;
            }
            String v = dataset.text(r, c);
            counts.merge(v, 1, Integer::sum);
            length += v.length();
            if (v.indexOf(' ') >= 0) {
                withSpace++;
            }
        }
        int distinct = counts.size();
        List<ValueCount> sorted = counts.entrySet().stream()
                .map(e -> new ValueCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value))
                .toList();
        double averageLength = cs.type() == ColumnType.BOOLEAN || count == 0 ? Double.NaN : (double) length / count;
        LabelStats stats = new LabelStats(sorted.subList(0, Math.min(TOP_VALUES, sorted.size())), averageLength);
        List<ProfileWarning> warnings = new ArrayList<>();
        boolean idLike = cs.type() != ColumnType.BOOLEAN && cs.role() != ColumnRole.ID && !isTarget
                && missing == 0 && count >= 10 && distinct == count && averageLength <= 40
                && withSpace <= 0.1 * count;
        if (idLike) {
            warnings.add(new ProfileWarning(WarningType.ID_LIKE, cs.name(),
                    "Every value is different, so this looks like an identifier; consider giving it the role ID."));
        } else if (cs.type() == ColumnType.CATEGORICAL && cs.role() != ColumnRole.ID
                && (distinct > 100 || (distinct >= 10 && distinct > 0.5 * count))) {
            warnings.add(new ProfileWarning(WarningType.HIGH_CARDINALITY, cs.name(),
                    "There are " + count(distinct) + " different values in " + count(count)
                            + " rows, too many categories for most models to learn from."));
        }
        List<ValueCount> classes = isTarget && cs.type() != ColumnType.TEXT ? sorted : List.of();
        return new Partial(stats, distinct, warnings, classes);
    }

    private static Partial dateColumn(Dataset dataset, int c) {
        LocalDateTime min = null;
        LocalDateTime max = null;
        Set<LocalDateTime> seen = new HashSet<>();
        for (int r = 0; r < dataset.rowCount(); r++) {
            if (dataset.value(r, c) instanceof LocalDateTime v) {
                seen.add(v);
                if (min == null || v.isBefore(min)) {
                    min = v;
                }
                if (max == null || v.isAfter(max)) {
                    max = v;
                }
            }
        }
        return new Partial(new DateTimeStats(iso(min), iso(max)), seen.size(), List.of(), List.of());
    }

    private static String onlyValue(Dataset dataset, int c) {
        for (int r = 0; r < dataset.rowCount(); r++) {
            if (!dataset.isMissing(r, c)) {
                return dataset.text(r, c);
            }
        }
        return "";
    }

    private static @Nullable String iso(@Nullable LocalDateTime v) {
        if (v == null) {
            return null;
        }
        return v.toLocalTime().equals(LocalTime.MIDNIGHT) ? v.toLocalDate().toString() : v.toString();
    }

    // ---- numeric statistics --------------------------------------------------------------------------

    private static double[] present(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        return out;
    }

    private static int distinctSorted(double[] x) {
        int d = 0;
        for (int i = 0; i < x.length; i++) {
            if (i == 0 || x[i] != x[i - 1]) {
                d++;
            }
        }
        return d;
    }

    /// Statistics of sorted, NaN-free values.
    static NumericStats numericStats(double[] x) {
        int n = x.length;
        if (n == 0) {
            double nan = Double.NaN;
            return new NumericStats(nan, nan, nan, nan, nan, nan, nan, nan, nan, 0, List.of());
        }
        double sum = 0;
        int zeros = 0;
        for (double v : x) {
            sum += v;
            if (v == 0) {
                zeros++;
            }
        }
        double mean = sum / n;
        double std = Double.NaN;
        if (n > 1) {
            double ss = 0;
            double comp = 0;
            for (double v : x) {
                double d = v - mean;
                ss += d * d;
                comp += d;
            }
            std = Math.sqrt((ss - comp * comp / n) / (n - 1));
        }
        return new NumericStats(x[0], x[n - 1], mean, std, quantile(x, 0.05), quantile(x, 0.25), quantile(x, 0.5),
                quantile(x, 0.75), quantile(x, 0.95), zeros, histogram(x));
    }

    /// The `p` quantile of sorted values by linear interpolation between order statistics (type 7).
    static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double lower = sorted[lo];
        double upper = sorted[hi];
        return lower == upper ? lower : lower + (h - lo) * (upper - lower);
    }

    private static List<Bin> histogram(double[] x) {
        int first = 0;
        while (first < x.length && Double.isInfinite(x[first])) {
            first++;
        }
        int last = x.length - 1;
        while (last >= first && Double.isInfinite(x[last])) {
            last--;
        }
        if (first > last) {
            return List.of();
        }
        double min = x[first];
        double max = x[last];
        if (min == max) {
            return List.of(new Bin(min, max, last - first + 1));
        }
        boolean whole = true;
        for (int i = first; i <= last && whole; i++) {
            whole = x[i] == Math.rint(x[i]);
        }
        if (whole && max - min < HISTOGRAM_BINS) {
            int bins = (int) (max - min) + 1;
            int[] counts = new int[bins];
            for (int i = first; i <= last; i++) {
                counts[(int) (x[i] - min)]++;
            }
            List<Bin> out = new ArrayList<>(bins);
            for (int b = 0; b < bins; b++) {
                out.add(new Bin(min + b - 0.5, min + b + 0.5, counts[b]));
            }
            return out;
        }
        double width = (max - min) / HISTOGRAM_BINS;
        int[] counts = new int[HISTOGRAM_BINS];
        for (int i = first; i <= last; i++) {
            int b = (int) ((x[i] - min) / width);
            counts[Math.clamp(b, 0, HISTOGRAM_BINS - 1)]++;
        }
        List<Bin> out = new ArrayList<>(HISTOGRAM_BINS);
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            double lower = min + b * width;
            double upper = b == HISTOGRAM_BINS - 1 ? max : min + (b + 1) * width;
            out.add(new Bin(lower, Math.max(lower, upper), counts[b]));
        }
        return out;
    }

    private static void outliers(String name, double[] sorted, double median, int distinct,
                                 List<ProfileWarning> warnings) {
        int n = sorted.length;
        if (n < 3 || distinct <= 2 || Double.isNaN(median)) {
            return;
        }
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(dev);
        double mad = quantile(dev, 0.5);
        if (!(mad > 0) || Double.isInfinite(mad)) {
            return;
        }
        double limit = OUTLIER_Z * 1.4826 * mad;
        int outliers = 0;
        for (double d : dev) {
            if (d > limit) {
                outliers++;
            }
        }
        // beyond 5 % the distribution is skewed or heavy-tailed rather than spoilt by a few outliers
        if (outliers >= 1 && outliers >= 0.001 * n && outliers <= Math.max(3, 0.05 * n)) {
            warnings.add(new ProfileWarning(WarningType.OUTLIERS, name,
                    count(outliers) + (outliers == 1 ? " value (" : " values (") + percent((double) outliers / n)
                            + ") " + (outliers == 1 ? "is" : "are")
                            + " far outside the typical range (robust z-score above 3.5)."));
        }
    }

    private static boolean allWhole(double[] x) {
        for (double v : x) {
            if (v != Math.rint(v) || Double.isInfinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static List<ValueCount> numericClasses(double[] sorted) {
        List<ValueCount> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            out.add(new ValueCount(Dataset.formatNumber(sorted[i]), j - i));
            i = j;
        }
        out.sort(Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return out;
    }

    private static @Nullable ProfileWarning imbalance(String target, List<ValueCount> classes) {
        if (classes.size() < 2) {
            return null;
        }
        ValueCount majority = classes.getFirst();
        ValueCount minority = classes.getLast();
        if ((double) minority.count() / majority.count() >= IMBALANCE_RATIO) {
            return null;
        }
        long total = classes.stream().mapToLong(ValueCount::count).sum();
        return new ProfileWarning(WarningType.CLASS_IMBALANCE, target,
                "The rarest class \"" + minority.value() + "\" has " + percent((double) minority.count() / total)
                        + " of the rows and the most common, \"" + majority.value() + "\", has "
                        + percent((double) majority.count() / total) + ".");
    }

    // ---- duplicate rows ------------------------------------------------------------------------------

    private static int countDuplicateRows(Dataset dataset, JobContext ctx) {
        return DuplicateRows.count(DuplicateRows.find(dataset, ctx));
    }

    // ---- wording -------------------------------------------------------------------------------------

    private static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /// A share as a percentage for people: whole percents from 10 %, one decimal below, never "0%" or "100%"
    /// for a share that is neither.
    static String percent(double fraction) {
        double p = fraction * 100;
        if (p <= 0) {
            return "0%";
        }
        if (p >= 100) {
            return "100%";
        }
        if (p < 0.1) {
            return "less than 0.1%";
        }
        if (p > 99.9) {
            return "more than 99.9%";
        }
        if (p >= 10 && p < 99.5) {
            return Math.round(p) + "%";
        }
        String s = String.format(Locale.ROOT, "%.1f", p);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }
}
