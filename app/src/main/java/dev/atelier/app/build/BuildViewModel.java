package dev.atelier.app.build;

import dev.atelier.app.common.controls.ParamField;
import dev.atelier.app.common.controls.UiMessage;
import dev.atelier.app.common.dialogs.FileChooserService;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.algorithms.Requirement;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.error.Severity;
import dev.atelier.engine.job.JobState;
import dev.atelier.engine.learn.HoldOut;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingPoint;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ModelManifest;
import dev.atelier.engine.project.ModelEntry;
import dev.atelier.engine.wrangle.FittedRecipe;
import dev.atelier.engine.wrangle.PreparedModel;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Step;
import dev.atelier.engine.wrangle.Wrangler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Build screen: choose the column to predict (kept in step with the Data screen's roles), see the inferred
/// problem type and why (and override it), pick one algorithm from the catalogue, set its hyperparameters in a
/// generated form, train it as a job with a live training curve, see the validation scores, and save the model
/// as a bundle recorded in the project.
///
/// Training holds back a seeded 20 % of the rows as validation data: the curve's validation line and the
/// scores are measured on them. Toolkit-free; call it on the FX thread. Training points reach it through the
/// `fx` executor (`Platform::runLater` in the studio, `Runnable::run` in tests).
public final class BuildViewModel {
    /// The hyperparameters shown before "More settings" (the catalogue lists the most used first).
    static final int BASIC_PARAMS = 6;
    /// The share of rows held back to measure the model.
    static final double VALIDATION_SHARE = 0.2;
    /// The seed of the split and of the learner, so the same settings give the same model.
    static final long SEED = 42;
    /// The validation scores the results card shows, in this order, when the problem has them (all are saved).
    static final List<String> SHOWN_METRICS = List.of("accuracy", "balanced_accuracy", "auc", "f1", "macro_f1",
            "log_loss", "rmse", "mae", "r2");

    private final ProjectState project;
    private final Learners learners;
    private final JobRunner jobs;
    private final FileChooserService files;
    private final Messages messages;
    private final Executor fx;
    private final Clock clock;

    private final BooleanBinding hasData;
    private final ObservableList<String> targetChoices = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable String> target = new SimpleObjectProperty<>(this, "target");
    private final ReadOnlyObjectWrapper<@Nullable ProblemType> inferredProblem =
            new ReadOnlyObjectWrapper<>(this, "inferredProblem");
    private final ReadOnlyStringWrapper problemReason = new ReadOnlyStringWrapper(this, "problemReason", "");
    private final ObjectProperty<@Nullable ProblemType> problemOverride =
            new SimpleObjectProperty<>(this, "problemOverride");
    private final ReadOnlyObjectWrapper<@Nullable ProblemType> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ObservableList<AlgorithmDescriptor> algorithms = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable AlgorithmDescriptor> algorithm =
            new SimpleObjectProperty<>(this, "algorithm");
    private final ObservableList<ParamField> params = FXCollections.observableArrayList();
    private final ObservableList<UiMessage> notes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper settingsValid = new ReadOnlyBooleanWrapper(this, "settingsValid");
    private final BooleanBinding canTrain;
    private final ObservableList<TrainingPoint> curve = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper curveMetric = new ReadOnlyStringWrapper(this, "curveMetric", "");
    private final ReadOnlyStringWrapper curveHint = new ReadOnlyStringWrapper(this, "curveHint", "");
    private final ObservableList<MetricRow> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrainingOutcome> outcome =
            new ReadOnlyObjectWrapper<>(this, "outcome", TrainingOutcome.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper recipeNote = new ReadOnlyStringWrapper(this, "recipeNote", "");
    private final ReadOnlyObjectWrapper<@Nullable Trained> trained = new ReadOnlyObjectWrapper<>(this, "trained");
    private final ReadOnlyObjectWrapper<@Nullable Path> savedTo = new ReadOnlyObjectWrapper<>(this, "savedTo");
    private final BooleanBinding canSave;

    private boolean syncing;
    private @Nullable ProblemType shownFor;
    private long generation;
    private @Nullable RunningJob current;

    /// A fitted model with what is needed to score and save it.
    ///
    /// @param model          the model
    /// @param scores         validation scores by metric key
    /// @param schema         the schema it was trained with
    /// @param train          the rows it was trained on
    /// @param validationRows how many rows measured it
    /// @param source         the data file
    /// @param recipe         the fitted recipe the model was trained behind (the project's, fitted on the
    ///                       training rows only), or `null`
    public record Trained(Model model, Map<String, Double> scores, Schema schema, Dataset train, int validationRows,
                          Path source, @Nullable FittedRecipe recipe) {
        /// A model trained on the raw data.
        public Trained(Model model, Map<String, Double> scores, Schema schema, Dataset train, int validationRows,
                       Path source) {
            this(model, scores, schema, train, validationRows, source, null);
        }

        /// The model as a model of the raw data (the recipe replayed in `predict`).
        public Model predictor() {
            return PreparedModel.of(model, recipe);
        }
    }

    /// Whether `recipe` has a step that runs (then Build and Autopilot train on its output).
    public static boolean hasSteps(Recipe recipe) {
        return recipe.steps().stream().anyMatch(Step::enabled);
    }

    public BuildViewModel(ProjectState project, Learners learners, JobRunner jobs, FileChooserService files,
                          Messages messages, Executor fx, Clock clock) {
        this.project = Objects.requireNonNull(project, "project");
        this.learners = Objects.requireNonNull(learners, "learners");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.files = Objects.requireNonNull(files, "files");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasData = project.dataProperty().isNotNull();
        project.recipeProperty().addListener((o, a, b) -> updateRecipeNote(b));
        updateRecipeNote(project.getRecipe());
        this.canTrain = Bindings.createBooleanBinding(() -> settingsValid.get() && !running.get(), settingsValid,
                running);
        this.canSave = Bindings.createBooleanBinding(() -> trained.get() != null && !running.get(), trained, running);

        project.dataProperty().addListener((o, a, b) -> dataChanged(b));
        target.addListener((o, a, b) -> targetChosen(b));
        problemOverride.addListener((o, a, b) -> updateProblem());
        algorithm.addListener((o, a, b) -> algorithmChosen(b));
        dataChanged(project.getData());
        outcome.addListener((o, a, b) -> updateCurveHint());
        curve.addListener((javafx.collections.ListChangeListener<TrainingPoint>) c -> updateCurveHint());
        updateCurveHint();
    }

    private void updateCurveHint() {
        AlgorithmDescriptor d = algorithm.get();
        String name = d == null ? "" : d.displayName();
        curveHint.set(!curve.isEmpty() ? "" : switch (outcome.get()) {
            case NONE, CANCELLED, FAILED -> messages.get("build.curve.empty");
            case RUNNING -> messages.get("build.curve.waiting", name);
            case TRAINED -> messages.has("build.curve.none." + key(d))
                    ? messages.get("build.curve.none." + key(d), name) : messages.get("build.curve.none", name);
        });
    }

    private void updateRecipeNote(Recipe r) {
        long n = r.steps().stream().filter(Step::enabled).count();
        recipeNote.set(n == 0 ? "" : messages.get("build.recipe.note", n));
    }

    // ---- properties ---------------------------------------------------------------------------------

    /// "Trained on the prepared data: 6 steps" when the project has a recipe (Build and Autopilot then train on
    /// its output, fitted on the training rows only); empty otherwise.
    public ReadOnlyStringProperty recipeNoteProperty() {
        return recipeNote.getReadOnlyProperty();
    }

    /// Whether there is data to train on (otherwise the screen shows the "Go to Data" placeholder).
    public BooleanBinding hasDataProperty() {
        return hasData;
    }

    /// The columns that can be predicted (not IDs or ignored columns).
    public ObservableList<String> targetChoices() {
        return targetChoices;
    }

    /// The column to predict; setting it marks that column as the target of the project's data.
    public ObjectProperty<@Nullable String> targetProperty() {
        return target;
    }

    /// The problem type inferred from the target column.
    public ReadOnlyObjectProperty<@Nullable ProblemType> inferredProblemProperty() {
        return inferredProblem.getReadOnlyProperty();
    }

    /// Why that problem type, in plain words.
    public ReadOnlyStringProperty problemReasonProperty() {
        return problemReason.getReadOnlyProperty();
    }

    /// The user's choice of problem type; `null` follows the inferred one.
    public ObjectProperty<@Nullable ProblemType> problemOverrideProperty() {
        return problemOverride;
    }

    /// The problem type training uses.
    public ReadOnlyObjectProperty<@Nullable ProblemType> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public @Nullable ProblemType getProblem() {
        return problem.get();
    }

    /// The catalogue's algorithms for the problem type, those this version can train first.
    public ObservableList<AlgorithmDescriptor> algorithms() {
        return algorithms;
    }

    /// The chosen algorithm.
    public ObjectProperty<@Nullable AlgorithmDescriptor> algorithmProperty() {
        return algorithm;
    }

    /// The chosen algorithm's hyperparameters.
    public ObservableList<ParamField> params() {
        return params;
    }

    /// What stops training, in plain words.
    public ObservableList<UiMessage> notes() {
        return notes;
    }

    /// Whether training runs now.
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /// Whether Train can be pressed: data, a target, a trainable algorithm, valid settings, nothing running.
    public BooleanBinding canTrainProperty() {
        return canTrain;
    }

    /// The live training curve, one point per epoch or round.
    public ObservableList<TrainingPoint> curve() {
        return curve;
    }

    /// The metric the curve shows (`logloss`), empty before the first point.
    public ReadOnlyStringProperty curveMetricProperty() {
        return curveMetric.getReadOnlyProperty();
    }

    /// What the empty chart says (press Train; waiting for the first point; this algorithm draws no curve).
    public ReadOnlyStringProperty curveHintProperty() {
        return curveHint.getReadOnlyProperty();
    }

    /// The validation scores of the last model trained.
    public ObservableList<MetricRow> results() {
        return results;
    }

    /// Where training stands.
    public ReadOnlyObjectProperty<TrainingOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public TrainingOutcome getOutcome() {
        return outcome.get();
    }

    /// One line about the last training or save, in plain words.
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /// The last model trained, until it is replaced.
    public ReadOnlyObjectProperty<@Nullable Trained> trainedProperty() {
        return trained.getReadOnlyProperty();
    }

    /// Whether there is a model to save.
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /// Where the last model was saved.
    public ReadOnlyObjectProperty<@Nullable Path> savedToProperty() {
        return savedTo.getReadOnlyProperty();
    }

    private static String key(@Nullable AlgorithmDescriptor d) {
        return d == null ? "" : d.key();
    }

    /// The curve's axis label for the step (epoch or round), in plain words.
    public String stepLabel() {
        AlgorithmDescriptor d = algorithm.get();
        String key = d == null ? "" : "build.curve.step." + d.key();
        return messages.has(key) ? messages.get(key) : messages.get("build.curve.step");
    }

    /// The curve's axis label for a metric, in plain words (what it measures, which way is better).
    public String metricLabel(String metric) {
        String key = "build.curve.metric." + metric.toLowerCase(Locale.ROOT).replace('-', '_').replace('@', '_');
        return messages.has(key) ? messages.get(key) : messages.get("build.curve.metric", metric);
    }

    /// The label of a problem type.
    public String problemLabel(@Nullable ProblemType p) {
        return p == null ? "" : messages.get("build.problem." + ProblemTypes.shortName(p));
    }

    // ---- commands ------------------------------------------------------------------------------------

    /// Puts every hyperparameter back to its default.
    public void resetDefaults() {
        params.forEach(ParamField::reset);
    }

    /// Trains the chosen algorithm with the form's settings as a job; the curve fills as it runs.
    public void train() {
        LoadedDataset data = project.getData();
        AlgorithmDescriptor d = algorithm.get();
        ProblemType p = problem.get();
        String t = target.get();
        if (!canTrain.get() || data == null || d == null || p == null || t == null) {
            return;
        }
        var given = new LinkedHashMap<String, String>();
        for (ParamField f : params) {
            if (!f.isFromData() && !f.getText().isBlank() && (f.isChanged() || f.isRequired())) {
                given.put(f.name(), f.getText().strip());
            }
        }
        LearnerSpec spec;
        Learner learner;
        try {
            spec = LearnerSpec.of(learners.catalog(), d.key(), p, t, given, SEED);
            learner = learners.require(d.key());
        } catch (AtelierException e) {
            notes.add(UiMessage.of(Severity.ERROR, messages.error(e)));
            return;
        }
        cancel();
        long token = ++generation;
        curve.clear();
        curveMetric.set("");
        results.clear();
        trained.set(null);
        savedTo.set(null);
        outcome.set(TrainingOutcome.RUNNING);
        status.set(messages.get("build.status.training", d.displayName()));
        running.set(true);
        Dataset all = data.dataset();
        Path source = data.source();
        Recipe recipe = project.getRecipe();
        current = jobs.start(new JobRequest<Trained>("job.train", List.of(d.displayName()), ctx -> {
            HoldOut split = HoldOut.of(all.rowCount(), VALIDATION_SHARE, SEED);
            Dataset train = all.rows(split.train());
            Dataset valid = split.validation().length == 0 ? null : all.rows(split.validation());
            FittedRecipe fitted = null;
            if (hasSteps(recipe)) {
                // fitted on the training rows only; the validation rows get it as new data (no row dropped)
                Wrangler.Prepared prepared = Wrangler.prepare(recipe, train, valid, Sources.NONE, ctx.child(0.05));
                fitted = prepared.recipe();
                train = prepared.train();
                valid = prepared.validation();
            }
            Model model = learner.fit(new TrainingData(train, valid), spec, ctx,
                    point -> fx.execute(() -> onPoint(token, point)));
            Map<String, Double> scores = valid == null ? Map.of() : Evaluator.evaluate(model.predict(valid), valid, t);
            return new Trained(model, scores, train.schema(), train, valid == null ? 0 : valid.rowCount(), source,
                    fitted);
        }, result -> {
            if (token == generation) {
                onTrained(result);
            }
        }, state -> {
            if (token == generation) {
                onEnded(state, d);
            }
        }));
    }

    /// Stops the training (the status bar's cancel does the same); no model is kept.
    public void cancel() {
        RunningJob job = current;
        if (job != null) {
            job.cancel();
        }
    }

    /// Asks where to save the last model and writes it there as a model bundle, recorded in the project.
    public void saveModel() {
        Trained t = trained.get();
        LoadedDataset data = project.getData();
        if (t == null || !canSave.get()) {
            return;
        }
        String suggested = suggestedName(t, data);
        Path folder = project.getFile() == null ? null : project.getFile().getParent();
        files.chooseModelFolder(suggested, folder).ifPresent(dir -> {
            Model model = t.model();
            jobs.start(new JobRequest<Path>("job.saveModel", List.of(dir.getFileName().toString()), ctx -> {
                ModelManifest manifest = ModelBundle.manifest(model, t.schema(), t.train().rowCount(),
                        learners.catalog(), clock.instant(), ModelBundle.provenance(t.train(),
                                Files.isRegularFile(t.source()) ? t.source() : null, null));
                ModelBundle.write(dir, model, manifest, t.scores(), t.recipe());
                return dir;
            }, written -> {
                var h = model.header();
                int n = project.getProject().models().size() + 1;
                project.addModel(new ModelEntry("model-" + n, written.getFileName().toString(), h.algorithm(),
                        written.toString(), h.problem(), h.target(), t.scores(), clock.instant()));
                savedTo.set(written);
                status.set(messages.get("build.status.saved", written.toString()));
            }, state -> { }));
        });
    }

    // ---- reactions -------------------------------------------------------------------------------------

    private void onPoint(long token, TrainingPoint point) {
        if (token != generation) {
            return;
        }
        if (curveMetric.get().isEmpty()) {
            curveMetric.set(point.metric());
        }
        curve.add(point);
    }

    private void onTrained(Trained result) {
        trained.set(result);
        var rows = new ArrayList<MetricRow>();
        for (String k : SHOWN_METRICS) {
            Double v = result.scores().get(k);
            if (v != null) {
                rows.add(new MetricRow(k, messages.get("build.metric." + k + ".name"), format(k, v),
                        messages.get("build.metric." + k + ".tooltip")));
            }
        }
        results.setAll(rows);
        outcome.set(TrainingOutcome.TRAINED);
        status.set(messages.get("build.status.trained", result.train().rowCount(), result.validationRows()));
        if (result.recipe() != null) {
            status.set(status.get() + " " + messages.get("build.recipe.trained", result.recipe().steps().size()));
        }
    }

    private void onEnded(JobState state, AlgorithmDescriptor d) {
        running.set(false);
        current = null;
        switch (state) {
            case SUCCEEDED -> { }
            case CANCELLED -> {
                outcome.set(TrainingOutcome.CANCELLED);
                status.set(messages.get("build.status.cancelled", d.displayName()));
            }
            case FAILED -> {
                outcome.set(TrainingOutcome.FAILED);
                status.set(messages.get("build.status.failed", d.displayName()));
            }
            case RUNNING -> { }
        }
    }

    private void dataChanged(@Nullable LoadedDataset data) {
        forgetStaleModel(data);
        syncing = true;
        try {
            if (data == null) {
                targetChoices.clear();
                target.set(null);
            } else {
                Schema schema = data.dataset().schema();
                var names = new ArrayList<String>();
                for (ColumnSchema c : schema.columns()) {
                    if (c.role() == ColumnRole.FEATURE || c.role() == ColumnRole.TARGET) {
                        names.add(c.name());
                    }
                }
                if (!targetChoices.equals(names)) {
                    targetChoices.setAll(names);
                }
                target.set(schema.target().map(ColumnSchema::name).orElse(null));
            }
        } finally {
            syncing = false;
        }
        inferProblem();
    }

    /// Results and the curve belong to the data and target they were made with; other data or another target
    /// clears them (a running training is stopped), so the card never shows scores for something else.
    private void forgetStaleModel(@Nullable LoadedDataset data) {
        Trained t = trained.get();
        boolean running = isRunning();
        if (t == null && !running) {
            return;
        }
        boolean same = data != null && t != null && data.source().equals(t.source())
                && data.dataset().rowCount() == trainedRows(t)
                && data.dataset().schema().target().map(ColumnSchema::name).orElse("")
                        .equals(t.model().header().target());
        if (!same) {
            cancel();
            trained.set(null);
            results.clear();
            curve.clear();
            curveMetric.set("");
            savedTo.set(null);
            outcome.set(TrainingOutcome.NONE);
            status.set("");
        }
    }

    private static int trainedRows(Trained t) {
        return t.train().rowCount() + t.validationRows();
    }

    private void targetChosen(@Nullable String column) {
        if (syncing) {
            return;
        }
        LoadedDataset data = project.getData();
        if (data != null && column != null && data.dataset().schema().indexOf(column) >= 0) {
            project.setColumnRole(column, ColumnRole.TARGET);   // comes back through dataChanged
        } else {
            inferProblem();
        }
    }

    private void inferProblem() {
        LoadedDataset data = project.getData();
        String t = target.get();
        if (data == null || t == null || data.dataset().schema().indexOf(t) < 0) {
            inferredProblem.set(null);
            problemReason.set(messages.get("build.problem.reason.noTarget"));
        } else {
            Dataset ds = data.dataset();
            var guess = dev.atelier.engine.automl.ProblemGuess.infer(ds, t);
            inferredProblem.set(guess.problem());
            problemReason.set(messages.get(guess.reasonKey(), guess.args().toArray()));
        }
        updateProblem();
    }

    private void updateProblem() {
        ProblemType chosen = problemOverride.get() != null ? problemOverride.get() : inferredProblem.get();
        problem.set(chosen);
        var list = new ArrayList<AlgorithmDescriptor>();
        if (chosen != null) {
            for (AlgorithmDescriptor d : learners.catalog().all()) {
                if (d.solves(chosen)) {
                    list.add(d);
                }
            }
            list.sort(Comparator.comparing((AlgorithmDescriptor d) -> !d.trainable()));
        }
        if (!algorithms.equals(list)) {
            algorithms.setAll(list);
        }
        AlgorithmDescriptor a = algorithm.get();
        if (a == null || !list.contains(a)) {
            algorithm.set(list.stream().filter(AlgorithmDescriptor::trainable).findFirst().orElse(null));
        } else if (chosen != shownFor) {
            algorithmChosen(a);   // problem-dependent defaults
        }
        refreshNotes();
    }

    private void algorithmChosen(@Nullable AlgorithmDescriptor d) {
        shownFor = problem.get();
        var fields = new ArrayList<ParamField>();
        if (d != null) {
            int i = 0;
            for (ParamSpec spec : d.hyperparameters()) {
                boolean advanced = i >= BASIC_PARAMS && spec.requirement() != Requirement.REQUIRED;
                ParamField f = new ParamField(spec, advanced, messages);
                ProblemType p = problem.get();
                String better = p == null ? null : ProblemDefaults.of(d.key(), spec.name(), p);
                if (better != null) {
                    f.useProblemDefault(better);
                }
                f.errorProperty().addListener((o, a, b) -> refreshNotes());
                fields.add(f);
                i++;
            }
        }
        params.setAll(fields);
        refreshNotes();
    }

    private void refreshNotes() {
        var list = new ArrayList<UiMessage>();
        LoadedDataset data = project.getData();
        String t = target.get();
        AlgorithmDescriptor d = algorithm.get();
        ProblemType p = problem.get();
        if (data != null) {
            if (t == null) {
                list.add(UiMessage.of(Severity.ERROR, messages.get("build.note.noTarget")));
            } else if (p == ProblemType.REGRESSION) {
                ColumnType type = data.dataset().schema().column(t).type();
                if (type != ColumnType.NUMERIC && type != ColumnType.BOOLEAN) {
                    list.add(UiMessage.of(Severity.ERROR, messages.get("build.note.regressionNeedsNumbers", t)));
                }
            }
            if (t != null && d == null) {
                list.add(UiMessage.of(Severity.ERROR, messages.get("build.note.noAlgorithm")));
            } else if (d != null && !d.trainable()) {
                list.add(UiMessage.of(Severity.ERROR, messages.get("build.note.notTrainable", d.displayName())));
            }
            for (ParamField f : params) {
                if (!f.isValid()) {
                    list.add(UiMessage.of(Severity.ERROR, f.getError()));
                }
            }
        }
        notes.setAll(list);
        settingsValid.set(data != null && list.stream().noneMatch(m -> m.severity() == Severity.ERROR));
    }

    private String suggestedName(Trained t, @Nullable LoadedDataset data) {
        String base = data == null ? "model" : data.displayName().replaceAll("\\.[A-Za-z0-9]+$", "");
        String name = (base + "-" + t.model().header().algorithm()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-");
        return name.replaceAll("^[^a-z0-9]+", "");
    }

    private String format(String key, double v) {
        if (Double.isNaN(v)) {
            return messages.get("build.metric.notAvailable");
        }
        return switch (key) {
            case "accuracy", "balanced_accuracy", "f1", "macro_f1" -> messages.get("build.metric.percent", v * 100);
            default -> messages.get("build.metric.number", v);
        };
    }
}
