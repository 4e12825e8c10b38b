package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// The recipe engine: fits recipes, applies fitted recipes, previews and validates steps.
public final class Wrangler {
    private Wrangler() {
    }

    /// A fitted recipe with the training data it produced.
    ///
    /// @param fitted the fitted recipe
    /// @param data   the prepared training data
    public record FitResult(FittedRecipe fitted, Dataset data) {
    }

    /// Fits every enabled step in order on `train`: each step learns from the data as the earlier steps left it,
    /// then changes it.
    ///
    /// @throws AtelierException when a step is invalid for the data (unknown transform, bad parameter, missing
    ///                          or unsuitable column)
    public static FitResult fit(Recipe recipe, Dataset train, Sources sources, JobContext ctx) {
        Frame frame = Frame.of(train);
        var fitted = new ArrayList<FittedStep>();
        int n = recipe.steps().size();
        for (int i = 0; i < n; i++) {
            ctx.throwIfCancelled();
            ctx.progress(i, n);
            Step step = recipe.steps().get(i);
            if (!step.enabled()) {
                continue;
            }
            fitted.add(fitStep(step, frame, sources));
        }
        ctx.progress(n, n);
        return new FitResult(new FittedRecipe(train.schema().columns(), targetOf(train), fitted), frame.toDataset());
    }

    /// Fits one step on `frame` and applies it in place.
    static FittedStep fitStep(Step step, Frame frame, Sources sources) {
        Transform t = TransformRegistry.transform(step.transform());
        Params params = new Params(t.info(), step.parameters());
        check(params, frame, null);
        State state = t.fit(frame, params, sources);
        t.apply(frame, params, state, Phase.TRAINING);
        return new FittedStep(step.id(), step.transform(), step.parameters(), state);
    }

    static Dataset applyFitted(FittedRecipe recipe, Dataset data, Phase phase, JobContext ctx) {
        Frame frame = Frame.of(phase == Phase.PREDICTION ? conform(recipe, data) : data);
        int n = recipe.steps().size();
        String target = recipe.target();
        for (int i = 0; i < n; i++) {
            ctx.throwIfCancelled();
            ctx.progress(i, n);
            FittedStep step = recipe.steps().get(i);
            Transform t = TransformRegistry.transform(step.transform());
            if (phase == Phase.PREDICTION && t.info().rows() == RowRule.TRAINING_ONLY) {
                continue;
            }
            Map<String, Object> raw = step.parameters();
            if (phase == Phase.PREDICTION && !target.isEmpty() && !frame.has(target)) {
                raw = withoutTarget(t.info(), raw, target);     // the target is not known when predicting
                if (raw == null) {
                    continue;
                }
            }
            Params params = new Params(t.info(), raw);
            check(params, frame, step.id());
            t.apply(frame, params, step.state(), phase);
        }
        ctx.progress(n, n);
        return frame.toDataset();
    }

    /// `data` with each column the recipe was fitted on read as the type it had in training, when it differs
    /// (a batch whose numbers column is all empty, or whose dates were read as text): values that do not convert
    /// become missing, as the model's own `FeaturePipeline` does. Other columns are left alone.
    static Dataset conform(FittedRecipe recipe, Dataset data) {
        Dataset out = data;
        for (ColumnSchema c : recipe.input()) {
            int i = out.schema().indexOf(c.name());
            if (i >= 0 && out.schema().get(i).type() != c.type()) {
                out = dev.atelier.engine.data.ColumnConversions.convert(out, c.name(), c.type()).dataset();
            }
        }
        return out;
    }

    /// Fits `recipe` on the training rows only and prepares both parts: the training rows as fitting left them
    /// (training-only steps ran), the validation rows as new data ([Phase#PREDICTION]: no row dropped).
    ///
    /// @param validation rows held back to measure the model, or `null`
    public static Prepared prepare(Recipe recipe, Dataset train, @Nullable Dataset validation, Sources sources,
                                   JobContext ctx) {
        FitResult fit = fit(recipe, train, sources, ctx);
        Dataset valid = validation == null ? null : fit.fitted().apply(validation, Phase.PREDICTION, ctx);
        return new Prepared(fit.fitted(), fit.data(), valid);
    }

    /// A recipe fitted on training rows, with the prepared training and validation rows.
    ///
    /// @param recipe     the fitted recipe (stored in the model bundle)
    /// @param train      the prepared training rows
    /// @param validation the prepared validation rows, or `null`
    public record Prepared(FittedRecipe recipe, Dataset train, @Nullable Dataset validation) {
    }

    /// The parameters without the target column: it is removed from column lists; `null` when a single-column
    /// parameter names it or a list becomes empty (the step is then skipped).
    static Map<String, Object> withoutTarget(TransformInfo info, Map<String, Object> raw, String target) {
        var out = new LinkedHashMap<>(raw);
        for (var spec : info.params()) {
            Object v = raw.get(spec.name());
            if (v == null || !TransformInfo.isColumnParam(spec)) {
                continue;
            }
            if (spec instanceof dev.atelier.engine.algorithms.StringParam sp && sp.hint().equals(P.COLUMNS)) {
                List<String> names = v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : java.util.Arrays.stream(String.valueOf(v).split(",")).map(String::strip).toList();
                if (names.contains(target)) {
                    List<String> kept = names.stream().filter(n -> !n.equals(target) && !n.isEmpty()).toList();
                    if (kept.isEmpty()) {
                        return null;
                    }
                    out.put(spec.name(), kept);
                }
            } else if (target.equals(v)) {
                return null;
            }
        }
        return out;
    }

    /// Checks that the step's columns exist and have a type the transform accepts.
    private static void check(Params params, Frame frame, String stepIdWhenReplaying) {
        for (String c : params.referencedColumns()) {
            if (!frame.has(c)) {
                if (stepIdWhenReplaying != null) {
                    throw new DataException(ErrorCode.RECIPE_COLUMN_MISSING, c, params.info().name());
                }
                throw new DataException(ErrorCode.COLUMN_NOT_FOUND, c);
            }
        }
        TransformInfo info = params.info();
        for (String c : params.typedColumns()) {
            ColumnType type = frame.type(c);
            if (!info.fits(type)) {
                throw new DataException(ErrorCode.TRANSFORM_COLUMN_TYPE, c, type.name().toLowerCase(java.util.Locale.ROOT),
                        info.name(), String.join(", ", info.columnTypes().stream()
                        .map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()));
            }
        }
    }

    /// Each step's status on `sample`: steps run in order as in [#fit], but an invalid step is skipped (the data
    /// passes through it), so one broken step does not hide the state of the others.
    public static List<StepStatus> validate(Recipe recipe, Dataset sample, Sources sources) {
        var statuses = new ArrayList<StepStatus>();
        run(recipe, recipe.steps().size(), Frame.of(sample), sources, statuses);
        return statuses;
    }

    /// Each step's status against a schema alone (no rows yet, e.g. when a recipe is imported before data is
    /// loaded): the steps run on an empty table of that schema, so removed, renamed and retyped columns are found.
    public static List<StepStatus> validate(Recipe recipe, Schema schema, Sources sources) {
        var b = Dataset.builder("schema");
        for (ColumnSchema c : schema.columns()) {
            switch (c.type()) {
                case NUMERIC -> b.numeric(c.name());
                case CATEGORICAL -> b.categorical(c.name());
                case TEXT -> b.text(c.name());
                case DATETIME -> b.dateTime(c.name());
                case BOOLEAN -> b.bool(c.name());
            }
            b.role(c.name(), c.role());
        }
        return validate(recipe, b.build(), sources);
    }

    private static Frame run(Recipe recipe, int count, Frame frame, Sources sources, List<StepStatus> statuses) {
        for (int i = 0; i < count; i++) {
            Step step = recipe.steps().get(i);
            if (!step.enabled()) {
                statuses.add(StepStatus.ok(step.id()));
                continue;
            }
            Frame attempt = frame.copy();
            try {
                fitStep(step, attempt, sources);
                frame = attempt;
                statuses.add(StepStatus.ok(step.id()));
            } catch (AtelierException e) {
                statuses.add(StepStatus.invalid(step.id(), e));
            }
        }
        return frame;
    }

    /// Previews step `index` of `recipe` on `sample`: earlier steps run (invalid ones skipped) and the result is
    /// compared with this step's output.
    public static Preview preview(Recipe recipe, Dataset sample, int index, Sources sources) {
        Objects.checkIndex(index, recipe.steps().size());
        var statuses = new ArrayList<StepStatus>();
        Frame before = run(recipe, index, Frame.of(sample), sources, statuses);
        return previewStep(recipe.steps().get(index), before.toDataset(), sources, statuses);
    }

    /// Previews one step on data already prepared by the earlier steps (the studio caches that data, so only
    /// this step runs).
    public static Preview previewStep(Step step, Dataset before, Sources sources) {
        return previewStep(step, before, sources, new ArrayList<>());
    }

    private static Preview previewStep(Step step, Dataset before, Sources sources, List<StepStatus> statuses) {
        Frame frame = Frame.of(before);
        Frame attempt = frame.copy();
        List<String> touched = List.of();
        if (step.enabled()) {
            try {
                fitStep(step, attempt, sources);
                frame = attempt;
                statuses.add(StepStatus.ok(step.id()));
                touched = new Params(TransformRegistry.transform(step.transform()).info(), step.parameters())
                        .referencedColumns();
            } catch (AtelierException e) {
                statuses.add(StepStatus.invalid(step.id(), e));
            }
        } else {
            statuses.add(StepStatus.ok(step.id()));
        }
        Dataset after = frame.toDataset();
        var beforeNames = before.schema().names();
        var afterNames = after.schema().names();
        var added = afterNames.stream().filter(c -> !beforeNames.contains(c)).toList();
        var removed = beforeNames.stream().filter(c -> !afterNames.contains(c)).toList();
        var changed = new LinkedHashMap<String, Integer>();
        if (before.rowCount() == after.rowCount()) {
            Frame b = Frame.of(before);
            for (String c : afterNames) {
                if (b.has(c)) {
                    changed.put(c, changedCells(b, frame, c));
                }
            }
        }
        var touchedBefore = new ArrayList<ColumnSummary>();
        var touchedAfter = new ArrayList<ColumnSummary>();
        var seen = new HashSet<String>();
        for (String c : touched) {
            if (before.schema().indexOf(c) >= 0) {
                touchedBefore.add(summary(before, c));
            }
        }
        for (String c : concat(touched, added)) {
            if (after.schema().indexOf(c) >= 0 && seen.add(c)) {
                touchedAfter.add(summary(after, c));
            }
        }
        return new Preview(step.id(), before, after, statuses, changed, added, removed, touchedBefore, touchedAfter);
    }

    /// How many cells of column `c` differ between two frames of equal length (compared by value, not text).
    private static int changedCells(Frame a, Frame b, String c) {
        var ca = a.column(c);
        var cb = b.column(c);
        int n = a.rows();
        int diff = 0;
        if (ca instanceof tech.tablesaw.api.DoubleColumn x && cb instanceof tech.tablesaw.api.DoubleColumn y) {
            for (int r = 0; r < n; r++) {
                double u = x.getDouble(r);
                double v = y.getDouble(r);
                if (u != v && !(Double.isNaN(u) && Double.isNaN(v))) {
                    diff++;
                }
            }
            return diff;
        }
        if (ca instanceof tech.tablesaw.api.StringColumn x && cb instanceof tech.tablesaw.api.StringColumn y) {
            for (int r = 0; r < n; r++) {
                if (!x.get(r).equals(y.get(r))) {
                    diff++;
                }
            }
            return diff;
        }
        String[] sa = a.strings(c);
        String[] sb = b.strings(c);
        for (int r = 0; r < n; r++) {
            if (!sa[r].equals(sb[r])) {
                diff++;
            }
        }
        return diff;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /// Statistics of one column.
    public static ColumnSummary summary(Dataset data, String column) {
        int c = data.schema().indexOf(column);
        ColumnType type = data.schema().get(c).type();
        int n = data.rowCount();
        int missing = 0;
        var distinct = new HashSet<Object>();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int numbers = 0;
        for (int r = 0; r < n; r++) {
            if (data.isMissing(r, c)) {
                missing++;
                continue;
            }
            distinct.add(type == ColumnType.NUMERIC ? (Object) data.number(r, c) : data.value(r, c));
            if (type == ColumnType.NUMERIC) {
                double v = data.number(r, c);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                numbers++;
            }
        }
        int[] hist = new int[type == ColumnType.NUMERIC && numbers > 0 ? 10 : 0];
        if (hist.length > 0) {
            for (int r = 0; r < n; r++) {
                if (!data.isMissing(r, c)) {
                    double v = data.number(r, c);
                    int b = max > min ? (int) Math.min(9, Math.floor((v - min) / (max - min) * 10)) : 0;
                    hist[b]++;
                }
            }
        }
        boolean num = numbers > 0;
        return new ColumnSummary(column, type, n, missing, distinct.size(), num ? sum / numbers : Double.NaN,
                num ? min : Double.NaN, num ? max : Double.NaN, hist);
    }

    private static String targetOf(Dataset d) {
        return d.schema().target().map(ColumnSchema::name).orElse("");
    }

    /// Transforms whose input columns may be of `type`, for a column-header menu.
    public static List<TransformInfo> transformsFor(ColumnType type) {
        return TransformRegistry.all().stream()
                .filter(i -> i.params().stream().anyMatch(p -> p.name().equals("column") || p.name().equals("columns")))
                .filter(i -> i.fits(type)).toList();
    }

    static Map<String, Object> map(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
