package dev.atelier.engine.algorithms;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// Catalogue metadata for one algorithm: what the Algorithms screen lists, what the hyperparameter form is built
/// from, and what AutoML considers.
///
/// @param key             the stable kebab-case key, as SageMaker names the algorithm (`linear-learner`,
///                        `xgboost`); persisted in projects and model bundles
/// @param displayName     the name shown to people
/// @param category        the group it is listed under ("Supervised learning", "Text", ...)
/// @param summary         one plain-language line for business analysts: what it does and when to pick it
/// @param problemTypes    the problems it solves (never empty)
/// @param hyperparameters its hyperparameters by SageMaker name, in the order a form shows them (the ones people
///                        change most first)
/// @param trainable       whether this build has a learner for it. The built-in catalogue describes every
///                        algorithm but registers no learners yet, so this is `false` throughout; the issues that
///                        add learners flip it with [#withTrainable(boolean)]
public record AlgorithmDescriptor(String key, String displayName, String category, String summary,
                                  Set<ProblemType> problemTypes, List<ParamSpec> hyperparameters,
                                  boolean trainable) {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public AlgorithmDescriptor {
        Objects.requireNonNull(key, "key");
        if (!KEBAB.matcher(key).matches()) {
            throw new IllegalArgumentException("algorithm keys are kebab-case: '" + key + "'");
        }
        requireLine(key, "displayName", displayName);
        requireLine(key, "category", category);
        requireLine(key, "summary", summary);
        if (problemTypes.isEmpty()) {
            throw new IllegalArgumentException(key + ": no problem types");
        }
        problemTypes = Collections.unmodifiableSet(EnumSet.copyOf(problemTypes));
        hyperparameters = List.copyOf(hyperparameters);
        var names = new HashSet<String>();
        for (ParamSpec spec : hyperparameters) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException(key + ": hyperparameter " + spec.name() + " listed twice");
            }
        }
    }

    /// The hyperparameter with this SageMaker name.
    public Optional<ParamSpec> hyperparameter(String name) {
        return hyperparameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /// Whether it solves `problem`.
    public boolean solves(ProblemType problem) {
        return problemTypes.contains(problem);
    }

    /// This descriptor with `trainable` set, for when a learner is registered.
    public AlgorithmDescriptor withTrainable(boolean canTrain) {
        return new AlgorithmDescriptor(key, displayName, category, summary, problemTypes, hyperparameters, canTrain);
    }

    private static void requireLine(String key, String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isBlank() || text.contains("\n")) {
            throw new IllegalArgumentException(key + ": " + what + " must be one non-blank line");
        }
    }
}
