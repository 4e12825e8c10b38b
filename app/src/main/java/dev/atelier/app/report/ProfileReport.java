package dev.atelier.app.report;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.data.profile.Bin;
import dev.atelier.engine.data.profile.ColumnProfile;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.data.profile.DateTimeStats;
import dev.atelier.engine.data.profile.LabelStats;
import dev.atelier.engine.data.profile.NumericStats;
import dev.atelier.engine.data.profile.ProfileWarning;
import dev.atelier.engine.data.profile.ValueCount;
import dev.atelier.engine.error.Diagnostic;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// The published shape of a data profile — what `atelier profile --json` prints and what the HTML report and
/// the studio export show. Field names are snake_case and stable; non-finite numbers become `null`.
///
/// @param file        the file profiled
/// @param rows        number of rows
/// @param columns     one entry per column, in file order
/// @param warnings    data-quality warnings
/// @param diagnostics what the importer noticed, in plain language
/// @param format      how the file was read
public record ProfileReport(String file, int rows, List<Column> columns, List<Warning> warnings,
                            List<Note> diagnostics, Format format) {

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

    /// How the file was read.
    public record Format(String delimiter, String encoding, String header) {
    }

    /// Builds the report from an import and its profile.
    public static ProfileReport of(String file, ImportResult imported, DatasetProfile profile, Messages messages) {
        List<Column> columns = profile.columnProfiles().stream().map(ProfileReport::column).toList();
        List<Warning> warnings = profile.warnings().stream().map(ProfileReport::warning).toList();
        List<Note> notes = imported.diagnostics().stream().map(d -> note(d, messages)).toList();
        return new ProfileReport(file, profile.rows(), columns, warnings, notes, format(imported.format()));
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

    private static Format format(CsvOptions o) {
        Character d = o.delimiter();
        String delimiter = d == null ? "detected" : switch (d) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> String.valueOf(d);
        };
        return new Format(delimiter, o.charset() == null ? "detected" : o.charset(), lower(o.header().name()));
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
