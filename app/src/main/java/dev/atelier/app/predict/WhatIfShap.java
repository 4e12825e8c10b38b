package dev.atelier.app.predict;

import dev.atelier.app.analyze.explain.ExplainViewModel;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.explain.ShapExplainer;
import dev.atelier.engine.explain.ShapValues;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// The what-if form's "why": the SHAP values of the edited row, computed on the what-if worker after each
/// prediction, against a baseline summarised from the test rows (as on Analyze ▸ Explain). Classifiers are
/// explained for the predicted class, on the probability scale unless only log-odds has an exact method.
/// Toolkit-free; results reach the properties through the FX executor.
public final class WhatIfShap {
    /// Background rows the baseline is summarised from.
    static final int BACKGROUND_ROWS = 200;
    /// Contributions listed; the rest are summed on one line.
    static final int TOP = 8;

    /// One column's contribution to the edited row's prediction.
    ///
    /// @param column       the column
    /// @param value        the row's value
    /// @param contribution its SHAP value
    public record Bar(String column, String value, double contribution) {
    }

    /// One explanation: the bars, largest first, and the sum in words.
    record Result(List<Bar> bars, String equation) {
    }

    private final Messages messages;
    private final Executor fx;
    private final ScheduledExecutorService worker;
    private final ObservableList<Bar> bars = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper equation = new ReadOnlyStringWrapper(this, "equation", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final AtomicLong generation = new AtomicLong();
    private ShapExplainer.@org.jspecify.annotations.Nullable Scale scale;
    private @org.jspecify.annotations.Nullable Model scaleFor;

    WhatIfShap(Messages messages, Executor fx, ScheduledExecutorService worker) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    /// The edited row's contributions, largest first.
    public ObservableList<Bar> bars() {
        return bars;
    }

    /// "Base value + contributions = prediction", with the numbers and the scale.
    public ReadOnlyStringProperty equationProperty() {
        return equation.getReadOnlyProperty();
    }

    /// Whether an explanation is on its way.
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /// Forgets the shown explanation (another model, invalid inputs).
    void clear() {
        generation.incrementAndGet();
        bars.clear();
        equation.set("");
        working.set(false);
    }

    /// Explains `row` (a one-row dataset of the model's input columns) on the worker, after what is queued.
    void explain(Model model, Dataset row, Dataset background) {
        long token = generation.incrementAndGet();
        working.set(true);
        worker.schedule(() -> {
            if (generation.get() != token) {
                return;
            }
            Result r;
            try {
                r = compute(model, row, background);
            } catch (AtelierException | IllegalArgumentException e) {
                r = new Result(List.of(), messages.get("predict.shap.failed"));
            }
            Result done = r;
            fx.execute(() -> {
                if (generation.get() == token) {
                    bars.setAll(done.bars());
                    equation.set(done.equation());
                    working.set(false);
                }
            });
        }, PredictViewModel.DEBOUNCE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private Result compute(Model model, Dataset row, Dataset background) {
        boolean regression = model.header().problem() == ProblemType.REGRESSION;
        Predictions p = model.predict(row);
        int cls = regression ? -1 : p.labelIndex(0);
        Dataset data = withFirst(row, background);
        ShapExplainer.Scale s = scaleFor(model, data);
        ShapValues v = ShapExplainer.explain(model, data, new int[] {0}, new ShapExplainer.Options(
                ShapExplainer.Method.AUTO, s, cls, 512, 10, 42), JobContext.silent());
        int m = v.columns().size();
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(v.value(0, j))));
        var list = new ArrayList<Bar>();
        int shown = m - TOP <= 1 ? m : TOP;
        double rest = 0;
        for (int k = 0; k < m; k++) {
            int j = order[k];
            if (k < shown) {
                int index = row.schema().indexOf(v.columns().get(j));
                String value = index < 0 ? "" : row.isMissing(0, index) ? "(missing)" : row.text(0, index);
                list.add(new Bar(v.columns().get(j), value, v.value(0, j)));
            } else {
                rest += v.value(0, j);
            }
        }
        if (shown < m) {
            list.add(new Bar(messages.get("analyze.explain.waterfall.others").replace("{0}",
                    Integer.toString(m - shown)), "", rest));
        }
        double sum = list.stream().mapToDouble(Bar::contribution).sum();
        String unit = regression ? messages.get("predict.shap.unit.value")
                : messages.get("predict.shap.unit." + v.scale(), p.classes().get(cls));
        String text = messages.get("predict.shap.equation", number(v.base()[0]), signed(sum),
                number(v.prediction()[0]), unit);
        return new Result(list, text);
    }

    private ShapExplainer.Scale scaleFor(Model model, Dataset data) {
        if (scaleFor != model || scale == null) {
            scale = ExplainViewModel.defaultScale(model, data);
            scaleFor = model;
        }
        return scale;
    }

    /// `row` followed by up to [#BACKGROUND_ROWS] rows of `background`, with `row`'s columns (in its order) and
    /// types.
    static Dataset withFirst(Dataset row, Dataset background) {
        int n = Math.min(BACKGROUND_ROWS, background.rowCount());
        int[] take = IntStream.range(0, n).map(i -> (int) ((long) i * background.rowCount() / Math.max(1, n)))
                .toArray();
        Dataset sample = background.rows(take);
        List<Column<?>> cols = new ArrayList<>();
        List<ColumnSchema> schema = new ArrayList<>();
        for (int c = 0; c < row.columnCount(); c++) {
            ColumnSchema cs = row.schema().get(c);
            int b = sample.schema().indexOf(cs.name());
            Column<?> first = row.columnsUnsafe().get(c).copy();
            if (b >= 0 && sample.schema().get(b).type() == cs.type()) {
                append(first, sample.columnsUnsafe().get(b));
            } else {
                Column<?> empty = first.emptyCopy(n);   // a column the background lacks: missing there
                append(first, empty);
            }
            cols.add(first);
            schema.add(cs);
        }
        return Dataset.of(row.name(), Table.create(row.name(), cols), new Schema(schema));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void append(Column target, Column source) {
        target.append(source);
    }

    private static String number(double v) {
        return Math.abs(v) >= 1000 ? String.format(java.util.Locale.ROOT, "%,.1f", v)
                : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /// A contribution as signed text.
    public static String signed(double v) {
        return (v >= 0 ? "+" : "−") + number(Math.abs(v));
    }
}
