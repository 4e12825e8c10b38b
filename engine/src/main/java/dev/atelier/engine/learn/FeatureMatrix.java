package dev.atelier.engine.learn;

import java.util.List;

/// Dense model inputs: `rows × columns` doubles, row-major, NaN for a missing value the algorithm handles itself.
/// Immutable; accessors copy.
public final class FeatureMatrix {
    private final double[] values;
    private final int rows;
    private final List<String> names;

    /// Wraps `values` (row-major, `rows × names.size()`), which the caller must not change afterwards.
    public FeatureMatrix(double[] values, int rows, List<String> names) {
        if (values.length != (long) rows * names.size()) {
            throw new IllegalArgumentException("values do not fit " + rows + " x " + names.size());
        }
        this.values = values;
        this.rows = rows;
        this.names = List.copyOf(names);
    }

    /// Rows.
    public int rows() {
        return rows;
    }

    /// Inputs per row.
    public int columns() {
        return names.size();
    }

    /// Input names.
    public List<String> names() {
        return names;
    }

    /// One value.
    public double get(int row, int column) {
        return values[row * names.size() + column];
    }

    /// All values, row-major (a copy).
    public double[] toArray() {
        return values.clone();
    }

    /// All values as floats, row-major (a copy), for XGBoost.
    public float[] toFloatArray() {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /// The chosen rows, in that order.
    public FeatureMatrix rows(int[] indices) {
        int d = names.size();
        double[] out = new double[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * d, out, i * d, d);
        }
        return new FeatureMatrix(out, indices.length, names);
    }
}
