package dev.atelier.app.welcome;

import dev.atelier.app.common.controls.Icons;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.ui.resources.UiResources;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// The welcome screen: a header saying what Atelier does, one card per bundled sample, the recent projects,
/// "Open your own data…", the guided tour, and "Show at start-up". It covers the whole window while it shows.
public final class WelcomeView {
    private static final double CARD_MIN_WIDTH = 200;
    private static final double CARD_HEIGHT = 240;
    private final WelcomeViewModel vm;
    private final Messages messages;
    private final StackPane root = new StackPane();

    public WelcomeView(WelcomeViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("welcome");
        root.getStyleClass().add("welcome");
        root.getStylesheets().add(UiResources.screen("welcome"));

        VBox page = new VBox(header(), samples(), lowerRow(), footer());
        page.getStyleClass().add("welcome-page");
        page.setMaxWidth(1080);
        page.setFillWidth(true);
        StackPane centred = new StackPane(page);
        centred.getStyleClass().add("welcome-centred");
        StackPane.setAlignment(page, Pos.TOP_CENTER);

        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("welcome-scroll");
        root.getChildren().add(scroll);

        root.visibleProperty().bind(vm.showingProperty());
        root.managedProperty().bind(vm.showingProperty());
        vm.showingProperty().addListener((o, a, b) -> {
            if (b) {
                focusFirstCard();
            }
        });
        root.sceneProperty().addListener((o, a, b) -> {
            if (b != null && vm.isShowing()) {
                focusFirstCard();
            }
        });
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }

    /// Puts the keyboard focus on the first sample card, so Tab and Enter act on this page, not the window below.
    private void focusFirstCard() {
        Platform.runLater(() -> {
            Node first = root.lookup(".welcome-card");
            if (first != null) {
                first.requestFocus();
            }
        });
    }

    private Node header() {
        Label mark = new Label("A");
        mark.getStyleClass().add("brand-mark");
        Label title = new Label(messages.get("welcome.title"));
        title.setId("welcome-title");
        title.getStyleClass().add("welcome-title");
        HBox brand = new HBox(14, mark, title);
        brand.setAlignment(Pos.CENTER_LEFT);

        Label intro = new Label(messages.get("welcome.intro"));
        intro.setId("welcome-intro");
        intro.getStyleClass().add("welcome-intro");
        intro.setWrapText(true);
        VBox box = new VBox(12, brand, intro);
        box.getStyleClass().add("welcome-header");
        return box;
    }

    private Node samples() {
        Label heading = sectionTitle("welcome.samples.title");
        Label hint = new Label(messages.get("welcome.samples.hint"));
        hint.getStyleClass().add("welcome-hint");
        hint.setWrapText(true);

        HBox tiles = new HBox(14);
        tiles.getStyleClass().add("welcome-cards");
        for (SampleCard card : vm.cards()) {
            Button b = card(card);
            HBox.setHgrow(b, Priority.ALWAYS);
            tiles.getChildren().add(b);
        }
        return new VBox(6, heading, hint, tiles);
    }

    private Button card(SampleCard card) {
        Label problem = new Label(card.problem());
        problem.getStyleClass().add("welcome-card-problem");
        Label name = new Label(card.title());
        name.getStyleClass().add("welcome-card-title");
        name.setWrapText(true);
        Label size = new Label(card.size());
        size.getStyleClass().add("welcome-card-size");
        Label teaches = new Label(card.teaches());
        teaches.getStyleClass().add("welcome-card-teaches");
        teaches.setWrapText(true);
        VBox.setVgrow(teaches, Priority.ALWAYS);
        teaches.setMaxHeight(Double.MAX_VALUE);
        teaches.setAlignment(Pos.TOP_LEFT);
        Label open = new Label(messages.get("welcome.sample.open"));
        open.getStyleClass().add("welcome-card-open");

        VBox content = new VBox(6, problem, name, size, teaches, open);
        content.setFillWidth(true);

        Button button = new Button();
        button.setId("welcome-sample-" + card.id());
        button.getStyleClass().add("welcome-card");
        button.setGraphic(content);
        button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        button.setAlignment(Pos.TOP_LEFT);
        button.setMnemonicParsing(false);
        button.setMinSize(CARD_MIN_WIDTH, CARD_HEIGHT);
        button.setPrefSize(CARD_MIN_WIDTH, CARD_HEIGHT);
        button.setMaxSize(Double.MAX_VALUE, CARD_HEIGHT);
        content.setMinSize(0, 0);
        content.setPrefHeight(CARD_HEIGHT - 36);
        content.prefWidthProperty().bind(button.widthProperty().subtract(36));
        Tooltip tip = new Tooltip(card.sample().description());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        button.setTooltip(tip);
        button.setOnAction(e -> vm.open(card));
        return button;
    }

    private Node lowerRow() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.add(ownDataPanel(), 0, 0);
        grid.add(tourPanel(), 1, 0);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
        }
        return grid;
    }

    private Node ownDataPanel() {
        Label heading = sectionTitle("welcome.own.title");
        Label hint = new Label(messages.get("welcome.own.hint"));
        hint.getStyleClass().add("welcome-hint");
        hint.setWrapText(true);
        Button open = new Button(messages.get("welcome.own.open"), Icons.create(Icons.Name.OPEN, 16));
        open.setId("welcome-openData");
        open.getStyleClass().add("primary");
        open.setOnAction(e -> vm.openOwnData());

        Label recentTitle = new Label(messages.get("welcome.recent.title"));
        recentTitle.getStyleClass().add("welcome-subtitle");
        VBox recentList = new VBox(2);
        recentList.setId("welcome-recent");
        Runnable fill = () -> {
            recentList.getChildren().clear();
            vm.recent().stream().limit(WelcomeViewModel.RECENT_SHOWN).forEach(p -> recentList.getChildren().add(recentLink(p)));
            if (recentList.getChildren().isEmpty()) {
                Label none = new Label(messages.get("welcome.recent.none"));
                none.getStyleClass().add("welcome-hint");
                none.setWrapText(true);
                recentList.getChildren().add(none);
            }
        };
        vm.recent().addListener((ListChangeListener<Path>) c -> fill.run());
        fill.run();

        VBox panel = new VBox(10, heading, hint, open, recentTitle, recentList);
        panel.getStyleClass().add("welcome-panel");
        panel.setMaxHeight(Double.MAX_VALUE);
        return panel;
    }

    private Node recentLink(Path project) {
        String name = project.getFileName() == null ? project.toString() : project.getFileName().toString();
        Hyperlink link = new Hyperlink(name.endsWith(".atelier") ? name.substring(0, name.length() - 8) : name);
        link.getStyleClass().add("welcome-recent-link");
        link.setMnemonicParsing(false);
        link.setTooltip(new Tooltip(project.toString()));
        link.setOnAction(e -> vm.openRecent(project));
        Label where = new Label(project.getParent() == null ? "" : project.getParent().toString());
        where.getStyleClass().add("welcome-recent-where");
        where.setMinWidth(0);
        HBox row = new HBox(6, link, where);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    private Node tourPanel() {
        Label heading = sectionTitle("welcome.tour.title");
        Label text = new Label(messages.get("welcome.tour.text"));
        text.getStyleClass().add("welcome-hint");
        text.setWrapText(true);
        Label steps = new Label(messages.get("welcome.tour.steps"));
        steps.getStyleClass().add("welcome-tour-steps");
        steps.setWrapText(true);
        Button start = new Button(messages.get("welcome.tour.start"), Icons.create(Icons.Name.ANALYZE, 16));
        start.setId("welcome-tour");
        start.setOnAction(e -> vm.startTour());
        VBox panel = new VBox(10, heading, text, steps, start);
        panel.getStyleClass().add("welcome-panel");
        panel.setMaxHeight(Double.MAX_VALUE);
        return panel;
    }

    private Node footer() {
        CheckBox show = new CheckBox(messages.get("welcome.showAtStartup"));
        show.setId("welcome-showAtStartup");
        show.setTooltip(new Tooltip(messages.get("welcome.showAtStartup.tooltip")));
        show.selectedProperty().bindBidirectional(vm.showAtStartupProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label help = new Label(messages.get("welcome.footer.help"));
        help.getStyleClass().add("welcome-hint");
        Button close = new Button(messages.get("welcome.close"));
        close.setId("welcome-close");
        close.setOnAction(e -> vm.close());
        HBox footer = new HBox(14, show, spacer, help, close);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("welcome-footer");
        return footer;
    }

    private Label sectionTitle(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("welcome-section-title");
        return l;
    }
}
