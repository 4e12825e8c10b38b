package dev.atelier.app;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/// What the studio opens at start-up. At most one of the three is set; when none is, the studio shows the
/// welcome screen on a first run (and at every start if the user asked for it), else reopens the most recent
/// project, else the bundled loan-approval sample.
///
/// @param project  an Atelier project file (`*.atelier`) to open
/// @param data     a data file to open in a new, unsaved project
/// @param sampleId a bundled sample dataset id (see `SampleDatasets`) to open in a new, unsaved project
public record StudioArgs(@Nullable Path project, @Nullable Path data, @Nullable String sampleId) {
    /// Nothing requested: the welcome screen on a first run, else the recent project or the sample.
    public static StudioArgs none() {
        return new StudioArgs(null, null, null);
    }

    /// The sample opened when nothing else is (and by the guided tour when no data is open).
    public static final String DEFAULT_SAMPLE = "loan-approval";
}
