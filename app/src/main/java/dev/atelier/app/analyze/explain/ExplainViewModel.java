package dev.atelier.app.analyze.explain;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.i18n.AlgorithmNames;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.explain.PartialDependence;
import dev.atelier.engine.explain.ShapExplainer;
import dev.atelier.engine.explain.ShapValues;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Analyze screen's Explain tab: SHAP attributions of the analyzed Autopilot candidate on its test rows.
///
/// - **Global**: mean |SHAP| per original column (largest first) and a beeswarm (one dot per row and column).
/// - **Local**: one test row's waterfall from the base value to its prediction.
/// - **Partial dependence**: PDP and ICE curves of a chosen column (the most important offered first).
///
/// Classifiers are explained on the probability or log-odds scale of a chosen class. The method is the engine's
/// automatic choice (TreeSHAP, linear SHAP or Kernel SHAP); Kernel SHAP is costly, so fewer rows are explained
/// with it. Every computation is a job (progress, cancel) whose result is dropped if the choices changed
/// meanwhile. Toolkit-free; call it on the FX thread.
public final class ExplainViewModel {
    /// Test rows explained with an exact (tree or linear) method.
    static final int EXACT_ROWS = 400;
    /// Test rows explained with Kernel SHAP.
    static final int KERNEL_ROWS = 200;
    /// Coalitions Kernel SHAP evaluates per row.
    static final int KERNEL_SAMPLES = 512;
    /// Rows of the k-means baseline.
    static final int BASELINE_ROWS = 10;
    /// Contributions shown one by one in the waterfall; the rest are summed on one line.
    static final int WATERFALL_STEPS = 10;
    /// Grid points and rows of the partial-dependence curves.
    static final int PDP_GRID = 20;
    static final int PDP_ROWS = 100;

    /// A column's mean absolute SHAP value.
    public record Importance(String column, double meanAbs) {
    }

    /// One beeswarm line: each explained row's SHAP value of `column` and its value's rank colour (0 = lowest,
    /// 1 = highest; NaN = missing or not ordered, such as a category).
    public record Swarm(String column, double[] shap, double[] colour) {
    }

    /// One waterfall bar: `column` (with this row's `value`) moves the output from `start` to `end`.
    public record Step(String column, String value, double contribution, double start, double end) {
    }

    /// A test row in the row picker.
    ///
    /// @param row        index into the test rows
    /// @param prediction the model's answer in words
    /// @param actual     the true value
    /// @param output     the explained output (class probability, log-odds or value)
    public record RowItem(int row, String prediction, String actual, double output) {
    }

    /// What one SHAP run computed (off the FX thread).
    ///
    /// @param candidate the candidate id
    /// @param shap      the attributions of `rows`
    /// @param rows      the explained test rows
    /// @param items     every test row with its prediction
    /// @param scale     the scale explained
    /// @param classIndex the class explained
    public record Explanation(int candidate, ShapValues shap, int[] rows, List<RowItem> items,
                              ShapExplainer.Scale scale, int classIndex) {
    }

    private final AutopilotSession session;
    private final AlgorithmCatalog catalog;
    private final JobRunner jobs;
    private final Messages messages;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper method = new ReadOnlyStringWrapper(this, "method", "");
    private final ReadOnlyStringWrapper methodTooltip = new ReadOnlyStringWrapper(this, "methodTooltip", "");
    private final ReadOnlyStringWrapper scaleNote = new ReadOnlyStringWrapper(this, "scaleNote", "");
    private final ObjectProperty<ShapExplainer.Scale> scale = new SimpleObjectProperty<>(this, "scale",
            ShapExplainer.Scale.PROBABILITY);
    private final IntegerProperty classIndex = new SimpleIntegerProperty(this, "classIndex", -1);
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper classifier = new ReadOnlyBooleanWrapper(this, "classifier");
    private final ReadOnlyObjectWrapper<@Nullable Explanation> explanation = new ReadOnlyObjectWrapper<>(this,
            "explanation");
    private final ObservableList<Importance> importances = FXCollections.observableArrayList();
    private final ObservableList<Swarm> swarm = FXCollections.observableArrayList();
    private final ObservableList<RowItem> rows = FXCollections.observableArrayList();
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper equation = new ReadOnlyStringWrapper(this, "equation", "");
    private final ReadOnlyBooleanWrapper localBusy = new ReadOnlyBooleanWrapper(this, "localBusy");
    private final ObservableList<String> pdpColumns = FXCollections.observableArrayList();
    private final StringProperty pdpColumn = new SimpleStringProperty(this, "pdpColumn");
    private final ReadOnlyObjectWrapper<PartialDependence.@Nullable Curves> pdp = new ReadOnlyObjectWrapper<>(this,
            "pdp");
    private final ReadOnlyBooleanWrapper pdpBusy = new ReadOnlyBooleanWrapper(this, "pdpBusy");

    private double base = Double.NaN;
    private double predicted = Double.NaN;
    private long generation;
    private long localGeneration;
    private long pdpGeneration;
    private int shownFor = -1;
    private boolean adjusting;
    private @Nullable Model model;
    private @Nullable RunningJob current;
    private @Nullable RunningJob localJob;
    private @Nullable RunningJob pdpJob;

    public ExplainViewModel(AutopilotSession session, AlgorithmCatalog catalog, JobRunner jobs, Messages messages) {
        this.session = Objects.requireNonNull(session, "session");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.messages = Objects.requireNonNull(messages, "messages");
        session.resultProperty().addListener((o, a, b) -> {
            shownFor = -1;
            clear();
        });
        session.runningProperty().addListener((o, a, b) -> {
            if (b) {
                cancel();
            }
        });
        scale.addListener((o, a, b) -> {
            if (!adjusting && shownFor >= 0) {
                explain(shownFor);
            }
        });
        classIndex.addListener((o, a, b) -> {
            if (!adjusting && shownFor >= 0) {
                explain(shownFor);
            }
        });
        selectedRow.addListener((o, a, b) -> showRow(b.intValue()));
        pdpColumn.addListener((o, a, b) -> computePdp());
    }

    // ---- properties ---------------------------------------------------------------------------------

    /// Which model, how many rows.
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// Why nothing is shown, or what is being computed.
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /// Whether SHAP values are being computed.
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// The method used, in words ("TreeSHAP (exact)").
    public ReadOnlyStringProperty methodProperty() {
        return method.getReadOnlyProperty();
    }

    /// What the method does, for a tooltip.
    public ReadOnlyStringProperty methodTooltipProperty() {
        return methodTooltip.getReadOnlyProperty();
    }

    /// The unit of every SHAP number shown, in words.
    public ReadOnlyStringProperty scaleNoteProperty() {
        return scaleNote.getReadOnlyProperty();
    }

    /// Classifiers: probability or log-odds. Changing it recomputes.
    public ObjectProperty<ShapExplainer.Scale> scaleProperty() {
        return scale;
    }

    /// Classifiers: the explained class (index into [#classes()]). Changing it recomputes.
    public IntegerProperty classIndexProperty() {
        return classIndex;
    }

    /// The model's classes (empty for regression).
    public ObservableList<String> classes() {
        return classes;
    }

    /// Whether the model is a classifier (the scale chooser applies).
    public ReadOnlyBooleanProperty classifierProperty() {
        return classifier.getReadOnlyProperty();
    }

    /// The last SHAP run; `null` before one finished.
    public ReadOnlyObjectProperty<@Nullable Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public @Nullable Explanation getExplanation() {
        return explanation.get();
    }

    /// Mean |SHAP| per column, largest first.
    public ObservableList<Importance> importances() {
        return importances;
    }

    /// The beeswarm lines, in the order of [#importances()].
    public ObservableList<Swarm> swarm() {
        return swarm;
    }

    /// Every test row with its prediction.
    public ObservableList<RowItem> rows() {
        return rows;
    }

    /// The test row explained locally (index into the test rows; -1 = none).
    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /// The selected row's waterfall, largest contribution first.
    public ObservableList<Step> steps() {
        return steps;
    }

    /// The selected row's base value (NaN when none).
    public double base() {
        return base;
    }

    /// The selected row's prediction on the explained scale (NaN when none).
    public double prediction() {
        return predicted;
    }

    /// "base value + contributions = prediction", with the numbers.
    public ReadOnlyStringProperty equationProperty() {
        return equation.getReadOnlyProperty();
    }

    /// Whether a single row is being explained.
    public ReadOnlyBooleanProperty localBusyProperty() {
        return localBusy.getReadOnlyProperty();
    }

    /// The columns partial dependence can be shown for, most important first.
    public ObservableList<String> pdpColumns() {
        return pdpColumns;
    }

    /// The column whose partial dependence is shown.
    public StringProperty pdpColumnProperty() {
        return pdpColumn;
    }

    /// The partial-dependence and ICE curves of [#pdpColumnProperty()].
    public ReadOnlyObjectProperty<PartialDependence.@Nullable Curves> pdpProperty() {
        return pdp.getReadOnlyProperty();
    }

    /// Whether the curves are being computed.
    public ReadOnlyBooleanProperty pdpBusyProperty() {
        return pdpBusy.getReadOnlyProperty();
    }

    /// A number on the explained scale as text (probabilities and log-odds with 3 decimals).
    public String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /// A contribution as signed text.
    public String signed(double v) {
        return (v >= 0 ? "+" : "−") + format(Math.abs(v));
    }

    // ---- commands ------------------------------------------------------------------------------------

    /// Explains the candidate the leaderboard selected (else the default), unless it is already shown.
    public void refresh() {
        int id = session.analyzedCandidate();
        if (id == shownFor && (explanation.get() != null || busy.get())) {
            return;
        }
        start(id);
    }

    /// Explains candidate `id` with the default scale and class for its model.
    public void start(int id) {
        Model m = session.model(id).orElse(null);
        adjusting = true;
        try {
            classes.setAll(m == null ? List.of() : m.header().classes());
            classifier.set(m != null && m.header().problem() != ProblemType.REGRESSION);
            classIndex.set(classes.isEmpty() ? -1 : classes.size() - 1);
            scale.set(ShapExplainer.Scale.PROBABILITY);
        } finally {
            adjusting = false;
        }
        run(id, true);
    }

    /// Explains candidate `id` on the current scale and class as a job.
    public void explain(int id) {
        run(id, false);
    }

    /// Explains candidate `id` as a job; with `chooseScale`, on the scale [#defaultScale] picks for its model.
    private void run(int id, boolean chooseScale) {
        AutopilotSession.Context ctx = session.getContext();
        Model m = session.model(id).orElse(null);
        cancel();
        clear();
        shownFor = id;
        model = m;
        if (ctx == null || m == null || session.isRunning()) {
            note.set(messages.get("analyze.note.noModel"));
            return;
        }
        if (ctx.test().rowCount() == 0) {
            note.set(messages.get("analyze.note.noTestRows"));
            return;
        }
        Dataset test = ctx.test();
        String target = ctx.target();
        String algorithm = session.row(id).map(r -> algorithmName(r.algorithm())).orElse(m.header().algorithm());
        ShapExplainer.Scale chosen = scale.get();
        int cls = classIndex.get();
        long token = ++generation;
        busy.set(true);
        note.set(messages.get("analyze.explain.working"));
        current = jobs.start(new JobRequest<Explanation>("job.explain", List.of("#" + id), c -> {
            ShapExplainer.Scale s = chooseScale ? defaultScale(m, test) : chosen;
            Predictions predictions = m.predict(test);
            List<RowItem> items = items(m, test, target, predictions, s, cls);
            ShapExplainer.Options probe = options(ShapExplainer.Method.AUTO, s, cls);
            boolean exact = exact(m, test, s, cls);
            int count = Math.min(test.rowCount(), exact ? EXACT_ROWS : KERNEL_ROWS);
            int[] explained = IntStream.range(0, count).toArray();
            c.status("analyze.explain.job.shap", count);
            ShapValues shap = ShapExplainer.explain(m, test, explained, probe, c.child(0.95));
            return new Explanation(id, shap, explained, items, s, cls);
        }, e -> {
            if (token == generation) {
                shown(e, algorithm, test.rowCount());
            }
        }, state -> {
            if (token == generation) {
                busy.set(false);
                current = null;
                if (explanation.get() == null) {
                    note.set(messages.get(state == dev.atelier.engine.job.JobState.CANCELLED
                            ? "analyze.explain.cancelled" : "analyze.explain.failed"));
                }
            }
        }));
    }

    /// Stops the running computations.
    public void cancel() {
        for (RunningJob j : new RunningJob[] {current, localJob, pdpJob}) {
            if (j != null) {
                j.cancel();
            }
        }
    }

    // ---- results -------------------------------------------------------------------------------------

    private void clear() {
        generation++;
        localGeneration++;
        pdpGeneration++;
        explanation.set(null);
        importances.clear();
        swarm.clear();
        rows.clear();
        steps.clear();
        pdpColumns.clear();
        pdp.set(null);
        equation.set("");
        method.set("");
        methodTooltip.set("");
        scaleNote.set("");
        title.set("");
        base = Double.NaN;
        predicted = Double.NaN;
        note.set(session.getResult() == null ? messages.get("analyze.note.noModel") : "");
        busy.set(false);
        localBusy.set(false);
        pdpBusy.set(false);
    }

    private void shown(Explanation e, String algorithm, int testRows) {
        adjusting = true;
        try {
            scale.set(e.scale());
        } finally {
            adjusting = false;
        }
        explanation.set(e);
        note.set("");
        ShapValues s = e.shap();
        title.set(messages.get("analyze.explain.title", "#" + e.candidate(), algorithm, s.rows(), testRows));
        String key = "analyze.explain.method." + s.method();
        method.set(messages.has(key) ? messages.get(key) : s.method());
        methodTooltip.set(messages.has(key + ".tooltip") ? messages.get(key + ".tooltip") : "");
        String className = classes.isEmpty() ? "" : classes.get(e.classIndex() < 0 ? classes.size() - 1
                : e.classIndex());
        scaleNote.set(messages.get("analyze.explain.scale.note." + s.scale(), className));
        List<Importance> list = ShapSummaries.importances(s);
        importances.setAll(list);
        swarm.setAll(ShapSummaries.swarm(s, list, datasetOrEmpty().rows(e.rows())));
        rows.setAll(e.items());
        var columns = new ArrayList<String>();
        Dataset test = datasetOrEmpty();
        for (Importance i : list) {
            int index = test.schema().indexOf(i.column());
            ColumnType t = index < 0 ? ColumnType.TEXT : test.schema().get(index).type();
            if (t != ColumnType.DATETIME && t != ColumnType.TEXT) {
                columns.add(i.column());
            }
        }
        pdpColumns.setAll(columns);
        String keep = pdpColumn.get();
        if (keep != null && columns.contains(keep)) {
            computePdp();
        } else {
            pdpColumn.set(columns.isEmpty() ? null : columns.getFirst());
        }
        int row = selectedRow.get();
        if (row >= 0 && row < e.items().size()) {
            showRow(row);
        } else {
            selectedRow.set(0);
        }
    }

    private Dataset datasetOrEmpty() {
        AutopilotSession.Context ctx = session.getContext();
        return ctx == null ? Dataset.builder("none").build() : ctx.test();
    }

    private void showRow(int row) {
        Explanation e = explanation.get();
        localGeneration++;
        steps.clear();
        equation.set("");
        base = Double.NaN;
        predicted = Double.NaN;
        if (e == null || row < 0 || row >= e.items().size()) {
            return;
        }
        int at = -1;
        for (int i = 0; i < e.rows().length; i++) {
            if (e.rows()[i] == row) {
                at = i;
                break;
            }
        }
        Dataset test = datasetOrEmpty();
        if (at >= 0) {
            local(e.shap(), at, test.rows(new int[] {row}));
            return;
        }
        Model m = model;
        if (m == null) {
            return;
        }
        long token = localGeneration;
        localBusy.set(true);
        ShapExplainer.Options o = options(methodOf(e.shap()), e.scale(), e.classIndex());
        localJob = jobs.start(new JobRequest<ShapValues>("job.explain.row", List.of(row + 1),
                c -> ShapExplainer.explain(m, test, new int[] {row}, o, c), s -> {
                    if (token == localGeneration) {
                        local(s, 0, test.rows(new int[] {row}));
                    }
                }, state -> {
                    if (token == localGeneration) {
                        localBusy.set(false);
                        localJob = null;
                    }
                }));
    }

    private void local(ShapValues s, int at, Dataset row) {
        List<Step> list = ShapSummaries.waterfall(s, at, row, WATERFALL_STEPS, messages.get("analyze.explain.waterfall.others"));
        base = s.base()[at];
        predicted = s.prediction()[at];
        steps.setAll(list);
        double sum = list.stream().mapToDouble(Step::contribution).sum();
        equation.set(messages.get("analyze.explain.equation", format(base), signed(sum), format(predicted)));
    }

    private void computePdp() {
        Explanation e = explanation.get();
        Model m = model;
        String column = pdpColumn.get();
        long token = ++pdpGeneration;
        pdp.set(null);
        if (pdpJob != null) {
            pdpJob.cancel();
        }
        if (e == null || m == null || column == null) {
            pdpBusy.set(false);
            return;
        }
        Dataset test = datasetOrEmpty();
        PartialDependence.Options o = new PartialDependence.Options(PDP_GRID, PDP_ROWS, e.scale(),
                e.classIndex(), AutopilotSession.SEED);
        pdpBusy.set(true);
        pdpJob = jobs.start(new JobRequest<PartialDependence.Curves>("job.explain.pdp.title", List.of(column),
                c -> PartialDependence.compute(m, test, column, o, c), curves -> {
                    if (token == pdpGeneration) {
                        pdp.set(curves);
                    }
                }, state -> {
                    if (token == pdpGeneration) {
                        pdpBusy.set(false);
                        pdpJob = null;
                    }
                }));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static ShapExplainer.Options options(ShapExplainer.Method method, ShapExplainer.Scale scale, int cls) {
        return new ShapExplainer.Options(method, scale, cls, KERNEL_SAMPLES, BASELINE_ROWS, AutopilotSession.SEED);
    }

    private static ShapExplainer.Method methodOf(ShapValues s) {
        return switch (s.method()) {
            case "tree" -> ShapExplainer.Method.TREE;
            case "linear" -> ShapExplainer.Method.LINEAR;
            default -> ShapExplainer.Method.KERNEL;
        };
    }

    /// Whether an exact method (tree or linear) explains `model` on `scale`: asks the engine on one row.
    static boolean exact(Model model, Dataset data, ShapExplainer.Scale scale, int cls) {
        for (ShapExplainer.Method m : new ShapExplainer.Method[] {ShapExplainer.Method.TREE,
                ShapExplainer.Method.LINEAR}) {
            try {
                ShapExplainer.explain(model, data, new int[] {0}, options(m, scale, cls), JobContext.silent());
                return true;
            } catch (AtelierException | ClassCastException e) {
                // not this method
            }
        }
        return false;
    }

    /// Probability when an exact method works on it or on neither scale; log-odds when only it is exact.
    public static ShapExplainer.Scale defaultScale(Model model, Dataset data) {
        if (model.header().problem() == ProblemType.REGRESSION) {
            return ShapExplainer.Scale.PROBABILITY;
        }
        int last = model.header().classes().size() - 1;
        if (exact(model, data, ShapExplainer.Scale.PROBABILITY, last)) {
            return ShapExplainer.Scale.PROBABILITY;
        }
        return exact(model, data, ShapExplainer.Scale.LOGIT, last) ? ShapExplainer.Scale.LOGIT
                : ShapExplainer.Scale.PROBABILITY;
    }

    private List<RowItem> items(Model m, Dataset test, String target, Predictions p, ShapExplainer.Scale s,
                                int cls) {
        int t = test.schema().indexOf(target);
        var out = new ArrayList<RowItem>(test.rowCount());
        boolean regression = !p.isClassification();
        int c = regression ? -1 : cls < 0 ? p.classes().size() - 1 : cls;
        for (int r = 0; r < test.rowCount(); r++) {
            String actual = t < 0 || test.isMissing(r, t) ? "" : test.text(r, t);
            double output;
            String prediction;
            if (regression) {
                output = p.value(r);
                prediction = Dataset.formatNumber(output);
            } else {
                double q = p.probability(r, c);
                output = s == ShapExplainer.Scale.LOGIT ? Math.log(Math.max(1e-12, q) / Math.max(1e-12, 1 - q)) : q;
                prediction = messages.get("analyze.explain.rows.predicted", p.label(r), p.classes().get(c),
                        q * 100);
            }
            out.add(new RowItem(r, prediction, actual, output));
        }
        return out;
    }

    private String algorithmName(String key) {
        return AlgorithmNames.of(catalog, messages, key);
    }
}
