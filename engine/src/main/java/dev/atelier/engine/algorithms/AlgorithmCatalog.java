package dev.atelier.engine.algorithms;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/// The algorithms Atelier knows, by key: SageMaker's built-in algorithms plus the tabular learners Autopilot adds
/// (`mlp`, `random-forest`, `extra-trees`), each with SageMaker's hyperparameter names, defaults and ranges.
///
/// The catalogue only describes algorithms. No learner is registered yet, so every built-in descriptor has
/// `trainable = false`; training asks for a learner and reports `ALGORITHM_NOT_AVAILABLE` until one exists.
/// Immutable and thread-safe.
public final class AlgorithmCatalog {
    private static final AlgorithmCatalog BUILT_IN = of(BuiltInAlgorithms.all());

    private final List<AlgorithmDescriptor> all;
    private final Map<String, AlgorithmDescriptor> byKey;

    private AlgorithmCatalog(List<AlgorithmDescriptor> descriptors) {
        this.all = List.copyOf(descriptors);
        var keys = new LinkedHashMap<String, AlgorithmDescriptor>();
        for (AlgorithmDescriptor descriptor : all) {
            if (keys.putIfAbsent(descriptor.key(), descriptor) != null) {
                throw new IllegalArgumentException("algorithm key listed twice: " + descriptor.key());
            }
        }
        this.byKey = Map.copyOf(keys);
    }

    /// The built-in catalogue (20 algorithms).
    public static AlgorithmCatalog builtIn() {
        return BUILT_IN;
    }

    /// A catalogue of these descriptors, in this order.
    ///
    /// @throws IllegalArgumentException if two share a key
    public static AlgorithmCatalog of(List<AlgorithmDescriptor> descriptors) {
        return new AlgorithmCatalog(descriptors);
    }

    /// Every algorithm, in display order.
    public List<AlgorithmDescriptor> all() {
        return all;
    }

    /// The algorithm with this key.
    public Optional<AlgorithmDescriptor> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /// The algorithm with this key.
    ///
    /// @throws SpecException `ALGORITHM_UNKNOWN` (key) if there is none
    public AlgorithmDescriptor require(String key) {
        AlgorithmDescriptor descriptor = byKey.get(key);
        if (descriptor == null) {
            throw new SpecException(ErrorCode.ALGORITHM_UNKNOWN, key);
        }
        return descriptor;
    }

    /// The algorithms that solve `problem`, in display order.
    public List<AlgorithmDescriptor> forProblem(ProblemType problem) {
        return all.stream().filter(d -> d.solves(problem)).toList();
    }

    /// Checks hyperparameters given as text (by SageMaker name) and returns the full parsed set: every given value
    /// parsed, and every [Requirement#OPTIONAL] parameter not given set to its default. [Requirement#UNSET] and
    /// [Requirement#FROM_DATA] parameters that were not given are left out. A blank value counts as not given.
    /// The result iterates in the descriptor's order and holds `Long`, `Double`, `String`, `Boolean` and
    /// [Keyword] values (see [ParamSpec#parse(String)]).
    ///
    /// @throws SpecException `ALGORITHM_UNKNOWN` (key) for an unknown algorithm; `HYPERPARAMETER_UNKNOWN`
    ///         (name, key) for a name the algorithm does not have (names are checked in alphabetical order);
    ///         `HYPERPARAMETER_INVALID` (name, value, range) for a value out of range; `HYPERPARAMETER_MISSING`
    ///         (name, key) when a [Requirement#REQUIRED] parameter is not given
    public Map<String, Object> validate(String key, Map<String, String> hyperparameters) {
        AlgorithmDescriptor descriptor = require(key);
        for (String name : new TreeMap<>(hyperparameters).keySet()) {
            if (descriptor.hyperparameter(name).isEmpty()) {
                throw new SpecException(ErrorCode.HYPERPARAMETER_UNKNOWN, name, key);
            }
        }
        var values = new LinkedHashMap<String, Object>();
        for (ParamSpec spec : descriptor.hyperparameters()) {
            String given = hyperparameters.get(spec.name());
            if (given != null && !given.isBlank()) {
                values.put(spec.name(), spec.parse(given));
                continue;
            }
            switch (spec.requirement()) {
                case OPTIONAL -> values.put(spec.name(), spec.defaultValue().orElseThrow());
                case REQUIRED -> throw new SpecException(ErrorCode.HYPERPARAMETER_MISSING, spec.name(), key);
                case UNSET, FROM_DATA -> {
                    // left out: the algorithm does without it, or the training setup adds it from the data
                }
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
