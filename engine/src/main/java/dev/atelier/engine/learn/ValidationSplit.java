package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import java.util.ArrayList;

/// The rows a learner trains on and the rows it validates on (early stopping, model selection), as feature
/// matrices with their targets: the given validation data (rows without a usable target dropped), else a seeded
/// 20 % [HoldOut] of the training rows; with too few rows to hold any back, the training rows themselves.
///
/// @param trainX      training inputs
/// @param trainY      training targets (class index as a number, or the value for regression)
/// @param validationX validation inputs (never empty)
/// @param validationY validation targets
public record ValidationSplit(FeatureMatrix trainX, double[] trainY, FeatureMatrix validationX,
                              double[] validationY) {

    /// Splits `all` (the pipeline's transform of the training rows `target.rows()`) and `y` (their targets).
    public static ValidationSplit of(TrainingData data, LearnerSpec spec, Target target, ProblemType problem,
                                     FeaturePipeline pipeline, FeatureMatrix all, double[] y) {
        FeatureMatrix tx;
        double[] ty;
        FeatureMatrix vx;
        double[] vy;
        if (data.validation() != null) {
            tx = all;
            ty = y;
            Dataset v = data.validation();
            int vt = v.schema().indexOf(spec.target());
            int[] vLabels = problem == ProblemType.REGRESSION ? null : target.labelsOf(v);
            var keep = new ArrayList<Integer>();
            for (int r = 0; r < v.rowCount(); r++) {
                if (vt >= 0 && !v.isMissing(r, vt) && (vLabels == null || vLabels[r] >= 0)) {
                    keep.add(r);
                }
            }
            int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
            vx = pipeline.transform(v).rows(rows);
            vy = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                vy[i] = vLabels == null ? v.number(rows[i], vt) : vLabels[rows[i]];
            }
        } else {
            HoldOut split = HoldOut.of(all.rows(), 0.2, spec.seed());
            if (split.validation().length > 0) {
                tx = all.rows(split.train());
                ty = pick(y, split.train());
                vx = all.rows(split.validation());
                vy = pick(y, split.validation());
            } else {
                tx = all;
                ty = y;
                vx = all;
                vy = y;
            }
        }
        if (vx.rows() == 0) {
            vx = tx;
            vy = ty;
        }
        return new ValidationSplit(tx, ty, vx, vy);
    }

    /// `v` at `rows`, in that order.
    public static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
