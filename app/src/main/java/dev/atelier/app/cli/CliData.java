package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;
import java.util.Map;
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
        CsvOptions options = CsvOptions.defaults();
        Dataset data = CsvImporter.read(file, options, ctx.child(0.05)).dataset();
        if (forced != ProblemType.REGRESSION && data.schema().indexOf(target) >= 0
                && data.schema().column(target).type() == ColumnType.BOOLEAN) {
            options = options.withTypeOverrides(Map.of(target, ColumnType.CATEGORICAL));
            data = CsvImporter.read(file, options, ctx.child(0.05)).dataset();
        }
        return new Table(data.withSchema(data.schema().withTarget(target)), options);
    }
}
