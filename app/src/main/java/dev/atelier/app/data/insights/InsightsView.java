package dev.atelier.app.data.insights;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.data.insights.InsightsViewModel.Level;
import dev.atelier.app.data.insights.InsightsViewModel.WarningItem;
import dev.atelier.app.report.ProfileReport;
import dev.atelier.ui.resources.UiResources;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jspecify.annotations.Nullable;

/// The Data Quality & Insights tab: a toolbar (summary, progress, Run again, Export HTML…), the report's
/// sections as cards on the left (warnings, quick model and prediction power, class balance, pre-training bias,
/// duplicate and anomalous rows, one card per column), and on the right the selected warning explained in plain
/// English and the rows behind whatever was clicked. Binds to an [InsightsViewModel].
public final class InsightsView {
    private static final int MAX_ROWS_SHOWN = 200;
    private static final double BAR_WIDTH = 300;

    private final InsightsViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final VBox cards = new VBox(14);
    private final VBox explanation = new VBox(6);
    private final Label rowsTitle = new Label();
    private final TableView<List<String>> rowsTable = new TableView<>();

    public InsightsView(InsightsViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("insightsPane");
        root.getStyleClass().add("insights-pane");
        root.getStylesheets().add(UiResources.screen("insights"));
        if (!vm.hasExportChooser()) {
            vm.setExportChooser(this::chooseExportFile);
        }
        root.setTop(toolbar());

        cards.getStyleClass().add("insights-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setId("insightsScroll");
        scroll.getStyleClass().add("insights-scroll");
        Label empty = new Label(messages.get("insights.empty"));
        empty.getStyleClass().add("build-hint");
        StackPane left = new StackPane(scroll, empty);
        empty.visibleProperty().bind(vm.reportProperty().isNull().and(vm.runningProperty().not()));
        scroll.visibleProperty().bind(vm.reportProperty().isNotNull());

        SplitPane split = new SplitPane(left, sidePanel());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        root.setCenter(split);

        vm.reportProperty().addListener((o, a, b) -> rebuild(b));
        vm.selectedWarningProperty().addListener((o, a, b) -> explain(b));
        rebuild(vm.getReport());
        explain(vm.selectedWarningProperty().get());
    }

    /// The tab's root node.
    public Parent root() {
        return root;
    }

    // ---- toolbar ----------------------------------------------------------------------------------

    private Node toolbar() {
        Label summary = new Label();
        summary.setId("insightsSummary");
        summary.getStyleClass().add("insights-summary");
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> summaryText(vm.getReport()),
                vm.reportProperty()));

        ProgressBar bar = new ProgressBar();
        bar.setId("insightsProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(140);
        Label status = new Label();
        status.setId("insightsStatus");
        status.getStyleClass().add("build-hint");
        status.textProperty().bind(vm.statusTextProperty());
        Label stale = new Label(messages.get("insights.status.stale"));
        stale.getStyleClass().add("insights-stale");
        stale.visibleProperty().bind(vm.staleProperty().and(vm.reportProperty().isNotNull())
                .and(vm.runningProperty().not()));
        stale.managedProperty().bind(stale.visibleProperty());
        Button cancel = new Button(messages.get("insights.toolbar.cancel"));
        cancel.setId("insightsCancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox progress = new HBox(8, bar, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());

        Button refresh = new Button(messages.get("insights.toolbar.refresh"));
        refresh.setId("insightsRefresh");
        refresh.setTooltip(tip(messages.get("insights.toolbar.refresh.tooltip")));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.runningProperty());

        Button export = new Button(messages.get("insights.toolbar.export"));
        export.setId("insightsExport");
        export.getStyleClass().add("primary");
        export.setTooltip(tip(messages.get("insights.toolbar.export.tooltip")));
        export.setOnAction(e -> vm.chooseAndExport());
        export.disableProperty().bind(vm.reportProperty().isNull().or(vm.runningProperty()));
        Label exported = new Label();
        exported.setId("insightsExported");
        exported.getStyleClass().add("build-hint");
        exported.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Path p = vm.lastExportProperty().get();
            return p == null ? "" : messages.get("insights.toolbar.exported", p.getFileName());
        }, vm.lastExportProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox left = new VBox(2, summary, new HBox(10, progress, status, stale));
        HBox top = new HBox(10, left, spacer, exported, refresh, export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("insights-toolbar");
        return top;
    }

    private String summaryText(@Nullable ProfileReport r) {
        if (r == null) {
            return "";
        }
        String target = r.target() == null ? messages.get("insights.summary.noTarget")
                : messages.get("insights.summary.target", r.target(), r.problem());
        return messages.get("insights.summary", String.format(Locale.ROOT, "%,d", r.rows()), r.columns().size(),
                target);
    }

    private Optional<Path> chooseExportFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("insights.toolbar.export"));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    // ---- side panel -------------------------------------------------------------------------------

    private Node sidePanel() {
        explanation.setId("insightsExplanation");
        explanation.getStyleClass().add("insights-explanation");
        rowsTitle.setId("insightsRowsTitle");
        rowsTitle.getStyleClass().add("panel-title");
        rowsTitle.setText(messages.get("insights.rows.title"));
        rowsTable.setId("insightsRows");
        rowsTable.setPlaceholder(wrapped(messages.get("insights.rows.hint")));
        rowsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        rowsTable.setMinHeight(0);
        ScrollPane explain = new ScrollPane(explanation);
        explain.setFitToWidth(true);
        explain.setMinHeight(0);
        explain.getStyleClass().add("insights-side-scroll");
        VBox rows = new VBox(6, rowsTitle, rowsTable);
        rows.setMinHeight(0);
        VBox.setVgrow(rowsTable, Priority.ALWAYS);
        SplitPane side = new SplitPane(explain, rows);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.55);
        side.getStyleClass().add("insights-side");
        side.setMinWidth(280);
        side.setMinHeight(0);
        return side;
    }

    private void explain(@Nullable WarningItem w) {
        explanation.getChildren().clear();
        if (w == null) {
            return;
        }
        Label title = new Label(w.title() + (w.column() == null ? "" : " — " + w.column()));
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        Label detail = wrapped(w.detail());
        Label meaningHead = new Label(messages.get("insights.explain.meaning"));
        meaningHead.getStyleClass().add("insights-explain-head");
        Label actionHead = new Label(messages.get("insights.explain.action"));
        actionHead.getStyleClass().add("insights-explain-head");
        explanation.getChildren().addAll(new HBox(8, levelIcon(w.level()), title), detail, meaningHead,
                wrapped(w.meaning()), actionHead, wrapped(w.action()));
        if (!w.rows().isEmpty()) {
            Button show = new Button(messages.get("insights.warnings.showRows"));
            show.setId("insightsShowRows");
            show.setOnAction(e -> showRows(w.title() + (w.column() == null ? "" : " — " + w.column()), w.rows()));
            explanation.getChildren().add(show);
        }
    }

    private void showRows(String what, List<Integer> rowNumbers) {
        InsightsViewModel.RowsTable t = vm.rows(rowNumbers, MAX_ROWS_SHOWN);
        rowsTitle.setText(messages.get("insights.rows.for", what));
        rowsTable.getColumns().clear();
        for (int c = 0; c < t.columns().size(); c++) {
            int index = c;
            TableColumn<List<String>, String> col = new TableColumn<>(t.columns().get(c));
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(index)).getReadOnlyProperty());
            col.setSortable(false);
            rowsTable.getColumns().add(col);
        }
        rowsTable.setItems(FXCollections.observableArrayList(t.rows()));
    }

    // ---- the report -------------------------------------------------------------------------------

    private void rebuild(@Nullable ProfileReport r) {
        cards.getChildren().clear();
        rowsTable.getColumns().clear();
        rowsTable.getItems().clear();
        rowsTitle.setText(messages.get("insights.rows.title"));
        if (r == null) {
            return;
        }
        cards.getChildren().add(warningsCard());
        cards.getChildren().add(modelCard(r));
        ProfileReport.Column target = r.target() == null ? null
                : r.columns().stream().filter(c -> c.name().equals(r.target())).findFirst().orElse(null);
        if (target != null && target.top_values() != null && !target.top_values().isEmpty()) {
            cards.getChildren().add(balanceCard(target));
        }
        cards.getChildren().add(biasCard(r.bias()));
        cards.getChildren().add(rowsCard(r));
        cards.getChildren().add(columnsCard(r));
        if (!r.notes().isEmpty()) {
            VBox notes = new VBox(4);
            r.notes().forEach(n -> notes.getChildren().add(wrapped(n)));
            cards.getChildren().add(card("insights.notes.title", null, notes));
        }
        WarningItem selected = vm.selectedWarningProperty().get();
        if (selected != null && !selected.rows().isEmpty()) {
            showRows(selected.title() + (selected.column() == null ? "" : " — " + selected.column()), selected.rows());
        }
    }

    private Node warningsCard() {
        ListView<WarningItem> list = new ListView<>(vm.warnings());
        list.setId("insightsWarnings");
        list.getStyleClass().add("insights-warnings");
        list.setPlaceholder(new Label(messages.get("insights.warnings.none")));
        list.setPrefHeight(Math.min(6, Math.max(2, vm.warnings().size())) * 64 + 4);
        list.setCellFactory(v -> new WarningCell());
        if (vm.selectedWarningProperty().get() != null) {
            list.getSelectionModel().select(vm.selectedWarningProperty().get());
        }
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedWarningProperty().set(b);
                if (!b.rows().isEmpty()) {
                    showRows(b.title() + (b.column() == null ? "" : " — " + b.column()), b.rows());
                }
            }
        });
        return card("insights.warnings.title", "insights.warnings.tooltip", list);
    }

    private final class WarningCell extends ListCell<WarningItem> {
        @Override
        protected void updateItem(@Nullable WarningItem w, boolean empty) {
            super.updateItem(w, empty);
            if (empty || w == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label title = new Label(w.title());
            title.getStyleClass().add("insights-warning-title");
            Label column = new Label(w.column() == null ? messages.get("insights.warnings.wholeTable") : w.column());
            column.getStyleClass().add("insights-warning-column");
            Label detail = new Label(w.detail());
            detail.getStyleClass().add("build-hint");
            detail.setWrapText(true);
            detail.setMaxHeight(34);
            VBox text = new VBox(2, new HBox(8, title, column), detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            HBox box = new HBox(10, levelIcon(w.level()), text);
            if (getListView() != null) {
                box.maxWidthProperty().bind(getListView().widthProperty().subtract(36));
                box.prefWidthProperty().bind(box.maxWidthProperty());
            }
            box.setAlignment(Pos.CENTER_LEFT);
            box.setId("warning-" + w.type().name() + (w.column() == null ? "" : "-" + w.column()));
            setText(null);
            setGraphic(box);
            setTooltip(tip(w.title() + ": " + w.meaning() + "\n\n" + messages.get("insights.explain.action") + ": "
                    + w.action()));
        }
    }

    private Node levelIcon(Level level) {
        Label icon = new Label(switch (level) {
            case HIGH -> "!";
            case MEDIUM -> "▲";
            case LOW -> "i";
        });
        icon.getStyleClass().addAll("insights-level", "insights-level-" + level.name().toLowerCase(Locale.ROOT));
        icon.setMinSize(22, 22);
        icon.setMaxSize(22, 22);
        icon.setAlignment(Pos.CENTER);
        icon.setTooltip(tip(messages.get("insights.level." + level.name())));
        return icon;
    }

    private Node modelCard(ProfileReport r) {
        VBox box = new VBox(8);
        ProfileReport.QuickModel q = r.quick_model();
        Label score = wrapped(q == null ? messages.get("insights.model.none")
                : messages.get("insights.model.score", vm.metricName(q.metric()),
                q.score() == null ? "—" : String.format(Locale.ROOT, "%.3f", q.score()), q.test_rows(), q.train_rows()));
        score.setId("insightsModelScore");
        score.getStyleClass().add(q == null ? "build-hint" : "insights-score");
        box.getChildren().add(score);
        if (!r.feature_power().isEmpty()) {
            String metric = r.feature_power().getFirst().metric();
            boolean auc = "auc".equals(metric);
            box.getChildren().add(wrapped(messages.get("insights.power.how", vm.metricName(metric),
                    messages.get(auc ? "insights.power.aucScale" : "insights.power.r2Scale"))));
            GridPane grid = new GridPane();
            grid.setId("insightsPower");
            grid.setHgap(10);
            grid.setVgap(3);
            double floor = auc ? 0.5 : 0;
            int row = 0;
            for (ProfileReport.FeaturePower p : r.feature_power()) {
                double v = p.score() == null ? floor : p.score();
                double w = Math.max(0, Math.min(1, (v - floor) / (1 - floor))) * BAR_WIDTH;
                Region bar = bar(w, v >= 0.95 ? "insights-bar-leak" : "insights-bar");
                Label name = new Label(p.column());
                name.setMinWidth(Region.USE_PREF_SIZE);
                Label value = new Label(p.score() == null ? "—" : String.format(Locale.ROOT, "%.3f", p.score()));
                value.getStyleClass().add("build-hint");
                grid.addRow(row++, name, bar, value);
            }
            box.getChildren().add(grid);
        }
        return card("insights.model.title", "insights.model.tooltip", box);
    }

    private Node balanceCard(ProfileReport.Column target) {
        GridPane grid = new GridPane();
        grid.setId("insightsBalance");
        grid.setHgap(10);
        grid.setVgap(3);
        int total = target.count();
        int max = target.top_values().stream().mapToInt(ProfileReport.Value::count).max().orElse(1);
        int row = 0;
        for (ProfileReport.Value v : target.top_values()) {
            Label name = new Label(v.value());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label count = new Label(String.format(Locale.ROOT, "%,d (%.1f%%)", v.count(),
                    total == 0 ? 0.0 : 100.0 * v.count() / total));
            count.getStyleClass().add("build-hint");
            grid.addRow(row++, name, bar((double) v.count() / Math.max(1, max) * BAR_WIDTH, "insights-bar"), count);
        }
        VBox card = card("insights.balance.title", "insights.balance.tooltip", grid);
        ((Label) card.getChildren().getFirst()).setText(messages.get("insights.balance.title", target.name()));
        return card;
    }

    private Node biasCard(ProfileReport.@Nullable Bias bias) {
        VBox box = new VBox(10);
        box.setId("insightsBias");
        if (bias == null || bias.facets().isEmpty()) {
            box.getChildren().add(wrapped(messages.get("insights.bias.none")));
        }
        if (bias != null) {
            String tol = String.format(Locale.ROOT, "%.1f", bias.tolerance());
            for (ProfileReport.BiasFacet f : bias.facets()) {
                Label head = new Label(messages.get("insights.bias.facet", f.facet(), f.positive_outcome(),
                        f.facet_rows(), f.other_rows()));
                head.getStyleClass().add("insights-explain-head");
                head.setWrapText(true);
                head.setMinHeight(Region.USE_PREF_SIZE);
                GridPane grid = new GridPane();
                grid.getStyleClass().add("insights-bias-grid");
                grid.setHgap(12);
                grid.setVgap(3);
                int row = 0;
                for (ProfileReport.BiasValue v : f.metrics()) {
                    Label abbr = new Label(v.metric());
                    abbr.getStyleClass().add("insights-bias-metric");
                    Label title = new Label(v.title());
                    Label value = new Label(v.value() == null ? messages.get("insights.bias.undefined")
                            : String.format(Locale.ROOT, "%+.4f", v.value()));
                    value.setId("bias-" + f.facet().replaceAll("[^A-Za-z0-9]+", "_") + "-" + v.metric());
                    value.getStyleClass().addAll("insights-bias-value", v.value() == null ? "insights-bias-na"
                            : v.within_tolerance() ? "insights-bias-fine" : "insights-bias-flag");
                    Tooltip t = tip(v.title() + " (" + v.range() + "). " + v.reading() + "\n\n" + (v.value() == null
                            ? "" : messages.get(v.within_tolerance() ? "insights.bias.fine" : "insights.bias.flag", tol)));
                    abbr.setTooltip(t);
                    title.setTooltip(t);
                    value.setTooltip(t);
                    grid.addRow(row++, abbr, value, title);
                }
                box.getChildren().addAll(head, grid);
            }
            bias.notes().forEach(n -> box.getChildren().add(wrapped(n)));
        }
        return card("insights.bias.title", "insights.bias.tooltip", box);
    }

    private Node rowsCard(ProfileReport r) {
        VBox dup = new VBox(4);
        dup.setId("insightsDuplicates");
        ProfileReport.Duplicates d = r.duplicates();
        if (d.count() == 0) {
            dup.getChildren().add(wrapped(messages.get("insights.duplicates.none")));
        } else {
            dup.getChildren().add(wrapped(messages.get("insights.duplicates.some", d.count(), d.groups_total())));
            FlowPane groups = new FlowPane(6, 6);
            for (List<Integer> g : d.groups().subList(0, Math.min(30, d.groups().size()))) {
                Button b = linkButton(join(g));
                b.setOnAction(e -> showRows(messages.get("insights.duplicates.title"), g));
                groups.getChildren().add(b);
            }
            dup.getChildren().add(groups);
        }
        VBox anom = new VBox(4);
        anom.setId("insightsAnomalies");
        ProfileReport.Anomalies a = r.anomalies();
        if (a == null) {
            anom.getChildren().add(wrapped(messages.get("insights.anomalies.none")));
        } else {
            anom.getChildren().add(wrapped(messages.get("insights.anomalies.some", a.count(), a.scored_rows(),
                    a.threshold() == null ? "—" : String.format(Locale.ROOT, "%.2f", a.threshold()))));
            FlowPane rows = new FlowPane(6, 6);
            Button all = linkButton(messages.get("insights.anomalies.all"));
            all.setOnAction(e -> showRows(messages.get("insights.anomalies.title"), vm.anomalousRows()));
            for (ProfileReport.AnomalousRow row : a.top().subList(0, Math.min(12, a.top().size()))) {
                Button b = linkButton(row.row() + " (" + String.format(Locale.ROOT, "%.2f", row.score()) + ")");
                b.setOnAction(e -> showRows(messages.get("insights.anomalies.title"), List.of(row.row())));
                rows.getChildren().add(b);
            }
            rows.getChildren().add(all);
            anom.getChildren().add(rows);
        }
        HBox both = new HBox(14, card("insights.duplicates.title", "insights.duplicates.tooltip", dup),
                card("insights.anomalies.title", "insights.anomalies.tooltip", anom));
        both.getChildren().forEach(n -> {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefWidth(100);
        });
        return both;
    }

    private Node columnsCard(ProfileReport r) {
        FlowPane flow = new FlowPane(12, 12);
        flow.setId("insightsColumns");
        for (ProfileReport.Column c : r.columns()) {
            flow.getChildren().add(columnCard(c));
        }
        return card("insights.columns.title", "insights.columns.tooltip", flow);
    }

    private Node columnCard(ProfileReport.Column c) {
        Label name = new Label(c.name());
        name.getStyleClass().add("insights-column-name");
        Label type = new Label(c.type() + ("feature".equals(c.role()) ? "" : " · " + c.role()));
        type.getStyleClass().add("insights-column-type");
        GridPane stats = new GridPane();
        stats.setHgap(8);
        stats.setVgap(1);
        stats.getStyleClass().add("insights-column-stats");
        int row = 0;
        stat(stats, row++, "insights.column.missing", String.format(Locale.ROOT, "%,d (%.1f%%)", c.missing(),
                c.missing_fraction() * 100));
        stat(stats, row++, "insights.column.distinct", String.format(Locale.ROOT, "%,d", c.distinct()));
        VBox card = new VBox(4, new HBox(8, name, type), stats);
        ProfileReport.Numeric n = c.numeric();
        if (n != null) {
            stat(stats, row++, "insights.column.minMax", num(n.min()) + " / " + num(n.max()));
            stat(stats, row++, "insights.column.meanStd", num(n.mean()) + " ± " + num(n.std()));
            stat(stats, row++, "insights.column.quartiles", num(n.p25()) + " · " + num(n.median()) + " · "
                    + num(n.p75()));
            card.getChildren().add(histogram(n.histogram()));
        } else if (c.top_values() != null) {
            if (c.average_length() != null) {
                stat(stats, row++, "insights.column.avgLength", num(c.average_length()));
            }
            GridPane top = new GridPane();
            top.setHgap(6);
            top.setVgap(2);
            int max = c.top_values().stream().mapToInt(ProfileReport.Value::count).max().orElse(1);
            int k = 0;
            for (ProfileReport.Value v : c.top_values().subList(0, Math.min(5, c.top_values().size()))) {
                Label value = new Label(v.value());
                value.setMaxWidth(90);
                value.setMinWidth(90);
                value.setTooltip(tip(v.value()));
                Label count = new Label(String.format(Locale.ROOT, "%,d", v.count()));
                count.getStyleClass().add("build-hint");
                top.addRow(k++, value, bar((double) v.count() / Math.max(1, max) * 110, "insights-bar"), count);
            }
            card.getChildren().add(top);
        } else if (c.min_datetime() != null) {
            stat(stats, row++, "insights.column.range", c.min_datetime() + " / " + c.max_datetime());
        }
        card.getStyleClass().add("insights-column-card");
        card.setId("column-card-" + c.name());
        card.setPrefWidth(250);
        card.setMinWidth(250);
        card.setMaxWidth(250);
        return card;
    }

    private Node histogram(List<ProfileReport.Bar> bars) {
        HBox h = new HBox(1);
        h.setAlignment(Pos.BOTTOM_LEFT);
        h.getStyleClass().add("insights-histogram");
        h.setMinHeight(50);
        h.setPrefHeight(50);
        int max = bars.stream().mapToInt(ProfileReport.Bar::count).max().orElse(1);
        double w = bars.isEmpty() ? 0 : Math.max(2, 220.0 / bars.size() - 1);
        for (ProfileReport.Bar b : bars) {
            Region r = new Region();
            r.getStyleClass().add("insights-hist-bar");
            double height = max == 0 ? 0 : Math.max(b.count() > 0 ? 1 : 0, 48.0 * b.count() / max);
            r.setMinSize(w, height);
            r.setPrefSize(w, height);
            r.setMaxSize(w, height);
            Tooltip.install(r, tip(num(b.lower()) + " – " + num(b.upper()) + ": "
                    + String.format(Locale.ROOT, "%,d", b.count())));
            h.getChildren().add(r);
        }
        return h;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private VBox card(String titleKey, @Nullable String tooltipKey, Node content) {
        Label l = new Label(messages.get(titleKey));
        l.getStyleClass().add("panel-title");
        if (tooltipKey != null) {
            l.setTooltip(tip(messages.get(tooltipKey)));
        }
        VBox box = new VBox(8, l, content);
        box.getStyleClass().add("build-card");
        return box;
    }

    private void stat(GridPane grid, int row, String key, String value) {
        Label k = new Label(messages.get(key));
        k.getStyleClass().add("build-hint");
        grid.addRow(row, k, new Label(value));
    }

    private static Region bar(double width, String style) {
        Region bar = new Region();
        bar.getStyleClass().add(style);
        bar.setMinWidth(Math.max(2, width));
        bar.setPrefWidth(Math.max(2, width));
        bar.setMaxWidth(Math.max(2, width));
        return bar;
    }

    private static Button linkButton(String text) {
        Button b = new Button(text);
        b.getStyleClass().add("insights-link");
        return b;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static String join(List<Integer> rows) {
        var sb = new StringBuilder();
        for (int r : rows.subList(0, Math.min(6, rows.size()))) {
            sb.append(sb.isEmpty() ? "" : ", ").append(r);
        }
        return rows.size() > 6 ? sb + ", …" : sb.toString();
    }

    private static String num(@Nullable Double v) {
        if (v == null) {
            return "—";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e12) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        return a >= 1000 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
