package dev.atelier.engine.project;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// A data-preparation recipe: ordered transform steps applied to one dataset.
///
/// @param id        stable id within the project
/// @param name      display name
/// @param datasetId the dataset it prepares
/// @param steps     the steps in order
public record RecipeEntry(String id, String name, String datasetId, List<Step> steps) {
    public RecipeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datasetId, "datasetId");
        steps = List.copyOf(steps);
    }

    /// One transform step: the transform's catalogue key, its parameters, and whether it is switched on.
    ///
    /// Parameter values are JSON-like and kept in one canonical form, so a step read back from a project file
    /// equals the step written: `String`, `Boolean`, `Long` (any whole number type is widened), `Double` (finite
    /// only; `Float` and `BigDecimal` are converted), and immutable `List`s and `Map`s (string keys) of those.
    ///
    /// @param transform  the transform's catalogue key
    /// @param parameters the parameters by name
    /// @param enabled    whether the step is applied
    /// @throws IllegalArgumentException for a `null`, non-finite or unsupported value
    public record Step(String transform, Map<String, Object> parameters, boolean enabled) {
        public Step {
            Objects.requireNonNull(transform, "transform");
            parameters = canonicalMap(parameters);
        }

        private static Map<String, Object> canonicalMap(Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            for (var entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("parameter names are strings: " + entry.getKey());
                }
                copy.put(key, canonical(key, entry.getValue()));
            }
            return Map.copyOf(copy);
        }

        private static Object canonical(String name, Object value) {
            return switch (value) {
                case null -> throw new IllegalArgumentException("parameter " + name + " is null");
                case String s -> s;
                case Boolean b -> b;
                case Long l -> l;
                case Integer i -> (long) i;
                case Short s -> (long) s;
                case Byte b -> (long) b;
                case BigInteger i when i.bitLength() < Long.SIZE -> i.longValue();
                case Double d -> finite(name, d);
                case Float f -> finite(name, Double.parseDouble(Float.toString(f)));
                case BigDecimal d -> finite(name, d.doubleValue());
                case List<?> list -> list.stream().map(v -> canonical(name, v)).toList();
                case Map<?, ?> map -> canonicalMap(map);
                default -> throw new IllegalArgumentException("parameter " + name + " has an unsupported value of "
                        + value.getClass().getName());
            };
        }

        private static Double finite(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("parameter " + name + " is not a finite number: " + value);
            }
            return value;
        }
    }
}
