package dev.atelier.app.leaderboard;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.i18n.AlgorithmNames;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.AutopilotResult;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.automl.BestScorePoint;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.automl.ObjectiveMetric;
import dev.atelier.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Leaderboard screen: every Autopilot candidate ranked best first (live while the search runs), the best
/// score over time, what the score means and how it was measured, and "Use as default model". Toolkit-free;
/// call it on the FX thread.
public final class LeaderboardViewModel {
    /// The other measures shown next to the objective, by problem, in this order.
    static final Map<ProblemType, List<String>> OTHER_METRICS = Map.of(
            ProblemType.BINARY_CLASSIFICATION, List.of("accuracy", "auc", "f1", "log_loss"),
            ProblemType.MULTICLASS_CLASSIFICATION, List.of("accuracy", "balanced_accuracy", "macro_f1", "log_loss"),
            ProblemType.REGRESSION, List.of("rmse", "mae", "r2"));

    /// One leaderboard line, ready to show.
    ///
    /// @param rank        1 for the best; 0 for a candidate without a score
    /// @param row         the engine's row
    /// @param algorithm   the algorithm's name
    /// @param score       the objective as text
    /// @param others      the other measures as text, in [#otherMetrics()] order
    /// @param fitTime     training time as text
    /// @param latency     prediction time per 1000 rows as text
    /// @param status      "Done", or why not, in plain words
    /// @param settings    the hyperparameters, one per line
    public record Entry(int rank, LeaderboardRow row, String algorithm, String score, List<String> others,
                        String fitTime, String latency, String status, String settings) {
        /// The candidate's number.
        public int id() {
            return row.candidateId();
        }

        /// "#3".
        public String candidate() {
            return "#" + row.candidateId();
        }
    }

    private final AutopilotSession session;
    private final AlgorithmCatalog catalog;
    private final Messages messages;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> otherMetrics = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable Entry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringBinding header;
    private final StringBinding scoreTitle;
    private final StringBinding summary;
    private final BooleanBinding canUseAsDefault;
    private final BooleanBinding canSave;
    private final javafx.beans.property.ReadOnlyStringWrapper saved =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "saved", "");
    private java.util.function.BiConsumer<Integer, java.util.function.Consumer<java.nio.file.Path>> saver =
            (id, done) -> { };

    public LeaderboardViewModel(AutopilotSession session, AlgorithmCatalog catalog, Messages messages) {
        this.session = Objects.requireNonNull(session, "session");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.messages = Objects.requireNonNull(messages, "messages");
        session.rows().addListener((ListChangeListener<LeaderboardRow>) c -> rebuild());
        session.setupProperty().addListener((o, a, b) -> rebuild());
        session.defaultCandidateProperty().addListener((o, a, b) -> rebuild());
        selected.addListener((o, a, b) -> {
            if (b != null) {
                session.selectedCandidateProperty().set(b.id());
            }
        });
        this.header = Bindings.createStringBinding(this::headerText, session.setupProperty(),
                session.runningProperty(), session.rows());
        this.scoreTitle = Bindings.createStringBinding(() -> {
            AutopilotResult.Setup s = session.setupProperty().get();
            return s == null ? messages.get("leaderboard.column.score")
                    : messages.get("leaderboard.column.scoreOf", metricName(s.metric()));
        }, session.setupProperty());
        this.summary = Bindings.createStringBinding(this::summaryText, session.rows(), session.runningProperty(),
                session.defaultCandidateProperty(), session.resultProperty());
        this.canUseAsDefault = Bindings.createBooleanBinding(() -> {
            Entry e = selected.get();
            return e != null && e.row().ok() && session.model(e.id()).isPresent()
                    && session.defaultCandidateProperty().get() != e.id();
        }, selected, session.resultProperty(), session.defaultCandidateProperty());
        this.canSave = Bindings.createBooleanBinding(() -> {
            Entry e = selected.get();
            return e != null && e.row().ok() && session.model(e.id()).isPresent() && !session.isRunning();
        }, selected, session.resultProperty(), session.runningProperty());
        rebuild();
    }

    // ---- properties ---------------------------------------------------------------------------------

    /// The lines, best first; candidates without a score last.
    public ObservableList<Entry> entries() {
        return entries;
    }

    /// The keys of the other measures shown (`accuracy`, `auc`, ...).
    public ObservableList<String> otherMetrics() {
        return otherMetrics;
    }

    /// The best objective over time, for the chart.
    public ObservableList<BestScorePoint> bestScores() {
        return session.bestScores();
    }

    /// The line chosen in the table.
    public ObjectProperty<@Nullable Entry> selectedProperty() {
        return selected;
    }

    /// What the leaderboard is and how the score was measured.
    public StringBinding headerProperty() {
        return header;
    }

    /// The score column's title ("F1 score").
    public StringBinding scoreTitleProperty() {
        return scoreTitle;
    }

    /// One line: how many candidates, which one is the default.
    public StringBinding summaryProperty() {
        return summary;
    }

    /// Whether the selected candidate can become the default model.
    public BooleanBinding canUseAsDefaultProperty() {
        return canUseAsDefault;
    }

    /// Whether the search runs now.
    public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return session.runningProperty();
    }

    /// The default candidate's id (-1 none).
    public int defaultCandidate() {
        return session.defaultCandidateProperty().get();
    }

    /// The objective's name, for the chart's axis.
    public String objectiveName() {
        AutopilotResult.Setup s = session.setupProperty().get();
        return s == null ? "" : metricName(s.metric());
    }

    /// The name of a measure by evaluator key.
    public String metricName(String key) {
        String k = "leaderboard.metric." + key;
        return messages.has(k) ? messages.get(k) : key;
    }

    /// The tooltip of a measure by evaluator key.
    public String metricTooltip(String key) {
        String k = "leaderboard.metric." + key + ".tooltip";
        return messages.has(k) ? messages.get(k) : "";
    }

    private String metricName(ObjectiveMetric m) {
        return messages.get("build.autopilot.metric." + m.key() + ".name");
    }

    // ---- commands ------------------------------------------------------------------------------------

    /// Makes the selected candidate the model Analyze and Predict use.
    /// Sets how a candidate is saved as a model bundle (the studio asks for a folder and records it in the project).
    public void setSaver(java.util.function.BiConsumer<Integer, java.util.function.Consumer<java.nio.file.Path>> saver) {
        this.saver = Objects.requireNonNull(saver, "saver");
    }

    /// Whether the selected candidate can be saved as a model bundle (it trained and its model is kept).
    public javafx.beans.binding.BooleanBinding canSaveProperty() {
        return canSave;
    }

    /// Where the last saved model went, in words; empty before any save.
    public javafx.beans.property.ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /// Saves the selected candidate as a model bundle (for `atelier predict` and the project).
    public void saveSelected() {
        Entry e = selected.get();
        if (e != null && canSave.get()) {
            saver.accept(e.id(), dir -> saved.set(messages.get("leaderboard.saved", e.id(), dir.toString())));
        }
    }

    public void useAsDefault() {
        Entry e = selected.get();
        if (e != null && canUseAsDefault.get()) {
            session.defaultCandidateProperty().set(e.id());
        }
    }

    // ---- building lines ----------------------------------------------------------------------------

    private void rebuild() {
        AutopilotResult.Setup setup = session.setupProperty().get();
        ProblemType problem = setup == null ? null : setup.problem();
        List<String> others = new ArrayList<>();
        if (setup != null) {
            String objectiveKey = setup.metric().evaluatorKey(problem);
            for (String k : OTHER_METRICS.getOrDefault(problem, List.of())) {
                if (!k.equals(objectiveKey)) {
                    others.add(k);
                }
            }
        }
        if (!otherMetrics.equals(others)) {
            otherMetrics.setAll(others);
        }
        ObjectiveMetric metric = setup == null ? null : setup.metric();
        List<LeaderboardRow> sorted = session.rows().stream().sorted(Comparator
                .comparing((LeaderboardRow r) -> !r.ok())
                .thenComparing(r -> r.ok() && metric != null ? -metric.utility(r.score()) : 0.0)
                .thenComparingInt(LeaderboardRow::candidateId)).toList();
        var list = new ArrayList<Entry>();
        int rank = 0;
        for (LeaderboardRow r : sorted) {
            list.add(entry(r, r.ok() ? ++rank : 0, others));
        }
        Entry chosen = selected.get();
        entries.setAll(list);
        int keep = chosen != null ? chosen.id() : session.getResult() != null ? session.defaultCandidateProperty().get()
                : -1;                                   // once the run ends, the default model is shown
        selected.set(list.stream().filter(e -> e.id() == keep).findFirst().orElse(null));
    }

    private Entry entry(LeaderboardRow r, int rank, List<String> others) {
        var values = new ArrayList<String>();
        for (String k : others) {
            Double v = r.metrics().get(k);
            values.add(v == null || !r.ok() ? "" : number(v));
        }
        String algorithm = algorithmName(r.algorithm());
        String settings = r.hyperparameters().isEmpty() ? messages.get("leaderboard.settings.defaults")
                : String.join("\n", r.hyperparameters().entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).toList());
        return new Entry(rank, r, algorithm, r.ok() ? number(r.score()) : "", values,
                messages.get("leaderboard.seconds", r.fitSeconds()),
                r.ok() ? messages.get("leaderboard.latency", r.latencyMsPerRow() * 1000) : "", status(r), settings);
    }

    /// The algorithm's name from the catalogue ("XGBoost"); the ensemble's own name.
    public String algorithmName(String key) {
        return AlgorithmNames.of(catalog, messages, key);
    }

    /// "Done" or why the candidate has no score, in plain words.
    String status(LeaderboardRow r) {
        return switch (r.status()) {
            case OK -> r.candidateId() == session.defaultCandidateProperty().get()
                    ? messages.get("leaderboard.status.default") : messages.get("leaderboard.status.ok");
            case CANCELLED -> messages.get("leaderboard.status.cancelled");
            case FAILED -> messages.get("leaderboard.status.failed", reason(r));
        };
    }

    private String reason(LeaderboardRow r) {
        String code = r.reasonCode();
        if (code == null) {
            return messages.get("leaderboard.status.unknown");
        }
        try {
            return messages.error(ErrorCode.valueOf(code), new ArrayList<>(r.reasonArgs()));
        } catch (IllegalArgumentException e) {
            return String.join(", ", r.reasonArgs());
        }
    }

    private String headerText() {
        AutopilotResult.Setup s = session.setupProperty().get();
        if (s == null) {
            return session.isRunning() ? messages.get("leaderboard.header.starting")
                    : messages.get("leaderboard.header.empty");
        }
        String how = s.validation() == AutopilotSpec.Validation.CROSS_VALIDATION
                ? messages.get("leaderboard.header.cv", s.folds(), s.rows())
                : messages.get("leaderboard.header.holdout", s.rows());
        String better = messages.get(s.metric().higherIsBetter() ? "leaderboard.header.higher"
                : "leaderboard.header.lower");
        return messages.get("leaderboard.header", metricName(s.metric()), better, how,
                messages.get("leaderboard.header.mode." + s.mode().name().toLowerCase(Locale.ROOT)));
    }

    private String summaryText() {
        if (session.rows().isEmpty()) {
            return "";
        }
        long ok = session.rows().stream().filter(LeaderboardRow::ok).count();
        int d = session.defaultCandidateProperty().get();
        if (session.isRunning() || d < 0) {
            return messages.get("leaderboard.summary.running", session.rows().size(), ok);
        }
        LeaderboardRow row = session.row(d).orElse(null);
        return row == null ? "" : messages.get("leaderboard.summary.done", session.rows().size(), ok,
                "#" + d, algorithmName(row.algorithm()), number(row.score()));
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return a != 0 && (a >= 100_000 || a < 0.001) ? String.format(Locale.ROOT, "%.3g", v)
                : a >= 100 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
