package dev.atelier.engine.natives;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// What [NativeLibraries#ensureLoaded] did for one library, for logs, `atelier version` and tests.
///
/// @param library   the library family
/// @param directory the folder its files were loaded from, or null where they came from the system or from a
///                  cache the library manages itself
/// @param extracted true if this call wrote the files (first use), false if an existing cache was reused
/// @param loaded    the shared objects loaded, in order (absolute paths, or bare names found by the system)
/// @param took      the wall time of preparing and loading
public record NativeLoad(NativeLibrary library, @Nullable Path directory, boolean extracted, List<String> loaded,
                         Duration took) {
    public NativeLoad {
        loaded = List.copyOf(loaded);
    }
}
