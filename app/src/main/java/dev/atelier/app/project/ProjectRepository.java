package dev.atelier.app.project;

import dev.atelier.engine.project.Project;
import java.nio.file.Path;

/// Reads and writes project files and fingerprints data files; the studio's window onto the engine's
/// `ProjectStore` and `Fingerprints`, behind an interface so project actions can be tested with a fake.
public interface ProjectRepository {
    /// Reads a project file.
    ///
    /// @throws dev.atelier.engine.error.ProjectException if it is damaged or too new
    Project read(Path file);

    /// Writes `project` to `file` atomically (all or nothing).
    void write(Project project, Path file);

    /// The SHA-256 of a file, hex.
    String sha256(Path file);
}
