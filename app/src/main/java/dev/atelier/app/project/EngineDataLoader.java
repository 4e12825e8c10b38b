package dev.atelier.app.project;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.data.profile.Profiler;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/// The real [DataLoader]: the engine's [CsvImporter] reads the file (80 % of the progress), then its
/// [Profiler] counts missing and distinct values and looks for problems worth a warning (the rest).
public final class EngineDataLoader implements DataLoader {

    @Override
    public LoadedDataset load(Path file, CsvOptions options, UnaryOperator<Schema> roles, JobContext ctx) {
        ImportResult imported = CsvImporter.read(file, options, ctx.child(0.8));
        Dataset ds = imported.dataset();
        ds = ds.withSchema(roles.apply(ds.schema()));
        ctx.throwIfCancelled();
        DatasetProfile profile = Profiler.profile(ds, null, ctx.child(1.0));
        return new LoadedDataset(LoadedDataset.DEFAULT_ID, file.getFileName().toString(), file, null, ds,
                imported.format(), imported.diagnostics(), profile);
    }
}
