package dev.atelier.app.testing;

import dev.atelier.app.project.ProjectRepository;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import dev.atelier.engine.project.Project;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/// A [ProjectRepository] that keeps projects in a map; files listed in `corrupt` fail like damaged files.
public final class InMemoryProjectRepository implements ProjectRepository {
    public final Map<Path, Project> files = new HashMap<>();
    public final Map<Path, ProjectException> failures = new HashMap<>();
    public final Map<Path, String> hashes = new HashMap<>();

    @Override
    public Project read(Path file) {
        ProjectException failure = failures.get(file);
        if (failure != null) {
            throw failure;
        }
        Project p = files.get(file);
        if (p == null) {
            throw new ProjectException(ErrorCode.FILE_NOT_FOUND, file.toString());
        }
        return p;
    }

    @Override
    public void write(Project project, Path file) {
        files.put(file, project);
    }

    @Override
    public String sha256(Path file) {
        return hashes.getOrDefault(file, "abc123");
    }
}
