package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadWriter;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/// A weighted average of other models' predictions (probabilities per class by label, or values): the form of
/// both a cross-validated candidate (its fold models, equal weights) and Autopilot's ensemble (candidates, weights
/// from greedy selection). Members may themselves be ensembles. Immutable and thread-safe.
///
/// A member that never saw a class (a rare class missing from its fold) gives it probability 0. The label is the
/// most probable class.
public final class EnsembleModel implements Model {
    private final ModelHeader header;
    private final List<Model> members;
    private final double[] weights;
    private final double[] given;
    private final @org.jspecify.annotations.Nullable Double threshold;

    /// @throws IllegalArgumentException if there are no members, weights do not match, are negative or sum to 0
    public EnsembleModel(ModelHeader header, List<Model> members, double[] weights) {
        this(header, members, weights, null);
    }

    /// An ensemble whose binary label is the positive (second) class when its probability is at least `threshold`
    /// (`null`: the most probable class).
    ///
    /// @throws IllegalArgumentException as [#EnsembleModel(ModelHeader, List, double[])], or for a threshold outside
    ///         (0, 1) or on a problem that is not binary
    public EnsembleModel(ModelHeader header, List<Model> members, double[] weights,
                         @org.jspecify.annotations.Nullable Double threshold) {
        this.header = Objects.requireNonNull(header, "header");
        if (threshold != null && (!(threshold > 0 && threshold < 1)
                || header.problem() != ProblemType.BINARY_CLASSIFICATION)) {
            throw new IllegalArgumentException("threshold " + threshold + " for " + header.problem());
        }
        this.threshold = threshold;
        this.members = List.copyOf(members);
        if (this.members.isEmpty() || weights.length != this.members.size()) {
            throw new IllegalArgumentException("need one weight per member and at least one member");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to 0");
        }
        this.given = weights.clone();
        this.weights = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = weights[i] / sum;
        }
    }

    /// The member models.
    public List<Model> members() {
        return members;
    }

    /// The normalized weights (sum 1), one per member (a copy).
    public double[] weights() {
        return weights.clone();
    }

    /// The decision threshold of a binary ensemble, if one was tuned.
    public java.util.Optional<Double> threshold() {
        return java.util.Optional.ofNullable(threshold);
    }

    @Override
    public ModelHeader header() {
        return header;
    }

    /// The first member's pipeline (every member reads the same input columns; each applies its own pipeline).
    @Override
    public FeaturePipeline pipeline() {
        return members.getFirst().pipeline();
    }

    @Override
    public Predictions predict(Dataset data) {
        List<Predictions> each = new ArrayList<>(members.size());
        for (Model m : members) {
            each.add(m.predict(data));
        }
        Predictions blended = blend(header.problem(), header.classes(), each, weights, data.rowCount());
        return threshold == null ? blended : withThreshold(blended, threshold);
    }

    /// Binary predictions relabelled: positive when the positive class's probability is at least `t`.
    static Predictions withThreshold(Predictions p, double t) {
        int n = p.size();
        double[] prob = new double[n * 2];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            prob[r * 2] = p.probability(r, 0);
            prob[r * 2 + 1] = p.probability(r, 1);
            labels[r] = prob[r * 2 + 1] >= t ? 1 : 0;
        }
        return Predictions.classification(p.classes(), prob, labels);
    }

    /// The weighted average of `predictions` (by class label for classification), labelled with the most probable
    /// class.
    static Predictions blend(ProblemType problem, List<String> classes, List<Predictions> predictions,
                             double[] weights, int rows) {
        if (problem == ProblemType.REGRESSION) {
            double[] v = new double[rows];
            for (int m = 0; m < predictions.size(); m++) {
                Predictions p = predictions.get(m);
                for (int r = 0; r < rows; r++) {
                    v[r] += weights[m] * p.value(r);
                }
            }
            return Predictions.regression(v);
        }
        int k = classes.size();
        double[] prob = new double[rows * k];
        for (int m = 0; m < predictions.size(); m++) {
            Predictions p = predictions.get(m);
            int[] map = classMap(classes, p.classes());
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < map.length; c++) {
                    if (map[c] >= 0) {
                        prob[r * k + map[c]] += weights[m] * p.probability(r, c);
                    }
                }
            }
        }
        return Predictions.mostProbable(classes, prob);
    }

    /// For each of `memberClasses`, its index in `classes` (-1 if absent).
    static int[] classMap(List<String> classes, List<String> memberClasses) {
        int[] map = new int[memberClasses.size()];
        for (int c = 0; c < map.length; c++) {
            map[c] = classes.indexOf(memberClasses.get(c));
        }
        return map;
    }

    @Override
    public List<Diagnostic> diagnostics() {
        return members.getFirst().diagnostics();
    }

    /// Writes `ensemble.json` (members' headers, hyperparameters and weights) and, for member `i`, its fitted
    /// preprocessing and payload files under the prefix `m<i>-` (nested ensembles nest prefixes).
    @Override
    public void writePayload(PayloadWriter out) {
        var entries = new ArrayList<EnsemblePayload.Member>();
        for (int i = 0; i < members.size(); i++) {
            Model m = members.get(i);
            String prefix = "m" + i + "-";
            ModelHeader h = m.header();
            entries.add(new EnsemblePayload.Member(h.algorithm(), dev.atelier.engine.learn.ProblemTypes.shortName(
                    h.problem()), h.target(), h.classes(), textOf(h), List.copyOf(h.spec().explicit()),
                    h.spec().seed(), given[i], prefix));
            out.json(prefix + EnsemblePayload.PREPROCESSING, m.pipeline());
            m.writePayload(new Prefixed(out, prefix));
        }
        out.json(EnsemblePayload.FILE, new EnsemblePayload(1, entries, threshold));
    }

    private static java.util.Map<String, String> textOf(ModelHeader h) {
        return h.spec().asText(dev.atelier.engine.algorithms.AlgorithmCatalog.builtIn());
    }

    private record Prefixed(PayloadWriter out, String prefix) implements PayloadWriter {
        @Override
        public void json(String name, Object value) {
            out.json(prefix + name, value);
        }

        @Override
        public void bytes(String name, byte[] bytes) {
            out.bytes(prefix + name, bytes);
        }
    }
}
