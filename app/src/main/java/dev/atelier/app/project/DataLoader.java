package dev.atelier.app.project;

import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.ImportOptions;
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

    /// Reads `location` (a file or folder) with the full import options the Import dialog chose (format, sheet,
    /// table, sampling…). The default reads it as delimited text with `options.csv()`, for loaders that only
    /// know CSV (test fakes).
    default LoadedDataset load(String location, ImportOptions options, UnaryOperator<Schema> roles, JobContext ctx) {
        return load(Path.of(location), options.csv(), roles, ctx);
    }

    /// Reads `file` with `options`, every column a feature.
    default LoadedDataset load(Path file, CsvOptions options, JobContext ctx) {
        return load(file, options, UnaryOperator.identity(), ctx);
    }
}
