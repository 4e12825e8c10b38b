package dev.atelier.app.project;

import dev.atelier.engine.persist.Fingerprints;
import dev.atelier.engine.persist.ProjectStore;
import dev.atelier.engine.project.Project;
import java.nio.file.Path;

/// The real [ProjectRepository]: the engine's [ProjectStore] (versioned JSON, atomic writes, migrations) and
/// [Fingerprints].
public final class EngineProjectRepository implements ProjectRepository {
    private final ProjectStore store = new ProjectStore();

    @Override
    public Project read(Path file) {
        return store.read(file);
    }

    @Override
    public void write(Project project, Path file) {
        store.write(project, file);
    }

    @Override
    public String sha256(Path file) {
        return Fingerprints.sha256(file);
    }
}
