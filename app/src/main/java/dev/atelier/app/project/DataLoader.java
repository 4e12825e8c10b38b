package dev.atelier.app.project;

import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/// Reads a data file for the studio: import, then the profile (counts, statistics, warnings), as one
/// cancellable piece of work. Runs on a worker thread; throws `AtelierException`s for files it cannot read.
@FunctionalInterface
public interface DataLoader {
    /// Reads `file` with `options`, gives the columns their roles with `roles` (a sample's target, the roles
    /// saved in a project) before profiling, and reports into `ctx`.
    LoadedDataset load(Path file, CsvOptions options, UnaryOperator<Schema> roles, JobContext ctx);

    /// Reads `file` with `options`, every column a feature.
    default LoadedDataset load(Path file, CsvOptions options, JobContext ctx) {
        return load(file, options, UnaryOperator.identity(), ctx);
    }
}
