package dev.atelier.app.leaderboard;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.leaderboard.LeaderboardViewModel.Entry;
import dev.atelier.engine.automl.BestScorePoint;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/// The Leaderboard screen: a header that says what the list is and how the score is measured, the ranked
/// table (live), the "best score over time" chart, and the selected candidate's settings with "Use as default
/// model". Binds to a [LeaderboardViewModel].
public final class LeaderboardView {
    private final LeaderboardViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final TableView<Entry> table = new TableView<>();
    private final XYChart.Series<Number, Number> best = new XYChart.Series<>();

    /// `openAnalyze` shows the Analyze screen for the selected candidate.
    public LeaderboardView(LeaderboardViewModel vm, Messages messages, Runnable openAnalyze) {
        this.vm = vm;
        this.messages = messages;
        root.setId("leaderboardScreen");
        root.getStyleClass().addAll("screen", "build-screen", "leaderboard-screen");

        Label title = new Label(messages.get("leaderboard.title"));
        title.getStyleClass().add("screen-title");
        Label header = new Label();
        header.setId("leaderboardHeader");
        header.setWrapText(true);
        header.getStyleClass().add("build-hint");
        header.textProperty().bind(vm.headerProperty());
        Label summary = new Label();
        summary.setId("leaderboardSummary");
        summary.getStyleClass().add("leaderboard-summary");
        summary.textProperty().bind(vm.summaryProperty());
        VBox top = new VBox(4, title, header, summary);
        top.getStyleClass().add("leaderboard-top");
        root.setTop(top);

        SplitPane split = new SplitPane(tableCard(), sidePanel(openAnalyze));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        split.getStyleClass().add("leaderboard-split");
        root.setCenter(split);
    }

    /// The screen's root node.
    public Parent root() {
        return root;
    }

    private Node tableCard() {
        table.setId("leaderboardTable");
        table.setItems(vm.entries());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(messages.get("leaderboard.table.empty")));
        rebuildColumns();
        vm.otherMetrics().addListener((ListChangeListener<String>) c -> rebuildColumns());
        vm.scoreTitleProperty().addListener((o, a, b) -> rebuildColumns());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(@Nullable Entry e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("default-model"),
                        !empty && e != null && e.id() == vm.defaultCandidate());
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"),
                        !empty && e != null && !e.row().ok());
                setTooltip(empty || e == null ? null : tip(messages.get("leaderboard.row.tooltip", e.candidate(),
                        e.algorithm(), e.settings())));
            }
        });
        VBox card = new VBox(6, sectionTitle("leaderboard.table.title", "leaderboard.table.tooltip"), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        card.getStyleClass().add("build-card");
        return card;
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        table.getColumns().add(column("leaderboard.column.rank", "leaderboard.column.rank.tooltip", 66,
                e -> e.rank() == 0 ? "" : Integer.toString(e.rank())));
        table.getColumns().add(column("leaderboard.column.candidate", "leaderboard.column.candidate.tooltip", 70,
                Entry::candidate));
        table.getColumns().add(column("leaderboard.column.algorithm", "leaderboard.column.algorithm.tooltip", 190,
                Entry::algorithm));
        TableColumn<Entry, String> score = column2(vm.scoreTitleProperty().get(),
                messages.get("leaderboard.column.score.tooltip"), 90, Entry::score);
        score.setId("column-score");
        score.getStyleClass().add("score-column");
        table.getColumns().add(score);
        for (int i = 0; i < vm.otherMetrics().size(); i++) {
            int index = i;
            String key = vm.otherMetrics().get(i);
            TableColumn<Entry, String> c = column2(vm.metricName(key), vm.metricTooltip(key), 90,
                    e -> e.others().get(index));
            c.setId("column-" + key);
            table.getColumns().add(c);
        }
        table.getColumns().add(column("leaderboard.column.fit", "leaderboard.column.fit.tooltip", 96,
                Entry::fitTime));
        table.getColumns().add(column("leaderboard.column.latency", "leaderboard.column.latency.tooltip", 100,
                Entry::latency));
        TableColumn<Entry, String> status = column("leaderboard.column.status", "leaderboard.column.status.tooltip",
                150, Entry::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : tip(s));
            }
        });
        table.getColumns().add(status);
    }

    private TableColumn<Entry, String> column(String key, String tooltipKey, double width,
                                              java.util.function.Function<Entry, String> value) {
        return column2(messages.get(key), messages.get(tooltipKey), width, value);
    }

    private TableColumn<Entry, String> column2(String title, String tooltip, double width,
                                               java.util.function.Function<Entry, String> value) {
        TableColumn<Entry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 96));
        if (width <= 70) {
            c.setMaxWidth(width + 20);
        }
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        setHeaderTip(c, tooltip);
        return c;
    }

    private static void setHeaderTip(TableColumn<Entry, String> c, String text) {
        Label l = new Label(c.getText());
        l.setTooltip(tip(text));
        l.getStyleClass().add("column-title");
        c.setGraphic(l);
        c.setText("");
    }

    private Node sidePanel(Runnable openAnalyze) {
        NumberAxis time = new NumberAxis();
        time.setLabel(messages.get("leaderboard.chart.time"));
        time.setForceZeroInRange(true);
        NumberAxis score = new NumberAxis();
        score.setForceZeroInRange(false);
        score.setLabel(messages.get("leaderboard.chart.score"));
        LineChart<Number, Number> chart = new LineChart<>(time, score);
        chart.setId("bestScoreChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(200);
        best.setName(messages.get("leaderboard.chart.series"));
        chart.getData().add(best);
        Runnable fill = () -> {
            // a step line: the best score holds until the next improvement, and up to the latest candidate
            best.getData().clear();
            Double last = null;
            for (BestScorePoint p : vm.bestScores()) {
                if (last != null) {
                    XYChart.Data<Number, Number> hold = new XYChart.Data<>(p.seconds(), last);
                    hold.setNode(hidden());
                    best.getData().add(hold);
                }
                best.getData().add(new XYChart.Data<>(p.seconds(), p.score()));
                last = p.score();
            }
            double end = vm.entries().stream().mapToDouble(e -> e.row().finishedSeconds()).max().orElse(0);
            if (last != null && !vm.bestScores().isEmpty() && end > vm.bestScores().getLast().seconds()) {
                XYChart.Data<Number, Number> now = new XYChart.Data<>(end, last);
                now.setNode(hidden());
                best.getData().add(now);
            }
            score.setLabel(vm.objectiveName().isEmpty() ? messages.get("leaderboard.chart.score")
                    : messages.get("leaderboard.chart.scoreOf", vm.objectiveName()));
        };
        vm.bestScores().addListener((ListChangeListener<BestScorePoint>) c -> fill.run());
        vm.entries().addListener((ListChangeListener<Entry>) c -> fill.run());
        fill.run();
        VBox chartCard = new VBox(6, sectionTitle("leaderboard.chart.title", "leaderboard.chart.tooltip"), chart);
        chartCard.getStyleClass().add("build-card");
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label detailTitle = sectionTitle("leaderboard.detail.title", "leaderboard.detail.tooltip");
        Label who = new Label();
        who.setId("leaderboardSelected");
        who.getStyleClass().add("algorithm-name");
        who.setWrapText(true);
        TextArea settings = new TextArea();
        settings.setId("leaderboardSettings");
        settings.setEditable(false);
        settings.setWrapText(true);
        settings.setPrefRowCount(5);
        settings.setTooltip(tip(messages.get("leaderboard.detail.tooltip")));
        var sel = new ReadOnlyObjectWrapper<@Nullable Entry>();
        sel.bind(vm.selectedProperty());
        Runnable showSel = () -> {
            Entry e = sel.get();
            who.setText(e == null ? messages.get("leaderboard.detail.none")
                    : messages.get("leaderboard.detail.who", e.candidate(), e.algorithm(), e.status(),
                    e.row().trainingRows()));
            settings.setText(e == null ? "" : e.settings());
        };
        sel.addListener((o, a, b) -> showSel.run());
        showSel.run();

        Button useDefault = new Button(messages.get("leaderboard.useDefault"));
        useDefault.setId("useAsDefaultButton");
        useDefault.getStyleClass().add("primary");
        useDefault.setTooltip(tip(messages.get("leaderboard.useDefault.tooltip")));
        useDefault.disableProperty().bind(vm.canUseAsDefaultProperty().not());
        useDefault.setOnAction(e -> vm.useAsDefault());
        Button analyze = new Button(messages.get("leaderboard.analyze"));
        analyze.setId("analyzeCandidateButton");
        analyze.setTooltip(tip(messages.get("leaderboard.analyze.tooltip")));
        analyze.disableProperty().bind(Bindings.createBooleanBinding(() -> sel.get() == null
                || !sel.get().row().ok() || vm.runningProperty().get(), sel, vm.runningProperty()));
        analyze.setOnAction(e -> openAnalyze.run());
        Button save = new Button(messages.get("leaderboard.save"));
        save.setId("saveCandidateButton");
        save.setTooltip(tip(messages.get("leaderboard.save.tooltip")));
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.saveSelected());
        Label savedNote = new Label();
        savedNote.getStyleClass().add("build-hint");
        savedNote.setWrapText(true);
        savedNote.textProperty().bind(vm.savedProperty());
        HBox actions = new HBox(8, useDefault, analyze, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(6, detailTitle, who, settings, actions, savedNote);
        detail.getStyleClass().add("build-card");

        HBox side = new HBox(12, chartCard, detail);
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        chartCard.setPrefWidth(520);
        detail.setPrefWidth(380);
        detail.setMinWidth(300);
        chartCard.setMinWidth(300);
        side.setMinHeight(220);
        side.getStyleClass().add("leaderboard-bottom");
        return side;
    }

    private static Node hidden() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        r.setVisible(false);
        return r;
    }

    private Label sectionTitle(String key, String tooltipKey) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("panel-title");
        l.setTooltip(tip(messages.get(tooltipKey)));
        return l;
    }

}
