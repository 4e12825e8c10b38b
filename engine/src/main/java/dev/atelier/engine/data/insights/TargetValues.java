package dev.atelier.engine.data.insights;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// The target column read once for the single-column models: class indices (−1 = missing) for classification,
/// numbers (NaN = missing) for regression.
record TargetValues(ProblemType problem, List<String> classes, int[] classIndex, double[] values) {

    static TargetValues of(Dataset data, int column, ProblemType problem) {
        int n = data.rowCount();
        if (problem == ProblemType.REGRESSION) {
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = data.number(r, column);
            }
            return new TargetValues(problem, List.of(), new int[0], v);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> classes = new ArrayList<>();
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            if (data.isMissing(r, column)) {
                y[r] = -1;
                continue;
            }
            String label = data.text(r, column);
            Integer i = index.get(label);
            if (i == null) {
                i = classes.size();
                index.put(label, i);
                classes.add(label);
            }
            y[r] = i;
        }
        return new TargetValues(problem, classes, y, new double[0]);
    }

    boolean classification() {
        return problem != ProblemType.REGRESSION;
    }

    boolean present(int row) {
        return classification() ? classIndex[row] >= 0 : !Double.isNaN(values[row]);
    }
}
