package dev.atelier.engine.bias;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The rate of the positive outcome per group, observed in the data and (with a model) predicted: the numbers
/// behind DPL and DPPL, for charts ("54.7 % of women are approved, 68.6 % of the others").
///
/// The first entry is the selected facet `d`, the second every other row (facet `a`); for a facet chosen by values
/// of a categorical column, one entry per value of that column follows (the most frequent first, at most
/// [#MAX_VALUES]). Rows with a missing label or facet cell are left out, as in [BiasAnalysis].
public final class OutcomeRates {
    /// Values of the facet column listed one by one, at most.
    public static final int MAX_VALUES = 8;

    private OutcomeRates() {
    }

    /// The positive-outcome rates of one group.
    ///
    /// @param group     what the rows have in common, e.g. "gender = female", "others", "male"
    /// @param kind      which entry this is
    /// @param rows      rows in the group
    /// @param observed  share of rows whose label is positive
    /// @param predicted share of rows the model predicts positive; NaN without a model
    public record Rate(String group, Kind kind, int rows, double observed, double predicted) {
    }

    /// What a [Rate] describes.
    public enum Kind {
        /// The selected facet `d`.
        FACET,
        /// Every other row (facet `a`).
        OTHERS,
        /// One value of the facet column.
        VALUE
    }

    /// The rates of `data` for `spec`, with predicted rates when `model` is not null.
    ///
    /// @throws DataException as [BiasAnalysis#run] for absent columns or a bad threshold
    public static List<Rate> of(Dataset data, BiasAnalysis.Spec spec, @Nullable Model model) {
        int labelCol = data.schema().indexOf(spec.label());
        if (labelCol < 0) {
            throw new DataException(ErrorCode.COLUMN_NOT_FOUND, spec.label());
        }
        ColumnType labelType = data.schema().get(labelCol).type();
        Facet.Membership membership = spec.facet().members(data);
        int facetCol = data.schema().indexOf(spec.facet().column());
        int n = data.rowCount();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!data.isMissing(r, labelCol) && !membership.missing()[r]) {
                kept.add(r);
            }
        }
        int m = kept.size();
        boolean[] observed = new boolean[m];
        var decided = new HashMap<String, Boolean>();
        for (int i = 0; i < m; i++) {
            int r = kept.get(i);
            observed[i] = labelType == ColumnType.NUMERIC && spec.positive().threshold() != null
                    ? spec.positive().isPositive(data.number(r, labelCol))
                    : decided.computeIfAbsent(data.text(r, labelCol), t -> spec.positive().isPositive(t, labelType));
        }
        boolean[] predicted = null;
        if (model != null && m > 0) {
            int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
            Predictions p = model.predict(rows.length == n ? data : data.rows(rows));
            predicted = new boolean[m];
            for (int i = 0; i < m; i++) {
                predicted[i] = p.problem() == ProblemType.REGRESSION
                        ? spec.positive().isPositive(p.value(i))
                        : spec.positive().isPositive(p.label(i), labelType);
            }
        }
        Tally facet = new Tally();
        Tally others = new Tally();
        Map<String, Tally> values = new LinkedHashMap<>();
        boolean byValue = spec.facet().threshold() == null;
        for (int i = 0; i < m; i++) {
            int r = kept.get(i);
            boolean p = predicted != null && predicted[i];
            (membership.in()[r] ? facet : others).add(observed[i], p);
            if (byValue) {
                values.computeIfAbsent(data.text(r, facetCol), k -> new Tally()).add(observed[i], p);
            }
        }
        boolean withModel = predicted != null;
        List<Rate> out = new ArrayList<>();
        out.add(facet.rate(spec.facet().toString(), Kind.FACET, withModel));
        out.add(others.rate("others", Kind.OTHERS, withModel));
        values.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().rows, a.getValue().rows))
                .limit(MAX_VALUES)
                .forEach(e -> out.add(e.getValue().rate(e.getKey(), Kind.VALUE, withModel)));
        return out;
    }

    private static final class Tally {
        int rows;
        int observed;
        int predicted;

        void add(boolean o, boolean p) {
            rows++;
            observed += o ? 1 : 0;
            predicted += p ? 1 : 0;
        }

        Rate rate(String group, Kind kind, boolean withModel) {
            double o = rows == 0 ? Double.NaN : observed / (double) rows;
            double p = !withModel || rows == 0 ? Double.NaN : predicted / (double) rows;
            return new Rate(group, kind, rows, o, p);
        }
    }
}
