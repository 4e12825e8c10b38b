package dev.atelier.app.data;

import dev.atelier.app.common.controls.UiMessage;
import dev.atelier.app.common.dialogs.FileChooserService;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.data.importer.ImportRequest;
import dev.atelier.app.project.DataLoader;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.profile.ColumnProfile;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.data.profile.ProfileWarning;
import dev.atelier.engine.data.profile.WarningType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.Severity;
import dev.atelier.engine.job.JobContext;
import dev.atelier.sampledata.SampleDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Data screen's state and commands: open a file or a sample (as a cancellable job), show what was read
/// (header, diagnostics, rows, columns), and let the user choose each column's role.
///
/// One load at a time: starting a new one cancels the previous, and a result that arrives for a load that is
/// no longer current is dropped. A failed load leaves the previous data on screen.
public final class DataViewModel {
    private final ProjectState state;
    private final DataLoader loader;
    private final JobRunner jobs;
    private final FileChooserService files;
    private final Messages messages;
    private final SampleSource samples;

    private final ReadOnlyObjectWrapper<@Nullable Dataset> tableData = new ReadOnlyObjectWrapper<>(this, "tableData");
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper(this, "generation", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper loadingText = new ReadOnlyStringWrapper(this, "loadingText", "");
    private final ReadOnlyDoubleWrapper loadingProgress = new ReadOnlyDoubleWrapper(this, "loadingProgress", -1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper sizeText = new ReadOnlyStringWrapper(this, "sizeText", "");
    private final ReadOnlyStringWrapper formatText = new ReadOnlyStringWrapper(this, "formatText", "");
    private final ReadOnlyStringWrapper targetText = new ReadOnlyStringWrapper(this, "targetText", "");
    private final ReadOnlyBooleanWrapper hasTarget = new ReadOnlyBooleanWrapper(this, "hasTarget", false);
    private final ObservableList<UiMessage> notes = FXCollections.observableArrayList();
    private final ObservableList<ColumnSummaryRow> columns = FXCollections.observableArrayList();
    private final BooleanBinding hasData = Bindings.isNotNull(tableData);

    private final dev.atelier.app.data.insights.InsightsViewModel insights;
    private int ticket;
    private @Nullable RunningJob current;
    private boolean applyingRole;
    private @Nullable Consumer<Path> importer;

    public DataViewModel(ProjectState state, DataLoader loader, JobRunner jobs, FileChooserService files,
                         Messages messages, SampleSource samples) {
        this.state = Objects.requireNonNull(state, "state");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.files = Objects.requireNonNull(files, "files");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.insights = new dev.atelier.app.data.insights.InsightsViewModel(state, jobs, messages);
        state.dataProperty().addListener((o, before, after) -> onData(before, after));
        state.notes().addListener((ListChangeListener<Diagnostic>) c -> refreshNotes(state.getData()));
        onData(null, state.getData());
    }

    // ---- commands ---------------------------------------------------------------------------------

    /// "Open data…": asks for a file, then opens it (through the Import dialog when one is installed).
    public void chooseAndOpenFile() {
        files.chooseDataFile().ifPresent(this::requestOpen);
    }

    /// Sets what opens a chosen or dropped file: the studio shows the Import dialog; without one, files are
    /// opened directly with the detected settings.
    public void setImporter(@Nullable Consumer<Path> dialog) {
        this.importer = dialog;
    }

    /// Opens `file` the way the user asked for it (chosen or dropped): through the Import dialog if installed.
    public void requestOpen(Path file) {
        Consumer<Path> dialog = importer;
        if (dialog != null) {
            dialog.accept(file.toAbsolutePath().normalize());
        } else {
            openFile(file);
        }
    }

    /// Loads what the Import dialog settled on, as a cancellable job with progress; the project changes only
    /// when it succeeds.
    public void importData(ImportRequest request) {
        String name = request.displayName();
        start(name, ctx -> {
            LoadedDataset loaded = loader.load(request.location(), request.options(), request.roleEdit(), ctx);
            return loaded.withIdentity(loaded.id(), name);
        });
    }

    /// Opens `file` (dropped, chosen, or given on the command line) as the project's data.
    public void openFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        start(name, ctx -> {
            LoadedDataset loaded = loader.load(absolute, CsvOptions.defaults(), ctx);
            return loaded.withIdentity(loaded.id(), name);
        });
    }

    /// Opens a bundled sample, with its target (and sensitive column) already chosen.
    public void openSample(SampleDataset sample) {
        start(sample.title(), ctx -> {
            ctx.status("job.import.extracting", sample.title());
            Path file;
            try {
                file = samples.extract(sample);
            } catch (IOException e) {
                throw new DataException(e, ErrorCode.FILE_WRITE_FAILED, sample.fileName(), e.getMessage());
            }
            LoadedDataset loaded = loader.load(file, CsvOptions.defaults(), schema -> sampleRoles(schema, sample), ctx);
            return loaded.asSample(sample.id(), sample.title());
        });
    }

    private static Schema sampleRoles(Schema schema, SampleDataset sample) {
        Schema out = schema;
        if (out.indexOf(sample.target()) >= 0) {
            out = out.withTarget(sample.target());
        }
        if (sample.sensitiveColumn() != null && out.indexOf(sample.sensitiveColumn()) >= 0) {
            out = out.withRole(sample.sensitiveColumn(), ColumnRole.SENSITIVE);
        }
        return out;
    }

    /// Opens the sample with this id.
    ///
    /// @return false if there is no such sample
    public boolean openSample(String id) {
        Optional<SampleDataset> sample = samples.all().stream().filter(s -> s.id().equals(id)).findFirst();
        sample.ifPresent(this::openSample);
        return sample.isPresent();
    }

    /// Stops the load in progress, if any; the previous data stays.
    public void cancelLoad() {
        RunningJob job = current;
        if (job != null) {
            job.cancel();
        }
    }

    /// Gives `column` a new role (an edit of the project). A new target demotes the old one to a feature.
    public void setRole(String column, ColumnRole role) {
        applyingRole = true;
        try {
            state.setColumnRole(column, role);
        } finally {
            applyingRole = false;
        }
    }

    /// Whether `file` looks like something this screen opens (for the drop hint): a regular file, or a folder
    /// (of images) when the Import dialog is installed.
    public boolean canOpen(Path file) {
        return Files.isRegularFile(file) || importer != null && Files.isDirectory(file);
    }

    // ---- state ------------------------------------------------------------------------------------

    /// The Data Quality & Insights tab's model.
    public dev.atelier.app.data.insights.InsightsViewModel insights() {
        return insights;
    }

    /// The samples for the "Open sample" menu.
    public List<SampleDataset> samples() {
        return samples.all();
    }

    /// The dataset the table shows; changes only when new data is loaded (not on role changes).
    public ReadOnlyObjectProperty<@Nullable Dataset> tableDataProperty() {
        return tableData.getReadOnlyProperty();
    }

    public @Nullable Dataset getTableData() {
        return tableData.get();
    }

    /// Counts loads; the table rebuilds its columns when this changes.
    public ReadOnlyIntegerProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    /// Whether there is data to show.
    public BooleanBinding hasDataProperty() {
        return hasData;
    }

    /// Whether a load is running.
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /// What the running load is doing ("Opening sales.csv…").
    public ReadOnlyStringProperty loadingTextProperty() {
        return loadingText.getReadOnlyProperty();
    }

    /// The running load's progress, `-1` while unknown.
    public ReadOnlyDoubleProperty loadingProgressProperty() {
        return loadingProgress.getReadOnlyProperty();
    }

    /// The data's name.
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// "2,000 rows × 12 columns".
    public ReadOnlyStringProperty sizeTextProperty() {
        return sizeText.getReadOnlyProperty();
    }

    /// How the file was read ("Read as comma-separated UTF-8 text (with a header row)").
    public ReadOnlyStringProperty formatTextProperty() {
        return formatText.getReadOnlyProperty();
    }

    /// Which column will be predicted, or a hint to choose one.
    public ReadOnlyStringProperty targetTextProperty() {
        return targetText.getReadOnlyProperty();
    }

    /// Whether a target column is chosen.
    public ReadOnlyBooleanProperty hasTargetProperty() {
        return hasTarget.getReadOnlyProperty();
    }

    /// The import's and the profile's notes, in plain language.
    public ObservableList<UiMessage> notes() {
        return notes;
    }

    /// One row per column, for the Columns panel.
    public ObservableList<ColumnSummaryRow> columns() {
        return columns;
    }

    /// The plain-English label of a role ("Target (what to predict)").
    public String roleLabel(ColumnRole role) {
        return messages.get("data.role." + role.name() + ".label");
    }

    /// The short label of a role, for narrow places ("Target").
    public String roleShortLabel(ColumnRole role) {
        return messages.get("data.role." + role.name() + ".short");
    }

    /// What a role means, for its tooltip.
    public String roleTooltip(ColumnRole role) {
        return messages.get("data.role." + role.name() + ".tooltip");
    }

    // ---- internals --------------------------------------------------------------------------------

    private void start(String name, dev.atelier.engine.job.Job.Work<LoadedDataset> work) {
        cancelLoad();
        int mine = ++ticket;
        loading.set(true);
        loadingText.set(messages.get("data.loading.text", name));
        loadingProgress.unbind();
        loadingProgress.set(-1);
        RunningJob job = jobs.start(JobRequest.<LoadedDataset>of("job.import", work, loaded -> {
            if (mine == ticket) {
                state.setData(loaded);
            }
        }).withTitleArgs(name).whenEnded(end -> {
            if (mine == ticket) {
                loading.set(false);
                loadingProgress.unbind();
                current = null;
            }
        }));
        if (mine == ticket && !job.getState().isFinal()) {
            current = job;
            loadingProgress.bind(job.progressProperty());
            job.statusProperty().addListener((o, before, status) -> {
                if (mine == ticket && !status.isEmpty()) {
                    loadingText.set(status);
                }
            });
        }
    }

    private void onData(@Nullable LoadedDataset before, @Nullable LoadedDataset after) {
        if (applyingRole && before != null && after != null) {
            syncRoles(after);
            refreshHeader(after);
            return;
        }
        tableData.set(after == null ? null : after.dataset());
        generation.set(generation.get() + 1);
        refreshHeader(after);
        refreshNotes(after);
        rebuildColumns(after);
    }

    private void refreshHeader(@Nullable LoadedDataset data) {
        if (data == null) {
            title.set("");
            sizeText.set("");
            formatText.set("");
            targetText.set("");
            hasTarget.set(false);
            return;
        }
        Dataset ds = data.dataset();
        title.set(data.displayName());
        sizeText.set(messages.get("data.header.size", ds.rowCount(), ds.columnCount()));
        formatText.set(data.diagnostics().stream()
                .filter(d -> d.code() == ErrorCode.IMPORT_FORMAT_DETECTED)
                .findFirst().map(messages::diagnostic).orElse(""));
        Optional<ColumnSchema> target = ds.schema().target();
        hasTarget.set(target.isPresent());
        targetText.set(target.map(t -> messages.get("data.header.target", t.name()))
                .orElse(messages.get("data.header.noTarget")));
    }

    private void refreshNotes(@Nullable LoadedDataset data) {
        List<UiMessage> out = new ArrayList<>();
        for (Diagnostic d : state.notes()) {
            out.add(new UiMessage(d.severity(), messages.diagnostic(d), d.column()));
        }
        if (data != null) {
            for (Diagnostic d : data.diagnostics()) {
                if (d.code() != ErrorCode.IMPORT_FORMAT_DETECTED) {
                    out.add(new UiMessage(d.severity(), messages.diagnostic(d), d.column()));
                }
            }
            DatasetProfile profile = data.profile();
            if (profile != null) {
                for (ProfileWarning w : profile.warnings()) {
                    Severity severity = w.type() == WarningType.ID_LIKE ? Severity.INFO : Severity.WARNING;
                    String text = w.column() == null ? w.detail()
                            : messages.get("data.profile.columnWarning", w.column(), w.detail());
                    out.add(new UiMessage(severity, text, w.column()));
                }
            }
        }
        notes.setAll(out);
    }

    private void rebuildColumns(@Nullable LoadedDataset data) {
        if (data == null) {
            columns.clear();
            return;
        }
        Dataset ds = data.dataset();
        List<ColumnSummaryRow> rows = new ArrayList<>(ds.columnCount());
        for (int i = 0; i < ds.columnCount(); i++) {
            ColumnSchema cs = ds.schema().get(i);
            ColumnProfile stats = data.profile() == null ? null : data.profile().column(cs.name()).orElse(null);
            double missing = stats == null ? 0 : stats.missingFraction();
            long distinct = stats == null ? -1 : stats.distinct();
            ColumnSummaryRow row = new ColumnSummaryRow(i, cs.name(), cs.type(), cs.role(), missing, distinct);
            row.roleProperty().addListener((o, a, b) -> {
                if (b != null && !applyingRole) {
                    setRole(row.name(), b);
                }
            });
            rows.add(row);
        }
        columns.setAll(rows);
    }

    private void syncRoles(LoadedDataset data) {
        Schema schema = data.dataset().schema();
        for (ColumnSummaryRow row : columns) {
            int i = schema.indexOf(row.name());
            if (i >= 0) {
                row.roleProperty().set(schema.get(i).role());
            }
        }
    }
}
