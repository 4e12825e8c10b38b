package dev.atelier.app.project;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.DataImporter;
import dev.atelier.engine.data.io.ImportOptions;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.data.profile.Profiler;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/// The real [DataLoader]: the engine's [DataImporter] reads the source in any format it knows, with its memory
/// guard (80 % of the progress), then its [Profiler] counts missing and distinct values and looks for problems
/// worth a warning (the rest).
public final class EngineDataLoader implements DataLoader {

    @Override
    public LoadedDataset load(Path file, CsvOptions options, UnaryOperator<Schema> roles, JobContext ctx) {
        return load(file.toString(), ImportOptions.of(options), roles, ctx);
    }

    @Override
    public LoadedDataset load(String location, ImportOptions options, UnaryOperator<Schema> roles, JobContext ctx) {
        ImportResult imported = DataImporter.read(location, options, ctx.child(0.8));
        Dataset ds = imported.dataset();
        ds = ds.withSchema(roles.apply(ds.schema()));
        ctx.throwIfCancelled();
        DatasetProfile profile = Profiler.profile(ds, null, ctx.child(1.0));
        Path source = Path.of(location);
        return new LoadedDataset(LoadedDataset.DEFAULT_ID, String.valueOf(source.getFileName()), source, null, ds,
                imported.format(), imported.diagnostics(), profile);
    }
}
