package dev.atelier.app.build;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.automl.ObjectiveMetric;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/// The Build screen's Autopilot parts: the "Autopilot / One algorithm" switch, the Autopilot settings, and the
/// card on the right that says what the search is doing. Binds to an [AutopilotSetupViewModel].
final class AutopilotPanes {
    private final AutopilotSetupViewModel vm;
    private final Messages messages;
    private final Runnable openLeaderboard;

    AutopilotPanes(AutopilotSetupViewModel vm, Messages messages, Runnable openLeaderboard) {
        this.vm = vm;
        this.messages = messages;
        this.openLeaderboard = openLeaderboard;
    }

    /// Two toggle buttons: "Autopilot — try many models" (the default) and "One algorithm".
    Node modeChoice() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton many = new ToggleButton(messages.get("build.mode.autopilot"));
        many.setId("modeAutopilot");
        many.setTooltip(tip(messages.get("build.mode.autopilot.tooltip")));
        ToggleButton one = new ToggleButton(messages.get("build.mode.single"));
        one.setId("modeSingle");
        one.setTooltip(tip(messages.get("build.mode.single.tooltip")));
        many.setToggleGroup(group);
        one.setToggleGroup(group);
        many.setMaxWidth(Double.MAX_VALUE);
        one.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(many, Priority.ALWAYS);
        HBox.setHgrow(one, Priority.ALWAYS);
        Runnable sync = () -> (vm.autopilotProperty().get() ? many : one).setSelected(true);
        vm.autopilotProperty().addListener((o, a, b) -> sync.run());
        sync.run();
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);   // one of the two stays chosen
            } else {
                vm.autopilotProperty().set(b == many);
            }
        });
        many.disableProperty().bind(vm.session().runningProperty());
        one.disableProperty().bind(vm.session().runningProperty());
        HBox box = new HBox(0, many, one);
        box.getStyleClass().add("build-mode-choice");
        return box;
    }

    /// Metric, build speed, budget, candidates, mode, Start / Stop.
    VBox settings() {
        ComboBox<@Nullable ObjectiveMetric> metric = new ComboBox<>(vm.metrics());
        metric.setId("autopilotMetric");
        metric.setMaxWidth(Double.MAX_VALUE);
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable ObjectiveMetric m) {
                return vm.metricLabel(m);
            }

            @Override
            public @Nullable ObjectiveMetric fromString(String s) {
                return null;
            }
        });
        metric.setCellFactory(c -> new ListCell<>() {
            @Override
            protected void updateItem(@Nullable ObjectiveMetric m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : vm.metricLabel(m));
                setTooltip(empty || m == null ? null : tip(vm.metricTooltip(m)));
            }
        });
        Tooltip metricTip = tip("");
        metricTip.textProperty().bind(vm.metricExplanationProperty());
        metric.setTooltip(metricTip);
        Label metricHint = hint(vm.metricExplanationProperty());
        metricHint.setId("autopilotMetricHint");

        ToggleGroup presets = new ToggleGroup();
        HBox presetBox = new HBox(16);
        for (AutopilotSpec.Preset p : AutopilotSpec.Preset.values()) {
            RadioButton r = new RadioButton(vm.presetLabel(p));
            r.setId("preset-" + p.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(presets);
            r.setUserData(p);
            r.setTooltip(tip(vm.presetTooltip(p)));
            r.setSelected(vm.presetProperty().get() == p);
            presetBox.getChildren().add(r);
        }
        presets.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.presetProperty().set((AutopilotSpec.Preset) b.getUserData());
            }
        });
        Label presetHint = hint(vm.presetExplanationProperty());

        Spinner<Double> budget = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.25,
                AutopilotSetupViewModel.MAX_MINUTES, vm.budgetMinutesProperty().get(), 0.25));
        budget.setId("autopilotBudget");
        budget.setEditable(true);
        budget.setPrefWidth(110);
        budget.setTooltip(tip(messages.get("build.autopilot.budget.tooltip")));
        budget.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.budgetMinutesProperty().set(b);
            }
        });
        vm.budgetMinutesProperty().addListener((o, a, b) -> budget.getValueFactory().setValue(b.doubleValue()));
        Spinner<Integer> count = new Spinner<>(0, 500, vm.maxCandidatesProperty().get(), 1);
        count.setId("autopilotMaxCandidates");
        count.setEditable(true);
        count.setPrefWidth(110);
        count.setTooltip(tip(messages.get("build.autopilot.candidates.tooltip")));
        count.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.maxCandidatesProperty().set(b);
            }
        });
        vm.maxCandidatesProperty().addListener((o, a, b) -> count.getValueFactory().setValue(b.intValue()));
        GridPane limits = new GridPane();
        limits.setHgap(12);
        limits.setVgap(4);
        limits.add(label("build.autopilot.budget", "build.autopilot.budget.tooltip"), 0, 0);
        limits.add(budget, 1, 0);
        limits.add(label("build.autopilot.candidates", "build.autopilot.candidates.tooltip"), 0, 1);
        limits.add(count, 1, 1);

        ComboBox<AutopilotSpec.Mode> mode = new ComboBox<>();
        mode.getItems().addAll(AutopilotSpec.Mode.values());
        mode.setId("autopilotMode");
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(AutopilotSpec.@Nullable Mode m) {
                return m == null ? "" : vm.modeLabel(m);
            }

            @Override
            public AutopilotSpec.@Nullable Mode fromString(String s) {
                return null;
            }
        });
        mode.setCellFactory(c -> new ListCell<>() {
            @Override
            protected void updateItem(AutopilotSpec.@Nullable Mode m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : vm.modeLabel(m));
                setTooltip(empty || m == null ? null : tip(vm.modeTooltip(m)));
            }
        });
        Tooltip modeTip = tip("");
        modeTip.textProperty().bind(vm.modeExplanationProperty());
        mode.setTooltip(modeTip);
        Label modeHint = hint(vm.modeExplanationProperty());
        modeHint.setId("autopilotModeHint");

        Button start = new Button(messages.get("build.autopilot.start"));
        start.setId("startAutopilotButton");
        start.getStyleClass().add("primary");
        start.setTooltip(tip(messages.get("build.autopilot.start.tooltip")));
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button(messages.get("build.autopilot.cancel"));
        stop.setId("cancelAutopilotButton");
        stop.setTooltip(tip(messages.get("build.autopilot.cancel.tooltip")));
        stop.visibleProperty().bind(vm.session().runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> vm.cancel());
        HBox actions = new HBox(8, start, stop);
        actions.getStyleClass().add("build-actions");

        Label status = new Label();
        status.setId("autopilotStatus");
        status.getStyleClass().add("build-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        VBox box = new VBox(6,
                title("build.autopilot.metric.title", "build.autopilot.metric.tooltip"), metric, metricHint,
                title("build.autopilot.preset.title", "build.autopilot.preset.tooltip"), presetBox, presetHint,
                title("build.autopilot.limits.title", "build.autopilot.limits.tooltip"), limits,
                title("build.autopilot.mode.title", "build.autopilot.mode.tooltip"), mode, modeHint,
                actions, status);
        box.setId("autopilotSettings");
        return box;
    }

    /// The right-hand card in Autopilot mode: what happens, live progress, the way to the leaderboard.
    Node summaryCard() {
        AutopilotSession s = vm.session();
        Label intro = new Label(messages.get("build.autopilot.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("build-intro");
        Label live = new Label();
        live.setId("autopilotLive");
        live.setWrapText(true);
        live.getStyleClass().add("build-status");
        Runnable update = () -> {
            long ok = s.rows().stream().filter(LeaderboardRow::ok).count();
            if (s.rows().isEmpty()) {
                live.setText(s.isRunning() ? messages.get("build.autopilot.live.waiting") : "");
            } else {
                live.setText(messages.get(s.isRunning() ? "build.autopilot.live.running" : "build.autopilot.live.done",
                        s.rows().size(), ok));
            }
        };
        s.rows().addListener((ListChangeListener<LeaderboardRow>) c -> update.run());
        s.runningProperty().addListener((o, a, b) -> update.run());
        update.run();
        Button open = new Button(messages.get("build.autopilot.openLeaderboard"));
        open.setId("openLeaderboardButton");
        open.getStyleClass().add("primary");
        open.setTooltip(tip(messages.get("build.autopilot.openLeaderboard.tooltip")));
        open.disableProperty().bind(Bindings.isEmpty(s.rows()).and(s.runningProperty().not()));
        open.setOnAction(e -> openLeaderboard.run());
        VBox card = new VBox(12, title("build.autopilot.card.title", "build.autopilot.card.tooltip"), intro, live,
                open);
        card.setId("autopilotCard");
        card.getStyleClass().add("build-card");
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox wrap = new VBox(card);
        wrap.getStyleClass().add("build-right");
        wrap.setAlignment(Pos.TOP_LEFT);
        return wrap;
    }

    private Label title(String key, String tooltipKey) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("panel-title");
        l.setTooltip(tip(messages.get(tooltipKey)));
        return l;
    }

    private Label label(String key, String tooltipKey) {
        Label l = new Label(messages.get(key));
        l.setTooltip(tip(messages.get(tooltipKey)));
        return l;
    }

    private static Label hint(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.getStyleClass().add("build-hint");
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

}
