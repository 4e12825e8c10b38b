package dev.atelier.engine.bias;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/// The result of a bias analysis: the facet and outcome analysed, the group sizes, and one [Result] per metric
/// computed (pre-training always; post-training when a model was given), in [BiasMetric] order.
///
/// @param facet           the selected group `d`, e.g. "gender = female"
/// @param positiveOutcome the outcomes counted as positive, e.g. "yes"
/// @param groupColumn     the group column used for CDDL/CDDPL, or null
/// @param facetRows       rows in facet `d`
/// @param otherRows       rows in facet `a`
/// @param skippedRows     rows left out because the label, facet or group cell was missing
/// @param results         one entry per metric computed
public record BiasReport(String facet, String positiveOutcome, @Nullable String groupColumn, int facetRows,
                         int otherRows, int skippedRows, List<Result> results) {
    public BiasReport {
        results = List.copyOf(results);
    }

    /// One metric's value. `value` is NaN where the metric is undefined and may be infinite for KL, DI, DCA, DCR
    /// and TE.
    public record Result(BiasMetric metric, double value) {
        /// Whether the value is a finite number.
        public boolean defined() {
            return Double.isFinite(value);
        }

        /// The metric's plain-language reading.
        public String reading() {
            return metric.reading();
        }
    }

    /// The result of `metric`, if it was computed.
    public Optional<Result> result(BiasMetric metric) {
        return results.stream().filter(r -> r.metric() == metric).findFirst();
    }

    /// The value of `metric`; NaN if undefined or not computed.
    public double value(BiasMetric metric) {
        return result(metric).map(Result::value).orElse(Double.NaN);
    }

    /// Clarify's abbreviation → value, with null for undefined (NaN or infinite) values: the CLI's JSON shape.
    public Map<String, @Nullable Double> valuesByAbbreviation() {
        var out = new LinkedHashMap<String, @Nullable Double>();
        for (Result r : results) {
            out.put(r.metric().abbreviation(), r.defined() ? r.value() : null);
        }
        return out;
    }
}
