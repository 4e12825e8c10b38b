package dev.atelier.engine.bias;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.FeatureStep;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Runs a bias analysis on a dataset, as SageMaker Clarify does: the pre-training metrics of the observed labels
/// and, with a model, the post-training metrics of its predicted labels.
///
/// Rows whose label, facet or group cell is missing are left out (and counted in [BiasReport#skippedRows()]).
/// The flip test compares each row of the facet with its nearest rows outside it on the model's own inputs,
/// without the inputs made from the facet column itself.
public final class BiasAnalysis {
    private BiasAnalysis() {
    }

    /// What to analyse.
    ///
    /// @param label       the label (target) column
    /// @param positive    the outcomes counted as positive
    /// @param facet       the selected group `d`
    /// @param groupColumn the group column for CDDL/CDDPL, or null
    public record Spec(String label, OutcomeRule positive, Facet facet, @Nullable String groupColumn) {
    }

    /// Pre-training metrics of `data`, and post-training metrics when `model` is not null.
    ///
    /// @throws DataException `COLUMN_NOT_FOUND` for an absent label, facet or group column; `BIAS_FACET_EMPTY` if
    ///                       the facet or the other rows are empty; `ANALYSIS_OPTION_INVALID` for a threshold on a
    ///                       non-numeric column
    public static BiasReport run(Dataset data, Spec spec, @Nullable Model model, JobContext ctx) {
        int labelCol = column(data, spec.label());
        ColumnType labelType = data.schema().get(labelCol).type();
        if (spec.positive().threshold() != null && labelType != ColumnType.NUMERIC) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "positive outcome", spec.positive().toString(),
                    "a threshold only on a numeric label");
        }
        Facet.Membership membership = spec.facet().members(data);
        int groupCol = spec.groupColumn() == null ? -1 : column(data, spec.groupColumn());
        int n = data.rowCount();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!data.isMissing(r, labelCol) && !membership.missing()[r] && (groupCol < 0 || !data.isMissing(r, groupCol))) {
                kept.add(r);
            }
        }
        int m = kept.size();
        boolean[] label = new boolean[m];
        boolean[] facet = new boolean[m];
        String[] groups = groupCol < 0 ? null : new String[m];
        int nd = 0;
        var decided = new java.util.HashMap<String, Boolean>(); // one decision per distinct label
        for (int i = 0; i < m; i++) {
            int r = kept.get(i);
            label[i] = labelType == ColumnType.NUMERIC && spec.positive().threshold() != null
                    ? spec.positive().isPositive(data.number(r, labelCol))
                    : decided.computeIfAbsent(data.text(r, labelCol), t -> spec.positive().isPositive(t, labelType));
            facet[i] = membership.in()[r];
            nd += facet[i] ? 1 : 0;
            if (groups != null) {
                groups[i] = data.text(r, groupCol);
            }
        }
        if (nd == 0 || nd == m) {
            throw new DataException(ErrorCode.BIAS_FACET_EMPTY, spec.facet().toString(), nd, m - nd);
        }
        ctx.progress(1, 10);
        Map<BiasMetric, Double> values = new EnumMap<>(BiasMetric.class);
        values.putAll(BiasMetrics.preTraining(label, facet, groups));
        if (model != null) {
            int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
            Dataset used = rows.length == n ? data : data.rows(rows);
            // a model trained behind a recipe sees the recipe's output (rows kept, so facets still line up)
            Dataset seen = model instanceof dev.atelier.engine.wrangle.PreparedModel pm ? pm.prepare(used) : used;
            Model inner = model instanceof dev.atelier.engine.wrangle.PreparedModel pm ? pm.model() : model;
            if (seen.rowCount() != used.rowCount()) {
                throw new dev.atelier.engine.error.DataException(
                        dev.atelier.engine.error.ErrorCode.RECIPE_CHANGES_ROWS, used.rowCount(), seen.rowCount());
            }
            Predictions p = inner.predict(seen);
            ctx.throwIfCancelled();
            ctx.progress(3, 10);
            boolean[] predicted = new boolean[m];
            for (int i = 0; i < m; i++) {
                predicted[i] = p.problem() == ProblemType.REGRESSION
                        ? spec.positive().isPositive(p.value(i))
                        : spec.positive().isPositive(p.label(i), labelType);
            }
            FeatureMatrix x = inner.pipeline().transform(seen);
            int[] keepCols = columnsWithout(model, spec.facet().column());
            double[] features = new double[m * keepCols.length];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < keepCols.length; j++) {
                    double v = x.get(i, keepCols[j]);
                    features[i * keepCols.length + j] = Double.isNaN(v) ? 0 : v;
                }
            }
            values.putAll(BiasMetrics.postTraining(label, predicted, facet, groups, features, keepCols.length,
                    ctx.child(0.7)));
        }
        ctx.progress(10, 10);
        List<BiasReport.Result> results = new ArrayList<>();
        values.forEach((metric, value) -> results.add(new BiasReport.Result(metric, value)));
        return new BiasReport(spec.facet().toString(), spec.positive().toString(), spec.groupColumn(), nd, m - nd,
                n - m, results);
    }

    /// Indices of the model inputs not made from `column`.
    private static int[] columnsWithout(Model model, String column) {
        var keep = new ArrayList<Integer>();
        int offset = 0;
        for (FeatureStep step : model.pipeline().steps()) {
            int width = step.outputs().size();
            if (!step.column().equals(column)) {
                for (int j = 0; j < width; j++) {
                    keep.add(offset + j);
                }
            }
            offset += width;
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int column(Dataset data, String name) {
        int c = data.schema().indexOf(name);
        if (c < 0) {
            throw new DataException(ErrorCode.COLUMN_NOT_FOUND, name);
        }
        return c;
    }
}
