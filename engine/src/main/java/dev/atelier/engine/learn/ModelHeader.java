package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.ProblemType;
import java.util.List;
import java.util.Objects;

/// What every fitted model knows about itself, whatever the algorithm.
///
/// @param spec    the spec it was fitted from
/// @param classes the class labels as they appear in the data (`"no"`, `"yes"`), in the order probabilities are
///                reported; sorted (numbers numerically, text by code point); empty for regression. For binary
///                problems the second class is the positive one.
public record ModelHeader(LearnerSpec spec, List<String> classes) {
    public ModelHeader {
        Objects.requireNonNull(spec, "spec");
        classes = List.copyOf(classes);
        if (spec.problem() == ProblemType.REGRESSION ? !classes.isEmpty() : classes.size() < 2) {
            throw new IllegalArgumentException("classes " + classes + " do not fit " + spec.problem());
        }
    }

    /// The algorithm key.
    public String algorithm() {
        return spec.algorithm();
    }

    /// The problem type.
    public ProblemType problem() {
        return spec.problem();
    }

    /// The target column.
    public String target() {
        return spec.target();
    }
}
