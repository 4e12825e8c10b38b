package dev.atelier.app.predict;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.common.dialogs.FileChooserService;
import dev.atelier.app.common.i18n.AlgorithmNames;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRequest;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.DatasetBuilder;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.CsvWriter;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.wrangle.PreparedModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/// The Predict screen with the default Autopilot model: a what-if form generated from the model's input columns
/// (edit a value, and the prediction and class probabilities update — computed on a background thread, a
/// moment after the last keystroke), and batch prediction of a CSV file written next to it as
/// `<name>-predictions.csv`, with a preview. Toolkit-free; call it on the FX thread.
public final class PredictViewModel {
    /// Wait this long after the last edit before predicting.
    public static final long DEBOUNCE_MILLIS = 250;
    /// Rows shown in the batch preview.
    public static final int PREVIEW_ROWS = 100;
    /// Most choices offered for a categorical column.
    static final int MAX_CHOICES = 200;

    /// One input of the form.
    public static final class Field {
        private final String name;
        private final ColumnType type;
        private final List<String> choices;
        private final String hint;
        private final StringProperty value = new SimpleStringProperty(this, "value", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

        Field(String name, ColumnType type, List<String> choices, String hint, String initial) {
            this.name = name;
            this.type = type;
            this.choices = List.copyOf(choices);
            this.hint = hint;
            this.value.set(initial);
        }

        public String name() {
            return name;
        }

        public ColumnType type() {
            return type;
        }

        /// The values seen in the data (categorical and true/false columns), most common first.
        public List<String> choices() {
            return choices;
        }

        /// What values the column held, in words.
        public String hint() {
            return hint;
        }

        /// The value as typed (empty = missing).
        public StringProperty valueProperty() {
            return value;
        }

        /// Why the value cannot be used; empty when it can.
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    /// A class and its probability.
    public record ClassProbability(String label, double probability) {
    }

    /// A finished batch prediction.
    ///
    /// @param output  the file written
    /// @param rows    rows predicted
    /// @param columns the preview's column names
    /// @param preview the first rows as text
    /// @param schema  the written file's columns (inputs plus predictions)
    /// @param sha256  the written file's SHA-256, so the project notices later changes
    public record BatchResult(Path output, int rows, List<String> columns, List<List<String>> preview,
                              List<ColumnSchema> schema, String sha256) {
    }

    private final AutopilotSession session;
    private java.util.function.Consumer<BatchResult> recorder = r -> { };
    private final dev.atelier.engine.algorithms.AlgorithmCatalog catalog;
    private final JobRunner jobs;
    private final FileChooserService files;
    private final Messages messages;
    private final Executor fx;
    private final ScheduledExecutorService worker;

    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modelTitle = new ReadOnlyStringWrapper(this, "modelTitle", "");
    private final ReadOnlyStringWrapper prediction = new ReadOnlyStringWrapper(this, "prediction", "");
    private final ObservableList<ClassProbability> probabilities = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper predicting = new ReadOnlyBooleanWrapper(this, "predicting");
    private final ReadOnlyObjectWrapper<@Nullable BatchResult> batch = new ReadOnlyObjectWrapper<>(this, "batch");
    private final ReadOnlyStringWrapper batchStatus = new ReadOnlyStringWrapper(this, "batchStatus", "");
    private final ReadOnlyBooleanWrapper batchRunning = new ReadOnlyBooleanWrapper(this, "batchRunning");
    private final AtomicLong generation = new AtomicLong();
    private @Nullable ScheduledFuture<?> pending;
    private @Nullable Model model;
    private int modelId = -1;
    private @Nullable RunningJob batchJob;
    private final WhatIfShap whatIf;

    /// `worker` runs the what-if predictions (one daemon thread is enough); results reach the properties
    /// through `fx`.
    public PredictViewModel(AutopilotSession session, dev.atelier.engine.algorithms.AlgorithmCatalog catalog,
                            JobRunner jobs, FileChooserService files, Messages messages, Executor fx,
                            ScheduledExecutorService worker) {
        this.session = Objects.requireNonNull(session, "session");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.files = Objects.requireNonNull(files, "files");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.whatIf = new WhatIfShap(messages, fx, worker);
        session.defaultCandidateProperty().addListener((o, a, b) -> modelChanged());
        session.resultProperty().addListener((o, a, b) -> modelChanged());
        modelChanged();
    }

    // ---- properties ---------------------------------------------------------------------------------

    /// The form's inputs, one per input column of the model.
    public ObservableList<Field> fields() {
        return fields;
    }

    /// Which model predicts.
    public ReadOnlyStringProperty modelTitleProperty() {
        return modelTitle.getReadOnlyProperty();
    }

    /// The prediction for the form's values, as text.
    public ReadOnlyStringProperty predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /// Classification: each class's probability, most likely first.
    public ObservableList<ClassProbability> probabilities() {
        return probabilities;
    }

    /// Whether a what-if prediction is on its way.
    public ReadOnlyBooleanProperty predictingProperty() {
        return predicting.getReadOnlyProperty();
    }

    /// The last batch prediction.
    public ReadOnlyObjectProperty<@Nullable BatchResult> batchProperty() {
        return batch.getReadOnlyProperty();
    }

    /// One line about the batch prediction.
    public ReadOnlyStringProperty batchStatusProperty() {
        return batchStatus.getReadOnlyProperty();
    }

    /// Whether a batch prediction runs.
    public ReadOnlyBooleanProperty batchRunningProperty() {
        return batchRunning.getReadOnlyProperty();
    }

    /// The SHAP values of the what-if row, updated after each prediction.
    public WhatIfShap whatIf() {
        return whatIf;
    }

    /// Whether there is a model to predict with.
    public boolean hasModel() {
        return model != null;
    }

    // ---- what-if -----------------------------------------------------------------------------------

    private void modelChanged() {
        AutopilotSession.Context ctx = session.getContext();
        // with a recipe, the model is seen as a model of the raw rows: the recipe is replayed before it predicts
        Model m = session.defaultModel().map(x -> ctx == null ? x : ctx.predictor(x)).orElse(null);
        int id = session.defaultCandidateProperty().get();
        if (Objects.equals(m, model) && id == modelId) {
            return;
        }
        model = m;
        modelId = id;
        generation.incrementAndGet();
        probabilities.clear();
        prediction.set("");
        whatIf.clear();
        if (m == null || ctx == null) {
            fields.clear();
            modelTitle.set(messages.get("predict.noModel"));
            return;
        }
        String algorithm = session.row(id).map(r -> r.algorithm()).orElse(m.header().algorithm());
        modelTitle.set(messages.get("predict.model", "#" + id, algorithmName(algorithm), ctx.target()));
        Dataset all = ctx.all();
        var list = new ArrayList<Field>();
        for (String column : inputColumns(m, ctx.target())) {
            int index = all.schema().indexOf(column);
            if (index < 0) {
                continue;
            }
            Field f = field(all, index);
            f.valueProperty().addListener((o, a, b) -> schedule());
            list.add(f);
        }
        fields.setAll(list);
        schedule();
    }

    /// The raw columns the form asks for: the model's inputs, or with a recipe the feature columns it reads.
    private static List<String> inputColumns(Model m, String target) {
        if (m instanceof PreparedModel pm) {
            return pm.recipe().input().stream().filter(c -> c.role() == ColumnRole.FEATURE)
                    .map(ColumnSchema::name).filter(n -> !n.equals(target)).toList();
        }
        return m.pipeline().inputColumns();
    }

    private Field field(Dataset all, int index) {
        ColumnSchema cs = all.schema().columns().get(index);
        String name = cs.name();
        ColumnType type = cs.type();
        int n = all.rowCount();
        if (type == ColumnType.NUMERIC) {
            double[] values = Arrays.stream(all.numbers(index)).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (values.length == 0) {
                return new Field(name, type, List.of(), messages.get("predict.hint.empty"), "");
            }
            double median = values[values.length / 2];
            return new Field(name, type, List.of(), messages.get("predict.hint.numeric",
                    Dataset.formatNumber(values[0]), Dataset.formatNumber(values[values.length - 1]),
                    Dataset.formatNumber(median)), Dataset.formatNumber(median));
        }
        var counts = new LinkedHashMap<String, Integer>();
        for (int r = 0; r < n; r++) {
            if (!all.isMissing(r, index)) {
                counts.merge(all.text(r, index), 1, Integer::sum);
            }
        }
        List<String> byCount = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey)
                .limit(MAX_CHOICES).toList();
        String first = byCount.isEmpty() ? "" : byCount.getFirst();
        return switch (type) {
            case CATEGORICAL, BOOLEAN -> new Field(name, type, byCount,
                    messages.get("predict.hint.categorical", counts.size()), first);
            case DATETIME -> new Field(name, type, List.of(), messages.get("predict.hint.date"), first);
            default -> new Field(name, type, List.of(), messages.get("predict.hint.text"), first);
        };
    }

    /// Predicts the form's values a moment after the last change, off the FX thread.
    private void schedule() {
        Model m = model;
        if (m == null) {
            return;
        }
        long token = generation.incrementAndGet();
        Map<String, String> values = new HashMap<>();
        Map<String, ColumnType> types = new HashMap<>();
        var order = new ArrayList<String>();
        boolean valid = true;
        for (Field f : fields) {
            String problemText = check(f);
            f.error.set(problemText);
            valid &= problemText.isEmpty();
            values.put(f.name(), f.valueProperty().get());
            types.put(f.name(), f.type());
            order.add(f.name());
        }
        if (m instanceof PreparedModel pm) {
            // columns the recipe was fitted with but the form does not ask for (ids, ignored): missing
            String target = session.getContext() == null ? "" : session.getContext().target();
            for (ColumnSchema c : pm.recipe().input()) {
                if (!types.containsKey(c.name()) && !c.name().equals(target)) {
                    order.add(c.name());
                    types.put(c.name(), c.type());
                    values.put(c.name(), "");
                }
            }
        }
        if (!valid) {
            prediction.set(messages.get("predict.fixInputs"));
            probabilities.clear();
            whatIf.clear();
            return;
        }
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        predicting.set(true);
        pending = worker.schedule(() -> {
            if (generation.get() != token) {
                return;
            }
            String text;
            List<ClassProbability> probs = List.of();
            try {
                Predictions pr = m.predict(oneRow(order, values, types));
                if (pr.isClassification()) {
                    text = pr.label(0);
                    var list = new ArrayList<ClassProbability>();
                    for (int c = 0; c < pr.classes().size(); c++) {
                        list.add(new ClassProbability(pr.classes().get(c), pr.probability(0, c)));
                    }
                    list.sort((a, b) -> Double.compare(b.probability(), a.probability()));
                    probs = list;
                } else {
                    text = Dataset.formatNumber(pr.value(0));
                }
            } catch (AtelierException e) {
                text = messages.error(e);
            } catch (RuntimeException e) {
                text = messages.get("predict.failed", String.valueOf(e.getMessage()));
            }
            String t = text;
            List<ClassProbability> ps = probs;
            fx.execute(() -> {
                if (generation.get() == token) {
                    prediction.set(t);
                    probabilities.setAll(ps);
                    predicting.set(false);
                }
            });
        }, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        AutopilotSession.Context ctx = session.getContext();
        if (ctx != null) {
            whatIf.explain(m, oneRow(order, values, types), ctx.test().rowCount() > 0 ? ctx.test() : ctx.all());
        }
    }

    private String check(Field f) {
        String v = f.valueProperty().get() == null ? "" : f.valueProperty().get().strip();
        if (v.isEmpty()) {
            return "";
        }
        if (f.type() == ColumnType.NUMERIC) {
            try {
                Double.parseDouble(v.replace(",", ""));
            } catch (NumberFormatException e) {
                return messages.get("predict.error.number", f.name(), v);
            }
        }
        if (f.type() == ColumnType.DATETIME && parseDate(v) == null) {
            return messages.get("predict.error.date", f.name(), v);
        }
        return "";
    }

    /// A one-row dataset of the given values, each column with the type the model was trained on.
    static Dataset oneRow(List<String> order, Map<String, String> values, Map<String, ColumnType> types) {
        DatasetBuilder b = Dataset.builder("what-if");
        for (String name : order) {
            String v = values.getOrDefault(name, "");
            v = v == null ? "" : v.strip();
            boolean missing = v.isEmpty();
            switch (types.get(name)) {
                case NUMERIC -> b.numeric(name, missing ? Double.NaN : Double.parseDouble(v.replace(",", "")));
                case BOOLEAN -> b.bool(name, missing ? null : Boolean.valueOf(truthy(v)));
                case DATETIME -> b.dateTime(name, missing ? null : parseDate(v));
                case TEXT -> b.text(name, missing ? null : v);
                default -> b.categorical(name, missing ? null : v);
            }
        }
        return b.build();
    }

    private static boolean truthy(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "t" -> true;
            default -> false;
        };
    }

    private static @Nullable LocalDateTime parseDate(String v) {
        try {
            return LocalDateTime.parse(v);
        } catch (RuntimeException e) {
            try {
                return LocalDate.parse(v).atStartOfDay();
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    // ---- batch ------------------------------------------------------------------------------------

    /// Asks for a CSV file and predicts every row of it as a job.
    public void predictFile() {
        files.chooseDataFile().ifPresent(this::predictFile);
    }

    /// What to do with each finished batch prediction (the studio records it in the project).
    public void setRecorder(java.util.function.Consumer<BatchResult> recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /// Predicts every row of `file` and writes `<name>-predictions.csv` next to it.
    public void predictFile(Path file) {
        Model m = model;
        AutopilotSession.Context ctx = session.getContext();
        if (m == null || ctx == null || batchRunning.get()) {
            return;
        }
        String target = ctx.target();
        String stem = file.getFileName().toString().replaceAll("\\.[A-Za-z0-9]+$", "");
        Path out = file.resolveSibling(stem + "-predictions.csv");
        batchRunning.set(true);
        batch.set(null);
        batchStatus.set(messages.get("predict.batch.running", file.getFileName().toString()));
        batchJob = jobs.start(new JobRequest<BatchResult>("job.predict", List.of(file.getFileName().toString()),
                c -> {
                    Dataset data = CsvImporter.read(file, CsvOptions.defaults(), c.child(0.4)).dataset();
                    c.throwIfCancelled();
                    Predictions p = m.predict(data);      // replays the model's recipe first, if any
                    if (p.size() != data.rowCount()) {
                        throw new dev.atelier.engine.error.DataException(
                                dev.atelier.engine.error.ErrorCode.RECIPE_CHANGES_ROWS, data.rowCount(), p.size());
                    }
                    c.throwIfCancelled();
                    Dataset withPredictions = appended(data, p, target);
                    CsvWriter.write(withPredictions, out, c.child(0.5));
                    return new BatchResult(out, data.rowCount(), withPredictions.schema().columns().stream()
                            .map(ColumnSchema::name).toList(), preview(withPredictions),
                            withPredictions.schema().columns(),
                            dev.atelier.engine.persist.Fingerprints.sha256(out));
                }, r -> {
                    batch.set(r);
                    recorder.accept(r);
                    batchStatus.set(messages.get("predict.batch.done", r.rows(), r.output().toString()));
                }, state -> {
                    batchRunning.set(false);
                    batchJob = null;
                    if (state == dev.atelier.engine.job.JobState.CANCELLED) {
                        batchStatus.set(messages.get("predict.batch.cancelled"));
                    } else if (state == dev.atelier.engine.job.JobState.FAILED) {
                        batchStatus.set(messages.get("predict.batch.failed"));
                    }
                }));
    }

    /// Stops a running batch prediction.
    public void cancelBatch() {
        RunningJob j = batchJob;
        if (j != null) {
            j.cancel();
        }
    }

    /// `data` with the prediction columns added: `predicted_<target>` and, for classification,
    /// `probability_<class>` per class.
    static Dataset appended(Dataset data, Predictions p, String target) {
        Table table = data.table().copy();
        var schema = new ArrayList<>(data.schema().columns());
        String name = unique(table, "predicted_" + target);
        if (p.isClassification()) {
            String[] labels = new String[p.size()];
            for (int r = 0; r < labels.length; r++) {
                labels[r] = p.label(r);
            }
            table.addColumns(StringColumn.create(name, labels));
            schema.add(ColumnSchema.feature(name, ColumnType.CATEGORICAL));
            for (int c = 0; c < p.classes().size(); c++) {
                String pn = unique(table, "probability_" + p.classes().get(c));
                table.addColumns(DoubleColumn.create(pn, p.probabilitiesOf(c)));
                schema.add(ColumnSchema.feature(pn, ColumnType.NUMERIC));
            }
        } else {
            table.addColumns(DoubleColumn.create(name, p.values()));
            schema.add(ColumnSchema.feature(name, ColumnType.NUMERIC));
        }
        return Dataset.of(data.name(), table, new Schema(schema));
    }

    private static String unique(Table table, String name) {
        String n = name;
        int i = 2;
        while (table.columnNames().contains(n)) {
            n = name + "_" + i++;
        }
        return n;
    }

    private static List<List<String>> preview(Dataset d) {
        var rows = new ArrayList<List<String>>();
        for (int r = 0; r < Math.min(PREVIEW_ROWS, d.rowCount()); r++) {
            var row = new ArrayList<String>();
            for (int c = 0; c < d.columnCount(); c++) {
                boolean probability = d.schema().columns().get(c).name().startsWith("probability_");
                row.add(d.isMissing(r, c) ? "" : probability
                        ? String.format(Locale.ROOT, "%.3f", d.number(r, c)) : d.text(r, c));
            }
            rows.add(row);
        }
        return rows;
    }

    private String algorithmName(String key) {
        return AlgorithmNames.of(catalog, messages, key);
    }
}
