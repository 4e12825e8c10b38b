package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.ProblemType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/// A model's predictions for every row of a dataset, in the dataset's row order: a label and one probability per
/// class for classification, a number for regression. Immutable (wraps primitive arrays it never hands out).
public final class Predictions {
    private final ProblemType problem;
    private final List<String> classes;
    private final int[] labels;
    private final double[] probabilities;
    private final double[] values;

    private Predictions(ProblemType problem, List<String> classes, int[] labels, double[] probabilities,
                        double[] values) {
        this.problem = problem;
        this.classes = List.copyOf(classes);
        this.labels = labels;
        this.probabilities = probabilities;
        this.values = values;
    }

    /// Regression predictions (copied).
    public static Predictions regression(double[] values) {
        return new Predictions(ProblemType.REGRESSION, List.of(), new int[0], new double[0], values.clone());
    }

    /// Classification predictions: `probabilities` is row-major (`rows × classes.size()`), and `labels[i]` the index
    /// in `classes` of row `i`'s predicted label (usually the most probable; a tuned threshold may differ). Copied.
    public static Predictions classification(List<String> classes, double[] probabilities, int[] labels) {
        Objects.requireNonNull(classes, "classes");
        if (classes.size() < 2 || probabilities.length != labels.length * classes.size()) {
            throw new IllegalArgumentException("need >= 2 classes and rows x classes probabilities");
        }
        ProblemType problem = classes.size() == 2 ? ProblemType.BINARY_CLASSIFICATION
                : ProblemType.MULTICLASS_CLASSIFICATION;
        return new Predictions(problem, classes, labels.clone(), probabilities.clone(), new double[0]);
    }

    /// Classification predictions labelled with the most probable class (first on ties).
    public static Predictions mostProbable(List<String> classes, double[] probabilities) {
        int k = classes.size();
        int rows = probabilities.length / k;
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[r * k + c] > probabilities[r * k + best]) {
                    best = c;
                }
            }
            labels[r] = best;
        }
        return classification(classes, probabilities, labels);
    }

    /// The problem these predictions answer.
    public ProblemType problem() {
        return problem;
    }

    /// Whether these are class predictions.
    public boolean isClassification() {
        return problem != ProblemType.REGRESSION;
    }

    /// The class labels (empty for regression), in probability order.
    public List<String> classes() {
        return classes;
    }

    /// How many rows were predicted.
    public int size() {
        return isClassification() ? labels.length : values.length;
    }

    /// The predicted label of `row`.
    public String label(int row) {
        return classes.get(labels[row]);
    }

    /// The index in [#classes()] of `row`'s predicted label.
    public int labelIndex(int row) {
        return labels[row];
    }

    /// The probability that `row` has class number `classIndex`.
    public double probability(int row, int classIndex) {
        return probabilities[row * classes.size() + classIndex];
    }

    /// The predicted number of `row` (regression).
    public double value(int row) {
        return values[row];
    }

    /// All probabilities of class `classIndex`, one per row (a copy).
    public double[] probabilitiesOf(int classIndex) {
        int k = classes.size();
        double[] out = new double[labels.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = probabilities[r * k + classIndex];
        }
        return out;
    }

    /// All predicted label indices (a copy).
    public int[] labelIndices() {
        return labels.clone();
    }

    /// All regression values (a copy).
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && problem == p.problem && classes.equals(p.classes)
                && Arrays.equals(labels, p.labels) && Arrays.equals(probabilities, p.probabilities)
                && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(problem, classes, Arrays.hashCode(labels), Arrays.hashCode(probabilities),
                Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Predictions[" + problem + ", " + size() + " rows]";
    }
}
