package dev.atelier.app.data.insights;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.i18n.Messages;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/// The Data screen's two tabs: the table (with the Columns panel) and the Data Quality & Insights report, which
/// is built when its tab is first shown.
public final class InsightsTabs {
    private InsightsTabs() {
    }

    /// `table` in a "Table" tab beside a "Data Quality & Insights" tab bound to `vm`.
    public static TabPane wrap(Node table, InsightsViewModel vm, Messages messages) {
        Tab tableTab = new Tab(messages.get("insights.tab.table"), table);
        tableTab.setId("dataTableTab");
        tableTab.setTooltip(tip(messages.get("insights.tab.table.tooltip")));
        Tab report = new Tab(messages.get("insights.tab.report"));
        report.setId("insightsTab");
        report.setTooltip(tip(messages.get("insights.tab.report.tooltip")));
        TabPane tabs = new TabPane(tableTab, report);
        tabs.setId("dataTabs");
        tabs.getStyleClass().add("data-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        report.selectedProperty().addListener((o, a, selected) -> {
            if (selected && report.getContent() == null) {
                report.setContent(new InsightsView(vm, messages).root());
            }
            vm.activeProperty().set(selected);
        });
        return tabs;
    }
}
