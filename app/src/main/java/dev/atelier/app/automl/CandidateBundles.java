package dev.atelier.app.automl;

import dev.atelier.app.common.dialogs.FileChooserService;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.project.ProjectState;
import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.automl.LeaderboardRow;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ModelManifest;
import dev.atelier.engine.project.ModelEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/// Saves an Autopilot candidate as a model bundle (the folder `atelier predict` reads) and records it in the
/// project — the Leaderboard's "Save model…". Writing runs as a background job; the bundle is written atomically.
public final class CandidateBundles {
    private final AutopilotSession session;
    private final ProjectState project;
    private final AlgorithmCatalog catalog;
    private final JobRunner jobs;
    private final FileChooserService files;
    private final Clock clock;

    public CandidateBundles(AutopilotSession session, ProjectState project, AlgorithmCatalog catalog, JobRunner jobs,
                            FileChooserService files, Messages messages, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.project = Objects.requireNonNull(project, "project");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.files = Objects.requireNonNull(files, "files");
        Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /// Asks for a folder and saves candidate `id` there; `onSaved` gets the folder once it is written.
    public void save(int id, Consumer<Path> onSaved) {
        Model model = session.model(id).orElse(null);
        LeaderboardRow row = session.row(id).orElse(null);
        AutopilotSession.Context ctx = session.getContext();
        if (model == null || row == null || ctx == null) {
            return;
        }
        String suggested = (ctx.target() + "-" + row.algorithm() + "-" + id).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-");
        Path folder = project.getFile() == null ? null : project.getFile().toAbsolutePath().getParent();
        files.chooseModelFolder(suggested, folder).ifPresent(dir ->
                jobs.start(new JobRequest<Path>("job.saveModel", List.of(dir.getFileName().toString()), c -> {
                    ModelManifest manifest = ModelBundle.manifest(model, ctx.search().schema(),
                            ctx.search().rowCount(), catalog, clock.instant(), ModelBundle.provenance(ctx.search(),
                                    Files.isRegularFile(ctx.source()) ? ctx.source() : null, null));
                    ModelBundle.write(dir, model, manifest, row.metrics(), ctx.recipe());   // the recipe, if any
                    return dir;
                }, written -> {
                    var h = model.header();
                    int n = project.getProject().models().size() + 1;
                    project.addModel(new ModelEntry("model-" + n, written.getFileName().toString(), h.algorithm(),
                            written.toString(), h.problem(), h.target(), row.metrics(), clock.instant()));
                    onSaved.accept(written);
                }, state -> { })));
    }
}
