package dev.atelier.app.prepare;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.wrangle.Family;
import dev.atelier.engine.wrangle.Preview;
import dev.atelier.engine.wrangle.TransformInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/// The Prepare screen's centre: the data before and after the selected step, changed cells highlighted
/// ([PrepareView#CHANGED]) and new columns marked ([PrepareView#ADDED]); a right-click on a column header offers
/// the transforms that fit the column. The two tables scroll sideways together.
final class PreviewTables {
    private static final String CHANGED = PrepareView.CHANGED;
    private static final String ADDED = PrepareView.ADDED;
    private final PrepareViewModel vm;
    private final Messages messages;
    private final TableView<Integer> beforeTable = new TableView<>();
    private final TableView<Integer> afterTable = new TableView<>();
    private final Node root;
    private boolean scrollSynced;
    private boolean following;

    PreviewTables(PrepareViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.root = centrePanel();
        for (TableView<Integer> t : List.of(beforeTable, afterTable)) {
            t.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::syncScroll));
        }
    }

    /// The panel.
    Node node() {
        return root;
    }

    private Node centrePanel() {
        Label status = new Label();
        status.setId("prepareStatus");
        status.getStyleClass().add("prepare-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(javafx.beans.binding.Bindings.when(vm.previewingProperty())
                .then(messages.get("prepare.computing")).otherwise(vm.statusProperty()));
        beforeTable.setId("beforeTable");
        afterTable.setId("afterTable");
        for (TableView<Integer> t : List.of(beforeTable, afterTable)) {
            t.getStyleClass().add("preview-table");
            t.setPlaceholder(wrapped(messages.get("prepare.status.select")));
            t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            VBox.setVgrow(t, Priority.ALWAYS);
        }
        Label before = new Label(messages.get("prepare.before"));
        before.getStyleClass().add("panel-title");
        Label after = new Label(messages.get("prepare.after"));
        after.getStyleClass().add("panel-title");
        VBox top = new VBox(4, before, beforeTable);
        VBox bottom = new VBox(4, after, afterTable);
        SplitPane tables = new SplitPane(top, bottom);
        tables.setOrientation(Orientation.VERTICAL);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox centre = new VBox(8, status, tables);
        centre.getStyleClass().add("prepare-centre");
        return centre;
    }

    void show(@Nullable Preview p) {
        if (p == null) {
            beforeTable.getColumns().clear();
            afterTable.getColumns().clear();
            beforeTable.setItems(FXCollections.observableArrayList());
            afterTable.setItems(FXCollections.observableArrayList());
            return;
        }
        Set<String> changed = p.changedCells().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        fill(beforeTable, p.before(), p.after(), changed, Set.of(), p);
        fill(afterTable, p.after(), p.before(), changed, Set.copyOf(p.addedColumns()), p);
        revealFirstChange(p, changed);
    }

    /// Fills `table` with `data`; cells of `changed` columns that differ from `other` get [#CHANGED].
    private void fill(TableView<Integer> table, Dataset data, Dataset other, Set<String> changed, Set<String> added,
                      Preview p) {
        table.getColumns().clear();
        boolean sameRows = data.rowCount() == other.rowCount();
        for (int c = 0; c < data.columnCount(); c++) {
            String name = data.schema().get(c).name();
            ColumnType type = data.schema().get(c).type();
            int col = c;
            int otherCol = other.schema().indexOf(name);
            boolean compare = sameRows && changed.contains(name) && otherCol >= 0;
            TableColumn<Integer, String> tc = new TableColumn<>();
            tc.setId(table.getId() + "-" + name);
            Label header = new Label(added.contains(name) ? name + "  \u2795 " + messages.get("prepare.added") : name);
            header.getStyleClass().add("preview-header");
            header.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    vm.histogramColumnProperty().set(name);
                }
            });
            tc.setGraphic(header);
            tc.setPrefWidth(Math.max(90, Math.min(200, name.length() * 9 + 30)));
            tc.setSortable(false);
            if (added.contains(name)) {
                tc.getStyleClass().add(ADDED);
            }
            if (changed.contains(name)) {
                tc.getStyleClass().add("changed-column");
            }
            tc.setContextMenu(columnMenu(name, type));
            tc.setCellValueFactory(f -> new ReadOnlyStringWrapper(data.text(f.getValue(), col)));
            tc.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll(CHANGED, ADDED, "missing-cell");
                    if (empty || item == null) {
                        setText(null);
                        return;
                    }
                    int row = getTableRow() == null || getTableRow().getItem() == null ? -1 : getTableRow().getItem();
                    boolean missing = row >= 0 && data.isMissing(row, col);
                    setText(missing ? "\u2014" : item);
                    if (missing) {
                        getStyleClass().add("missing-cell");
                    }
                    if (added.contains(name)) {
                        getStyleClass().add(ADDED);
                    } else if (compare && row >= 0 && differs(data, other, row, col, otherCol)) {
                        getStyleClass().add(CHANGED);
                    }
                }
            });
            table.getColumns().add(tc);
        }
        table.setItems(FXCollections.observableList(IntStream.range(0, data.rowCount()).boxed().toList()));
    }

    /// Scrolls both tables to the first changed cell (or the first added column), so the change is in view.
    private void revealFirstChange(Preview p, Set<String> changed) {
        String column = p.after().schema().names().stream().filter(changed::contains).findFirst()
                .orElse(p.addedColumns().isEmpty() ? null : p.addedColumns().getFirst());
        if (column == null) {
            return;
        }
        int row = 0;
        int ca = p.after().schema().indexOf(column);
        int cb = p.before().schema().indexOf(column);
        if (cb >= 0 && p.before().rowCount() == p.after().rowCount()) {
            for (int r = 0; r < p.after().rowCount(); r++) {
                if (differs(p.after(), p.before(), r, ca, cb)) {
                    row = r;
                    break;
                }
            }
        }
        int target = Math.max(0, row - 2);
        for (TableView<Integer> t : List.of(beforeTable, afterTable)) {
            t.scrollTo(Math.min(target, Math.max(0, t.getItems().size() - 1)));
        }
        // after the new columns are laid out; the after table follows the before table sideways
        javafx.application.Platform.runLater(() -> {
            syncScroll();
            for (TableView<Integer> t : List.of(beforeTable, afterTable)) {
                t.layout();
                t.getColumns().stream().filter(c -> c.getId().endsWith("-" + column)).findFirst()
                        .ifPresent(t::scrollToColumn);
            }
        });
    }

    /// Keeps the horizontal scrolling of the Before and After tables in step, both ways (installed once their
    /// scroll bars exist).
    void syncScroll() {
        if (scrollSynced) {
            return;
        }
        javafx.scene.control.ScrollBar a = hbar(beforeTable);
        javafx.scene.control.ScrollBar b = hbar(afterTable);
        if (a != null && b != null) {
            follow(a, b);
            follow(b, a);
            scrollSynced = true;
        }
    }

    private void follow(javafx.scene.control.ScrollBar leader, javafx.scene.control.ScrollBar follower) {
        leader.valueProperty().addListener((o, x, v) -> {
            if (following) {
                return;
            }
            following = true;
            try {
                follower.setValue(Math.max(follower.getMin(), Math.min(follower.getMax(), v.doubleValue())));
            } finally {
                following = false;
            }
        });
    }

    /// Whether the Before and After tables scroll sideways together (for tests).
    boolean scrollSynced() {
        return scrollSynced;
    }

    static javafx.scene.control.@Nullable ScrollBar hbar(TableView<?> t) {
        for (Node n : t.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return bar;
            }
        }
        return null;
    }

    private static boolean differs(Dataset a, Dataset b, int row, int ca, int cb) {
        boolean ma = a.isMissing(row, ca);
        boolean mb = b.isMissing(row, cb);
        return ma != mb || !ma && !a.text(row, ca).equals(b.text(row, cb));
    }

    /// The transforms that fit a column of `type`, by family; each adds a step with the column filled in.
    ContextMenu columnMenu(String column, ColumnType type) {
        ContextMenu menu = new ContextMenu();
        MenuItem heading = new MenuItem(messages.get("prepare.column.menu", column));
        heading.setDisable(true);
        menu.getItems().add(heading);
        Map<Family, List<TransformInfo>> groups = vm.transformsFor(type).stream()
                .collect(Collectors.groupingBy(TransformInfo::family, LinkedHashMap::new, Collectors.toList()));
        for (var g : groups.entrySet()) {
            Menu family = new Menu(g.getKey().displayName());
            for (TransformInfo t : g.getValue()) {
                MenuItem item = new MenuItem(t.name());
                item.setId("colmenu-" + column + "-" + t.key());
                item.setOnAction(e -> vm.addStep(t, column));
                family.getItems().add(item);
            }
            menu.getItems().add(family);
        }
        return menu;
    }

    private static Label wrapped(String text) {
        return PrepareView.wrapped(text);
    }
}
