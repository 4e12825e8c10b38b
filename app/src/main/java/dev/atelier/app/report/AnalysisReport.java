package dev.atelier.app.report;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.bias.BiasAnalysis;
import dev.atelier.engine.bias.BiasReport;
import dev.atelier.engine.bias.OutcomeRates;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.explain.ShapExplainer;
import dev.atelier.engine.explain.ShapValues;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Model;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Everything the bias and explainability report shows: the model, the bias metrics with their readings, the
/// outcome rates per group, and SHAP attributions (global and for a few rows). [#compute] runs the analyses;
/// [AnalysisHtml] renders the page. Used by the studio's "Export report…" and by `atelier report`.
///
/// @param generatedAt    when the report was made
/// @param model          what the model is
/// @param dataName       the data's name (a file name)
/// @param dataRows       rows of the data the pre-training metrics use
/// @param evaluatedRows  rows the post-training metrics and SHAP use
/// @param facet          the group, e.g. "gender = female"
/// @param outcome        the good outcome, e.g. "approved = yes"
/// @param groupColumn    the CDD group column, or null
/// @param tolerance      the tolerance the rows are coloured against
/// @param pre            the pre-training report (sizes)
/// @param bias           the metrics as rows
/// @param rates          observed rates per group in the data
/// @param predictedRates observed and predicted rates on the evaluated rows
/// @param shap           SHAP attributions, or null if none were computed
public record AnalysisReport(Instant generatedAt, ModelSummary model, String dataName, int dataRows, int evaluatedRows,
                             String facet, String outcome, @Nullable String groupColumn, double tolerance,
                             BiasReport pre, List<BiasTable.Row> bias, List<OutcomeRates.Rate> rates,
                             List<OutcomeRates.Rate> predictedRates, @Nullable Shap shap) {
    public AnalysisReport {
        bias = List.copyOf(bias);
        rates = List.copyOf(rates);
        predictedRates = List.copyOf(predictedRates);
    }

    /// Rows explained with SHAP at most, by default.
    public static final int EXPLAINED_ROWS = 40;
    /// Kernel SHAP coalitions per explained row.
    public static final int SHAP_SAMPLES = 512;
    /// Contributions listed per local explanation (the rest are summed as "other columns").
    public static final int LOCAL_TOP = 6;

    /// What the model is.
    ///
    /// @param name      how the model is called (a candidate number, a folder name)
    /// @param algorithm the algorithm's display name
    /// @param problem   the problem type
    /// @param target    the predicted column
    /// @param classes   the classes (empty for regression)
    /// @param inputs    the model's input columns
    /// @param metrics   test scores by evaluator key (may be empty)
    public record ModelSummary(String name, String algorithm, ProblemType problem, String target, List<String> classes,
                               List<String> inputs, Map<String, Double> metrics) {
        public ModelSummary {
            classes = List.copyOf(classes);
            inputs = List.copyOf(inputs);
            metrics = new LinkedHashMap<>(metrics);
        }

        /// The summary of `model`, called `name`, whose algorithm reads `algorithm`.
        public static ModelSummary of(String name, String algorithm, Model model, Map<String, Double> metrics) {
            return new ModelSummary(name, algorithm, model.header().problem(), model.header().target(),
                    model.header().classes(), model.pipeline().inputColumns(), new java.util.TreeMap<>(metrics));
        }
    }

    /// SHAP attributions.
    ///
    /// @param method "tree", "linear" or "kernel"
    /// @param scale  "probability", "logit" or "value"
    /// @param rows   rows explained
    /// @param global mean |SHAP| per column, largest first
    /// @param local  a few explained rows
    public record Shap(String method, String scale, int rows, List<Importance> global, List<Local> local) {
        public Shap {
            global = List.copyOf(global);
            local = List.copyOf(local);
        }
    }

    /// A column's mean absolute SHAP value.
    public record Importance(String column, double meanAbs) {
    }

    /// One row's explanation.
    ///
    /// @param row           the row number in the evaluated data (from 1)
    /// @param why           which row this is ("the highest prediction")
    /// @param base          the base value
    /// @param prediction    the prediction on the SHAP scale
    /// @param contributions the largest contributions, then the rest summed (column "other columns")
    public record Local(int row, String why, double base, double prediction, List<Contribution> contributions) {
        public Local {
            contributions = List.copyOf(contributions);
        }
    }

    /// One column's push on one prediction.
    ///
    /// @param column the column ("" for the sum of the rest)
    /// @param value  the row's value in it, as text
    /// @param shap   the contribution
    public record Contribution(String column, String value, double shap) {
    }

    /// What to compute.
    ///
    /// @param model         the model
    /// @param summary       its summary
    /// @param dataName      the data's name
    /// @param data          rows for the pre-training metrics
    /// @param evaluated     rows for the post-training metrics and SHAP (the test rows, or `data`)
    /// @param spec          the bias analysis
    /// @param tolerance     the tolerance
    /// @param explainedRows rows to explain with SHAP (0 = none)
    /// @param seed          SHAP's random seed
    /// @param now           the report's time
    public record Inputs(Model model, ModelSummary summary, String dataName, Dataset data, Dataset evaluated,
                         BiasAnalysis.Spec spec, double tolerance, int explainedRows, long seed, Instant now) {
    }

    /// Runs the bias analyses and SHAP and assembles the report.
    public static AnalysisReport compute(Inputs in, Messages messages, JobContext ctx) {
        BiasAnalysis.Spec spec = in.spec();
        BiasReport pre = BiasAnalysis.run(in.data(), spec, null, ctx.child(0.1));
        List<OutcomeRates.Rate> rates = OutcomeRates.of(in.data(), spec, null);
        ctx.throwIfCancelled();
        BiasReport post = in.evaluated().rowCount() == 0 ? null
                : BiasAnalysis.run(in.evaluated(), spec, in.model(), ctx.child(0.3));
        List<OutcomeRates.Rate> predicted = post == null ? List.of() : OutcomeRates.of(in.evaluated(), spec, in.model());
        String outcome = BiasTable.outcome(spec.label(), spec.positive());
        var table = BiasTable.rows(pre, post, new BiasTable.Context(spec.facet().toString(), outcome,
                spec.groupColumn(), rates, predicted), in.tolerance(), messages);
        ctx.throwIfCancelled();
        Shap shap = null;
        if (in.explainedRows() > 0 && in.evaluated().rowCount() > 0) {
            ctx.status("bias.job.shap");
            shap = shap(in.model(), in.evaluated(), in.explainedRows(), in.seed(), messages, ctx.child(0.6));
        }
        return new AnalysisReport(in.now(), in.summary(), in.dataName(), in.data().rowCount(),
                in.evaluated().rowCount(), spec.facet().toString(), outcome, spec.groupColumn(), in.tolerance(), pre,
                table, rates, predicted, shap);
    }

    /// SHAP of up to `count` rows spread evenly over `data` (Kernel SHAP on the probability scale unless the model
    /// has an exact method there), with the baseline summarised from all of `data`.
    static Shap shap(Model model, Dataset data, int count, long seed, Messages messages, JobContext ctx) {
        int n = data.rowCount();
        int k = Math.min(count, n);
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            rows[i] = (int) ((long) i * n / k);
        }
        ShapValues v = ShapExplainer.explain(model, data, rows, new ShapExplainer.Options(ShapExplainer.Method.AUTO,
                ShapExplainer.Scale.PROBABILITY, -1, SHAP_SAMPLES, 10, seed), ctx);
        int m = v.columns().size();
        var global = new ArrayList<Importance>();
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int r = 0; r < v.rows(); r++) {
                sum += Math.abs(v.value(r, j));
            }
            global.add(new Importance(v.columns().get(j), v.rows() == 0 ? 0 : sum / v.rows()));
        }
        global.sort(Comparator.comparingDouble(Importance::meanAbs).reversed().thenComparing(Importance::column));
        var local = new ArrayList<Local>();
        if (v.rows() > 0) {
            Integer[] order = new Integer[v.rows()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> v.prediction()[i]).thenComparing(i -> i));
            int[] picks = {order[0], order[order.length / 2], order[order.length - 1]};
            String[] why = {"bias.report.shap.row.lowest", "bias.report.shap.row.median", "bias.report.shap.row.highest"};
            var seen = new java.util.HashSet<Integer>();
            for (int p = 0; p < picks.length; p++) {
                if (seen.add(picks[p])) {
                    local.add(local(v, data, rows[picks[p]], picks[p], messages.get(why[p])));
                }
            }
        }
        return new Shap(v.method(), v.scale(), v.rows(), global, local);
    }

    private static Local local(ShapValues v, Dataset data, int dataRow, int r, String why) {
        int m = v.columns().size();
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(v.value(r, j)))
                .thenComparing(j -> j));
        var out = new ArrayList<Contribution>();
        double rest = 0;
        for (int i = 0; i < m; i++) {
            int j = order[i];
            if (i < LOCAL_TOP) {
                int c = data.schema().indexOf(v.columns().get(j));
                String value = c < 0 || data.isMissing(dataRow, c) ? "" : data.text(dataRow, c);
                out.add(new Contribution(v.columns().get(j), value, v.value(r, j)));
            } else {
                rest += v.value(r, j);
            }
        }
        if (m > LOCAL_TOP) {
            out.add(new Contribution("", "", rest));
        }
        return new Local(dataRow + 1, why, v.base()[r], v.prediction()[r], out);
    }
}
