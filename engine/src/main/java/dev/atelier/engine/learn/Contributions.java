package dev.atelier.engine.learn;

import java.util.List;

/// Per-row feature contributions (SHAP values) of a model's raw output (the margin: log-odds for binary, one
/// margin per class for multiclass, the value for regression): for each row and output group, one value per model
/// input plus a bias, summing to the margin. Immutable.
public final class Contributions {
    private final double[] values;
    private final int rows;
    private final int groups;
    private final List<String> features;

    /// Wraps `values` laid out `[row][group][feature…, bias]`, which the caller must not change afterwards.
    public Contributions(double[] values, int rows, int groups, List<String> features) {
        if (values.length != (long) rows * groups * (features.size() + 1)) {
            throw new IllegalArgumentException("values do not fit rows x groups x (features + 1)");
        }
        this.values = values;
        this.rows = rows;
        this.groups = groups;
        this.features = List.copyOf(features);
    }

    /// Rows explained.
    public int rows() {
        return rows;
    }

    /// Output groups: 1, or the number of classes for multiclass.
    public int groups() {
        return groups;
    }

    /// The model inputs, in order (after preprocessing: one-hot levels are separate inputs).
    public List<String> features() {
        return features;
    }

    /// The contribution of input `feature` to `row`'s margin of `group`.
    public double value(int row, int group, int feature) {
        return values[(row * groups + group) * (features.size() + 1) + feature];
    }

    /// The bias (expected margin) of `row` and `group`.
    public double bias(int row, int group) {
        return value(row, group, features.size());
    }
}
