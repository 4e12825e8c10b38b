package dev.atelier.app.data.insights;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.report.ProfileHtml;
import dev.atelier.app.report.ProfileReport;
import dev.atelier.engine.bias.DataBias;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.insights.Insights;
import dev.atelier.engine.data.insights.InsightsOptions;
import dev.atelier.engine.data.insights.InsightsReport;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.data.profile.WarningType;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Data screen's Data Quality & Insights tab: runs the engine's [Insights] (and, with sensitive columns and a
/// two-outcome target, the pre-training [DataBias] measures) on the project's data as a cancellable job, and
/// exposes the result in the report's published shape ([ProfileReport]) — the same one `atelier profile` prints
/// and the HTML export renders — plus the warnings with plain-English explanations and the rows behind them.
///
/// The report is built when the tab is shown ([#activeProperty()]) and rebuilt when the data, its target or its
/// sensitive columns change; a result for data that is no longer current is dropped.
public final class InsightsViewModel {
    /// How serious a warning is, for its icon.
    public enum Level {
        /// Likely to make a model wrong or look better than it is (target leakage).
        HIGH,
        /// Worth fixing before training.
        MEDIUM,
        /// Worth knowing.
        LOW
    }

    /// A warning as the list shows it.
    ///
    /// @param type    the warning's kind
    /// @param column  the column concerned, or `null` for the whole table
    /// @param detail  what was found, in plain English
    /// @param level   how serious it is
    /// @param title   the kind in words ("Target leakage")
    /// @param meaning what the kind means
    /// @param action  what to do about it
    /// @param rows    the rows behind it (numbered from 1), empty when it is not about rows
    public record WarningItem(WarningType type, @Nullable String column, String detail, Level level, String title,
                              String meaning, String action, List<Integer> rows) {
        public WarningItem {
            rows = List.copyOf(rows);
        }
    }

    /// Some rows of the data as text, for the rows panel.
    ///
    /// @param columns the column names, after a leading "Row" column
    /// @param rows    per row: its number (from 1), then its cells
    public record RowsTable(List<String> columns, List<List<String>> rows) {
        public RowsTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    private final ProjectState state;
    private final JobRunner jobs;
    private final Messages messages;

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<@Nullable ProfileReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<@Nullable Path> lastExport = new ReadOnlyObjectWrapper<>(this, "lastExport");
    private final ObservableList<WarningItem> warnings = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable WarningItem> selectedWarning = new SimpleObjectProperty<>(this,
            "selectedWarning");

    private @Nullable Dataset reportData;
    private @Nullable String currentKey;
    private @Nullable String reportKey;
    private @Nullable RunningJob current;
    private @Nullable String runKey;
    private java.util.function.@Nullable Function<String, java.util.Optional<Path>> exportChooser;
    private int ticket;

    public InsightsViewModel(ProjectState state, JobRunner jobs, Messages messages) {
        this.state = Objects.requireNonNull(state, "state");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.messages = Objects.requireNonNull(messages, "messages");
        state.dataProperty().addListener((o, a, b) -> dataChanged());
        active.addListener((o, a, b) -> {
            if (b) {
                runIfStale();
            }
        });
        dataChanged();
    }

    // ---- commands ---------------------------------------------------------------------------------

    /// Builds the report now (again), cancelling a run in progress.
    public void refresh() {
        LoadedDataset data = state.getData();
        cancel();
        if (data == null) {
            return;
        }
        int mine = ++ticket;
        String key = key(data);
        runKey = key;
        Dataset dataset = data.dataset();
        String target = dataset.schema().target().map(ColumnSchema::name).orElse(null);
        ImportResult imported = new ImportResult(dataset, data.format(), data.diagnostics());
        String name = data.displayName();
        running.set(true);
        progress.set(-1);
        statusText.set(messages.get("insights.status.running"));
        RunningJob job = jobs.start(JobRequest.<ProfileReport>of("job.insights", ctx -> build(name, imported, target,
                ctx), result -> {
            if (mine == ticket) {
                reportData = dataset;
                reportKey = key;
                show(result);
            }
        }).withTitleArgs(name).whenEnded(end -> {
            if (mine == ticket) {
                running.set(false);
                progress.unbind();
                current = null;
                stale.set(!Objects.equals(reportKey, currentKey));
                statusText.set(switch (end) {
                    case CANCELLED -> messages.get("insights.status.cancelled");
                    case FAILED -> messages.get("insights.status.failed");
                    default -> "";
                });
            }
        }));
        if (mine == ticket && !job.getState().isFinal()) {
            current = job;
            progress.bind(job.progressProperty());
            job.statusProperty().addListener((o, before, status) -> {
                if (mine == ticket && !status.isEmpty()) {
                    statusText.set(status);
                }
            });
        }
    }

    /// Stops the run in progress, if any; the previous report stays.
    public void cancel() {
        RunningJob job = current;
        if (job != null) {
            job.cancel();
        }
    }

    /// Writes the report as the same self-contained HTML page as `atelier profile --out report.html`, atomically,
    /// as a job; [#lastExportProperty()] names the file once written.
    public void exportHtml(Path file) {
        ProfileReport r = report.get();
        if (r == null) {
            return;
        }
        jobs.start(JobRequest.<Path>of("job.insights.export", ctx -> {
            AtomicFiles.write(file, ProfileHtml.render(r).getBytes(StandardCharsets.UTF_8));
            return file;
        }, lastExport::set).withTitleArgs(String.valueOf(file.getFileName())));
    }

    /// Sets how "Export HTML…" asks where to save (the view passes a file chooser; tests a fixed path): given a
    /// suggested file name, it returns the chosen file or empty when the user cancels.
    public void setExportChooser(java.util.function.Function<String, java.util.Optional<Path>> chooser) {
        this.exportChooser = Objects.requireNonNull(chooser, "chooser");
    }

    /// Whether an export chooser was set.
    public boolean hasExportChooser() {
        return exportChooser != null;
    }

    /// "Export HTML…": asks where, then [#exportHtml(Path)] there (an `.html` ending is added when missing).
    public void chooseAndExport() {
        var chooser = exportChooser;
        if (chooser == null || report.get() == null) {
            return;
        }
        chooser.apply(suggestedExportName()).ifPresent(p -> {
            String name = String.valueOf(p.getFileName());
            exportHtml(name.toLowerCase(Locale.ROOT).endsWith(".html") || name.toLowerCase(Locale.ROOT).endsWith(".htm")
                    ? p : p.resolveSibling(name + ".html"));
        });
    }

    /// The suggested export file name ("loan-approval-report.html").
    public String suggestedExportName() {
        LoadedDataset data = state.getData();
        String base = data == null ? "data" : data.displayName().replaceFirst("\\.[A-Za-z0-9]+$", "");
        return base + "-report.html";
    }

    /// The rows with these numbers (from 1, as the report counts them), as text; at most `limit`.
    public RowsTable rows(List<Integer> rowNumbers, int limit) {
        Dataset ds = reportData;
        if (ds == null) {
            return new RowsTable(List.of(), List.of());
        }
        List<String> columns = new ArrayList<>();
        columns.add(messages.get("insights.rows.row"));
        columns.addAll(ds.schema().names());
        List<List<String>> out = new ArrayList<>();
        for (int n : rowNumbers) {
            if (out.size() >= limit) {
                break;
            }
            int r = n - 1;
            if (r < 0 || r >= ds.rowCount()) {
                continue;
            }
            List<String> cells = new ArrayList<>(ds.columnCount() + 1);
            cells.add(Integer.toString(n));
            for (int c = 0; c < ds.columnCount(); c++) {
                cells.add(ds.isMissing(r, c) ? "" : ds.text(r, c));
            }
            out.add(cells);
        }
        return new RowsTable(columns, out);
    }

    /// The rows of every duplicate group listed in the report (numbered from 1), group by group.
    public List<Integer> duplicateRows() {
        ProfileReport r = report.get();
        return r == null ? List.of() : r.duplicates().groups().stream().flatMap(List::stream).toList();
    }

    /// The most anomalous rows (numbered from 1), strangest first.
    public List<Integer> anomalousRows() {
        ProfileReport r = report.get();
        return r == null || r.anomalies() == null ? List.of()
                : r.anomalies().top().stream().map(ProfileReport.AnomalousRow::row).toList();
    }

    // ---- state ------------------------------------------------------------------------------------

    /// Whether the tab is on screen; the report is built (or rebuilt) when it becomes so.
    public BooleanProperty activeProperty() {
        return active;
    }

    /// Whether the report is being built.
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /// Whether the report shown (if any) is not of the current data, target and sensitive columns.
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /// The run's progress in `0..1`, `-1` while unknown.
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /// What the run is doing, or how it ended.
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /// The report, or `null` before the first run.
    public ReadOnlyObjectProperty<@Nullable ProfileReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public @Nullable ProfileReport getReport() {
        return report.get();
    }

    /// The last file exported to.
    public ReadOnlyObjectProperty<@Nullable Path> lastExportProperty() {
        return lastExport.getReadOnlyProperty();
    }

    /// The warnings, most serious first.
    public ObservableList<WarningItem> warnings() {
        return warnings;
    }

    /// The warning whose explanation is shown.
    public ObjectProperty<@Nullable WarningItem> selectedWarningProperty() {
        return selectedWarning;
    }

    /// A metric's name in words ("AUC").
    public String metricName(String metric) {
        String key = "insights.metric." + metric;
        return messages.has(key) ? messages.get(key) : metric.toUpperCase(Locale.ROOT);
    }

    // ---- internals --------------------------------------------------------------------------------

    private ProfileReport build(String name, ImportResult imported, @Nullable String target, JobContext ctx) {
        Dataset dataset = imported.dataset();
        InsightsReport insights = Insights.analyze(dataset, target, InsightsOptions.defaults(), ctx.child(0.95));
        DataBias.Section bias = DataBias.analyze(dataset, insights.target(), ctx.child(1.0));
        return ProfileReport.of(name, imported, insights, bias, messages);
    }

    private void dataChanged() {
        LoadedDataset data = state.getData();
        currentKey = data == null ? null : key(data);
        if (data == null) {
            cancel();
            report.set(null);
            reportData = null;
            reportKey = null;
            warnings.clear();
            selectedWarning.set(null);
            stale.set(true);
            return;
        }
        stale.set(!Objects.equals(reportKey, currentKey));
        runIfStale();
    }

    private void runIfStale() {
        if (active.get() && stale.get() && state.getData() != null
                && (current == null || !Objects.equals(currentKey, runKey))) {
            refresh();
        }
    }

    /// What the report depends on: the data itself (by identity), its target and its sensitive columns.
    private static String key(LoadedDataset data) {
        Dataset ds = data.dataset();
        // the columns are shared by every schema (role) change of one load, and new for every load
        var sb = new StringBuilder().append(ds.columnCount() == 0 ? 0 : System.identityHashCode(ds.columnsUnsafe().getFirst()))
                .append('|').append(ds.rowCount()).append('|').append(data.id());
        for (ColumnSchema c : ds.schema().columns()) {
            if (c.role() == ColumnRole.TARGET || c.role() == ColumnRole.SENSITIVE || c.role() == ColumnRole.ID
                    || c.role() == ColumnRole.IGNORED) {
                sb.append('|').append(c.role().name().charAt(0)).append(c.name());
            }
        }
        return sb.toString();
    }

    private void show(ProfileReport r) {
        List<WarningItem> items = new ArrayList<>();
        for (ProfileReport.Warning w : r.warnings()) {
            WarningType type = WarningType.valueOf(w.type());
            items.add(new WarningItem(type, w.column(), w.detail(), level(type),
                    messages.get("insights.warning." + type.name() + ".title"),
                    messages.get("insights.warning." + type.name() + ".meaning"),
                    messages.get("insights.warning." + type.name() + ".action"), rowsOf(r, type, w.column())));
        }
        items.sort(java.util.Comparator.comparing(WarningItem::level));
        warnings.setAll(items);
        selectedWarning.set(items.isEmpty() ? null : items.getFirst());
        report.set(r); // last: the view rebuilds from the warnings too
    }

    private static List<Integer> rowsOf(ProfileReport r, WarningType type, @Nullable String column) {
        return switch (type) {
            case DUPLICATE_ROWS -> r.duplicates().groups().stream().flatMap(List::stream).toList();
            case OUTLIERS -> r.outliers().stream().filter(o -> o.column().equals(column)).findFirst()
                    .map(ProfileReport.Outliers::example_rows).orElse(List.of());
            default -> List.of();
        };
    }

    /// How serious a kind of warning is.
    public static Level level(WarningType type) {
        return switch (type) {
            case TARGET_LEAKAGE -> Level.HIGH;
            case HIGH_MISSING, CONSTANT_COLUMN, DUPLICATE_ROWS, CLASS_IMBALANCE -> Level.MEDIUM;
            case HIGH_CARDINALITY, OUTLIERS, ID_LIKE -> Level.LOW;
        };
    }
}
