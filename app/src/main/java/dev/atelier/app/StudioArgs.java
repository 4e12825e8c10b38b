package dev.atelier.app;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/// What the studio opens at start-up. At most one of the three is set; when none is, the studio reopens the
/// most recent project or, on a first run, the bundled loan-approval sample so that there is something to
/// look at immediately.
///
/// @param project  an Atelier project file (`*.atelier`) to open
/// @param data     a data file to open in a new, unsaved project
/// @param sampleId a bundled sample dataset id (see `SampleDatasets`) to open in a new, unsaved project
public record StudioArgs(@Nullable Path project, @Nullable Path data, @Nullable String sampleId) {
    /// Nothing requested: recent project or first-run sample.
    public static StudioArgs none() {
        return new StudioArgs(null, null, null);
    }

    /// The first-run default.
    public static final String DEFAULT_SAMPLE = "loan-approval";
}
