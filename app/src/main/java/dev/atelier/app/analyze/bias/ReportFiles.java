package dev.atelier.app.analyze.bias;

import java.nio.file.Path;
import java.util.Optional;

/// Where to save a report, behind an interface so that the view-model stays toolkit-free and tests pick the file.
@FunctionalInterface
public interface ReportFiles {
    /// Picks where to save an HTML report; `suggestedName` is the initial file name without extension. The result
    /// ends in `.html`; empty when the user cancels.
    Optional<Path> chooseHtmlToSave(String suggestedName);
}
