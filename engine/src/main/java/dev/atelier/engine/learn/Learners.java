package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.learn.fm.FmLearner;
import dev.atelier.engine.learn.forest.ForestLearner;
import dev.atelier.engine.learn.knn.KnnLearner;
import dev.atelier.engine.learn.linear.LinearLearner;
import dev.atelier.engine.learn.mlp.MlpLearner;
import dev.atelier.engine.learn.xgboost.XgboostLearner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// The learners this build has, by algorithm key, and the catalogue with `trainable` set for exactly those.
/// Immutable and thread-safe. A new learner is added in [#builtIn()].
public final class Learners {
    private static final Learners BUILT_IN = of(AlgorithmCatalog.builtIn(), List.of(
            new XgboostLearner(), new LinearLearner(), ForestLearner.randomForest(), ForestLearner.extraTrees(),
            new KnnLearner(), new FmLearner(), new MlpLearner(),
            new dev.atelier.engine.automl.EnsembleLearner(Learners::builtIn)));

    private final AlgorithmCatalog catalog;
    private final Map<String, Learner> byKey;

    private Learners(AlgorithmCatalog catalog, Map<String, Learner> byKey) {
        this.catalog = catalog;
        this.byKey = byKey;
    }

    /// The built-in learners over the built-in catalogue.
    public static Learners builtIn() {
        return BUILT_IN;
    }

    /// Learners over `base`; the returned catalogue marks their descriptors trainable.
    ///
    /// @throws IllegalArgumentException if a learner's key is not in `base` or listed twice
    public static Learners of(AlgorithmCatalog base, List<Learner> learners) {
        var byKey = new LinkedHashMap<String, Learner>();
        for (Learner learner : learners) {
            base.require(learner.algorithm());
            if (byKey.putIfAbsent(learner.algorithm(), learner) != null) {
                throw new IllegalArgumentException("learner listed twice: " + learner.algorithm());
            }
        }
        var descriptors = new ArrayList<AlgorithmDescriptor>();
        for (AlgorithmDescriptor d : base.all()) {
            descriptors.add(d.withTrainable(byKey.containsKey(d.key())));
        }
        return new Learners(AlgorithmCatalog.of(descriptors), Map.copyOf(byKey));
    }

    /// The catalogue with `trainable` set for the algorithms that have a learner here.
    public AlgorithmCatalog catalog() {
        return catalog;
    }

    /// The learner for `key`, if there is one.
    public Optional<Learner> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /// The learner for `key`.
    ///
    /// @throws SpecException `ALGORITHM_UNKNOWN` (key) if the catalogue has no such algorithm;
    ///         `ALGORITHM_NOT_AVAILABLE` (key) if it is described but has no learner in this build
    public Learner require(String key) {
        catalog.require(key);
        Learner learner = byKey.get(key);
        if (learner == null) {
            throw new SpecException(ErrorCode.ALGORITHM_NOT_AVAILABLE, key);
        }
        return learner;
    }
}
