package dev.atelier.app.prepare;

import dev.atelier.app.common.controls.ParamField;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.Requirement;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.wrangle.ColumnSummary;
import dev.atelier.engine.wrangle.Preview;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.Sources;
import dev.atelier.engine.wrangle.Step;
import dev.atelier.engine.wrangle.StepStatus;
import dev.atelier.engine.wrangle.TransformInfo;
import dev.atelier.engine.wrangle.TransformRegistry;
import dev.atelier.engine.wrangle.Wrangler;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Prepare screen: the recipe (an immutable [Recipe] value) with an undo/redo stack covering every edit
/// (add, edit parameters, reorder, switch on/off, delete, import); the selected step and its parameter form;
/// a before/after preview of the selected step on the sample (at most [#SAMPLE_ROWS] rows of the loaded data),
/// computed as a job off the FX thread after a short pause in editing; every step's validity with the reason;
/// export and import of recipe JSON through [Recipes].
///
/// The recipe is the project's ([ProjectState#recipeProperty()]): every edit is stored there, so it is saved with
/// the project file and restored when the project is opened (the undo history starts afresh then).
///
/// Toolkit-free; call it on the FX thread. Consecutive parameter edits of the same step are one undo step.
public final class PrepareViewModel {
    /// The largest sample the preview runs on.
    public static final int SAMPLE_ROWS = 20_000;
    /// The parameters shown before "More settings".
    static final int BASIC_PARAMS = 5;
    /// Rows the steps before a step run on to learn which columns reach it (for the column pickers).
    static final int SCHEMA_ROWS = 500;

    private final ProjectState project;
    private final JobRunner jobs;
    private RecipeFiles files;
    private final Messages messages;
    private final Debouncer debouncer;

    private final ReadOnlyObjectWrapper<Recipe> recipe = new ReadOnlyObjectWrapper<>(this, "recipe", Recipe.EMPTY);
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final StringProperty selectedStepId = new SimpleStringProperty(this, "selectedStepId");
    private final ObservableList<ParamField> params = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper(this, "previewing");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final StringProperty histogramColumn = new SimpleStringProperty(this, "histogramColumn");
    private final BooleanBinding hasData;

    private final Deque<Recipe> undo = new ArrayDeque<>();
    private final Deque<Recipe> redo = new ArrayDeque<>();
    private @Nullable String lastCoalesce;
    private @Nullable Dataset sample;
    private List<StepStatus> statuses = List.of();
    private long generation;
    private boolean loadingFields;
    private @Nullable String fieldsFor;

    public PrepareViewModel(ProjectState project, JobRunner jobs, RecipeFiles files, Messages messages,
                            Debouncer debouncer) {
        this.project = Objects.requireNonNull(project, "project");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.files = Objects.requireNonNull(files, "files");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.debouncer = Objects.requireNonNull(debouncer, "debouncer");
        this.hasData = Bindings.isNotNull(project.dataProperty());
        project.dataProperty().addListener((o, a, b) -> dataChanged(b));
        recipe.set(project.getRecipe());
        project.recipeProperty().addListener((o, a, b) -> projectRecipeChanged(b));
        selectedStepId.addListener((o, a, b) -> {
            loadFields();
            refresh();
        });
        dataChanged(project.getData());
    }

    // ---- state ------------------------------------------------------------------------------------------

    /// The recipe now.
    public ReadOnlyObjectProperty<Recipe> recipeProperty() {
        return recipe.getReadOnlyProperty();
    }

    public Recipe getRecipe() {
        return recipe.get();
    }

    /// The step list, numbered, with each step's validity.
    public ObservableList<StepRow> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }

    /// The id of the selected step, or `null`.
    public StringProperty selectedStepIdProperty() {
        return selectedStepId;
    }

    /// The selected step's position, or -1.
    public int selectedIndex() {
        String id = selectedStepId.get();
        return id == null ? -1 : recipe.get().indexOf(id);
    }

    /// The selected step's parameters as form fields; editing them edits the step.
    public ObservableList<ParamField> params() {
        return params;
    }

    /// The preview of the selected step; `null` when no step is selected or it is not computed yet.
    public ReadOnlyObjectProperty<@Nullable Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public @Nullable Preview getPreview() {
        return preview.get();
    }

    /// Whether a preview is being computed.
    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /// A one-line summary of the preview ("312 cells changed in credit_score"), or what is wrong.
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /// The column whose before/after histogram is shown.
    public StringProperty histogramColumnProperty() {
        return histogramColumn;
    }

    /// Whether there is data to prepare.
    public BooleanBinding hasDataProperty() {
        return hasData;
    }

    /// The sample the preview runs on, or `null` without data.
    public @Nullable Dataset sample() {
        return sample;
    }

    /// Every transform, in catalogue order (grouped by family).
    public List<TransformInfo> catalogue() {
        return TransformRegistry.all();
    }

    /// The transforms whose column parameter accepts a column of `type` (for a column header's menu).
    public List<TransformInfo> transformsFor(ColumnType type) {
        return Wrangler.transformsFor(type).stream()
                .filter(t -> t.params().stream().anyMatch(TransformInfo::isColumnParam)).toList();
    }

    /// The transforms whose name, key, family or description contains `query` (case-insensitive).
    public List<TransformInfo> search(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return catalogue();
        }
        return catalogue().stream().filter(t -> (t.name() + " " + t.key() + " " + t.family().displayName() + " "
                + t.description()).toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    /// Before/after statistics of `column` in the current preview: `[before, after]`, either `null` if the
    /// column is absent on that side.
    public @Nullable ColumnSummary[] histogram(String column) {
        Preview p = preview.get();
        if (p == null || column == null) {
            return new ColumnSummary[2];
        }
        return new ColumnSummary[] {PrepareColumns.summary(p.before(), p.beforeStats(), column),
            PrepareColumns.summary(p.after(), p.afterStats(), column)};
    }

    // ---- edits --------------------------------------------------------------------------------------------

    /// Adds a step of `transform` after the selected step (at the end when none is selected) and selects it.
    /// `column`, if given, fills the transform's first column parameter.
    public void addStep(TransformInfo transform, @Nullable String column) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (column != null) {
            transform.params().stream().filter(TransformInfo::isColumnParam).findFirst()
                    .ifPresent(p -> values.put(p.name(), column));
        }
        int at = selectedIndex() < 0 ? recipe.get().steps().size() : selectedIndex() + 1;
        Recipe next = recipe.get().insert(at, transform.key(), values);
        edit(next, null);
        selectedStepId.set(next.steps().get(at).id());
    }

    /// Deletes the step at `index`.
    public void delete(int index) {
        Recipe next = recipe.get().remove(index);
        edit(next, null);
        if (next.indexOf(String.valueOf(selectedStepId.get())) < 0) {
            selectedStepId.set(next.steps().isEmpty() ? null
                    : next.steps().get(Math.min(index, next.steps().size() - 1)).id());
        }
    }

    /// Moves the step at `from` to `to` (both within the list).
    public void move(int from, int to) {
        int n = recipe.get().steps().size();
        if (from == to || from < 0 || to < 0 || from >= n || to >= n) {
            return;
        }
        edit(recipe.get().move(from, to), null);
    }

    /// Switches the step at `index` on or off.
    public void setEnabled(int index, boolean on) {
        Step s = recipe.get().steps().get(index);
        if (s.enabled() != on) {
            edit(recipe.get().replace(index, s.withEnabled(on)), null);
        }
    }

    /// Replaces the selected step's parameters (one undo step for a run of edits of the same step).
    public void setParameters(Map<String, Object> values) {
        int i = selectedIndex();
        if (i < 0) {
            return;
        }
        Step s = recipe.get().steps().get(i);
        edit(recipe.get().replace(i, s.withParameters(values)), "params:" + s.id());
    }

    /// Undoes the last edit.
    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(recipe.get());
            restore(undo.pop());
        }
    }

    /// Redoes the last undone edit.
    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(recipe.get());
            restore(redo.pop());
        }
    }

    /// Replaces the whole recipe (an edit that can be undone).
    public void setRecipe(Recipe next) {
        edit(next, null);
        keepSelection();
        loadFields();
        refresh();
    }

    /// The project's recipe was replaced from outside (a project opened, a new project): it becomes the recipe,
    /// with a fresh undo history.
    private void projectRecipeChanged(Recipe r) {
        if (r.equals(recipe.get())) {
            return;         // our own edit coming back
        }
        undo.clear();
        redo.clear();
        lastCoalesce = null;
        recipe.set(r);
        updateUndo();
        selectedStepId.set(null);
        keepSelection();
        fieldsFor = null;
        loadFields();
        refresh();
    }

    private void restore(Recipe r) {
        lastCoalesce = null;
        recipe.set(r);
        project.setRecipe(r);
        updateUndo();
        keepSelection();
        fieldsFor = null;       // parameters may differ: reload the form
        loadFields();
        refresh();
    }

    private void keepSelection() {
        Recipe r = recipe.get();
        String id = selectedStepId.get();
        if (id == null || r.indexOf(id) < 0) {
            selectedStepId.set(r.steps().isEmpty() ? null : r.steps().getLast().id());
        }
    }

    private void edit(Recipe next, @Nullable String coalesce) {
        Recipe current = recipe.get();
        if (next.equals(current)) {
            return;
        }
        if (coalesce == null || !coalesce.equals(lastCoalesce)) {
            undo.push(current);
        }
        lastCoalesce = coalesce;
        redo.clear();
        recipe.set(next);
        project.setRecipe(next);
        updateUndo();
        rows();
        refresh();
    }

    private void updateUndo() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    // ---- files --------------------------------------------------------------------------------------------

    /// Uses other file pickers (tests and tools choose files directly).
    public void useFiles(RecipeFiles other) {
        this.files = Objects.requireNonNull(other, "other");
    }

    /// Asks where to export the recipe and writes it there (atomically) as a job.
    public void exportRecipe() {
        LoadedDataset data = project.getData();
        String name = (data != null ? stem(data.displayName()) : project.name()) + "-recipe";
        files.chooseRecipeToSave(name).ifPresent(this::exportTo);
    }

    /// Writes the recipe to `file` as a job.
    public void exportTo(Path file) {
        Recipe r = recipe.get();
        jobs.start(new JobRequest<Path>("job.prepare.export", List.of(file.getFileName().toString()), ctx -> {
            Recipes.write(file, r);
            return file;
        }, f -> status.set(messages.get("prepare.exported", f.getFileName().toString())), s -> { }));
    }

    /// Asks for a recipe file and imports it (replacing the recipe; undo brings the old one back).
    public void importRecipe() {
        files.chooseRecipeToOpen().ifPresent(this::importFrom);
    }

    /// Reads the recipe in `file` as a job and makes it the recipe.
    public void importFrom(Path file) {
        jobs.start(new JobRequest<Recipe>("job.prepare.import", List.of(file.getFileName().toString()),
                ctx -> Recipes.readRecipe(file), r -> {
                    selectedStepId.set(null);
                    setRecipe(r);
                }, s -> { }));
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    // ---- parameters form ------------------------------------------------------------------------------------

    private void loadFields() {
        int i = selectedIndex();
        String id = i < 0 ? null : recipe.get().steps().get(i).id();
        if (Objects.equals(id, fieldsFor) && id != null) {
            return;
        }
        fieldsFor = id;
        loadingFields = true;
        try {
            var list = new ArrayList<ParamField>();
            if (i >= 0) {
                Step s = recipe.get().steps().get(i);
                TransformInfo info = info(s.transform());
                Schema reaching = info == null ? null : schemaAt(i);
                if (info != null) {
                    int n = 0;
                    for (ParamSpec spec : info.params()) {
                        boolean basic = n++ < BASIC_PARAMS || TransformInfo.isColumnParam(spec)
                                || spec.requirement() == Requirement.REQUIRED;
                        ParamField f = new ParamField(spec, !basic, messages);
                        if (reaching != null && TransformInfo.isColumnParam(spec)) {
                            f.useColumnChoices(PrepareColumns.columnChoices(info, spec, reaching),
                                    PrepareColumns.isColumnList(spec));
                        }
                        Object value = s.parameters().get(spec.name());
                        if (value != null) {
                            f.setText(text(spec, value));
                        }
                        f.textProperty().addListener((o, a, b) -> commitFields());
                        list.add(f);
                    }
                }
            }
            params.setAll(list);
        } finally {
            loadingFields = false;
        }
    }

    /// The columns of the data reaching step `index` (what the steps before it leave), from the current preview
    /// when it is of that step, else by running the steps before it on the first rows of the sample; `null`
    /// without data.
    @Nullable Schema schemaAt(int index) {
        Preview p = preview.get();
        Step step = recipe.get().steps().get(index);
        if (p != null && !p.statuses().isEmpty() && p.statuses().getLast().stepId().equals(step.id())) {
            return p.before().schema();
        }
        Dataset data = sample;
        if (data == null) {
            return null;
        }
        try {
            return Wrangler.preview(recipe.get(), data.head(Math.min(data.rowCount(), SCHEMA_ROWS)), index,
                    Sources.NONE).before().schema();
        } catch (RuntimeException e) {
            return data.schema();
        }
    }

    private static String text(ParamSpec spec, Object value) {
        return switch (value) {
            case List<?> l -> String.join(",", l.stream().map(String::valueOf).toList());
            case Double d -> spec.format(d);
            default -> String.valueOf(value);
        };
    }

    private void commitFields() {
        if (loadingFields) {
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamField f : params) {
            String t = f.getText().strip();
            if (!f.isFromData() && !t.isEmpty() && f.isValid() && (f.isChanged() || f.isRequired())) {
                values.put(f.name(), t);
            }
        }
        setParameters(values);
    }

    private static @Nullable TransformInfo info(String key) {
        try {
            return TransformRegistry.info(key);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- preview ------------------------------------------------------------------------------------------

    /// At most [#SAMPLE_ROWS] rows: all of a small table, else a seeded random subset in the original order.
    static Dataset sampleOf(Dataset data) {
        return PrepareColumns.sampleOf(data);
    }

    private void dataChanged(@Nullable LoadedDataset data) {
        sample = data == null ? null : sampleOf(data.dataset());
        refresh();
    }

    /// Recomputes the step list's validity and the preview after a pause in editing.
    private void refresh() {
        rows();
        long gen = ++generation;
        Dataset data = sample;
        Recipe r = recipe.get();
        int index = selectedIndex();
        if (data == null || r.steps().isEmpty()) {
            statuses = List.of();
            rows();
            preview.set(null);
            previewing.set(false);
            status.set(data == null ? "" : messages.get("prepare.status.empty"));
            return;
        }
        previewing.set(true);
        debouncer.request(() -> {
            if (gen != generation) {
                return;
            }
            jobs.start(new JobRequest<Computed>("job.prepare.preview", List.of(), ctx -> {
                List<StepStatus> all = Wrangler.validate(r, data, Sources.NONE);
                ctx.throwIfCancelled();
                Preview p = index < 0 ? null : Wrangler.preview(r, data, index, Sources.NONE);
                return new Computed(all, p);
            }, c -> {
                if (gen == generation) {
                    shown(c);
                }
            }, s -> {
                if (gen == generation) {
                    previewing.set(false);
                }
            }));
        });
    }

    private record Computed(List<StepStatus> statuses, @Nullable Preview preview) {
    }

    private void shown(Computed c) {
        statuses = c.statuses();
        rows();
        Preview p = c.preview();
        String column = histogramColumn.get();
        preview.set(p);
        if (p == null) {
            status.set(messages.get("prepare.status.select"));
            return;
        }
        boolean absent = column == null
                || p.after().schema().indexOf(column) < 0 && p.before().schema().indexOf(column) < 0;
        boolean touched = column != null && (p.changedCells().getOrDefault(column, 0) > 0
                || p.addedColumns().contains(column) || p.afterStats().stream().anyMatch(x -> x.name().equals(column)));
        if (absent || !touched && PrepareColumns.firstTouched(p) != null && PrepareColumns.hasTouched(p)) {
            histogramColumn.set(PrepareColumns.firstTouched(p));
        }
        StepStatus own = p.statuses().getLast();
        if (!own.valid()) {
            status.set(messages.get("prepare.status.invalid", reason(own)));
        } else {
            List<String> changed = p.changedCells().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(Map.Entry::getKey).toList();
            status.set(messages.get("prepare.status.preview", p.totalChanged(), changed.size(),
                    p.addedColumns().size(), p.removedColumns().size(), p.before().rowCount(),
                    p.after().rowCount()));
        }
    }

    private String reason(StepStatus s) {
        return s.valid() || s.code() == null ? "" : messages.error(s.code(), s.args());
    }

    private void rows() {
        var out = new ArrayList<StepRow>();
        List<Step> list = recipe.get().steps();
        for (int i = 0; i < list.size(); i++) {
            Step s = list.get(i);
            StepStatus st = statuses.stream().filter(x -> x.stepId().equals(s.id())).findFirst().orElse(null);
            boolean valid = st == null || st.valid();
            out.add(new StepRow(i + 1, s, info(s.transform()), valid, st == null ? "" : reason(st)));
        }
        if (!out.equals(steps)) {
            steps.setAll(out);
        }
    }
}
