package dev.atelier.app.project;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import dev.atelier.engine.project.Project;
import java.nio.file.Path;

/// INTERIM until wt-persist is merged.
public final class EngineProjectRepository implements ProjectRepository {
    @Override
    public Project read(Path file) {
        throw new ProjectException(ErrorCode.INTERNAL, "not merged yet");
    }

    @Override
    public void write(Project project, Path file) {
        throw new ProjectException(ErrorCode.INTERNAL, "not merged yet");
    }

    @Override
    public String sha256(Path file) {
        throw new ProjectException(ErrorCode.INTERNAL, "not merged yet");
    }
}
