package dev.atelier.app.automl;

import dev.atelier.engine.automl.AutopilotResult;
import dev.atelier.engine.automl.BestScorePoint;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.PreparedModel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Autopilot run the studio screens share: the Build screen starts it, the Leaderboard fills from it live,
/// Analyze evaluates a candidate of it on the test rows, and Predict uses its default model. Toolkit-free;
/// change it on the FX thread only.
///
/// Before the search starts, a seeded 20 % of the rows is set aside as **test rows** the search never sees;
/// the Analyze screen measures candidates on them, so its numbers are an honest preview of new data.
public final class AutopilotSession {
    /// The share of rows set aside as test rows.
    public static final double TEST_SHARE = 0.2;
    /// Seed of the test split and of the search.
    public static final long SEED = 42;

    /// The data a run was started on.
    ///
    /// With a recipe (the Prepare screen's, fitted on the search rows only), `search` and `test` are the recipe's
    /// output — what the candidates learn from and are measured on — while `all` stays the user's raw rows (the
    /// Predict screen's form offers their columns and [#predictor(Model)] replays the recipe on them).
    ///
    /// @param all     every row of the data, as loaded (raw)
    /// @param search  the rows the search used (prepared when there is a recipe)
    /// @param test    the rows set aside (may be empty for tiny data; prepared when there is a recipe)
    /// @param target  the column predicted
    /// @param source  the data file
    /// @param recipe  the fitted recipe the candidates were trained behind, or `null`
    public record Context(Dataset all, Dataset search, Dataset test, String target, Path source,
                          @Nullable FittedRecipe recipe) {
        public Context {
            Objects.requireNonNull(all, "all");
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(target, "target");
        }

        /// A context without a recipe.
        public Context(Dataset all, Dataset search, Dataset test, String target, Path source) {
            this(all, search, test, target, source, null);
        }

        /// `model` (trained on `search`) as a model of the raw rows: the recipe is replayed in its `predict`.
        public Model predictor(Model model) {
            return PreparedModel.of(model, recipe);
        }
    }

    private final ObservableList<LeaderboardRow> rows = FXCollections.observableArrayList();
    private final ObservableList<BestScorePoint> bestScores = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AutopilotResult.@Nullable Setup> setup =
            new ReadOnlyObjectWrapper<>(this, "setup");
    private final ReadOnlyObjectWrapper<@Nullable AutopilotResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<@Nullable Context> context = new ReadOnlyObjectWrapper<>(this, "context");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final IntegerProperty defaultCandidate = new SimpleIntegerProperty(this, "defaultCandidate", -1);
    private final IntegerProperty selectedCandidate = new SimpleIntegerProperty(this, "selectedCandidate", -1);

    /// Candidates as they finish (arrival order).
    public ObservableList<LeaderboardRow> rows() {
        return rows;
    }

    /// The best objective so far, one point per improvement.
    public ObservableList<BestScorePoint> bestScores() {
        return bestScores;
    }

    /// The setup the search resolved; `null` before it starts.
    public ReadOnlyObjectProperty<AutopilotResult.@Nullable Setup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    /// The finished run (also after a cancel that kept the best so far).
    public ReadOnlyObjectProperty<@Nullable AutopilotResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public @Nullable AutopilotResult getResult() {
        return result.get();
    }

    /// The data of the current run.
    public ReadOnlyObjectProperty<@Nullable Context> contextProperty() {
        return context.getReadOnlyProperty();
    }

    public @Nullable Context getContext() {
        return context.get();
    }

    /// Whether the search runs now.
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /// The candidate Predict and Deploy use (-1: none yet). Set to the winner when a run ends.
    public IntegerProperty defaultCandidateProperty() {
        return defaultCandidate;
    }

    /// The candidate chosen on the leaderboard, which Analyze shows (-1: the default one).
    public IntegerProperty selectedCandidateProperty() {
        return selectedCandidate;
    }

    /// The candidate Analyze shows: the selected one, else the default.
    public int analyzedCandidate() {
        return selectedCandidate.get() >= 0 ? selectedCandidate.get() : defaultCandidate.get();
    }

    /// The trained model of candidate `id` once the run has ended.
    public Optional<Model> model(int id) {
        AutopilotResult r = result.get();
        if (r == null || id < 0) {
            return Optional.empty();
        }
        if (id == r.best().candidateId()) {
            return Optional.of(r.model());
        }
        return r.candidateModel(id);
    }

    /// The leaderboard row of candidate `id`.
    public Optional<LeaderboardRow> row(int id) {
        return rows.stream().filter(r -> r.candidateId() == id).findFirst();
    }

    /// The default model, if a run has ended.
    public Optional<Model> defaultModel() {
        return model(defaultCandidate.get());
    }

    // ---- driven by the Build screen --------------------------------------------------------------

    /// Forgets the last run and starts a new one on `ctx`.
    public void begin(Context ctx) {
        rows.clear();
        bestScores.clear();
        setup.set(null);
        result.set(null);
        selectedCandidate.set(-1);
        defaultCandidate.set(-1);
        context.set(ctx);
        running.set(true);
    }

    /// The recipe was fitted on the search rows (before the search starts): the context's search and test rows
    /// become the recipe's output.
    public void prepared(Context withRecipe) {
        context.set(Objects.requireNonNull(withRecipe, "withRecipe"));
    }

    /// The search worked out its setup.
    public void started(AutopilotResult.Setup s) {
        setup.set(s);
    }

    /// A candidate finished.
    public void row(LeaderboardRow row) {
        rows.add(row);
    }

    /// The best score improved.
    public void best(BestScorePoint point) {
        bestScores.add(point);
    }

    /// The run ended with `r` (complete, out of budget, or cancelled with the best so far).
    public void finished(AutopilotResult r) {
        if (setup.get() == null) {
            setup.set(r.setup());
        }
        // rows the listener may have missed (none normally) and the final order
        for (LeaderboardRow row : r.rows()) {
            if (row(row.candidateId()).isEmpty()) {
                rows.add(row);
            }
        }
        result.set(r);
        defaultCandidate.set(r.best().candidateId());
    }

    /// The run stopped (after [#finished], or without a result).
    public void ended() {
        running.set(false);
    }

    /// Forgets everything (other data was opened).
    public void clear() {
        begin(new Context(emptyData(), emptyData(), emptyData(), "-", Path.of("")));
        context.set(null);
        running.set(false);
    }

    private static Dataset emptyData() {
        return Dataset.builder("none").numeric("x").build();
    }
}
