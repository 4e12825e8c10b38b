package dev.atelier.app.analyze.explain;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.explain.ShapValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/// What the Explain tab draws, worked out from SHAP values: mean |SHAP| per column, the beeswarm lines with their
/// colour ranks, and one row's waterfall. Pure functions; toolkit-free.
final class ShapSummaries {
    private ShapSummaries() {
    }

    /// Mean |SHAP| per column, largest first.
    static List<ExplainViewModel.Importance> importances(ShapValues s) {
        var list = new ArrayList<ExplainViewModel.Importance>();
        for (int j = 0; j < s.columns().size(); j++) {
            double sum = 0;
            for (int r = 0; r < s.rows(); r++) {
                sum += Math.abs(s.value(r, j));
            }
            list.add(new ExplainViewModel.Importance(s.columns().get(j), s.rows() == 0 ? 0 : sum / s.rows()));
        }
        list.sort(Comparator.comparingDouble(ExplainViewModel.Importance::meanAbs).reversed());
        return list;
    }

    /// The beeswarm lines of `order`'s columns; `explained` holds the explained rows in SHAP order.
    static List<ExplainViewModel.Swarm> swarm(ShapValues s, List<ExplainViewModel.Importance> order, Dataset explained) {
        var out = new ArrayList<ExplainViewModel.Swarm>();
        for (ExplainViewModel.Importance i : order) {
            int j = s.columns().indexOf(i.column());
            double[] shap = new double[s.rows()];
            for (int r = 0; r < s.rows(); r++) {
                shap[r] = s.value(r, j);
            }
            out.add(new ExplainViewModel.Swarm(i.column(), shap, colours(explained, i.column(), s.rows())));
        }
        return out;
    }

    /// Each row's rank of the column's value in `0..1` (ties share their mean rank); NaN for missing values and
    /// unordered (categorical, text) columns.
    static double[] colours(Dataset data, String column, int rows) {
        double[] out = new double[rows];
        Arrays.fill(out, Double.NaN);
        int index = data.schema().indexOf(column);
        if (index < 0 || data.rowCount() != rows) {
            return out;
        }
        ColumnType type = data.schema().get(index).type();
        if (type != ColumnType.NUMERIC && type != ColumnType.BOOLEAN && type != ColumnType.DATETIME) {
            return out;
        }
        Integer[] order = IntStream.range(0, rows).filter(r -> !Double.isNaN(data.number(r, index))).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(r -> data.number(r, index)));
        int n = order.length;
        for (int a = 0; a < n; ) {
            int b = a;
            double v = data.number(order[a], index);
            while (b + 1 < n && data.number(order[b + 1], index) == v) {
                b++;
            }
            double rank = n == 1 ? 0.5 : (a + b) / 2.0 / (n - 1);
            for (int k = a; k <= b; k++) {
                out[order[k]] = rank;
            }
            a = b + 1;
        }
        return out;
    }

    /// The waterfall of row `at` of `s`: the `top` largest contributions by size, then the rest summed into one
    /// step named `others`; `row` is the explained row (for the values shown).
    static List<ExplainViewModel.Step> waterfall(ShapValues s, int at, Dataset row, int top, String others) {
        int m = s.columns().size();
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(s.value(at, j))));
        var out = new ArrayList<ExplainViewModel.Step>();
        double running = s.base()[at];
        int shown = Math.min(top, m);
        if (m - shown == 1) {
            shown = m; // one line for "1 other column" says no more than the column itself
        }
        for (int k = 0; k < shown; k++) {
            int j = order[k];
            double v = s.value(at, j);
            int index = row.schema().indexOf(s.columns().get(j));
            String value = index < 0 || row.rowCount() == 0 ? "" : row.isMissing(0, index) ? "(missing)"
                    : row.text(0, index);
            out.add(new ExplainViewModel.Step(s.columns().get(j), value, v, running, running + v));
            running += v;
        }
        if (shown < m) {
            double rest = 0;
            for (int k = shown; k < m; k++) {
                rest += s.value(at, order[k]);
            }
            out.add(new ExplainViewModel.Step(others.replace("{0}", Integer.toString(m - shown)), "", rest, running, running + rest));
        }
        return out;
    }
}
