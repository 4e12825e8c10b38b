package dev.atelier.app.project;

import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;

/// Reads a data file for the studio: import, then column statistics (and the profile's warnings), as one
/// cancellable piece of work. Runs on a worker thread; throws `AtelierException`s for files it cannot read.
@FunctionalInterface
public interface DataLoader {
    /// Reads `file` with `options`, reporting into `ctx`.
    LoadedDataset load(Path file, CsvOptions options, JobContext ctx);
}
