package dev.atelier.engine.project;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.io.CsvOptions;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A data source the project reads.
///
/// @param id       stable id within the project
/// @param name     display name
/// @param path     the file, relative to the project file when it lies beside or below it, else absolute
/// @param sha256   the file's SHA-256 when it was added (hex), to notice later changes
/// @param options  how to read it (detected values pinned, user overrides kept)
/// @param columns  the schema the user settled on (types and roles, target included); empty until imported
/// @param sampleRows the row limit used for interactive work, or null for all rows
public record DatasetEntry(String id, String name, String path, String sha256, CsvOptions options,
                           List<ColumnSchema> columns, @Nullable Integer sampleRows) {
    public DatasetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(options, "options");
        columns = List.copyOf(columns);
    }
}
