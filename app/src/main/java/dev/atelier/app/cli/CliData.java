package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/// Reading a training table for the commands that train: the target's class labels are kept as written.
final class CliData {
    private CliData() {
    }

    /// A table read for training or scoring, with the options it was read with (to read companion files alike).
    record Table(Dataset data, CsvOptions options) {
    }

    /// Reads `file` with `target` marked as the target. A yes/no target of a classification stays text ("yes",
    /// "no"), not the importer's true/false, so class labels and `probability_<class>` columns read as in the file.
    static Table readForTraining(Path file, String target, @Nullable ProblemType forced, JobContext ctx) {
        Table read = readLabelsAsWritten(file, target, forced != ProblemType.REGRESSION, () -> ctx.child(0.05));
        return new Table(read.data().withSchema(read.data().schema().withTarget(target)), read.options());
    }

    /// Reads `file`; with `asWritten`, a yes/no `label` column is read again as text ("yes", "no"), not the
    /// importer's true/false, as a model was trained on it. Each read reports to a new `ctx`.
    static Table readLabelsAsWritten(Path file, String label, boolean asWritten, Supplier<JobContext> ctx) {
        CsvOptions options = CsvOptions.defaults();
        Dataset data = CsvImporter.read(file, options, ctx.get()).dataset();
        if (asWritten && data.schema().indexOf(label) >= 0
                && data.schema().column(label).type() == ColumnType.BOOLEAN) {
            options = options.withTypeOverrides(Map.of(label, ColumnType.CATEGORICAL));
            data = CsvImporter.read(file, options, ctx.get()).dataset();
        }
        return new Table(data, options);
    }
}
