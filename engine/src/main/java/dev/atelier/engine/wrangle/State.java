package dev.atelier.engine.wrangle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The parameters a step learned from the training data (means, category sets, vocabularies, PCA components,
/// bin edges, ...), as JSON-like values so that a fitted recipe is written and read by `persist` without knowing
/// each transform: `String`, `Boolean`, `Long`, `Double`, `List` and `Map` with text keys. Non-finite numbers
/// are kept (NaN travels as the text "NaN").
///
/// @param values the learned values by name
public record State(Map<String, Object> values) {
    /// Nothing learned.
    public static final State EMPTY = new State(Map.of());

    public State {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /// A state builder.
    static Builder builder() {
        return new Builder();
    }

    double real(String key) {
        return toDouble(values.get(key));
    }

    long integer(String key) {
        return ((Number) values.get(key)).longValue();
    }

    String text(String key) {
        Object v = values.get(key);
        return v == null ? "" : v.toString();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    double[] reals(String key) {
        List<?> list = (List<?>) values.get(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(list.get(i));
        }
        return out;
    }

    List<String> texts(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        return ((List<?>) v).stream().map(String::valueOf).toList();
    }

    double[][] matrix(String key) {
        List<?> rows = (List<?>) values.get(key);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            List<?> row = (List<?>) rows.get(i);
            out[i] = new double[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = toDouble(row.get(j));
            }
        }
        return out;
    }

    /// A map of text to number.
    Map<String, Double> realMap(String key) {
        var out = new LinkedHashMap<String, Double>();
        Object v = values.get(key);
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), toDouble(x)));
        }
        return out;
    }

    /// A nested state.
    State child(String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) values.get(key);
        return m == null ? EMPTY : new State(m);
    }

    static double toDouble(Object v) {
        return switch (v) {
            case Number n -> n.doubleValue();
            case String s -> switch (s) {
                case "NaN", "" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(s);
            };
            case null -> Double.NaN;
            default -> throw new IllegalStateException("not a number: " + v);
        };
    }

    /// Collects learned values in insertion order.
    static final class Builder {
        private final Map<String, Object> map = new LinkedHashMap<>();

        Builder put(String key, double v) {
            map.put(key, v);
            return this;
        }

        Builder put(String key, long v) {
            map.put(key, v);
            return this;
        }

        Builder put(String key, String v) {
            map.put(key, v);
            return this;
        }

        Builder put(String key, double[] v) {
            var list = new ArrayList<Double>(v.length);
            for (double d : v) {
                list.add(d);
            }
            map.put(key, list);
            return this;
        }

        Builder put(String key, double[][] v) {
            var rows = new ArrayList<List<Double>>(v.length);
            for (double[] row : v) {
                var list = new ArrayList<Double>(row.length);
                for (double d : row) {
                    list.add(d);
                }
                rows.add(list);
            }
            map.put(key, rows);
            return this;
        }

        Builder put(String key, List<String> v) {
            map.put(key, List.copyOf(v));
            return this;
        }

        Builder put(String key, Map<String, ?> v) {
            map.put(key, new LinkedHashMap<>(v));
            return this;
        }

        Builder put(String key, State v) {
            map.put(key, v.values());
            return this;
        }

        State build() {
            return new State(map);
        }
    }
}
