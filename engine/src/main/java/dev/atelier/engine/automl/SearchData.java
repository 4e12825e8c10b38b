package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.evaluate.Evaluator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// What every candidate of one [Autopilot] run is trained and scored on, fixed once the run is prepared: the rows
/// with a target, the problem and objective, the target read as class labels or values, and the validation split —
/// fold numbers for cross-validation, or the hold-out's training rows (in seeded order, for successive halving)
/// and validation rows. Shared read-only by the trials; the arrays are never modified after preparation.
///
/// @param n        the row count of `data`
/// @param folds    the fold count (cross-validation), or the number of parts the hold-out split was dealt into
/// @param foldOf   each row's fold number
/// @param holdTrain the hold-out's training rows in seeded order (`null` under cross-validation)
/// @param holdValid the hold-out's validation rows (`null` under cross-validation)
/// @param evalAll  `0..n-1`, the scoring rows under cross-validation
record SearchData(Dataset data, ProblemType problem, ObjectiveMetric metric, List<String> classes, int[] labels,
                  double[] values, int n, int folds, int[] foldOf, boolean crossValidation,
                  int @Nullable [] holdTrain, int @Nullable [] holdValid, int[] evalAll) {

    /// The rows candidates are scored on: all rows (out of fold) or the hold-out.
    int[] evalRows() {
        return crossValidation ? evalAll : holdValid;
    }

    /// The class labels of `evalRows`.
    int[] labelTruth(int[] evalRows) {
        int[] truth = new int[evalRows.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = labels[evalRows[i]];
        }
        return truth;
    }

    /// The target values of `evalRows` (regression).
    double[] valueTruth(int[] evalRows) {
        double[] truth = new double[evalRows.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = values[evalRows[i]];
        }
        return truth;
    }

    /// Every metric of predictions `oof` (and `oofLabels`, classification) made for `evalRows`.
    Map<String, Double> score(int[] evalRows, double[] oof, int[] oofLabels) {
        if (problem == ProblemType.REGRESSION) {
            return Evaluator.regression(valueTruth(evalRows), oof);
        }
        return Evaluator.classification(labelTruth(evalRows), oof, oofLabels, classes.size());
    }
}
