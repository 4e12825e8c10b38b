package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.Keyword;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/// What the user chose for one training job: the algorithm (catalogue key), the problem, the target column, the
/// hyperparameters by SageMaker name (already validated and typed by the catalogue, defaults filled in) and the seed.
///
/// Build it with [#of(AlgorithmCatalog, String, ProblemType, String, Map, long)], which validates. Values are
/// `Long`, `Double`, `String`, `Boolean` or [Keyword] as [ParamSpec#parse(String)] returns them.
///
/// @param algorithm       the catalogue key, e.g. `xgboost`
/// @param problem         binary, multiclass or regression
/// @param target          the column to predict
/// @param hyperparameters every hyperparameter the catalogue filled in, by SageMaker name, in descriptor order
/// @param explicit        the names the user actually gave (the rest are defaults); learners use it where a
///                        problem-dependent default beats the catalogue's single default (XGBoost's `objective`)
/// @param seed            the seed for every random choice; the same seed gives bit-identical predictions
public record LearnerSpec(String algorithm, ProblemType problem, String target, Map<String, Object> hyperparameters,
                          Set<String> explicit, long seed) {

    public LearnerSpec {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(target, "target");
        if (!problem.isTabularSupervised()) {
            throw new IllegalArgumentException("not a supervised tabular problem: " + problem);
        }
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        explicit = Collections.unmodifiableSet(new TreeSet<>(explicit));
    }

    /// Validates `given` (hyperparameters as text, by SageMaker name) against the catalogue and builds the spec.
    ///
    /// @throws SpecException `ALGORITHM_UNKNOWN`, `HYPERPARAMETER_UNKNOWN`, `HYPERPARAMETER_INVALID`,
    ///         `HYPERPARAMETER_MISSING` (see [AlgorithmCatalog#validate]); `PROBLEM_TYPE_UNSUPPORTED` (key, problem)
    ///         when the algorithm does not solve `problem`
    public static LearnerSpec of(AlgorithmCatalog catalog, String algorithm, ProblemType problem, String target,
                                 Map<String, String> given, long seed) {
        AlgorithmDescriptor descriptor = catalog.require(algorithm);
        if (!descriptor.solves(problem)) {
            throw new SpecException(ErrorCode.PROBLEM_TYPE_UNSUPPORTED, algorithm, ProblemTypes.words(problem));
        }
        Map<String, Object> values = catalog.validate(algorithm, given);
        var explicit = new TreeSet<String>();
        given.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                explicit.add(k);
            }
        });
        return new LearnerSpec(algorithm, problem, target, values, explicit, seed);
    }

    /// Whether the user gave `name` (rather than the default being filled in).
    public boolean isExplicit(String name) {
        return explicit.contains(name);
    }

    /// Whether `name` has a value (given or defaulted).
    public boolean has(String name) {
        return hyperparameters.containsKey(name);
    }

    /// Whether `name` is SageMaker's `auto` (or absent).
    public boolean isAuto(String name) {
        Object v = hyperparameters.get(name);
        return v == null || Keyword.AUTO.equals(v);
    }

    /// The value of `name`, or `null` if it has none.
    public @org.jspecify.annotations.Nullable Object value(String name) {
        return hyperparameters.get(name);
    }

    /// A whole-number hyperparameter, or `fallback` when it is absent or a keyword.
    public long longValue(String name, long fallback) {
        return hyperparameters.get(name) instanceof Number n ? n.longValue() : fallback;
    }

    /// A whole-number hyperparameter that fits an `int`, or `fallback`.
    public int intValue(String name, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, longValue(name, fallback));
    }

    /// A real hyperparameter, or `fallback` when it is absent or a keyword.
    public double doubleValue(String name, double fallback) {
        return hyperparameters.get(name) instanceof Number n ? n.doubleValue() : fallback;
    }

    /// A text or choice hyperparameter (keywords as their word), or `fallback`.
    public String text(String name, String fallback) {
        Object v = hyperparameters.get(name);
        return switch (v) {
            case null -> fallback;
            case String s -> s;
            case Keyword k -> k.word();
            default -> String.valueOf(v);
        };
    }

    /// A boolean hyperparameter, or `fallback`.
    public boolean bool(String name, boolean fallback) {
        return hyperparameters.get(name) instanceof Boolean b ? b : fallback;
    }

    /// The hyperparameters as text (as SageMaker passes them), formatted by the descriptor's specs, so they can be
    /// written to a manifest and validated again on reading.
    public Map<String, String> asText(AlgorithmCatalog catalog) {
        AlgorithmDescriptor descriptor = catalog.require(algorithm);
        var text = new LinkedHashMap<String, String>();
        hyperparameters.forEach((name, v) -> {
            ParamSpec spec = descriptor.hyperparameter(name).orElseThrow();
            text.put(name, spec.format(v));
        });
        return text;
    }

    /// This spec with another seed.
    public LearnerSpec withSeed(long newSeed) {
        return new LearnerSpec(algorithm, problem, target, hyperparameters, explicit, newSeed);
    }
}
