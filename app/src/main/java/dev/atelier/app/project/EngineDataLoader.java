package dev.atelier.app.project;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.nio.file.Path;

/// INTERIM until wt-data is merged.
public final class EngineDataLoader implements DataLoader {
    private final Messages messages;

    public EngineDataLoader(Messages messages) {
        this.messages = messages;
    }

    @Override
    public LoadedDataset load(Path file, CsvOptions options, JobContext ctx) {
        throw new DataException(ErrorCode.INTERNAL, "CSV import not merged yet " + messages);
    }
}
