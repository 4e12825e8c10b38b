package dev.atelier.app.welcome;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.ui.resources.UiResources;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The guided tour's coach panel: a small card floating over a bottom corner of the window, non-modal (the
/// studio stays usable around it), with the step's title, what happens, why it matters, "Step k of n",
/// Back, Next and End tour. Drag it by its top line if it hides something.
public final class TourPanel {
    /// The panel's width.
    static final double WIDTH = 360;
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final VBox root = new VBox();
    private final Button next;
    private double dragX;
    private double dragY;

    public TourPanel(TourViewModel vm, Messages messages) {
        root.setId("tour-panel");
        root.getStyleClass().add("tour-panel");
        root.getStylesheets().add(UiResources.screen("welcome"));
        root.setPrefWidth(WIDTH);
        root.setMaxWidth(WIDTH);
        root.setMaxHeight(Region.USE_PREF_SIZE);

        Label kicker = new Label(messages.get("tour.kicker"));
        kicker.getStyleClass().add("tour-kicker");
        Label progress = new Label();
        progress.setId("tour-progress");
        progress.getStyleClass().add("tour-progress");
        progress.textProperty().bind(vm.progressProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("tour-close");
        close.getStyleClass().addAll("flat", "tour-close");
        close.setTooltip(new Tooltip(messages.get("tour.end.tooltip")));
        close.setOnAction(e -> vm.end());
        close.setFocusTraversable(false);
        HBox top = new HBox(8, kicker, progress, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("tour-top");
        top.setCursor(Cursor.MOVE);
        draggable(top);

        HBox dots = new HBox(5);
        dots.getStyleClass().add("tour-dots");
        for (int i = 0; i < vm.steps().size(); i++) {
            Region dot = new Region();
            dot.getStyleClass().add("tour-dot");
            int k = i;
            Runnable mark = () -> dot.pseudoClassStateChanged(DONE,
                    vm.getIndex() >= k);
            vm.indexProperty().addListener((o, a, b) -> mark.run());
            mark.run();
            dots.getChildren().add(dot);
        }

        Label title = new Label();
        title.setId("tour-title");
        title.getStyleClass().add("tour-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());

        Label notYet = new Label(messages.get("tour.notYet.badge"));
        notYet.setId("tour-notYet");
        notYet.getStyleClass().add("tour-notyet");
        notYet.visibleProperty().bind(vm.screenReadyProperty().not());
        notYet.managedProperty().bind(notYet.visibleProperty());

        Label what = new Label();
        what.setId("tour-what");
        what.getStyleClass().add("tour-what");
        what.setWrapText(true);
        what.textProperty().bind(vm.whatProperty());

        Label whyTitle = new Label(messages.get("tour.why"));
        whyTitle.getStyleClass().add("tour-why-title");
        Label why = new Label();
        why.setId("tour-why");
        why.getStyleClass().add("tour-why");
        why.setWrapText(true);
        why.textProperty().bind(vm.whyProperty());
        VBox whyBox = new VBox(4, whyTitle, why);
        whyBox.getStyleClass().add("tour-why-box");

        Button end = new Button(messages.get("tour.end"));
        end.setId("tour-end");
        end.getStyleClass().add("flat");
        end.setTooltip(new Tooltip(messages.get("tour.end.tooltip")));
        end.setOnAction(e -> vm.end());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button back = new Button(messages.get("tour.back"));
        back.setId("tour-back");
        back.setTooltip(new Tooltip(messages.get("tour.back.tooltip")));
        back.disableProperty().bind(vm.canGoBackProperty().not());
        back.setOnAction(e -> vm.back());
        next = new Button();
        next.setId("tour-next");
        next.getStyleClass().add("primary");
        next.textProperty().bind(vm.nextLabelProperty());
        next.setTooltip(new Tooltip(messages.get("tour.next.tooltip")));
        next.setOnAction(e -> vm.next());
        HBox buttons = new HBox(8, end, gap, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("tour-buttons");

        root.getChildren().addAll(top, dots, title, notYet, what, whyBox, buttons);
        root.visibleProperty().bind(vm.runningProperty());
        root.managedProperty().bind(vm.runningProperty());
        vm.indexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                next.requestFocus();
            }
        });
        vm.runningProperty().addListener((o, a, b) -> {
            if (!b) {
                root.setTranslateX(0);
                root.setTranslateY(0);
            }
        });
    }

    /// The panel's root node.
    public Parent root() {
        return root;
    }

    private void draggable(Node handle) {
        handle.setOnMousePressed(e -> {
            dragX = e.getSceneX() - root.getTranslateX();
            dragY = e.getSceneY() - root.getTranslateY();
        });
        handle.setOnMouseDragged(e -> {
            root.setTranslateX(e.getSceneX() - dragX);
            root.setTranslateY(e.getSceneY() - dragY);
        });
    }
}
