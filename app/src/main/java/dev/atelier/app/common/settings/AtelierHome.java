package dev.atelier.app.common.settings;

import java.nio.file.Path;

/// Where Atelier keeps its own files (recent projects, settings, extracted samples): the system property
/// `atelier.home` if set, else `~/.atelier`. The same rule as `SampleDatasets.cacheFolder()`.
public final class AtelierHome {
    private AtelierHome() {
    }

    /// The folder (not necessarily existing yet).
    public static Path path() {
        String home = System.getProperty("atelier.home");
        return home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".atelier");
    }
}
