package dev.atelier.app.analyze;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.i18n.AlgorithmNames;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.AutopilotResult;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.automl.ObjectiveMetric;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.evaluate.EvaluationReport;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.evaluate.Metrics;
import dev.atelier.engine.evaluate.PermutationImportance;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Analyze screen's Evaluate tab: how the selected (else the default) Autopilot candidate does on the test
/// rows the search never saw — metric tiles, the confusion matrix, ROC and precision-recall curves with a
/// threshold slider (binary), residuals and the error distribution (regression), and column impact by
/// permutation. The evaluation runs as a job. Toolkit-free; call it on the FX thread.
public final class AnalyzeViewModel {
    /// The tiles shown, in this order, when the evaluation has them.
    static final List<String> TILES = List.of("accuracy", "balanced_accuracy", "precision", "recall", "f1",
            "macro_precision", "macro_recall", "macro_f1", "auc", "log_loss", "rmse", "mae", "mape", "r2");
    /// Bars of the error histogram.
    static final int HISTOGRAM_BINS = 20;
    /// Shuffles per column for column impact.
    static final int IMPORTANCE_REPEATS = 3;

    /// A measure as a tile.
    ///
    /// @param key     evaluator key
    /// @param name    plain name
    /// @param value   formatted value
    /// @param tooltip what it means
    public record Tile(String key, String name, String value, String tooltip) {
    }

    /// One bar of the error histogram: errors from `from` to `to`.
    public record Bin(double from, double to, int count) {
    }

    /// What one evaluation computed (off the FX thread).
    ///
    /// @param candidate   the candidate id
    /// @param problem     the problem type
    /// @param report      the engine's report on the test rows
    /// @param truth       binary: the true class index of each test row (1 = positive)
    /// @param positive    binary: each row's probability of the positive class
    /// @param importances column impact, largest first
    /// @param metric      the evaluator key column impact was measured with
    /// @param rows        test rows used
    public record Evaluation(int candidate, ProblemType problem, EvaluationReport report, int[] truth,
                             double[] positive, List<PermutationImportance.Importance> importances, String metric,
                             int rows) {
    }

    private final AutopilotSession session;
    private final AlgorithmCatalog catalog;
    private final JobRunner jobs;
    private final Messages messages;

    private final ReadOnlyObjectWrapper<@Nullable Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final ReadOnlyObjectWrapper<long[][]> confusion = new ReadOnlyObjectWrapper<>(this, "confusion",
            new long[0][0]);
    private final ReadOnlyStringWrapper thresholdSummary = new ReadOnlyStringWrapper(this, "thresholdSummary", "");
    private final ObservableList<Bin> histogram = FXCollections.observableArrayList();
    private long generation;
    private int shownFor = -1;
    private @Nullable RunningJob current;
    private final dev.atelier.app.analyze.explain.ExplainViewModel explain;

    public AnalyzeViewModel(AutopilotSession session, AlgorithmCatalog catalog, JobRunner jobs, Messages messages) {
        this.session = Objects.requireNonNull(session, "session");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.explain = new dev.atelier.app.analyze.explain.ExplainViewModel(session, catalog, jobs, messages);
        threshold.addListener((o, a, b) -> updateThreshold());
        session.resultProperty().addListener((o, a, b) -> {
            shownFor = -1;
            clear();
        });
        session.runningProperty().addListener((o, a, b) -> {
            if (b) {
                cancel();
            }
        });
    }

    // ---- properties ---------------------------------------------------------------------------------

    /// The Explain tab's view-model (SHAP, waterfall, partial dependence of the same candidate).
    public dev.atelier.app.analyze.explain.ExplainViewModel explain() {
        return explain;
    }

    /// The last evaluation; `null` before one finished.
    public ReadOnlyObjectProperty<@Nullable Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public @Nullable Evaluation getEvaluation() {
        return evaluation.get();
    }

    /// Which model and on what rows.
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// Why something is not shown (no test rows, ...).
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /// Whether an evaluation runs.
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// The metric tiles.
    public ObservableList<Tile> tiles() {
        return tiles;
    }

    /// Binary: rows whose positive probability is at least this are called positive.
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /// `[true class][predicted class]` counts (binary: at the threshold).
    public ReadOnlyObjectProperty<long[][]> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    /// Binary: precision, recall and accuracy at the threshold, in words.
    public ReadOnlyStringProperty thresholdSummaryProperty() {
        return thresholdSummary.getReadOnlyProperty();
    }

    /// Regression: the error histogram.
    public ObservableList<Bin> histogram() {
        return histogram;
    }

    /// The tile name of a measure.
    public String metricName(String key) {
        return messages.get("analyze.metric." + key + ".name");
    }

    // ---- commands ------------------------------------------------------------------------------------

    /// Evaluates the candidate the leaderboard selected (else the default), unless it is already shown.
    public void refresh() {
        int id = session.analyzedCandidate();
        if (id == shownFor && (evaluation.get() != null || busy.get())) {
            return;
        }
        evaluate(id);
    }

    /// Evaluates candidate `id` on the test rows as a job.
    public void evaluate(int id) {
        AutopilotSession.Context ctx = session.getContext();
        AutopilotResult result = session.getResult();
        Model model = session.model(id).orElse(null);
        cancel();
        clear();
        shownFor = id;
        if (ctx == null || result == null || model == null || session.isRunning()) {
            note.set(messages.get("analyze.note.noModel"));
            return;
        }
        LeaderboardRow row = session.row(id).orElse(result.best());
        title.set(messages.get("analyze.title.model", "#" + id, algorithmName(row.algorithm()),
                ctx.test().rowCount()));
        if (ctx.test().rowCount() == 0) {
            note.set(messages.get("analyze.note.noTestRows"));
            return;
        }
        Dataset test = ctx.test();
        String target = ctx.target();
        ProblemType problem = result.setup().problem();
        ObjectiveMetric objective = result.setup().metric();
        String metricKey = problem == ProblemType.REGRESSION ? "rmse" : objective == ObjectiveMetric.AUC
                || objective == ObjectiveMetric.LOG_LOSS ? objective.key() : "accuracy";
        boolean higher = !metricKey.equals("rmse") && !metricKey.equals("log_loss");
        long token = ++generation;
        busy.set(true);
        note.set(messages.get("analyze.note.working"));
        current = jobs.start(new JobRequest<Evaluation>("job.evaluate", List.of("#" + id), c -> {
            Predictions p = model.predict(test);
            EvaluationReport report = Evaluator.report(p, test, target);
            if (report == null) {
                throw new dev.atelier.engine.error.DataException(dev.atelier.engine.error.ErrorCode.TARGET_ALL_MISSING,
                        target);
            }
            int[] truth = new int[0];
            double[] positive = new double[0];
            if (p.classes().size() == 2) {
                int col = test.schema().indexOf(target);
                var t = new ArrayList<Integer>();
                var s = new ArrayList<Double>();
                for (int r = 0; r < test.rowCount(); r++) {
                    int k = test.isMissing(r, col) ? -1 : p.classes().indexOf(test.text(r, col));
                    if (k >= 0) {
                        t.add(k);
                        s.add(p.probability(r, 1));
                    }
                }
                truth = t.stream().mapToInt(Integer::intValue).toArray();
                positive = s.stream().mapToDouble(Double::doubleValue).toArray();
            }
            c.status("analyze.job.importance");
            var importances = PermutationImportance.compute(model, test, target, metricKey, higher,
                    IMPORTANCE_REPEATS, AutopilotSession.SEED, c.child(0.9));
            return new Evaluation(id, problem, report, truth, positive, importances, metricKey, test.rowCount());
        }, e -> {
            if (token == generation) {
                shown(e);
            }
        }, state -> {
            if (token == generation) {
                busy.set(false);
                current = null;
                if (evaluation.get() == null) {
                    note.set(messages.get("analyze.note.failed"));
                }
            }
        }));
    }

    /// Stops a running evaluation.
    public void cancel() {
        RunningJob j = current;
        if (j != null) {
            j.cancel();
        }
    }

    // ---- results -------------------------------------------------------------------------------------

    private void clear() {
        generation++;
        evaluation.set(null);
        tiles.clear();
        histogram.clear();
        confusion.set(new long[0][0]);
        thresholdSummary.set("");
        title.set("");
        note.set(session.getResult() == null ? messages.get("analyze.note.noModel") : "");
        busy.set(false);
    }

    private void shown(Evaluation e) {
        evaluation.set(e);
        note.set("");
        var list = new ArrayList<Tile>();
        for (String k : TILES) {
            Double v = e.report().metrics().get(k);
            if (v != null) {
                list.add(new Tile(k, metricName(k), format(k, v), messages.get("analyze.metric." + k + ".tooltip")));
            }
        }
        tiles.setAll(list);
        if (e.problem() == ProblemType.REGRESSION) {
            histogram.setAll(histogramBins(e.report().residuals(), HISTOGRAM_BINS));
            confusion.set(new long[0][0]);
        } else if (e.truth().length > 0) {
            updateThreshold();
        } else {
            confusion.set(e.report().confusion());
        }
    }

    private void updateThreshold() {
        Evaluation e = evaluation.get();
        if (e == null || e.truth().length == 0) {
            return;
        }
        double t = threshold.get();
        int n = e.truth().length;
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = e.positive()[i] >= t ? 1 : 0;
        }
        long[][] m = Metrics.confusion(e.truth(), predicted, 2);
        confusion.set(m);
        long tp = m[1][1];
        long fp = m[0][1];
        long fn = m[1][0];
        double precision = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        double accuracy = (m[0][0] + tp) / (double) n;
        thresholdSummary.set(messages.get("analyze.threshold.summary", t, percent(precision), percent(recall),
                percent(accuracy), e.report().classes().get(1)));
    }

    /// The point of `curve` whose threshold is nearest above or at `t` (the operating point of the slider).
    public static Metrics.@Nullable CurvePoint pointAt(List<Metrics.CurvePoint> curve, double t) {
        Metrics.CurvePoint best = null;
        for (Metrics.CurvePoint p : curve) {
            if (p.threshold() >= t && (best == null || p.threshold() < best.threshold())) {
                best = p;
            }
        }
        return best;
    }

    /// `values` in `count` equal-width bins from their minimum to their maximum.
    public static List<Bin> histogramBins(double[] values, int count) {
        if (values.length == 0) {
            return List.of();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi == lo) {
            return List.of(new Bin(lo, hi, values.length));
        }
        int[] counts = new int[count];
        double width = (hi - lo) / count;
        for (double v : values) {
            counts[Math.min(count - 1, (int) ((v - lo) / width))]++;
        }
        var out = new ArrayList<Bin>();
        for (int i = 0; i < count; i++) {
            out.add(new Bin(lo + i * width, lo + (i + 1) * width, counts[i]));
        }
        return out;
    }

    private String algorithmName(String key) {
        return AlgorithmNames.of(catalog, messages, key);
    }

    private String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    private String format(String key, double v) {
        return switch (key) {
            case "accuracy", "balanced_accuracy", "precision", "recall", "f1", "macro_precision", "macro_recall",
                 "macro_f1", "mape" -> percent(v);
            default -> Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
                    : String.format(Locale.ROOT, "%.3f", v);
        };
    }
}
