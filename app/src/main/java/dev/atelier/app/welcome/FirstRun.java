package dev.atelier.app.welcome;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.data.DataViewModel;
import dev.atelier.app.project.ProjectViewModel;
import dev.atelier.app.shell.MainWindowView;
import dev.atelier.app.shell.MainWindowViewModel;
import dev.atelier.app.shell.Screen;
import dev.atelier.sampledata.SampleDataset;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;

/// Plugs the welcome screen and the guided tour into the studio window. The studio calls it in three places:
/// [#wrap] around the main window's root (a layer above it for the welcome and the tour's coach panel),
/// [#showWelcomeAtStartup()] when it starts with nothing asked, and that is all; the Help menu's "Welcome" and
/// "Guided tour" items are added here through [MainWindowView#addHelpItems].
///
/// Keyboard, while the tour runs: Esc ends it, → and ← move between steps (unless the focus is in a text field,
/// a table or a list, which need the arrow keys themselves). While the welcome shows, Esc closes it.
public final class FirstRun {
    private final WelcomeViewModel welcome;
    private final TourViewModel tour;
    private final WelcomeView welcomeView;
    private final TourPanel tourPanel;
    private final StackPane layer = new StackPane();

    /// Builds the welcome and the tour for the studio window `view`.
    public FirstRun(WelcomeSettings settings, Messages messages, List<SampleDataset> samples,
                    MainWindowViewModel window, ProjectViewModel projects, DataViewModel data, MainWindowView view) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(data, "data");
        this.tour = new TourViewModel(messages, new TourViewModel.Hooks(
                window::navigate,
                () -> data.hasDataProperty().get() || data.isLoading(),
                () -> data.openSample(StudioArgs.DEFAULT_SAMPLE),
                s -> !view.isPlaceholder(s)));
        this.welcome = new WelcomeViewModel(samples, projects.recent().items(), settings, messages,
                new WelcomeViewModel.Actions(
                        sample -> {
                            window.navigate(Screen.DATA);
                            data.openSample(sample);
                        },
                        project -> {
                            window.navigate(Screen.DATA);
                            projects.openRecent(project);
                        },
                        () -> {
                            window.navigate(Screen.DATA);
                            data.chooseAndOpenFile();
                        },
                        tour::start));
        this.welcomeView = new WelcomeView(welcome, messages);
        this.tourPanel = new TourPanel(tour, messages);
        welcome.showingProperty().addListener((o, a, b) -> {
            if (b) {
                tour.end();
            }
        });

        layer.setId("firstRunLayer");
        layer.setPickOnBounds(false);
        layer.getChildren().addAll(tourPanel.root(), welcomeView.root());
        StackPane.setMargin(tourPanel.root(), new Insets(0, 20, 40, 12));
        tour.indexProperty().addListener((o, a, b) -> placePanel());
        placePanel();

        MenuItem showWelcome = new MenuItem(messages.get("menu.help.welcome"));
        showWelcome.setId("menu-help-welcome");
        showWelcome.setOnAction(e -> welcome.show());
        MenuItem startTour = new MenuItem(messages.get("menu.help.tour"));
        startTour.setId("menu-help-tour");
        startTour.setOnAction(e -> tour.start());
        view.addHelpItems(showWelcome, startTour, new SeparatorMenuItem());
    }

    /// Bottom left, over the navigation's empty lower part, where the screen is a placeholder (whose card sits in
    /// the middle) or the Data screen (whose column roles on the right the step talks about); bottom right else.
    private void placePanel() {
        TourStep step = tour.current();
        boolean left = step != null && (!tour.screenReadyProperty().get() || step.screen() == Screen.DATA);
        StackPane.setAlignment(tourPanel.root(), left ? Pos.BOTTOM_LEFT : Pos.BOTTOM_RIGHT);
    }

    /// The window's root for the scene: the main window with the welcome and the coach panel above it.
    public Parent wrap(Parent mainWindow) {
        StackPane both = new StackPane(mainWindow, layer);
        both.setId("studioLayers");
        both.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
        return both;
    }

    /// At a start with nothing asked: shows the welcome if it is a first run or "Show at start-up" is on.
    ///
    /// @return whether the welcome is shown (if not, the studio opens the last project as before)
    public boolean showWelcomeAtStartup() {
        if (!welcome.showsAtStartup()) {
            return false;
        }
        welcome.show();
        return true;
    }

    /// The welcome screen's state.
    public WelcomeViewModel welcome() {
        return welcome;
    }

    /// The guided tour's state.
    public TourViewModel tour() {
        return tour;
    }

    private void onKey(KeyEvent e) {
        if (welcome.isShowing()) {
            if (e.getCode() == KeyCode.ESCAPE) {
                welcome.close();
                e.consume();
            }
            return;
        }
        if (!tour.isRunning() || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return;
        }
        Scene scene = e.getSource() instanceof Scene s ? s : null;
        Node focus = scene == null ? null : scene.getFocusOwner();
        switch (e.getCode()) {
            case ESCAPE -> {
                tour.end();
                e.consume();
            }
            case RIGHT -> {
                if (!needsArrows(focus)) {
                    tour.next();
                    e.consume();
                }
            }
            case LEFT -> {
                if (!needsArrows(focus)) {
                    tour.back();
                    e.consume();
                }
            }
            default -> { }
        }
    }

    /// Whether `focus` uses ← and → itself (moving a caret, a cell, a slider), so the tour leaves them alone.
    static boolean needsArrows(@Nullable Node focus) {
        return focus instanceof TextInputControl || focus instanceof TableView<?> || focus instanceof TreeTableView<?>
                || focus instanceof ListView<?> || focus instanceof TreeView<?> || focus instanceof Slider
                || focus instanceof Spinner<?> || focus instanceof ComboBoxBase<?>;
    }
}
