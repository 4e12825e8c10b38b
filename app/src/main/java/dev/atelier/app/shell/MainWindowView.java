package dev.atelier.app.shell;

import dev.atelier.app.common.controls.Icons;
import dev.atelier.app.common.dialogs.DialogService;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.theme.ThemeChoice;
import dev.atelier.app.common.theme.ThemeService;
import dev.atelier.app.data.DataViewModel;
import dev.atelier.app.project.ProjectViewModel;
import dev.atelier.ui.resources.UiResources;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// The main window: menu bar, the navigation along the flow on the left, the current screen, and the status
/// bar. Screens are created on first visit.
public final class MainWindowView {
    private final MainWindowViewModel vm;
    private final ProjectViewModel projects;
    private final DataViewModel data;
    private final ThemeService theme;
    private final DialogService dialogs;
    private final Messages messages;
    private final Runnable quit;
    private final Function<Screen, Parent> screenFactory;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Screen, Parent> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> navItems = new EnumMap<>(Screen.class);
    private @Nullable Parent prepareScreen;

    /// The window's content. `dataScreen` is the Data screen's root, `buildScreen` the Build screen's (shown while
    /// `hasData`, else its placeholder); other screens are placeholders for now.
    /// `quit` closes the window (after the unsaved-changes question).
    /// `more` holds the other built screens, each shown while its condition holds (else its placeholder).
    public MainWindowView(MainWindowViewModel vm, ProjectViewModel projects, DataViewModel data, Parent dataScreen,
                          Parent buildScreen, ObservableBooleanValue hasData, Map<Screen, ScreenSlot> more,
                          StatusBarView statusBar, ThemeService theme, DialogService dialogs, Messages messages,
                          Runnable quit) {
        this.vm = vm;
        this.projects = projects;
        this.data = data;
        this.theme = theme;
        this.dialogs = dialogs;
        this.messages = messages;
        this.quit = quit;
        this.screenFactory = s -> switch (s) {
            case DATA -> dataScreen;
            case BUILD -> whenData(s, buildScreen, builtPlaceholder(s), hasData);
            case PREPARE -> prepareScreen != null ? whenData(s, prepareScreen, builtPlaceholder(s), hasData)
                    : placeholder(s);
            default -> more.containsKey(s) ? whenData(s, more.get(s).screen(), builtPlaceholder(s), more.get(s).shown())
                    : placeholder(s);
        };
        root.setId("mainWindow");
        root.getStyleClass().add("studio-root");
        root.setTop(menuBar());
        root.setLeft(navigation());
        content.setId("content");
        content.getStyleClass().add("content-area");
        root.setCenter(content);
        root.setBottom(statusBar.root());
        vm.screenProperty().addListener((o, a, b) -> show(b));
        show(vm.getScreen());
    }

    private Parent placeholder(Screen s) {
        return new PlaceholderView(s, Icons.create(icon(s), 36), messages, vm::navigate).root();
    }

    private Parent builtPlaceholder(Screen s) {
        return new PlaceholderView(s, Icons.create(icon(s), 36), messages, vm::navigate, true).root();
    }

    /// A built screen and when it shows (otherwise its placeholder says which step comes first).
    ///
    /// @param screen the screen's root
    /// @param shown  whether it has something to show
    public record ScreenSlot(Parent screen, ObservableBooleanValue shown) {
    }

    /// `screen` while there is data, else its placeholder (which says to open data first).
    private static Parent whenData(Screen s, Parent screen, Parent placeholder, ObservableBooleanValue hasData) {
        StackPane both = new StackPane(placeholder, screen);
        both.setId("screen-" + s.key());
        Runnable sync = () -> {
            screen.setVisible(hasData.get());
            placeholder.setVisible(!hasData.get());
        };
        hasData.addListener((o, a, b) -> sync.run());
        sync.run();
        return both;
    }

    /// Sets the Prepare screen's root (shown while there is data); call before the screen is first shown.
    public void setPrepareScreen(Parent screen) {
        this.prepareScreen = screen;
    }

    /// The window's root node.
    public Parent root() {
        return root;
    }

    // ---- hooks for the welcome screen and the guided tour (dev.atelier.app.welcome) --------------

    /// Adds `items` at the top of the Help menu (Help ▸ Welcome, Help ▸ Guided tour).
    public void addHelpItems(MenuItem... items) {
        ((MenuBar) root.getTop()).getMenus().stream().filter(m -> "menu-help".equals(m.getId())).findFirst()
                .ifPresent(help -> help.getItems().addAll(0, java.util.List.of(items)));
    }

    /// Whether `s` is still a placeholder ("Not built yet") rather than a working screen (creates it if needed).
    public boolean isPlaceholder(Screen s) {
        return screens.computeIfAbsent(s, screenFactory).getStyleClass().contains("placeholder");
    }

    /// The icon of a screen.
    public static Icons.Name icon(Screen s) {
        return switch (s) {
            case DATA -> Icons.Name.DATA;
            case PREPARE -> Icons.Name.PREPARE;
            case BUILD -> Icons.Name.BUILD;
            case LEADERBOARD -> Icons.Name.LEADERBOARD;
            case ANALYZE -> Icons.Name.ANALYZE;
            case PREDICT -> Icons.Name.PREDICT;
            case DEPLOY -> Icons.Name.DEPLOY;
        };
    }

    private void show(Screen s) {
        Parent node = screens.computeIfAbsent(s, screenFactory);
        content.getChildren().setAll(node);
        ToggleButton item = navItems.get(s);
        if (item != null && !item.isSelected()) {
            item.setSelected(true);
        }
    }

    // ---- navigation -------------------------------------------------------------------------------

    private Node navigation() {
        Label mark = new Label("A");
        mark.getStyleClass().add("brand-mark");
        Label name = new Label(messages.get("app.title"));
        name.getStyleClass().add("brand-name");
        HBox brand = new HBox(10, mark, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("nav-brand");

        Label section = new Label(messages.get("nav.section.steps"));
        section.getStyleClass().add("nav-section");

        VBox items = new VBox();
        items.getStyleClass().add("nav-items");
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            ToggleButton item = new ToggleButton(messages.get("screen." + s.key() + ".title"),
                    Icons.create(icon(s), 18));
            item.setId("nav-" + s.key());
            item.getStyleClass().add("nav-item");
            item.setToggleGroup(group);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setAlignment(Pos.CENTER_LEFT);
            item.setGraphicTextGap(12);
            item.setMnemonicParsing(false);
            Tooltip tip = new Tooltip(messages.get("screen." + s.key() + ".tooltip") + "\n"
                    + messages.get("nav.tooltip.step", s.shortcutDigit(), Screen.values().length,
                    shortcutText(s)));
            tip.setWrapText(true);
            tip.setMaxWidth(320);
            tip.setShowDelay(Duration.millis(400));
            item.setTooltip(tip);
            item.setOnAction(e -> {
                vm.navigate(s);
                item.setSelected(true);
            });
            navItems.put(s, item);
            items.getChildren().add(item);
        }

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);

        Button themeToggle = new Button(messages.get("nav.theme.toggle"), Icons.create(Icons.Name.MOON, 16));
        themeToggle.setId("themeToggle");
        themeToggle.getStyleClass().addAll("nav-footer-button", "flat");
        themeToggle.setMaxWidth(Double.MAX_VALUE);
        themeToggle.setAlignment(Pos.CENTER_LEFT);
        themeToggle.setGraphicTextGap(12);
        themeToggle.setTooltip(new Tooltip(messages.get("nav.theme.toggle.tooltip")));
        themeToggle.setOnAction(e -> theme.choiceProperty().set(
                theme.getEffective() == UiResources.Theme.DARK ? ThemeChoice.LIGHT : ThemeChoice.DARK));

        VBox nav = new VBox(brand, section, items, spacer, themeToggle);
        nav.setId("navigation");
        nav.getStyleClass().add("nav-bar");
        nav.setMinWidth(Region.USE_PREF_SIZE);
        return nav;
    }

    private String shortcutText(Screen s) {
        return shortcut(s).getDisplayText();
    }

    private static KeyCombination shortcut(Screen s) {
        return new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(s.shortcutDigit())),
                KeyCombination.SHORTCUT_DOWN);
    }

    // ---- menus ------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), viewMenu(), helpMenu());
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu fileMenu() {
        Menu recent = new Menu(messages.get("menu.file.recent"));
        recent.setId("menu-file-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : projects.recent().items()) {
                MenuItem item = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> projects.openRecent(p));
                recent.getItems().add(item);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem(messages.get("menu.file.recent.none"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
        };
        projects.recent().items().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();

        Menu file = new Menu(messages.get("menu.file"));
        file.setId("menu-file");
        file.getItems().addAll(
                item("menu-file-new", "menu.file.new", "Shortcut+N", projects::newProject),
                item("menu-file-open", "menu.file.open", "Shortcut+O", projects::open),
                recent,
                new SeparatorMenuItem(),
                item("menu-file-save", "menu.file.save", "Shortcut+S", () -> projects.save(() -> { })),
                item("menu-file-saveAs", "menu.file.saveAs", "Shortcut+Shift+S", () -> projects.saveAs(() -> { })),
                new SeparatorMenuItem(),
                item("menu-file-import", "menu.file.import", "Shortcut+I", () -> {
                    vm.navigate(Screen.DATA);
                    data.chooseAndOpenFile();
                }),
                new SeparatorMenuItem(),
                item("menu-file-quit", "menu.file.quit", "Shortcut+Q", quit));
        return file;
    }

    private Menu viewMenu() {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem light = radio(group, "menu-view-light", "menu.view.light", ThemeChoice.LIGHT);
        RadioMenuItem dark = radio(group, "menu-view-dark", "menu.view.dark", ThemeChoice.DARK);
        RadioMenuItem system = radio(group, "menu-view-system", "menu.view.system", ThemeChoice.SYSTEM);
        Runnable sync = () -> {
            switch (theme.choiceProperty().get()) {
                case LIGHT -> light.setSelected(true);
                case DARK -> dark.setSelected(true);
                case SYSTEM -> system.setSelected(true);
            }
        };
        theme.choiceProperty().addListener((o, a, b) -> sync.run());
        sync.run();

        Menu go = new Menu(messages.get("menu.view.goTo"));
        go.setId("menu-view-goto");
        for (Screen s : Screen.values()) {
            MenuItem item = new MenuItem(messages.get("screen." + s.key() + ".title"));
            item.setId("menu-goto-" + s.key());
            item.setAccelerator(shortcut(s));
            item.setOnAction(e -> vm.navigate(s));
            go.getItems().add(item);
        }

        Menu view = new Menu(messages.get("menu.view"));
        view.setId("menu-view");
        view.getItems().addAll(light, dark, system, new SeparatorMenuItem(), go);
        return view;
    }

    private Menu helpMenu() {
        Menu help = new Menu(messages.get("menu.help"));
        help.setId("menu-help");
        help.getItems().addAll(
                item("menu-help-shortcuts", "menu.help.shortcuts", "F1",
                        () -> dialogs.inform(messages.get("help.shortcuts.title"), messages.get("help.shortcuts.text"))),
                item("menu-help-about", "menu.help.about", null,
                        () -> dialogs.inform(messages.get("help.about.title"), messages.get("help.about.text"))));
        return help;
    }

    private RadioMenuItem radio(ToggleGroup group, String id, String key, ThemeChoice choice) {
        RadioMenuItem item = new RadioMenuItem(messages.get(key));
        item.setId(id);
        item.setToggleGroup(group);
        item.setOnAction(e -> theme.choiceProperty().set(choice));
        return item;
    }

    private MenuItem item(String id, String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
