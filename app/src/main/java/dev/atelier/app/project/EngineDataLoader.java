package dev.atelier.app.project;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/// The real [DataLoader]: the engine's [CsvImporter] for the file, then missing and distinct counts per
/// column, in one job (import 85 % of the progress, statistics the rest).
public final class EngineDataLoader implements DataLoader {
    private static final int CHECK_EVERY = 1 << 15;
    private final Messages messages;

    public EngineDataLoader(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    public LoadedDataset load(Path file, CsvOptions options, JobContext ctx) {
        ImportResult imported = CsvImporter.read(file, options, ctx.child(0.85));
        Dataset ds = imported.dataset();
        List<ColumnStats> stats = statistics(ds, ctx.child(1.0));
        return new LoadedDataset(LoadedDataset.DEFAULT_ID, file.getFileName().toString(), file, null, ds,
                imported.format(), imported.diagnostics(), stats, List.of());
    }

    /// Missing and distinct counts of every column.
    static List<ColumnStats> statistics(Dataset ds, JobContext ctx) {
        ctx.status("job.import.statistics", ds.name());
        int rows = ds.rowCount();
        int cols = ds.columnCount();
        List<ColumnStats> out = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            Set<Object> distinct = new HashSet<>();
            long missing = 0;
            for (int r = 0; r < rows; r++) {
                if ((r & (CHECK_EVERY - 1)) == 0) {
                    ctx.throwIfCancelled();
                }
                Object v = ds.value(r, c);
                if (v == null) {
                    missing++;
                } else {
                    distinct.add(v);
                }
            }
            out.add(new ColumnStats(ds.schema().get(c).name(), missing, distinct.size()));
            ctx.progress(c + 1, cols);
        }
        return out;
    }

    @Override
    public String toString() {
        return "EngineDataLoader[" + messages + "]";
    }
}
