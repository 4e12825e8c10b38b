package dev.atelier.app.predict;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.controls.Bars;
import dev.atelier.app.common.controls.Tips;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.predict.WhatIfShap.Bar;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The what-if row's SHAP values as a compact list of signed bars around a centre line, with the sum in words.
/// Binds to a [WhatIfShap].
final class WhatIfShapView {
    private static final double HALF = 110;

    private WhatIfShapView() {
    }

    /// The card.
    static VBox card(WhatIfShap shap, Messages messages) {
        GridPane grid = new GridPane();
        grid.setId("whatIfShap");
        grid.setHgap(8);
        grid.setVgap(3);
        Label equation = new Label();
        equation.setId("whatIfShapEquation");
        equation.setWrapText(true);
        equation.getStyleClass().add("build-hint");
        equation.textProperty().bind(shap.equationProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(shap.workingProperty());
        HBox bottom = new HBox(8, equation, spinner);
        bottom.setAlignment(Pos.CENTER_LEFT);
        shap.bars().addListener((ListChangeListener<Bar>) c -> fill(grid, shap, messages));
        VBox card = Tips.card(messages, "predict.shap.title", "predict.shap.tooltip", grid, bottom);
        card.setId("whatIfShapCard");
        return card;
    }

    private static void fill(GridPane grid, WhatIfShap shap, Messages messages) {
        grid.getChildren().clear();
        double max = shap.bars().stream().mapToDouble(b -> Math.abs(b.contribution())).max().orElse(0);
        int row = 0;
        for (Bar b : shap.bars()) {
            Label name = new Label(b.value().isEmpty() ? b.column() : b.column() + " = " + b.value());
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setMaxWidth(260);
            Pane lane = Bars.lane(2 * HALF, 14);
            Region centre = new Region();
            centre.setStyle("-fx-background-color: rgba(128, 128, 128, 0.5);");
            centre.setPrefSize(1, 14);
            centre.relocate(HALF - 0.5, 0);
            Region bar = new Region();
            double w = max <= 0 ? 0 : Math.abs(b.contribution()) / max * HALF;
            double x = b.contribution() >= 0 ? HALF : HALF - w;
            bar.setPrefSize(Math.max(1, w), 10);
            bar.relocate(x, 2);
            bar.setStyle("-fx-background-radius: 2; -fx-background-color: " + (b.contribution() >= 0
                    ? "rgba(46, 160, 67, 0.85)" : "rgba(218, 54, 51, 0.85)") + ";");
            lane.getChildren().addAll(bar, centre);
            Label value = new Label(WhatIfShap.signed(b.contribution()));
            value.setId("whatIfShap-" + row);
            value.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip t = tip(messages.get("predict.shap.bar", b.column(), b.value().isEmpty() ? "–" : b.value(),
                    WhatIfShap.signed(b.contribution())));
            Bars.addRow(grid, row, name, lane, value, t);
            row++;
        }
    }
}
