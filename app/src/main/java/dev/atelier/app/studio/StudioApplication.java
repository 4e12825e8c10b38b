package dev.atelier.app.studio;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.analyze.AnalyzeView;
import dev.atelier.app.analyze.AnalyzeViewModel;
import dev.atelier.app.build.AutopilotSetupViewModel;
import dev.atelier.app.predict.PredictView;
import dev.atelier.app.predict.PredictViewModel;
import dev.atelier.app.build.BuildView;
import dev.atelier.app.leaderboard.LeaderboardView;
import dev.atelier.app.leaderboard.LeaderboardViewModel;
import dev.atelier.app.build.BuildViewModel;
import dev.atelier.app.prepare.FxDebouncer;
import dev.atelier.app.prepare.FxRecipeFiles;
import dev.atelier.app.prepare.PrepareView;
import dev.atelier.app.prepare.PrepareViewModel;
import dev.atelier.engine.learn.Learners;
import java.time.Clock;
import javafx.application.Platform;
import dev.atelier.app.StudioArgs;
import dev.atelier.app.data.DataView;
import dev.atelier.app.data.DataViewModel;
import dev.atelier.app.project.ProjectViewModel;
import dev.atelier.app.shell.MainWindowView;
import dev.atelier.app.shell.MainWindowViewModel;
import dev.atelier.app.shell.StatusBarView;
import dev.atelier.app.welcome.FirstRun;
import dev.atelier.app.welcome.WelcomeSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The studio's JavaFX application: builds the [AppServices], shows the main window in the chosen theme,
/// routes uncaught exceptions to the [dev.atelier.app.common.dialogs.ErrorPresenter], and opens what
/// [StudioArgs] asks for — a project, a data file, a sample — or, with nothing asked, the welcome screen on a
/// first run (see [FirstRun]), else the most recent project that still exists, else the loan-approval sample.
///
/// Entry point: [#launchStudio(StudioArgs)], which returns when the window closes.
public final class StudioApplication extends Application {
    /// The window's size when the screen allows it.
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    /// The smallest useful window.
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;

    private static final Logger LOG = LoggerFactory.getLogger(StudioApplication.class);
    private static volatile StudioArgs launchArgs = StudioArgs.none();

    private final @Nullable StudioArgs args;
    private final UnaryOperator<AppServices.Builder> customize;
    private @Nullable Stage stage;
    private @Nullable AppServices services;
    private @Nullable ProjectViewModel projectVm;
    private @Nullable DataViewModel dataVm;
    private @Nullable MainWindowViewModel windowVm;
    private @Nullable BuildViewModel buildVm;
    private @Nullable AutopilotSetupViewModel autopilotVm;
    private @Nullable LeaderboardViewModel leaderboardVm;
    private @Nullable AnalyzeViewModel analyzeVm;
    private dev.atelier.app.analyze.bias.@Nullable BiasViewModel biasVm;
    private @Nullable PredictViewModel predictVm;
    private java.util.concurrent.@Nullable ScheduledExecutorService whatIfWorker;
    private @Nullable PrepareViewModel prepareVm;

    /// Used by [Application#launch]: the arguments given to [#launchStudio] and the real services.
    public StudioApplication() {
        this(null, UnaryOperator.identity());
    }

    /// A studio that opens `args` with services adjusted by `customize` (tests pass fakes).
    public StudioApplication(@Nullable StudioArgs args, UnaryOperator<AppServices.Builder> customize) {
        this.args = args;
        this.customize = Objects.requireNonNull(customize, "customize");
    }

    /// Opens the studio window with `args` and returns when it is closed. Call at most once per JVM.
    public static void launchStudio(StudioArgs args) {
        launchArgs = Objects.requireNonNull(args, "args");
        Application.launch(StudioApplication.class);
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        AppServices s = customize.apply(AppServices.builder(() -> this.stage)).build();
        this.services = s;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> s.errors().present(error));

        ProjectViewModel projects = new ProjectViewModel(s.project(), s.projects(), s.dataLoader(), s.jobs(),
                s.dialogs(), s.files(), s.recent());
        DataViewModel data = new DataViewModel(s.project(), s.dataLoader(), s.jobs(), s.files(), s.messages(),
                s.samples());
        data.setImporter(file -> dev.atelier.app.data.importer.ImportDialog.show(this.stage, file, s.messages(),
                scene -> s.theme().apply(scene), data::importData));
        MainWindowViewModel window = new MainWindowViewModel(s.project(), s.messages());
        BuildViewModel build = new BuildViewModel(s.project(), Learners.builtIn(), s.jobs(), s.files(), s.messages(),
                Platform::runLater, Clock.systemUTC());
        this.buildVm = build;
        Learners learners = Learners.builtIn();
        AutopilotSession session = new AutopilotSession();
        AutopilotSetupViewModel autopilot = new AutopilotSetupViewModel(build, s.project(), learners, s.jobs(),
                s.messages(), Platform::runLater, session, () -> window.navigate(dev.atelier.app.shell.Screen.LEADERBOARD));
        LeaderboardViewModel leaderboard = new LeaderboardViewModel(session, learners.catalog(), s.messages());
        var bundles = new dev.atelier.app.automl.CandidateBundles(session, s.project(), learners.catalog(), s.jobs(),
                s.files(), s.messages(), java.time.Clock.systemUTC());
        leaderboard.setSaver(bundles::save);
        this.autopilotVm = autopilot;
        this.leaderboardVm = leaderboard;
        AnalyzeViewModel analyze = new AnalyzeViewModel(session, learners.catalog(), s.jobs(), s.messages());
        this.analyzeVm = analyze;
        var bias = new dev.atelier.app.analyze.bias.BiasViewModel(session, learners.catalog(), s.jobs(),
                new dev.atelier.app.analyze.bias.FxReportFiles(() -> this.stage, s.messages()), s.messages(),
                Clock.systemUTC());
        this.biasVm = bias;
        this.whatIfWorker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atelier-what-if");
            t.setDaemon(true);
            return t;
        });
        PredictViewModel predict = new PredictViewModel(session, learners.catalog(), s.jobs(), s.files(),
                s.messages(), Platform::runLater, whatIfWorker);
        predict.setRecorder(r -> s.project().addPredictions(r.output(), r.sha256(), r.schema()));
        this.predictVm = predict;
        window.screenProperty().addListener((o, a, b) -> {
            if (b == dev.atelier.app.shell.Screen.ANALYZE) {
                analyze.refresh();
                bias.refresh();
            }
        });
        PrepareViewModel prepare = new PrepareViewModel(s.project(), s.jobs(),
                new FxRecipeFiles(() -> this.stage, s.messages()), s.messages(), new FxDebouncer(150));
        this.prepareVm = prepare;
        this.projectVm = projects;
        this.dataVm = data;
        this.windowVm = window;

        DataView dataView = new DataView(data, s.messages());
        StatusBarView statusBar = new StatusBarView(s.jobs().runningJobs(), s.project(), s.messages());
        BuildView buildView = new BuildView(build, autopilot, s.messages(),
                () -> window.navigate(dev.atelier.app.shell.Screen.LEADERBOARD));
        LeaderboardView leaderboardView = new LeaderboardView(leaderboard, s.messages(),
                () -> window.navigate(dev.atelier.app.shell.Screen.ANALYZE));
        var more = new java.util.EnumMap<dev.atelier.app.shell.Screen, MainWindowView.ScreenSlot>(
                dev.atelier.app.shell.Screen.class);
        more.put(dev.atelier.app.shell.Screen.LEADERBOARD, new MainWindowView.ScreenSlot(leaderboardView.root(),
                javafx.beans.binding.Bindings.isNotEmpty(session.rows()).or(session.runningProperty())));
        more.put(dev.atelier.app.shell.Screen.ANALYZE, new MainWindowView.ScreenSlot(
                new AnalyzeView(analyze, s.messages(), bias).root(), session.resultProperty().isNotNull()));
        more.put(dev.atelier.app.shell.Screen.PREDICT, new MainWindowView.ScreenSlot(
                new PredictView(predict, s.messages()).root(), session.resultProperty().isNotNull()));
        MainWindowView view = new MainWindowView(window, projects, data, dataView.root(), buildView.root(),
                build.hasDataProperty(), more, statusBar, s.theme(),
                s.dialogs(), s.messages(), this::quit);
        view.setPrepareScreen(new PrepareView(prepare, s.messages()).root());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(DEFAULT_WIDTH, Math.max(MIN_WIDTH, screen.getWidth() - 40));
        double height = Math.min(DEFAULT_HEIGHT, Math.max(MIN_HEIGHT, screen.getHeight() - 40));
        FirstRun firstRun = new FirstRun(WelcomeSettings.inAtelierHome(), s.messages(), s.samples().all(), window,
                projects, data, view); // the welcome screen and the guided tour
        Scene scene = new Scene(firstRun.wrap(view.root()), width, height);
        s.theme().apply(scene);
        primaryStage.setScene(scene);
        primaryStage.titleProperty().bind(window.titleProperty());
        primaryStage.setMinWidth(MIN_WIDTH);
        primaryStage.setMinHeight(MIN_HEIGHT);
        primaryStage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        StartupProbe.arm(scene, Platform::exit);
        primaryStage.show();
        StudioArgs initial = args != null ? args : launchArgs;
        if (!initial.equals(StudioArgs.none()) || !firstRun.showWelcomeAtStartup()) {
            openInitial(initial, s, projects, data);
        }
    }

    @Override
    public void stop() {
        if (services != null) {
            services.jobs().shutdown();
        }
        if (whatIfWorker != null) {
            whatIfWorker.shutdownNow();
        }
    }

    /// The services (for tests and tools); `null` before [#start].
    public @Nullable AppServices services() {
        return services;
    }

    /// The main window's view-model; `null` before [#start].
    public @Nullable MainWindowViewModel windowViewModel() {
        return windowVm;
    }

    /// The Prepare screen's view-model; `null` before [#start].
    public @Nullable PrepareViewModel prepareViewModel() {
        return prepareVm;
    }

    /// The Build screen's view-model; `null` before [#start].
    public @Nullable BuildViewModel buildViewModel() {
        return buildVm;
    }

    /// The Build screen's Autopilot settings; `null` before [#start].
    public @Nullable AutopilotSetupViewModel autopilotViewModel() {
        return autopilotVm;
    }

    /// The Leaderboard screen's view-model; `null` before [#start].
    public @Nullable LeaderboardViewModel leaderboardViewModel() {
        return leaderboardVm;
    }

    /// The Analyze screen's view-model; `null` before [#start].
    public @Nullable AnalyzeViewModel analyzeViewModel() {
        return analyzeVm;
    }

    /// The Analyze screen's Bias tab view-model (for tests).
    public dev.atelier.app.analyze.bias.@Nullable BiasViewModel biasViewModel() {
        return biasVm;
    }

    /// The Predict screen's view-model; `null` before [#start].
    public @Nullable PredictViewModel predictViewModel() {
        return predictVm;
    }

    /// The Data screen's view-model; `null` before [#start].
    public @Nullable DataViewModel dataViewModel() {
        return dataVm;
    }

    /// The File menu's commands; `null` before [#start].
    public @Nullable ProjectViewModel projectViewModel() {
        return projectVm;
    }

    /// Closes the window after the unsaved-changes question (File ▸ Quit, the window's close button).
    public void quit() {
        ProjectViewModel projects = projectVm;
        Stage s = stage;
        if (projects == null || s == null) {
            return;
        }
        projects.whenSafeToDiscard(() -> {
            if (services != null) {
                services.jobs().shutdown();
            }
            s.close();
        });
    }

    private static void openInitial(StudioArgs args, AppServices s, ProjectViewModel projects, DataViewModel data) {
        if (args.project() != null) {
            projects.openFile(args.project());
        } else if (args.data() != null) {
            data.openFile(args.data());
        } else if (args.sampleId() != null) {
            if (!data.openSample(args.sampleId())) {
                LOG.warn("No bundled sample called {}", args.sampleId());
                s.jobs().runningJobs().setLastMessage(s.messages().get("studio.sample.unknown", args.sampleId()));
                data.openSample(StudioArgs.DEFAULT_SAMPLE);
            }
        } else {
            Path recent = s.recent().mostRecentExisting().orElse(null);
            if (recent != null) {
                projects.openFile(recent);
            } else {
                data.openSample(StudioArgs.DEFAULT_SAMPLE);
            }
        }
    }
}
