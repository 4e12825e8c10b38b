package dev.atelier.app.studio;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.testing.FakeDialogs;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/// Starts the real studio window (real services, except that errors, dialogs and file choosers are fakes) in
/// the headless platform, with a private Atelier home.
abstract class StudioUiTestBase extends FxRobot {
    static Path home;

    final RecordingErrorPresenter errors = new RecordingErrorPresenter();
    final FakeDialogs dialogs = new FakeDialogs();
    final FakeFiles files = new FakeFiles();
    StudioApplication app;

    @BeforeAll
    static void toolkit() throws Exception {
        if (home == null) {
            home = Files.createTempDirectory("atelier-ui-test");
            System.setProperty("atelier.home", home.toString());
        }
        FxToolkit.registerPrimaryStage();
    }

    /// Starts the studio with `args` and the given service changes; returns once the window shows.
    void startStudio(StudioArgs args, UnaryOperator<AppServices.Builder> more) throws Exception {
        app = (StudioApplication) FxToolkit.setupApplication(() -> new StudioApplication(args,
                b -> more.apply(b.errors(errors).dialogs(dialogs).files(files))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopStudio() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    TableView<Integer> dataTable() {
        return lookup("#dataTable").queryAs(TableView.class);
    }

    /// Runs Autopilot from the Build screen with at most `candidates` candidates and waits until it has ended.
    void runAutopilot(int candidates) throws Exception {
        show(dev.atelier.app.shell.Screen.BUILD);
        interact(() -> {
            app.autopilotViewModel().maxCandidatesProperty().set(candidates);
            app.autopilotViewModel().budgetMinutesProperty().set(1);
        });
        fire("#startAutopilotButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.autopilotViewModel().session().getResult() != null
                && !app.autopilotViewModel().session().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Shows `screen` as the navigation does (without the mouse, which a tooltip may cover).
    void show(dev.atelier.app.shell.Screen screen) {
        interact(() -> app.windowViewModel().navigate(screen));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Presses the button `query` finds, as a click would (without the mouse).
    void fire(String query) {
        interact(() -> lookup(query).queryAs(javafx.scene.control.ButtonBase.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Saves the window at the studio's default size when `-Datelier.screenshots=DIR` is given.
    void screenshot(String name) {
        if (!dev.atelier.app.testing.Screenshots.wanted()) {
            return;
        }
        javafx.scene.Scene scene = lookup("#mainWindow").query().getScene();
        interact(() -> dev.atelier.app.testing.Screenshots.resize(scene));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);   // the resized window lays out
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> dev.atelier.app.testing.Screenshots.save(scene, name));
    }

    /// Waits (without fixed sleeps) until no data load is running.
    void waitUntilLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.dataViewModel() != null
                && !app.dataViewModel().isLoading()
                && app.services().jobs().runningJobs().jobs().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
