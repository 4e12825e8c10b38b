package dev.atelier.app.report;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.bias.DataBias;
import dev.atelier.engine.data.insights.InsightsReport;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.DataFormat;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.data.profile.Bin;
import dev.atelier.engine.data.profile.ColumnProfile;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.data.profile.DateTimeStats;
import dev.atelier.engine.data.profile.DuplicateRows;
import dev.atelier.engine.data.profile.LabelStats;
import dev.atelier.engine.data.profile.NumericStats;
import dev.atelier.engine.data.profile.ProfileWarning;
import dev.atelier.engine.data.profile.ValueCount;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.learn.ProblemTypes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The published shape of a data profile — what `atelier profile --json` prints and what the HTML report and
/// the studio export show. Field names are snake_case and stable; non-finite numbers become `null`.
///
/// Row numbers in the report (`duplicates`, `outliers`, `anomalies`) count data rows from 1, as a spreadsheet
/// does below its header row.
///
/// @param file          the file profiled
/// @param rows          number of rows
/// @param columns       one entry per column, in file order
/// @param warnings      data-quality warnings
/// @param diagnostics   what the importer noticed, in plain language
/// @param format        how the file was read
/// @param target        the column to predict, or `null`
/// @param problem       the problem inferred from the target ("binary classification"), or `null`
/// @param quick_model   the quick model's held-out score, or `null` without a target (or too few rows)
/// @param feature_power each feature's prediction power on its own, strongest first
/// @param duplicates    the duplicate rows
/// @param outliers      the numeric columns with outliers and their most extreme rows
/// @param anomalies     the most anomalous rows, or `null` when they were not searched
/// @param notes         checks that were skipped or sampled, in plain language
/// @param bias          the pre-training bias section (Clarify's data-only metrics per sensitive column and
///                      facet), or `null` when the data has no sensitive column
public record ProfileReport(String file, int rows, List<Column> columns, List<Warning> warnings,
                            List<Note> diagnostics, Format format, @Nullable String target,
                            @Nullable String problem, @Nullable QuickModel quick_model,
                            List<FeaturePower> feature_power, Duplicates duplicates, List<Outliers> outliers,
                            @Nullable Anomalies anomalies, List<String> notes, @Nullable Bias bias) {

    /// The most duplicate groups the report lists.
    public static final int MAX_DUPLICATE_GROUPS = 100;

    /// The quick model's held-out score.
    public record QuickModel(String algorithm, String metric, @Nullable Double score, int train_rows, int test_rows,
                             Map<String, Double> metrics) {
    }

    /// How well one column predicts the target on its own (`auc` or `r2`).
    public record FeaturePower(String column, String metric, @Nullable Double score) {
    }

    /// Duplicate rows: `count` rows repeat an earlier one; each group lists the row numbers of identical rows
    /// (at most [#MAX_DUPLICATE_GROUPS] groups).
    public record Duplicates(int count, int groups_total, List<List<Integer>> groups) {
    }

    /// A numeric column's outliers (robust z-score above 3.5) and its most extreme rows.
    public record Outliers(String column, int count, List<Integer> example_rows, @Nullable Double median,
                           @Nullable Double mad) {
    }

    /// Anomalous rows from a Random Cut Forest.
    public record Anomalies(String method, List<String> columns, int scored_rows, @Nullable Double threshold,
                            int count, List<AnomalousRow> top) {
    }

    /// One anomalous row: its row number and score.
    public record AnomalousRow(int row, double score) {
    }

    /// The pre-training bias section: `tolerance` is the largest magnitude read as balanced; `facets` holds one
    /// entry per sensitive column and facet; `notes` says why a column could not be analysed.
    public record Bias(double tolerance, List<BiasFacet> facets, List<String> notes) {
    }

    /// Clarify's data-only metrics for one facet `d` (`facet`, e.g. "gender = female") against all other rows,
    /// with `positive_outcome` the favourable target value.
    public record BiasFacet(String column, String facet, String positive_outcome, int facet_rows, int other_rows,
                            int skipped_rows, List<BiasValue> metrics) {
    }

    /// One metric: Clarify's abbreviation, its title, value (`null` when undefined), range, reading and whether
    /// its magnitude is within the tolerance.
    public record BiasValue(String metric, String title, @Nullable Double value, String range, String reading,
                            boolean within_tolerance) {
    }

    /// One column's profile.
    public record Column(String name, String type, String role, int count, int missing, double missing_fraction,
                         int distinct, @Nullable Numeric numeric, @Nullable List<Value> top_values,
                         @Nullable Double average_length, @Nullable String min_datetime,
                         @Nullable String max_datetime) {
    }

    /// Summary statistics of a numeric column.
    public record Numeric(@Nullable Double min, @Nullable Double max, @Nullable Double mean, @Nullable Double std,
                          @Nullable Double p5, @Nullable Double p25, @Nullable Double median, @Nullable Double p75,
                          @Nullable Double p95, int zeros, List<Bar> histogram) {
    }

    /// One histogram bar.
    public record Bar(double lower, double upper, int count) {
    }

    /// A frequent value and how often it occurs.
    public record Value(String value, int count) {
    }

    /// A data-quality warning: `type` is one of `HIGH_MISSING`, `CONSTANT_COLUMN`, `DUPLICATE_ROWS`, ….
    public record Warning(String type, @Nullable String column, String detail) {
    }

    /// An import diagnostic rendered for people.
    public record Note(String severity, String code, @Nullable String column, String message) {
    }

    /// How the source was read: for delimited text its delimiter, encoding and header; `source` says which kind of
    /// source it was (`csv`, `excel`, `json`, `jsonl`, `parquet`, `sql`, `text`, `images`, `lst`, `deepar`) and
    /// `inferred` what the importer detected or assumed (sheet, header row, table, …).
    public record Format(String delimiter, String encoding, String header, String source,
                         Map<String, String> inferred) {

        /// A one-line description for people ("comma-separated UTF-8" or "excel, sheet Sales, header row 3").
        public String describe() {
            if ("csv".equals(source)) {
                return delimiter + "-separated " + encoding + ", header " + header;
            }
            var sb = new StringBuilder(source);
            inferred.forEach((k, v) -> {
                if (!k.equals("sheets") && !k.equals("tables")) {
                    sb.append(", ").append(k.replace('_', ' ')).append(' ').append(v);
                }
            });
            return sb.toString();
        }
    }

    /// Builds the report from an import and its insights, without a bias section.
    public static ProfileReport of(String file, ImportResult imported, InsightsReport insights, Messages messages) {
        return of(file, imported, insights, null, messages);
    }

    /// Builds the report from an import, its insights and its pre-training bias section (`null` or empty: none).
    public static ProfileReport of(String file, ImportResult imported, InsightsReport insights,
                                   DataBias.@Nullable Section bias, Messages messages) {
        DatasetProfile profile = insights.profile();
        List<Column> columns = profile.columnProfiles().stream().map(ProfileReport::column).toList();
        List<Warning> warnings = insights.warnings().stream().map(ProfileReport::warning).toList();
        List<Note> notes = imported.diagnostics().stream().map(d -> note(d, messages)).toList();
        InsightsReport.QuickModel q = insights.quickModel();
        QuickModel quick = q == null ? null : new QuickModel(q.algorithm(), q.metric(), finite(q.score()),
                q.trainRows(), q.testRows(), finiteMap(q.metrics()));
        List<FeaturePower> power = insights.featurePower().stream()
                .map(p -> new FeaturePower(p.column(), p.metric(), finite(p.score()))).toList();
        List<List<Integer>> groups = insights.duplicates().stream().limit(MAX_DUPLICATE_GROUPS)
                .map(g -> java.util.Arrays.stream(g).map(r -> r + 1).boxed().toList()).toList();
        Duplicates duplicates = new Duplicates(DuplicateRows.count(insights.duplicates()),
                insights.duplicates().size(), groups);
        List<Outliers> outliers = insights.outliers().stream().map(o -> new Outliers(o.column(), o.count(),
                o.exampleRows().stream().map(r -> r + 1).toList(), finite(o.median()), finite(o.mad()))).toList();
        InsightsReport.Anomalies a = insights.anomalies();
        Anomalies anomalies = a == null ? null : new Anomalies(a.method(), a.columns(), a.scored(),
                finite(a.threshold()), a.count(),
                a.top().stream().map(t -> new AnomalousRow(t.row() + 1, t.score())).toList());
        String problem = insights.problem() == null ? null : ProblemTypes.words(insights.problem());
        return new ProfileReport(file, profile.rows(), columns, warnings, notes, format(imported),
                insights.target(), problem, quick, power, duplicates, outliers, anomalies, insights.notes(),
                bias == null || bias.isEmpty() ? null : bias(bias));
    }

    private static Bias bias(DataBias.Section section) {
        List<BiasFacet> facets = section.findings().stream().map(f -> new BiasFacet(f.column(),
                f.report().facet(), f.positive(), f.report().facetRows(), f.report().otherRows(),
                f.report().skippedRows(), f.report().results().stream().map(r -> new BiasValue(
                        r.metric().abbreviation(), r.metric().title(), finite(r.value()), r.metric().range(),
                        r.reading(), DataBias.withinTolerance(r.value()))).toList())).toList();
        return new Bias(DataBias.TOLERANCE, facets, section.notes());
    }

    private static Map<String, Double> finiteMap(Map<String, Double> metrics) {
        var out = new java.util.TreeMap<String, Double>();
        metrics.forEach((k, v) -> {
            if (Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Column column(ColumnProfile c) {
        Numeric numeric = null;
        List<Value> top = null;
        Double avgLength = null;
        String minDt = null;
        String maxDt = null;
        switch (c.stats()) {
            case NumericStats n -> numeric = new Numeric(finite(n.min()), finite(n.max()), finite(n.mean()),
                    finite(n.std()), finite(n.p5()), finite(n.p25()), finite(n.p50()), finite(n.p75()),
                    finite(n.p95()), n.zeros(), n.histogram().stream().map(ProfileReport::bar).toList());
            case LabelStats l -> {
                top = l.topValues().stream().map(ProfileReport::value).toList();
                avgLength = finite(l.averageLength());
            }
            case DateTimeStats d -> {
                minDt = d.min();
                maxDt = d.max();
            }
        }
        return new Column(c.name(), lower(c.type().name()), lower(c.role().name()), c.count(), c.missing(),
                c.missingFraction(), c.distinct(), numeric, top, avgLength, minDt, maxDt);
    }

    private static Bar bar(Bin b) {
        return new Bar(b.lower(), b.upper(), b.count());
    }

    private static Value value(ValueCount v) {
        return new Value(v.value(), v.count());
    }

    private static Warning warning(ProfileWarning w) {
        return new Warning(w.type().name(), w.column(), w.detail());
    }

    private static Note note(Diagnostic d, Messages messages) {
        return new Note(lower(d.severity().name()), d.code().name(), d.column(), messages.diagnostic(d));
    }

    private static Format format(ImportResult imported) {
        CsvOptions o = imported.format();
        Character d = o.delimiter();
        String delimiter = d == null ? "detected" : switch (d) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> String.valueOf(d);
        };
        if (imported.source() != DataFormat.CSV) {
            return new Format("", imported.inferred().getOrDefault("encoding", ""), "", imported.source().word(),
                    imported.inferred());
        }
        return new Format(delimiter, o.charset() == null ? "detected" : o.charset(), lower(o.header().name()),
                imported.source().word(), imported.inferred());
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
