package dev.atelier.app.project;

import dev.atelier.app.common.dialogs.DialogService;
import dev.atelier.app.common.dialogs.FileChooserService;
import dev.atelier.app.common.dialogs.SaveChangesChoice;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.ProjectStore;
import dev.atelier.engine.project.DatasetEntry;
import dev.atelier.engine.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// The File menu's commands: new, open, open recent, save, save as, and the "unsaved changes" question before
/// anything that would lose them. Reading and writing run as jobs; a project that cannot be opened (damaged,
/// too new) is reported in plain language and nothing changes.
///
/// Commands that may have to save first take a continuation: `proceed` runs only once it is safe to go on.
public final class ProjectViewModel {
    private final ProjectState state;
    private final ProjectRepository repository;
    private final DataLoader loader;
    private final JobRunner jobs;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final RecentProjects recent;

    public ProjectViewModel(ProjectState state, ProjectRepository repository, DataLoader loader, JobRunner jobs,
                            DialogService dialogs, FileChooserService files, RecentProjects recent) {
        this.state = Objects.requireNonNull(state, "state");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.files = Objects.requireNonNull(files, "files");
        this.recent = Objects.requireNonNull(recent, "recent");
    }

    /// The recent projects (for the Open recent menu).
    public RecentProjects recent() {
        return recent;
    }

    /// The project state these commands act on.
    public ProjectState state() {
        return state;
    }

    /// File ▸ New project: after the unsaved-changes question, an empty untitled project.
    public void newProject() {
        whenSafeToDiscard(state::reset);
    }

    /// File ▸ Open project…: after the unsaved-changes question, picks a file and opens it.
    public void open() {
        whenSafeToDiscard(() -> files.chooseProjectToOpen().ifPresent(this::openFile));
    }

    /// File ▸ Open recent ▸ `file`: after the unsaved-changes question, opens it.
    public void openRecent(Path file) {
        whenSafeToDiscard(() -> openFile(file));
    }

    /// Opens `file` without asking (start-up, or after the question was answered). On failure nothing changes.
    public void openFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        jobs.start(JobRequest.of("job.openProject", ctx -> read(absolute, ctx), opened -> {
            state.replace(opened.project(), opened.file(), opened.data(), opened.notes());
            recent.add(opened.file());
        }).withTitleArgs(absolute.getFileName().toString()));
    }

    /// File ▸ Save: writes to the project's file, or asks where first. `then` runs after a successful save.
    public void save(Runnable then) {
        Path file = state.getFile();
        if (file == null) {
            saveAs(then);
        } else {
            write(file, then);
        }
    }

    /// File ▸ Save as…: asks where, then writes there; the project takes the file's name.
    public void saveAs(Runnable then) {
        Path current = state.getFile();
        files.chooseProjectToSave(state.name(), current == null ? null : current.getParent())
                .ifPresent(target -> write(target.toAbsolutePath().normalize(), then));
    }

    /// Runs `proceed` once unsaved changes are saved or the user agreed to lose them; not at all if they
    /// cancelled (or the save failed).
    public void whenSafeToDiscard(Runnable proceed) {
        if (!state.isDirty()) {
            proceed.run();
            return;
        }
        SaveChangesChoice choice = dialogs.askSaveChanges(state.name());
        switch (choice) {
            case SAVE -> save(proceed);
            case DISCARD -> proceed.run();
            case CANCEL -> { }
        }
    }

    private void write(Path target, Runnable then) {
        long revision = state.getRevision();
        String name = baseName(target);
        Project project = state.getProject().withName(name);
        LoadedDataset data = state.getData();
        jobs.start(JobRequest.of("job.saveProject", ctx -> {
            Project toWrite = data == null ? project : project.withDataset(entry(data, target, ctx));
            ctx.throwIfCancelled();
            repository.write(toWrite, target);
            return toWrite;
        }, saved -> {
            state.markSaved(saved, target, revision);
            recent.add(target);
            then.run();
        }).withTitleArgs(target.getFileName().toString()));
    }

    /// The project entry for `data` saved beside `projectFile`: the path relative to the project's folder when
    /// the data lies in or below it, the file's fingerprint, the pinned read options and the current schema.
    DatasetEntry entry(LoadedDataset data, Path projectFile, JobContext ctx) {
        ctx.status("job.saveProject.fingerprint", data.source().getFileName().toString());
        // an image folder has no single fingerprint
        String sha = Files.isDirectory(data.source()) ? "" : repository.sha256(data.source());
        return new DatasetEntry(data.id(), data.displayName(), relativise(projectFile, data.source()), sha,
                data.format(), data.dataset().schema().columns(), null);
    }

    static String relativise(Path projectFile, Path dataFile) {
        return ProjectStore.relativize(projectFile, dataFile);
    }

    private OpenedProject read(Path file, JobContext ctx) {
        ctx.status("job.openProject.reading", file.getFileName().toString());
        Project project = repository.read(file);
        List<Diagnostic> notes = new ArrayList<>();
        LoadedDataset data = null;
        // the data to open: the first dataset that is not a file of batch predictions (ProjectState#addPredictions)
        DatasetEntry first = project.datasets().stream().filter(d -> !d.id().startsWith("predictions-")).findFirst()
                .orElse(null);
        if (first != null) {
            DatasetEntry entry = first;
            Path dataFile = resolve(file, entry.path());
            if (!Files.isRegularFile(dataFile) && !Files.isDirectory(dataFile)) {
                notes.add(Diagnostic.of(ErrorCode.PROJECT_DATASET_MISSING, entry.name(), dataFile.toString()));
            } else {
                ctx.throwIfCancelled();
                if (!entry.sha256().isEmpty() && !entry.sha256().equalsIgnoreCase(repository.sha256(dataFile))) {
                    notes.add(Diagnostic.of(ErrorCode.PROJECT_DATASET_CHANGED, entry.name(), dataFile.toString()));
                }
                LoadedDataset loaded = loader.load(dataFile, entry.options(),
                        schema -> applyRoles(schema, entry.columns()), ctx.child(1.0));
                data = loaded.withIdentity(entry.id(), entry.name());
            }
        }
        return new OpenedProject(project, file, data, notes);
    }

    /// The roles saved in the project, applied to the columns that still exist under the same name.
    static Schema applyRoles(Schema loaded, List<ColumnSchema> saved) {
        Schema schema = loaded;
        for (ColumnSchema c : saved) {
            if (schema.indexOf(c.name()) >= 0) {
                schema = schema.withRole(c.name(), c.role());
            }
        }
        return schema;
    }

    static Path resolve(Path projectFile, String dataPath) {
        return ProjectStore.resolve(projectFile.toAbsolutePath(), dataPath);
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".atelier") ? n.substring(0, n.length() - ".atelier".length()) : n;
    }

    private record OpenedProject(Project project, Path file, @Nullable LoadedDataset data, List<Diagnostic> notes) {
    }
}
