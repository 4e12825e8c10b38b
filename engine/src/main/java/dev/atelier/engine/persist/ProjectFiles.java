package dev.atelier.engine.persist;

import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.Severity;
import dev.atelier.engine.project.DatasetEntry;
import dev.atelier.engine.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Checks a project against the files it refers to, e.g. right after opening it.
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /// For each dataset whose file is gone, a `PROJECT_DATASET_MISSING` (name, stored path) warning; for each
    /// whose content no longer matches the recorded SHA-256, `PROJECT_DATASET_CHANGED` (name, stored path); for
    /// each that cannot be read, a `FILE_UNREADABLE` (path, reason) warning. Datasets recorded without a
    /// fingerprint (blank `sha256`) are only checked for existence. In dataset order; empty when all is well.
    ///
    /// @param projectFile where the project is saved; relative dataset paths are resolved against its folder
    public static List<Diagnostic> verifyDatasets(Project project, Path projectFile) {
        var diagnostics = new ArrayList<Diagnostic>();
        for (DatasetEntry dataset : project.datasets()) {
            Path file = ProjectStore.resolve(projectFile, dataset.path());
            if (!Files.isRegularFile(file)) {
                diagnostics.add(Diagnostic.of(ErrorCode.PROJECT_DATASET_MISSING, dataset.name(), dataset.path()));
                continue;
            }
            if (dataset.sha256().isBlank()) {
                continue;
            }
            try {
                if (!Fingerprints.sha256(file).equalsIgnoreCase(dataset.sha256().strip())) {
                    diagnostics.add(Diagnostic.of(ErrorCode.PROJECT_DATASET_CHANGED, dataset.name(),
                            dataset.path()));
                }
            } catch (AtelierException e) {
                Object reason = e.args().size() > 1 ? e.args().get(1) : e.code().name();
                diagnostics.add(new Diagnostic(Severity.WARNING, ErrorCode.FILE_UNREADABLE,
                        List.of(file.toString(), reason), null));
            }
        }
        return List.copyOf(diagnostics);
    }
}
