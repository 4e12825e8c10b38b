package dev.atelier.engine.explain;

import java.util.List;

/// SHAP attributions of some rows on one output scale: per row a base value, one contribution per original input
/// column, and the prediction, with `base + Σ contributions = prediction` (exactly for TreeSHAP and for Kernel
/// SHAP by its constraint, up to floating point).
///
/// @param columns       the model's original input columns, in the model's order
/// @param base          per row, the expected output over the baseline
/// @param contributions row-major `rows × columns.size()`
/// @param prediction    per row, the model's output on the chosen scale
/// @param method        how they were computed ("tree" or "kernel")
/// @param scale         "probability", "logit" or "value" (regression)
public record ShapValues(List<String> columns, double[] base, double[] contributions, double[] prediction,
                         String method, String scale) {
    public ShapValues {
        columns = List.copyOf(columns);
        if (contributions.length != base.length * columns.size() || prediction.length != base.length) {
            throw new IllegalArgumentException("sizes do not match");
        }
    }

    /// Rows explained.
    public int rows() {
        return base.length;
    }

    /// The contribution of column `column` to row `row`.
    public double value(int row, int column) {
        return contributions[row * columns.size() + column];
    }
}
