package dev.atelier.engine.automl;

import java.util.List;
import java.util.Map;

/// The persisted shape of an [EnsembleModel]'s `ensemble.json`.
///
/// @param version the payload version (1)
/// @param members   the members in prediction order
/// @param threshold the binary decision threshold on the positive class's probability; absent = most probable class
public record EnsemblePayload(int version, List<Member> members, @org.jspecify.annotations.Nullable Double threshold) {
    /// The payload file's name.
    public static final String FILE = "ensemble.json";
    /// A member's preprocessing file name (after its prefix).
    public static final String PREPROCESSING = "preprocessing.json";

    public EnsemblePayload {
        members = List.copyOf(members);
    }

    /// One member: what its bundle manifest would hold, its weight and the prefix of its files.
    public record Member(String algorithm, String problemType, String target, List<String> classes,
                         Map<String, String> hyperparameters, List<String> explicitHyperparameters, long seed,
                         double weight, String prefix) {
        public Member {
            classes = List.copyOf(classes);
            hyperparameters = Map.copyOf(hyperparameters);
            explicitHyperparameters = List.copyOf(explicitHyperparameters);
        }
    }
}
