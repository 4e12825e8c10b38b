package dev.atelier.app.project;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.project.ModelEntry;
import dev.atelier.engine.project.Project;
import dev.atelier.engine.project.RecipeEntry;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The open project: the [Project] record as last read or saved, its file (none until first saved), the data
/// it works on now, and a revision counter that drives "unsaved changes". Every edit bumps the revision;
/// saving records the revision that was saved. Toolkit-free; change it on the FX thread.
public final class ProjectState {
    /// The id of the project's recipe entry.
    public static final String RECIPE_ID = "recipe-1";
    private final Clock clock;
    private final String untitledName;
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<@Nullable Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<@Nullable LoadedDataset> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<Recipe> recipe = new ReadOnlyObjectWrapper<>(this, "recipe", Recipe.EMPTY);
    private final ObservableList<Diagnostic> notes = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision", 0);
    private final ReadOnlyLongWrapper savedRevision = new ReadOnlyLongWrapper(this, "savedRevision", 0);
    private final BooleanBinding dirty = Bindings.notEqual(revision, savedRevision);
    private boolean named;

    /// An empty, clean, untitled project called `untitledName`.
    public ProjectState(Clock clock, String untitledName) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.untitledName = Objects.requireNonNull(untitledName, "untitledName");
        project.set(Project.empty(untitledName, clock.instant()));
    }

    /// The project as last read or saved (datasets are brought up to date on save).
    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project getProject() {
        return project.get();
    }

    /// The project's file; `null` until it is saved for the first time.
    public ReadOnlyObjectProperty<@Nullable Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public @Nullable Path getFile() {
        return file.get();
    }

    /// The data the project works on now, or `null` before any is opened.
    public ReadOnlyObjectProperty<@Nullable LoadedDataset> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public @Nullable LoadedDataset getData() {
        return data.get();
    }

    /// The data-preparation recipe of the project's data (the Prepare screen edits it; Build trains on its
    /// output when it has steps). Saved in the project file as a [RecipeEntry] and restored on open.
    public ReadOnlyObjectProperty<Recipe> recipeProperty() {
        return recipe.getReadOnlyProperty();
    }

    public Recipe getRecipe() {
        return recipe.get();
    }

    /// The id of the recipe in the project file, or `null` when the recipe has no step (for
    /// `ExperimentEntry.recipeId`).
    public @Nullable String recipeId() {
        return recipe.get().steps().isEmpty() ? null : RECIPE_ID;
    }

    /// Makes `next` the project's recipe (an edit, unless it equals the current one).
    public void setRecipe(Recipe next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(recipe.get())) {
            return;
        }
        recipe.set(next);
        LoadedDataset d = data.get();
        String datasetId = d != null ? d.id() : LoadedDataset.DEFAULT_ID;
        project.set(project.get().withRecipe(new RecipeEntry(RECIPE_ID, "Recipe", datasetId,
                next.steps().stream().map(Step::toEntry).toList())));
        touch();
    }

    /// The recipe stored in `p` for `datasetId` (else its first recipe), or the empty recipe.
    static Recipe recipeOf(Project p, @Nullable String datasetId) {
        return p.recipes().stream().filter(r -> r.datasetId().equals(datasetId)).findFirst()
                .or(() -> p.recipes().stream().findFirst())
                .map(Recipe::fromEntry).orElse(Recipe.EMPTY);
    }

    /// Notes from opening the project (its data file has moved or changed).
    public ObservableList<Diagnostic> notes() {
        return notes;
    }

    /// Counts edits; unequal to [#savedRevisionProperty()] while there are unsaved changes.
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /// The revision last saved (or opened).
    public ReadOnlyLongProperty savedRevisionProperty() {
        return savedRevision.getReadOnlyProperty();
    }

    public long getRevision() {
        return revision.get();
    }

    /// Whether there are unsaved changes.
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /// The project's name.
    public String name() {
        return project.get().name();
    }

    /// Starts over with a new, empty, untitled and clean project.
    public void reset() {
        replace(Project.empty(untitledName, clock.instant()), null, null, List.of());
        named = false;
    }

    /// Replaces everything with an opened project (clean afterwards).
    public void replace(Project opened, @Nullable Path openedFrom, @Nullable LoadedDataset openedData,
                        List<Diagnostic> openNotes) {
        project.set(Objects.requireNonNull(opened, "opened"));
        file.set(openedFrom);
        data.set(openedData);
        recipe.set(recipeOf(opened, openedData == null ? null : openedData.id()));
        notes.setAll(openNotes);
        named = openedFrom != null;
        long next = revision.get() + 1;
        revision.set(next);
        savedRevision.set(next);
    }

    /// Makes `loaded` the project's data (an edit). A project never saved takes the data's name.
    public void setData(LoadedDataset loaded) {
        LoadedDataset previous = data.get();
        String id = previous != null ? previous.id() : LoadedDataset.DEFAULT_ID;
        data.set(loaded.withIdentity(id, loaded.displayName()));
        notes.clear();
        if (!named && file.get() == null) {
            project.set(project.get().withName(baseName(loaded.displayName())));
        }
        touch();
    }

    /// Changes the role of one column of the current data (an edit). Choosing a new target demotes the old one.
    ///
    /// @throws IllegalStateException if there is no data
    public void setColumnRole(String column, ColumnRole role) {
        LoadedDataset current = data.get();
        if (current == null) {
            throw new IllegalStateException("no data is open");
        }
        if (current.dataset().schema().column(column).role() == role) {
            return;
        }
        data.set(current.withRole(column, role));
        touch();
    }

    /// Records a training experiment (e.g. an Autopilot run and its leaderboard) — an edit; an entry with the same
    /// id is replaced.
    public void addExperiment(dev.atelier.engine.project.ExperimentEntry entry) {
        project.set(project.get().withExperiment(Objects.requireNonNull(entry, "entry")));
        touch();
    }

    /// Records a file of batch predictions as a dataset of the project (an edit), so the results stay listed with
    /// the project; predicting the same file again replaces the entry.
    public void addPredictions(Path output, String sha256, java.util.List<dev.atelier.engine.data.ColumnSchema> columns) {
        String id = "predictions-" + output.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        String path = output.toAbsolutePath().normalize().toString();
        Path projectFile = file.get();
        if (projectFile != null && projectFile.toAbsolutePath().getParent() != null
                && output.toAbsolutePath().normalize().startsWith(projectFile.toAbsolutePath().getParent())) {
            path = projectFile.toAbsolutePath().getParent().relativize(output.toAbsolutePath().normalize()).toString();
        }
        project.set(project.get().withDataset(new dev.atelier.engine.project.DatasetEntry(id,
                output.getFileName().toString(), path, sha256, dev.atelier.engine.data.io.CsvOptions.defaults(),
                columns, null)));
        touch();
    }

    /// The current time on the project's clock (for the dates of what is recorded).
    public java.time.Instant now() {
        return clock.instant();
    }

    /// Records a trained model saved as a bundle (an edit); an entry with the same id is replaced.
    public void addModel(ModelEntry entry) {
        project.set(project.get().withModel(Objects.requireNonNull(entry, "entry")));
        touch();
    }

    /// Records a successful save of `saved` to `savedTo`, made from revision `savedAt`.
    public void markSaved(Project saved, Path savedTo, long savedAt) {
        project.set(saved);
        file.set(savedTo);
        named = true;
        savedRevision.set(savedAt);
    }

    private void touch() {
        revision.set(revision.get() + 1);
    }

    private static String baseName(String displayName) {
        int dot = displayName.lastIndexOf('.');
        return dot > 0 ? displayName.substring(0, dot) : displayName;
    }
}
