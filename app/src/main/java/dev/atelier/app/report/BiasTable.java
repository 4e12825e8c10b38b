package dev.atelier.app.report;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.bias.BiasMetric;
import dev.atelier.engine.bias.BiasReport;
import dev.atelier.engine.bias.OutcomeRates;
import dev.atelier.engine.bias.OutcomeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// Bias metrics as table rows for people: value, range, a plain-language reading with the group's own numbers
/// ("gender = female has approved = yes 13.9 points less often than the others (54.7 % vs 68.6 %)"), the formula,
/// and whether the value is within a tolerance. Shared by the studio's Bias tab and the HTML report; toolkit-free.
public final class BiasTable {
    /// Readings call a difference "none" below this size (half a tenth of a point).
    static final double ZERO = 0.0005;

    private BiasTable() {
    }

    /// Where a value stands against the tolerance.
    public enum Status {
        /// Its size (for DI: its distance from 1) is at most the tolerance.
        WITHIN,
        /// Larger than the tolerance, or infinite.
        OUTSIDE,
        /// Not a number (a division by zero).
        UNDEFINED
    }

    /// One metric as shown.
    ///
    /// @param metric    the metric
    /// @param value     its value (NaN if undefined)
    /// @param valueText the value formatted
    /// @param reading   what the value says about this group, in words
    /// @param status    against the tolerance
    public record Row(BiasMetric metric, double value, String valueText, String reading, Status status) {
        /// Clarify's abbreviation.
        public String abbreviation() {
            return metric.abbreviation();
        }

        /// Whether the metric is about the model's predictions.
        public boolean postTraining() {
            return metric.stage() == BiasMetric.Stage.POST_TRAINING;
        }
    }

    /// What the readings name.
    ///
    /// @param facet    the group, e.g. "gender = female"
    /// @param outcome  the good outcome, e.g. "approved = yes"
    /// @param group    the CDD group column, or null
    /// @param rates    observed rates of the pre-training data ([OutcomeRates#of])
    /// @param predicted rates of the post-training rows with the model's predictions, or an empty list
    public record Context(String facet, String outcome, @Nullable String group, List<OutcomeRates.Rate> rates,
                          List<OutcomeRates.Rate> predicted) {
        public Context {
            rates = List.copyOf(rates);
            predicted = List.copyOf(predicted);
        }
    }

    /// How a label and its positive rule read: "approved = yes", "price > 50000".
    public static String outcome(String label, OutcomeRule rule) {
        return rule.threshold() != null ? label + " > " + number(rule.threshold())
                : label + " = " + String.join(" or ", rule.values());
    }

    /// The size compared with the tolerance: |v|, or |1 − v| for DI.
    public static double deviation(BiasMetric metric, double value) {
        return metric == BiasMetric.DI ? Math.abs(1 - value) : Math.abs(value);
    }

    /// Where `value` stands against `tolerance`.
    public static Status status(BiasMetric metric, double value, double tolerance) {
        if (Double.isNaN(value)) {
            return Status.UNDEFINED;
        }
        return deviation(metric, value) <= tolerance + 1e-12 ? Status.WITHIN : Status.OUTSIDE;
    }

    /// The rows of `pre` then `post` (either may be null), in [BiasMetric] order within each.
    public static List<Row> rows(@Nullable BiasReport pre, @Nullable BiasReport post, Context ctx, double tolerance,
                                 Messages messages) {
        var out = new ArrayList<Row>();
        if (pre != null) {
            for (BiasReport.Result r : pre.results()) {
                if (r.metric().stage() == BiasMetric.Stage.PRE_TRAINING) {
                    out.add(row(r, pre, ctx, tolerance, messages));
                }
            }
        }
        if (post != null) {
            for (BiasReport.Result r : post.results()) {
                if (r.metric().stage() == BiasMetric.Stage.POST_TRAINING) {
                    out.add(row(r, post, ctx, tolerance, messages));
                }
            }
        }
        return out;
    }

    /// The rows again with another tolerance (the readings do not change).
    public static List<Row> retolerate(List<Row> rows, double tolerance) {
        return rows.stream().map(r -> new Row(r.metric(), r.value(), r.valueText(), r.reading(),
                status(r.metric(), r.value(), tolerance))).toList();
    }

    private static Row row(BiasReport.Result r, BiasReport report, Context ctx, double tolerance, Messages messages) {
        return new Row(r.metric(), r.value(), value(r.value()), reading(r.metric(), r.value(), report, ctx, messages),
                status(r.metric(), r.value(), tolerance));
    }

    /// The reading of one metric's value for this group.
    static String reading(BiasMetric m, double v, BiasReport report, Context ctx, Messages messages) {
        String f = ctx.facet();
        String o = ctx.outcome();
        if (Double.isNaN(v)) {
            return messages.get("bias.reading.undefined", f, o, messages.get("bias.reading.undefined.why"));
        }
        String sign = Math.abs(v) < ZERO ? "zero" : v > 0 ? "pos" : "neg";
        String points = points(v);
        return switch (m) {
            case CI -> messages.get("bias.reading.CI." + (Math.abs(v) < 0.01 ? "zero" : sign), f, o,
                    count(report.facetRows()), count(report.otherRows()));
            case DPL -> messages.get("bias.reading.DPL." + sign, f, o, points, rate(ctx.rates(), 0, false),
                    rate(ctx.rates(), 1, false));
            case DPPL -> messages.get("bias.reading.DPPL." + sign, f, o, points, rate(ctx.predicted(), 0, true),
                    rate(ctx.predicted(), 1, true));
            case DI -> messages.get("bias.reading.DI", f, o, Double.isInfinite(v) ? "∞" : fixed(v, 2));
            case RD, AD, SD, DAR, DRR -> messages.get("bias.reading." + m.name() + "." + sign, f, o, points);
            case CDDL, CDDPL -> messages.get("bias.reading.CDD." + sign, f, o, points,
                    ctx.group() == null ? "" : messages.get("bias.reading.CDD.within", ctx.group()));
            case FT -> messages.get("bias.reading.FT." + sign, f, o, points);
            case GE -> messages.get("bias.reading.GE", f, o, fixed(v, 3));
            default -> m.reading();
        };
    }

    private static String rate(List<OutcomeRates.Rate> rates, int index, boolean predicted) {
        if (rates.size() <= index) {
            return "–";
        }
        OutcomeRates.Rate r = rates.get(index);
        return percent(predicted ? r.predicted() : r.observed());
    }

    /// A value as shown: 4 decimals, "∞"/"−∞", or "undefined".
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /// A share as a percentage with one decimal, "–" if undefined.
    public static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String points(double v) {
        return String.format(Locale.ROOT, "%.1f", Math.abs(v) * 100);
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
