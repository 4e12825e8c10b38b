package dev.atelier.engine.bias;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.job.JobContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// The pre-training bias section of the Data Quality & Insights report: SageMaker Clarify's eight data-only
/// metrics (CI, DPL, KL, JS, LP, TVD, KS, CDDL) for every `SENSITIVE` column against a two-class target, with the
/// facets and the positive outcome chosen automatically, as an analyst would choose them first:
///
/// - the **positive outcome** is the target's favourable class: the one written as yes/true/1 (or "approved",
///   "positive", …) when there is one, otherwise the rarer class (the event of interest);
/// - for a **categorical** sensitive column each of its most frequent minority values (every value but the most
///   frequent one, up to [#MAX_FACETS_PER_COLUMN], most frequent first) is one facet `d`, compared with all other
///   rows; for a **numeric** one the facet is the rows above the median.
///
/// No group column is used, so CDDL is the demographic disparity over all rows, as in `atelier bias` without
/// `--group`; the values equal `atelier bias --facet COL=VALUE --positive CLASS`'s. Tolerance: a metric whose
/// magnitude is at most [#TOLERANCE] reads as balanced.
public final class DataBias {
    /// The largest magnitude a metric may have and still read as balanced.
    public static final double TOLERANCE = 0.1;
    /// How many minority values of one categorical column become facets.
    public static final int MAX_FACETS_PER_COLUMN = 3;

    private static final Set<String> POSITIVE_WORDS = Set.of("yes", "true", "y", "t", "1", "approved", "accepted",
            "positive", "pass", "passed", "granted", "hired", "good", "success");

    private DataBias() {
    }

    /// The pre-training metrics of one facet.
    ///
    /// @param column   the sensitive column
    /// @param facet    the facet examined (rows of `column` with the chosen value, or above the threshold)
    /// @param positive the outcome counted as positive
    /// @param report   the metrics
    public record Finding(String column, Facet facet, String positive, BiasReport report) {
    }

    /// The section: findings, plus plain-English notes on sensitive columns that could not be analysed.
    ///
    /// @param findings one per facet, in column order
    /// @param notes    why a column or the whole section was skipped
    public record Section(List<Finding> findings, List<String> notes) {
        public Section {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }

        /// Whether there is nothing to show at all (no sensitive column).
        public boolean isEmpty() {
            return findings.isEmpty() && notes.isEmpty();
        }
    }

    /// Whether `value` is within [#TOLERANCE] of balance (NaN and infinities are not).
    public static boolean withinTolerance(double value) {
        return Double.isFinite(value) && Math.abs(value) <= TOLERANCE;
    }

    /// The section for `data` with `target` (may be `null`, then the dataset's target is used). Empty when the
    /// data has no sensitive column.
    public static Section analyze(Dataset data, @Nullable String target, JobContext ctx) {
        List<ColumnSchema> sensitive = data.schema().columns().stream()
                .filter(c -> c.role() == ColumnRole.SENSITIVE).toList();
        if (sensitive.isEmpty()) {
            return new Section(List.of(), List.of());
        }
        String label = target != null ? target : data.schema().target().map(ColumnSchema::name).orElse(null);
        if (label == null || data.schema().indexOf(label) < 0) {
            return new Section(List.of(), List.of("Choose a target column to measure bias against the sensitive"
                    + " columns."));
        }
        int labelCol = data.schema().indexOf(label);
        List<String> classes = classes(data, labelCol);
        if (classes.size() != 2) {
            return new Section(List.of(), List.of("The bias metrics need a target with exactly two outcomes; \""
                    + label + "\" has " + classes.size() + "."));
        }
        String positive = positiveClass(classes);
        OutcomeRule rule = new OutcomeRule(List.of(positive), null);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < sensitive.size(); i++) {
            ctx.throwIfCancelled();
            ColumnSchema s = sensitive.get(i);
            for (Facet facet : facets(data, s)) {
                try {
                    BiasReport report = BiasAnalysis.run(data, new BiasAnalysis.Spec(label, rule, facet, null), null,
                            JobContext.silent());
                    findings.add(new Finding(s.name(), facet, positive, report));
                } catch (AtelierException e) {
                    notes.add("No bias metrics for " + facet + " (" + e.code().name() + ").");
                }
            }
            if (findings.stream().noneMatch(f -> f.column().equals(s.name()))
                    && notes.stream().noneMatch(n -> n.contains(s.name()))) {
                notes.add("The sensitive column \"" + s.name() + "\" has fewer than two groups, so no bias metric"
                        + " was computed for it.");
            }
            ctx.progress(i + 1, sensitive.size());
        }
        return new Section(findings, notes);
    }

    /// The favourable class of a two-class target.
    static String positiveClass(List<String> classesByFrequency) {
        for (String c : classesByFrequency) {
            if (POSITIVE_WORDS.contains(c.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return classesByFrequency.getLast();
    }

    /// The target's distinct values, most frequent first (ties by text).
    private static List<String> classes(Dataset data, int col) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            if (!data.isMissing(r, col)) {
                counts.merge(data.text(r, col), 1, Integer::sum);
                if (counts.size() > 2) {
                    break;
                }
            }
        }
        return sortedByCount(counts);
    }

    private static List<String> sortedByCount(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static List<Facet> facets(Dataset data, ColumnSchema s) {
        int col = data.schema().indexOf(s.name());
        if (s.type() == ColumnType.NUMERIC) {
            double[] x = Arrays.stream(data.numbers(col)).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (x.length < 2 || x[0] == x[x.length - 1]) {
                return List.of();
            }
            double median = x[(x.length - 1) / 2];
            if (median == x[x.length - 1]) {
                median = x[0]; // a column mostly at its maximum: compare the rows above the minimum
            }
            return List.of(new Facet(s.name(), List.of(), median));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            if (!data.isMissing(r, col)) {
                counts.merge(data.text(r, col), 1, Integer::sum);
            }
        }
        List<String> values = sortedByCount(counts);
        return values.stream().skip(1).limit(MAX_FACETS_PER_COLUMN)
                .sorted(Comparator.comparingInt((String v) -> -counts.get(v)))
                .map(v -> new Facet(s.name(), List.of(v), null)).toList();
    }
}
