package dev.atelier.engine.learn.forest;

/// One tree as a node table (persisted DTO; the model hands out only copies, for TreeSHAP). Node 0 is the root; a node
/// with `feature[i] < 0` is a leaf. An inner node sends a row left when `x[feature] <= threshold`.
///
/// @param feature   the input tested at each node, or -1 for a leaf
/// @param threshold the split value at each inner node
/// @param left      the left child of each inner node
/// @param right     the right child of each inner node
/// @param value     `nodes × outputs` values: class probabilities, or the mean for regression (every node, so that
///                  TreeSHAP can use inner-node expectations)
/// @param cover     the training weight that reached each node
public record TreeData(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[] cover) {
    /// Nodes in the table.
    public int nodes() {
        return feature.length;
    }

    /// The leaf `row` of `x` (row-major, `d` wide) falls into.
    public int leaf(double[] x, int offset) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /// A deep copy (the record's arrays are mutable).
    TreeData copy() {
        return new TreeData(feature.clone(), threshold.clone(), left.clone(), right.clone(), value.clone(),
                cover.clone());
    }
}
