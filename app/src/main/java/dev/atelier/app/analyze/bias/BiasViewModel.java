package dev.atelier.app.analyze.bias;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.i18n.AlgorithmNames;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.report.AnalysisHtml;
import dev.atelier.app.report.AnalysisReport;
import dev.atelier.app.report.BiasTable;
import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.bias.BiasAnalysis;
import dev.atelier.engine.bias.BiasReport;
import dev.atelier.engine.bias.Facet;
import dev.atelier.engine.bias.OutcomeRates;
import dev.atelier.engine.bias.OutcomeRule;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.persist.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Analyze screen's Bias tab: the analyst picks a facet (a column and a value, or a threshold for a numeric
/// column), the good outcome (label values, one-vs-rest for several classes, or a threshold for a numeric label),
/// an optional group column for CDD and a tolerance; a job computes SageMaker Clarify's pre-training metrics on
/// all rows and the post-training metrics of the selected (else the default) Autopilot candidate on the test
/// rows, with the outcome rates per group. "Export report…" writes the bias and explainability report (with SHAP)
/// as HTML. Toolkit-free; call it on the FX thread.
public final class BiasViewModel {
    /// The tolerance a new tab starts with.
    public static final double DEFAULT_TOLERANCE = 0.1;
    /// Values of a facet column offered at most.
    static final int MAX_VALUES = 50;
    /// A value needs this share of the rows to be the default facet value.
    static final double MIN_DEFAULT_SHARE = 0.05;

    /// What one check computed (off the FX thread).
    ///
    /// @param candidate the candidate id, or -1 without a model
    /// @param spec      what was analysed
    /// @param pre       pre-training metrics on all rows
    /// @param post      post-training metrics on the test rows, or null without a model or test rows
    /// @param rates     observed rates per group on all rows
    /// @param predicted observed and predicted rates per group on the test rows (empty without `post`)
    public record Result(int candidate, BiasAnalysis.Spec spec, BiasReport pre, @Nullable BiasReport post,
                         List<OutcomeRates.Rate> rates, List<OutcomeRates.Rate> predicted) {
        public Result {
            rates = List.copyOf(rates);
            predicted = List.copyOf(predicted);
        }
    }

    private final AutopilotSession session;
    private final AlgorithmCatalog catalog;
    private final JobRunner jobs;
    private final ReportFiles files;
    private final Messages messages;
    private final Clock clock;

    private final ObservableList<String> facetColumns = FXCollections.observableArrayList();
    private final StringProperty facetColumn = new SimpleStringProperty(this, "facetColumn", "");
    private final ObservableList<String> facetValues = FXCollections.observableArrayList();
    private final StringProperty facetValue = new SimpleStringProperty(this, "facetValue", "");
    private final ReadOnlyBooleanWrapper facetNumeric = new ReadOnlyBooleanWrapper(this, "facetNumeric");
    private final StringProperty facetThreshold = new SimpleStringProperty(this, "facetThreshold", "");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final ObservableList<String> labelValues = FXCollections.observableArrayList();
    private final ObservableList<String> positives = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper labelNumeric = new ReadOnlyBooleanWrapper(this, "labelNumeric");
    private final StringProperty labelThreshold = new SimpleStringProperty(this, "labelThreshold", "");
    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final StringProperty groupColumn = new SimpleStringProperty(this, "groupColumn", "");
    private final DoubleProperty tolerance = new SimpleDoubleProperty(this, "tolerance", DEFAULT_TOLERANCE);

    private final ReadOnlyObjectWrapper<@Nullable Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<BiasTable.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper intro = new ReadOnlyStringWrapper(this, "intro", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final Map<String, ColumnSchema> schema = new LinkedHashMap<>();
    private @Nullable Dataset loadedFor;
    private int candidate = -1;
    private long generation;
    private @Nullable RunningJob current;
    private @Nullable RunningJob export;

    public BiasViewModel(AutopilotSession session, AlgorithmCatalog catalog, JobRunner jobs, ReportFiles files,
                         Messages messages, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.files = Objects.requireNonNull(files, "files");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        facetColumn.addListener((o, a, b) -> facetColumnChanged());
        tolerance.addListener((o, a, b) -> rows.setAll(BiasTable.retolerate(rows, b.doubleValue())));
        session.resultProperty().addListener((o, a, b) -> {
            loadedFor = null;
            clearResult();
            refresh();
        });
        session.runningProperty().addListener((o, a, b) -> {
            if (b) {
                cancel();
            }
        });
        refresh();
    }

    // ---- inputs ---------------------------------------------------------------------------------------

    /// Columns that can define the facet: sensitive columns first, then the other categorical, yes/no and numeric
    /// columns in table order (never the label).
    public ObservableList<String> facetColumns() {
        return facetColumns;
    }

    /// The facet's column.
    public StringProperty facetColumnProperty() {
        return facetColumn;
    }

    /// Whether `column` is marked sensitive.
    public boolean isSensitive(String column) {
        ColumnSchema c = schema.get(column);
        return c != null && c.role() == ColumnRole.SENSITIVE;
    }

    /// The values of the facet column (categorical columns), most frequent first.
    public ObservableList<String> facetValues() {
        return facetValues;
    }

    /// The facet's value (categorical columns).
    public StringProperty facetValueProperty() {
        return facetValue;
    }

    /// Whether the facet column is numeric (then a threshold selects the facet).
    public ReadOnlyBooleanProperty facetNumericProperty() {
        return facetNumeric.getReadOnlyProperty();
    }

    /// Numeric facet columns: rows above this number form the facet.
    public StringProperty facetThresholdProperty() {
        return facetThreshold;
    }

    /// The label (the model's target).
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /// The label's values (classes).
    public ObservableList<String> labelValues() {
        return labelValues;
    }

    /// The label values counted as the good outcome (several = one-vs-rest).
    public ObservableList<String> positives() {
        return positives;
    }

    /// Whether the label is numeric (then a threshold defines the good outcome).
    public ReadOnlyBooleanProperty labelNumericProperty() {
        return labelNumeric.getReadOnlyProperty();
    }

    /// Numeric labels: values above this number are the good outcome.
    public StringProperty labelThresholdProperty() {
        return labelThreshold;
    }

    /// Columns for CDD; the first entry, "", means none.
    public ObservableList<String> groupColumns() {
        return groupColumns;
    }

    /// The CDD group column; "" for none.
    public StringProperty groupColumnProperty() {
        return groupColumn;
    }

    /// Metrics whose size (for DI: |1 − DI|) is above this are flagged.
    public DoubleProperty toleranceProperty() {
        return tolerance;
    }

    // ---- outputs --------------------------------------------------------------------------------------

    /// The last check; null before one finished.
    public ReadOnlyObjectProperty<@Nullable Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public @Nullable Result getResult() {
        return result.get();
    }

    /// The metrics of the last check, pre-training first, coloured against the tolerance.
    public ObservableList<BiasTable.Row> rows() {
        return rows;
    }

    /// Which model is checked.
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// What the two kinds of metrics measure, with the row counts.
    public ReadOnlyStringProperty introProperty() {
        return intro.getReadOnlyProperty();
    }

    /// Why nothing is shown, or what to do next.
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /// The group sizes of the last check.
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /// Whether a check runs.
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// Whether a report is being written.
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /// Whether there is a model and data to check.
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /// Where the last report was saved.
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    // ---- commands -------------------------------------------------------------------------------------

    /// Loads the columns of the current Autopilot data (once per data set) and follows the analysed candidate.
    public void refresh() {
        AutopilotSession.Context ctx = session.getContext();
        boolean hasModel = ctx != null && session.getResult() != null && !session.isRunning()
                && session.model(session.analyzedCandidate()).isPresent();
        ready.set(hasModel);
        if (!hasModel) {
            title.set("");
            intro.set("");
            note.set(messages.get("bias.note.noModel"));
            return;
        }
        int id = session.analyzedCandidate();
        title.set(messages.get("bias.title", "#" + id + " " + algorithmName(id)));
        intro.set(messages.get("bias.intro", count(ctx.all().rowCount()), count(ctx.test().rowCount())));
        if (id != candidate && result.get() != null) {
            clearResult();
        }
        candidate = id;
        if (loadedFor == ctx.all()) {
            return;
        }
        loadedFor = ctx.all();
        load(ctx);
        if (result.get() == null) {
            note.set(messages.get("bias.note.ready"));
        }
    }

    /// The analysis the inputs describe, or empty (with the reason in the note) if they are incomplete.
    public Optional<BiasAnalysis.Spec> spec() {
        String column = facetColumn.get();
        if (column == null || column.isEmpty() || label.get().isEmpty()) {
            return Optional.empty();
        }
        Facet facet;
        if (facetNumeric.get()) {
            Double t = number(facetThreshold.get());
            if (t == null) {
                note.set(messages.get("bias.note.badNumber", facetThreshold.get()));
                return Optional.empty();
            }
            facet = new Facet(column, List.of(), t);
        } else {
            if (facetValue.get() == null || facetValue.get().isEmpty()) {
                note.set(messages.get("bias.note.noValue"));
                return Optional.empty();
            }
            facet = new Facet(column, List.of(facetValue.get()), null);
        }
        OutcomeRule rule;
        if (labelNumeric.get()) {
            Double t = number(labelThreshold.get());
            if (t == null) {
                note.set(messages.get("bias.note.badNumber", labelThreshold.get()));
                return Optional.empty();
            }
            rule = new OutcomeRule(List.of(), t);
        } else {
            if (positives.isEmpty()) {
                note.set(messages.get("bias.note.noPositive"));
                return Optional.empty();
            }
            rule = new OutcomeRule(List.copyOf(positives), null);
        }
        String group = groupColumn.get() == null || groupColumn.get().isEmpty() ? null : groupColumn.get();
        return Optional.of(new BiasAnalysis.Spec(label.get(), rule, facet, group));
    }

    /// Computes the metrics as a job: pre-training on all rows, post-training on the test rows.
    public void run() {
        refresh();
        AutopilotSession.Context ctx = session.getContext();
        Model model = session.model(candidate).orElse(null);
        if (!ready.get() || ctx == null || model == null) {
            return;
        }
        Optional<BiasAnalysis.Spec> wanted = spec();
        if (wanted.isEmpty()) {
            return;
        }
        BiasAnalysis.Spec spec = wanted.get();
        cancel();
        clearResult();
        long token = ++generation;
        int id = candidate;
        Dataset all = ctx.all();
        Dataset test = ctx.test();
        busy.set(true);
        note.set(messages.get("bias.note.working"));
        current = jobs.start(new JobRequest<Result>("bias.job.run", List.of(spec.facet().toString()), c -> {
            BiasReport pre = BiasAnalysis.run(all, spec, null, c.child(0.2));
            List<OutcomeRates.Rate> rates = OutcomeRates.of(all, spec, null);
            c.throwIfCancelled();
            BiasReport post = null;
            List<OutcomeRates.Rate> predicted = List.of();
            if (test.rowCount() > 0) {
                post = BiasAnalysis.run(test, spec, model, c.child(0.7));
                predicted = OutcomeRates.of(test, spec, model);
            }
            return new Result(id, spec, pre, post, rates, predicted);
        }, r -> {
            if (token == generation) {
                shown(r);
            }
        }, state -> {
            if (token == generation) {
                busy.set(false);
                current = null;
                if (result.get() == null) {
                    note.set(messages.get("bias.note.failed"));
                }
            }
        }));
    }

    /// Stops a running check.
    public void cancel() {
        RunningJob j = current;
        if (j != null) {
            j.cancel();
        }
    }

    /// Asks where to save the bias and explainability report and writes it as a job (bias metrics as shown,
    /// plus SHAP on the test rows).
    public void exportReport() {
        refresh();
        AutopilotSession.Context ctx = session.getContext();
        Model model = session.model(candidate).orElse(null);
        if (!ready.get() || ctx == null || model == null || exporting.get()) {
            return;
        }
        Result last = result.get();
        Optional<BiasAnalysis.Spec> wanted = last != null && last.candidate() == candidate ? Optional.of(last.spec())
                : spec();
        if (wanted.isEmpty()) {
            return;
        }
        BiasAnalysis.Spec spec = wanted.get();
        String suggested = "bias-report-" + spec.facet().column() + "-"
                + (spec.facet().threshold() != null ? "above-" + number(spec.facet().threshold())
                : String.join("-", spec.facet().values()));
        Optional<Path> target = files.chooseHtmlToSave(suggested.replaceAll("[^A-Za-z0-9._-]+", "_"));
        if (target.isEmpty()) {
            return;
        }
        Path out = target.get();
        int id = candidate;
        Path source = ctx.source();
        Map<String, Double> metrics = session.row(id).map(LeaderboardRow::metrics).orElse(Map.of());
        var summaryOf = AnalysisReport.ModelSummary.of("#" + id, algorithmName(id), model, metrics);
        var inputs = new AnalysisReport.Inputs(model, summaryOf,
                source.getFileName() == null ? source.toString() : source.getFileName().toString(), ctx.all(),
                ctx.test(), spec, tolerance.get(), AnalysisReport.EXPLAINED_ROWS, AutopilotSession.SEED,
                clock.instant());
        exporting.set(true);
        exportMessage.set("");
        export = jobs.start(new JobRequest<Path>("bias.job.report", List.of(), c -> {
            AnalysisReport report = AnalysisReport.compute(inputs, messages, c);
            AtomicFiles.write(out, AnalysisHtml.render(report, messages).getBytes(StandardCharsets.UTF_8));
            return out;
        }, p -> exportMessage.set(messages.get("bias.export.done", p.toString())), state -> {
            exporting.set(false);
            export = null;
        }));
    }

    // ---- internals ------------------------------------------------------------------------------------

    private void load(AutopilotSession.Context ctx) {
        Dataset all = ctx.all();
        schema.clear();
        for (ColumnSchema c : all.schema().columns()) {
            schema.put(c.name(), c);
        }
        label.set(ctx.target());
        ColumnSchema target = schema.get(ctx.target());
        Model model = session.model(candidate).orElse(null);
        boolean regression = model != null && model.header().problem() == ProblemType.REGRESSION;
        labelNumeric.set(target != null && target.type() == ColumnType.NUMERIC && regression);
        positives.clear();
        if (labelNumeric.get()) {
            labelValues.clear();
            labelThreshold.set(format(median(all, all.schema().indexOf(ctx.target()))));
        } else {
            List<String> values = model != null && !model.header().classes().isEmpty() ? model.header().classes()
                    : distinct(all, ctx.target());
            labelValues.setAll(values);
            if (!values.isEmpty()) {
                positives.add(values.getLast());
            }
        }
        var sensitive = new ArrayList<String>();
        var other = new ArrayList<String>();
        var groups = new ArrayList<String>();
        groups.add("");
        for (ColumnSchema c : all.schema().columns()) {
            if (c.name().equals(ctx.target())) {
                continue;
            }
            boolean usable = c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.BOOLEAN
                    || c.type() == ColumnType.NUMERIC;
            if (!usable || c.role() == ColumnRole.ID) {
                continue;
            }
            (c.role() == ColumnRole.SENSITIVE ? sensitive : other).add(c.name());
            if (c.type() != ColumnType.NUMERIC) {
                groups.add(c.name());
            }
        }
        sensitive.addAll(other);
        groupColumn.set("");
        groupColumns.setAll(groups);
        facetColumn.set("");
        facetColumns.setAll(sensitive);
        if (!sensitive.isEmpty()) {
            facetColumn.set(sensitive.getFirst());
        }
    }

    private void facetColumnChanged() {
        AutopilotSession.Context ctx = session.getContext();
        String column = facetColumn.get();
        ColumnSchema c = column == null ? null : schema.get(column);
        facetValues.clear();
        facetValue.set("");
        if (ctx == null || c == null) {
            return;
        }
        Dataset all = ctx.all();
        int col = all.schema().indexOf(column);
        facetNumeric.set(c.type() == ColumnType.NUMERIC);
        if (facetNumeric.get()) {
            facetThreshold.set(format(median(all, col)));
            return;
        }
        facetValues.setAll(distinct(all, column));
        facetValue.set(defaultValue(all, col));
    }

    /// The value with the lowest rate of the good outcome among values with at least 5 % of the rows (the group
    /// most likely to be disadvantaged), else the most frequent value.
    private String defaultValue(Dataset all, int col) {
        if (facetValues.isEmpty()) {
            return "";
        }
        int labelCol = all.schema().indexOf(label.get());
        if (labelCol < 0 || labelNumeric.get() || positives.isEmpty()) {
            return facetValues.getFirst();
        }
        ColumnType labelType = all.schema().get(labelCol).type();
        OutcomeRule rule = new OutcomeRule(List.copyOf(positives), null);
        Map<String, int[]> tally = new HashMap<>();
        int n = 0;
        for (int r = 0; r < all.rowCount(); r++) {
            if (all.isMissing(r, col) || all.isMissing(r, labelCol)) {
                continue;
            }
            n++;
            int[] t = tally.computeIfAbsent(all.text(r, col), k -> new int[2]);
            t[0]++;
            t[1] += rule.isPositive(all.text(r, labelCol), labelType) ? 1 : 0;
        }
        String best = facetValues.getFirst();
        double lowest = Double.POSITIVE_INFINITY;
        for (String v : facetValues) {
            int[] t = tally.get(v);
            if (t != null && t[0] >= MIN_DEFAULT_SHARE * n && t[1] / (double) t[0] < lowest) {
                lowest = t[1] / (double) t[0];
                best = v;
            }
        }
        return best;
    }

    private void shown(Result r) {
        result.set(r);
        String outcome = BiasTable.outcome(r.spec().label(), r.spec().positive());
        rows.setAll(BiasTable.rows(r.pre(), r.post(), new BiasTable.Context(r.spec().facet().toString(), outcome,
                r.spec().groupColumn(), r.rates(), r.predicted()), tolerance.get(), messages));
        summary.set(messages.get("bias.summary", r.spec().facet().toString(), count(r.pre().facetRows()),
                count(r.pre().otherRows()), r.pre().skippedRows() == 0 ? ""
                        : messages.get("bias.summary.skipped", count(r.pre().skippedRows())), outcome));
        note.set(r.post() == null ? messages.get("bias.note.noTestRows") : "");
    }

    private void clearResult() {
        generation++;
        result.set(null);
        rows.clear();
        summary.set("");
        busy.set(false);
        RunningJob j = current;
        current = null;
        if (j != null) {
            j.cancel();
        }
    }

    private String algorithmName(int id) {
        String key = session.row(id).map(LeaderboardRow::algorithm).orElse("");
        return AlgorithmNames.of(catalog, messages, key);
    }

    private static List<String> distinct(Dataset data, String column) {
        int c = data.schema().indexOf(column);
        if (c < 0) {
            return List.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            if (!data.isMissing(r, c)) {
                counts.merge(data.text(r, c), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_VALUES).map(Map.Entry::getKey).toList();
    }

    private static double median(Dataset data, int c) {
        if (c < 0) {
            return Double.NaN;
        }
        double[] v = Arrays.stream(data.numbers(c)).filter(Double::isFinite).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "" : number(v);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }

    private static @Nullable Double number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip().replace(",", ""));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
