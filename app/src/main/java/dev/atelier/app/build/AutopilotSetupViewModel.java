package dev.atelier.app.build;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.automl.StoppableContext;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.Autopilot;
import dev.atelier.engine.automl.AutopilotListener;
import dev.atelier.engine.automl.AutopilotResult;
import dev.atelier.engine.project.ExperimentEntry;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.automl.BestScorePoint;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.automl.ObjectiveMetric;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Wrangler;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.job.JobState;
import dev.atelier.engine.learn.HoldOut;
import dev.atelier.engine.learn.Learners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Build screen's Autopilot mode: the objective metric (SageMaker's default for the problem preselected),
/// Quick or Standard build, the time budget and most candidates, and the mode (AUTO, ENSEMBLE, HPO). Start runs
/// [Autopilot] as a job on the rows not set aside as test rows (see [AutopilotSession]); candidates reach the
/// shared session live through `fx`. Cancel stops the search and keeps the best model so far.
///
/// The target and problem type are the [BuildViewModel]'s (one choice for both modes). Toolkit-free; call it
/// on the FX thread.
public final class AutopilotSetupViewModel {
    /// Largest time budget the form accepts, in minutes.
    public static final double MAX_MINUTES = 240;

    private final BuildViewModel build;
    private final ProjectState project;
    private final Learners learners;
    private final JobRunner jobs;
    private final Messages messages;
    private final Executor fx;
    private final AutopilotSession session;
    private final Runnable onStarted;

    private final BooleanProperty autopilot = new SimpleBooleanProperty(this, "autopilot", true);
    private final ObservableList<ObjectiveMetric> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable ObjectiveMetric> metric = new SimpleObjectProperty<>(this, "metric");
    private final ObjectProperty<AutopilotSpec.Preset> preset =
            new SimpleObjectProperty<>(this, "preset", AutopilotSpec.Preset.QUICK);
    private final DoubleProperty budgetMinutes = new SimpleDoubleProperty(this, "budgetMinutes", 1);
    private final IntegerProperty maxCandidates = new SimpleIntegerProperty(this, "maxCandidates", 0);
    private final ObjectProperty<AutopilotSpec.Mode> mode =
            new SimpleObjectProperty<>(this, "mode", AutopilotSpec.Mode.AUTO);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final StringBinding metricExplanation;
    private final StringBinding modeExplanation;
    private final StringBinding presetExplanation;
    private final BooleanBinding canStart;
    private long generation;
    private @Nullable RunningJob current;
    private java.util.concurrent.atomic.@Nullable AtomicBoolean stopRequest;

    public AutopilotSetupViewModel(BuildViewModel build, ProjectState project, Learners learners, JobRunner jobs,
                                   Messages messages, Executor fx, AutopilotSession session, Runnable onStarted) {
        this.build = Objects.requireNonNull(build, "build");
        this.project = Objects.requireNonNull(project, "project");
        this.learners = Objects.requireNonNull(learners, "learners");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.session = Objects.requireNonNull(session, "session");
        this.onStarted = Objects.requireNonNull(onStarted, "onStarted");
        this.metricExplanation = Bindings.createStringBinding(() -> metric.get() == null ? ""
                : metricTooltip(metric.get()), metric);
        this.modeExplanation = Bindings.createStringBinding(() -> modeTooltip(mode.get()), mode);
        this.presetExplanation = Bindings.createStringBinding(() -> presetTooltip(preset.get()), preset);
        this.canStart = Bindings.createBooleanBinding(() -> project.getData() != null
                        && build.targetProperty().get() != null && build.getProblem() != null
                        && metric.get() != null && budgetMinutes.get() > 0 && !session.isRunning(),
                project.dataProperty(), build.targetProperty(), build.problemProperty(), metric, budgetMinutes,
                session.runningProperty());
        build.problemProperty().addListener((o, a, b) -> problemChanged(b));
        problemChanged(build.getProblem());
        project.dataProperty().addListener((o, a, b) -> {
            AutopilotSession.Context c = session.getContext();
            if (c != null && (b == null || !b.source().equals(c.source())
                    || b.dataset().rowCount() != c.all().rowCount())) {
                abandon();
                generation++;                       // late results of the abandoned run are ignored
                session.clear();                    // its models belong to other data
                status.set("");
            }
        });
    }

    // ---- properties ---------------------------------------------------------------------------------

    /// Autopilot (true, the default) or one chosen algorithm (false).
    public BooleanProperty autopilotProperty() {
        return autopilot;
    }

    /// The objective metrics that fit the problem, the default first.
    public ObservableList<ObjectiveMetric> metrics() {
        return metrics;
    }

    /// The metric the search optimizes.
    public ObjectProperty<@Nullable ObjectiveMetric> metricProperty() {
        return metric;
    }

    /// Quick or Standard build.
    public ObjectProperty<AutopilotSpec.Preset> presetProperty() {
        return preset;
    }

    /// The time budget in minutes (fractions allowed).
    public DoubleProperty budgetMinutesProperty() {
        return budgetMinutes;
    }

    /// The most candidates to try; 0 = as many as the time allows.
    public IntegerProperty maxCandidatesProperty() {
        return maxCandidates;
    }

    /// AUTO, ENSEMBLE or HPO.
    public ObjectProperty<AutopilotSpec.Mode> modeProperty() {
        return mode;
    }

    /// What the chosen metric measures, in plain words.
    public StringBinding metricExplanationProperty() {
        return metricExplanation;
    }

    /// What the chosen mode does.
    public StringBinding modeExplanationProperty() {
        return modeExplanation;
    }

    /// What the chosen build speed does.
    public StringBinding presetExplanationProperty() {
        return presetExplanation;
    }

    /// Whether Start can be pressed.
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /// One line about the last run.
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /// The shared run.
    public AutopilotSession session() {
        return session;
    }

    // ---- texts -------------------------------------------------------------------------------------

    /// The metric's name as the menu shows it ("F1 score (default)").
    public String metricLabel(@Nullable ObjectiveMetric m) {
        if (m == null) {
            return "";
        }
        String name = metricName(m);
        ProblemType p = build.getProblem();
        return p != null && ObjectiveMetric.defaultFor(p) == m ? messages.get("build.autopilot.metric.default", name)
                : name;
    }

    /// The metric's plain name.
    public String metricName(ObjectiveMetric m) {
        return messages.get("build.autopilot.metric." + m.key() + ".name");
    }

    /// What the metric measures and which way is better.
    public String metricTooltip(ObjectiveMetric m) {
        return messages.get("build.autopilot.metric." + m.key() + ".tooltip");
    }

    /// The mode's name.
    public String modeLabel(AutopilotSpec.Mode m) {
        return messages.get("build.autopilot.mode." + m.name().toLowerCase(Locale.ROOT));
    }

    /// What the mode does.
    public String modeTooltip(AutopilotSpec.Mode m) {
        return messages.get("build.autopilot.mode." + m.name().toLowerCase(Locale.ROOT) + ".tooltip");
    }

    /// The build speed's name.
    public String presetLabel(AutopilotSpec.Preset p) {
        return messages.get("build.autopilot.preset." + p.name().toLowerCase(Locale.ROOT));
    }

    /// What the build speed does.
    public String presetTooltip(AutopilotSpec.Preset p) {
        return messages.get("build.autopilot.preset." + p.name().toLowerCase(Locale.ROOT) + ".tooltip");
    }

    // ---- commands ------------------------------------------------------------------------------------

    /// The spec Start would run, or `null` (with the reason in the status) when the settings do not make one.
    public @Nullable AutopilotSpec spec() {
        String t = build.targetProperty().get();
        ProblemType p = build.getProblem();
        if (t == null || p == null) {
            return null;
        }
        try {
            long millis = Math.round(Math.min(MAX_MINUTES, budgetMinutes.get()) * 60_000);
            return AutopilotSpec.of(t).withProblem(p).withMetric(metric.get()).withPreset(preset.get())
                    .withMode(mode.get()).withBudget(Duration.ofMillis(Math.max(1, millis)))
                    .withMaxCandidates(maxCandidates.get() > 0 ? maxCandidates.get() : null)
                    .withSeed(AutopilotSession.SEED);
        } catch (AtelierException e) {
            status.set(messages.error(e));
            return null;
        }
    }

    /// Starts the search as a job and opens the leaderboard.
    public void start() {
        LoadedDataset data = project.getData();
        AutopilotSpec spec = canStart.get() ? spec() : null;
        if (data == null || spec == null) {
            return;
        }
        Dataset all = data.dataset();
        HoldOut split = HoldOut.of(all.rowCount(), AutopilotSession.TEST_SHARE, AutopilotSession.SEED);
        Dataset search = split.validation().length == 0 ? all : all.rows(split.train());
        Dataset test = all.rows(split.validation());
        session.begin(new AutopilotSession.Context(all, search, test, spec.target(), data.source()));
        long token = ++generation;
        status.set(messages.get("build.autopilot.status.running", search.rowCount(), test.rowCount()));
        AtomicReference<@Nullable AutopilotResult> kept = new AtomicReference<>();
        AutopilotListener live = new AutopilotListener() {
            @Override
            public void onStart(AutopilotResult.Setup setup) {
                fx.execute(() -> {
                    if (token == generation) {
                        session.started(setup);
                    }
                });
            }

            @Override
            public void onRow(LeaderboardRow row) {
                fx.execute(() -> {
                    if (token == generation) {
                        session.row(row);
                    }
                });
            }

            @Override
            public void onBest(BestScorePoint point) {
                fx.execute(() -> {
                    if (token == generation) {
                        session.best(point);
                    }
                });
            }
        };
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        stopRequest = stop;
        Recipe recipe = project.getRecipe();
        current = jobs.start(new JobRequest<AutopilotResult>("job.automl", List.of(data.displayName()), ctx -> {
            Dataset searched = search;
            if (BuildViewModel.hasSteps(recipe)) {
                // the Prepare screen's recipe, fitted on the search rows only; the test rows get it as new data
                Wrangler.Prepared prepared = Wrangler.prepare(recipe, search, test, Sources.NONE, ctx.child(0.02));
                searched = prepared.train();
                var withRecipe = new AutopilotSession.Context(all, prepared.train(), prepared.validation(),
                        spec.target(), data.source(), prepared.recipe());
                fx.execute(() -> {
                    if (token == generation) {
                        session.prepared(withRecipe);
                    }
                });
            }
            AutopilotResult r = new Autopilot(learners).run(searched, spec, new StoppableContext(ctx, stop), live);
            kept.set(r);
            if (ctx.isCancelled()) {
                // cancelled from the status bar: the job discards its result, but the best model so far is kept
                fx.execute(() -> {
                    if (token == generation && session.getResult() == null) {
                        finished(r);
                    }
                });
            }
            return r;
        }, r -> {
            if (token == generation) {
                finished(r);
            }
        }, state -> {
            if (token != generation) {
                return;
            }
            AutopilotResult r = kept.get();
            if (state == JobState.CANCELLED && r != null) {
                finished(r);
            } else if (state == JobState.CANCELLED) {
                status.set(messages.get("build.autopilot.status.cancelled"));
            } else if (state == JobState.FAILED) {
                status.set(messages.get("build.autopilot.status.failed"));
            }
            session.ended();
            current = null;
        }));
        onStarted.run();
    }

    /// Stops the search; the best model so far is kept.
    public void cancel() {
        var stop = stopRequest;
        if (stop != null && current != null) {
            stop.set(true);
        }
    }

    /// Stops the search and discards it (other data was opened).
    private void abandon() {
        RunningJob job = current;
        if (job != null) {
            job.cancel();
        }
    }

    private void finished(AutopilotResult r) {
        // the listener's rows were queued on `fx` before the job ended; the session adds any missing
        session.finished(r);
        session.ended();
        recordExperiment(r);
        status.set(r.stop() == AutopilotResult.Stop.CANCELLED
                ? messages.get("build.autopilot.status.cancelledKept", r.rows().size())
                : messages.get("build.autopilot.status.done", r.rows().size(), r.wallSeconds()));
    }

    /// Keeps the run in the project (saved with it): one experiment per Autopilot run, one run per candidate with
    /// its hyperparameters, validation measures, status and failure reason.
    private void recordExperiment(AutopilotResult r) {
        var data = project.getData();
        var ctx = session.getContext();
        if (data == null || ctx == null) {
            return;
        }
        java.time.Instant end = project.now();
        java.time.Instant start = end.minusMillis(Math.round(r.wallSeconds() * 1000));
        int n = project.getProject().experiments().size() + 1;
        var runs = new ArrayList<ExperimentEntry.Run>();
        for (LeaderboardRow row : r.rows()) {
            ExperimentEntry.RunStatus status = switch (row.status()) {
                case OK -> ExperimentEntry.RunStatus.SUCCEEDED;
                case FAILED -> ExperimentEntry.RunStatus.FAILED;
                default -> ExperimentEntry.RunStatus.CANCELLED;
            };
            var metricsOk = new java.util.LinkedHashMap<String, Double>();
            row.metrics().forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    metricsOk.put(k, v);
                }
            });
            runs.add(new ExperimentEntry.Run("run-" + row.candidateId(), row.algorithm(), row.hyperparameters(),
                    metricsOk, status, row.reasonCode(),
                    start.plusMillis(Math.round(Math.max(0, row.finishedSeconds() - row.fitSeconds()) * 1000)),
                    Math.round(row.fitSeconds() * 1000), null));
        }
        project.addExperiment(new ExperimentEntry("experiment-" + n,
                messages.get("build.autopilot.experimentName", n, ctx.target()), data.id(),
                ctx.recipe() == null ? null : ProjectState.RECIPE_ID, ctx.target(),
                r.setup().problem(), r.setup().metric().key(), start, runs));
    }

    private void problemChanged(@Nullable ProblemType p) {
        var list = new ArrayList<ObjectiveMetric>();
        if (p != null) {
            ObjectiveMetric d = ObjectiveMetric.defaultFor(p);
            list.add(d);
            for (ObjectiveMetric m : ObjectiveMetric.values()) {
                if (m != d && m.fits(p)) {
                    list.add(m);
                }
            }
        }
        metrics.setAll(list);
        metric.set(list.isEmpty() ? null : list.getFirst());
    }
}
