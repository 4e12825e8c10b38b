package dev.atelier.app.project;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.error.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// The data the project works on now: the dataset (with the roles the user chose), where it came from, the
/// format it was read with, and what the import and the profile had to say.
///
/// @param id              the dataset's id in the project (`DatasetEntry.id`)
/// @param displayName     what the header shows ("loan-approval.csv", or a sample's title)
/// @param source          the file it was read from
/// @param sampleId        the bundled sample it is, if any
/// @param dataset         the data, its schema carrying the current roles
/// @param format          the options actually used (detected values pinned), to read it again identically
/// @param diagnostics     the import's notes and warnings
/// @param profile         the profile made when it was loaded (counts, statistics, warnings), if any; its
///                        roles are those at load time
public record LoadedDataset(String id, String displayName, Path source, @Nullable String sampleId, Dataset dataset,
                            CsvOptions format, List<Diagnostic> diagnostics, @Nullable DatasetProfile profile) {
    /// The id of the first (so far the only) dataset of a project.
    public static final String DEFAULT_ID = "dataset-1";

    public LoadedDataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        diagnostics = List.copyOf(diagnostics);
    }

    /// This data with another schema (same columns and types; roles may differ).
    public LoadedDataset withSchema(Schema schema) {
        return new LoadedDataset(id, displayName, source, sampleId, dataset.withSchema(schema), format, diagnostics,
                profile);
    }

    /// This data with one column's role changed (choosing a new target demotes the old one to a feature).
    public LoadedDataset withRole(String column, ColumnRole role) {
        return withSchema(dataset.schema().withRole(column, role));
    }

    /// This data as the bundled sample `id`, shown as `title`.
    public LoadedDataset asSample(String id, String title) {
        return new LoadedDataset(this.id, title, source, id, dataset, format, diagnostics, profile);
    }

    /// This data under another id and display name.
    public LoadedDataset withIdentity(String newId, String newDisplayName) {
        return new LoadedDataset(newId, newDisplayName, source, sampleId, dataset, format, diagnostics, profile);
    }
}
