package dev.atelier.engine.wrangle;

import dev.atelier.engine.algorithms.Keyword;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.Requirement;
import dev.atelier.engine.algorithms.StringParam;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// A step's parameters, checked against its transform's [ParamSpec]s and parsed into typed values.
///
/// Raw values are the JSON-like values of a [Step]: text, numbers, booleans, and (for column lists) lists of
/// text. Column lists may also be written as one text with names separated by commas.
public final class Params {
    private final TransformInfo info;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, List<String>> columnLists = new HashMap<>();

    /// Parses `raw` for `info`.
    ///
    /// @throws SpecException `TRANSFORM_PARAMETER_UNKNOWN`, `TRANSFORM_PARAMETER_MISSING` or
    ///                       `TRANSFORM_PARAMETER_INVALID`
    public Params(TransformInfo info, Map<String, Object> raw) {
        this.info = info;
        for (String name : raw.keySet()) {
            if (info.param(name) == null) {
                throw new SpecException(ErrorCode.TRANSFORM_PARAMETER_UNKNOWN, name, info.key());
            }
        }
        for (ParamSpec spec : info.params()) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.requirement() == Requirement.REQUIRED) {
                    throw new SpecException(ErrorCode.TRANSFORM_PARAMETER_MISSING, spec.name(), info.key());
                }
                if (spec instanceof StringParam sp && sp.defaultText() != null) {
                    values.put(spec.name(), sp.defaultText());     // text as written: a space is a valid separator
                } else {
                    spec.defaultValue().ifPresent(v -> values.put(spec.name(), v));
                }
                continue;
            }
            if (spec instanceof StringParam s && s.hint().equals(P.COLUMNS)) {
                List<String> names = value instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : Arrays.stream(String.valueOf(value).split(",")).map(String::strip)
                                .filter(n -> !n.isEmpty()).toList();
                if (names.isEmpty()) {
                    throw new SpecException(ErrorCode.TRANSFORM_PARAMETER_INVALID, spec.name(), info.key(),
                            String.valueOf(value), spec.range());
                }
                columnLists.put(spec.name(), names);
                values.put(spec.name(), String.join(",", names));
                continue;
            }
            if (spec instanceof StringParam && value instanceof String written) {
                values.put(spec.name(), written);
                continue;
            }
            String text = switch (value) {
                case Double d -> spec.format(d);
                case List<?> l -> String.join(",", l.stream().map(String::valueOf).toList());
                default -> String.valueOf(value);
            };
            try {
                values.put(spec.name(), spec.parse(text));
            } catch (AtelierException e) {
                throw new SpecException(e, ErrorCode.TRANSFORM_PARAMETER_INVALID, spec.name(), info.key(), text,
                        spec.range());
            }
        }
    }

    /// The transform these parameters belong to.
    public TransformInfo info() {
        return info;
    }

    /// A text (or choice) parameter; empty if unset.
    public String text(String name) {
        Object v = values.get(name);
        return v == null ? "" : v.toString();
    }

    /// A whole-number parameter as an int (clamped to the int range).
    public int integer(String name) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, longValue(name)));
    }

    /// A whole-number parameter.
    public long longValue(String name) {
        return switch (values.get(name)) {
            case Long l -> l;
            case Keyword k -> throw new IllegalStateException(name + " is " + k.word());
            case null -> throw new IllegalStateException("no value for " + name);
            default -> throw new IllegalStateException(name + " is not a whole number");
        };
    }

    /// A real parameter (NaN when unset).
    public double real(String name) {
        return values.get(name) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /// A yes/no parameter.
    public boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    /// A single-column parameter.
    public String column(String name) {
        return text(name);
    }

    /// The main column (`column`).
    public String column() {
        return text("column");
    }

    /// A column-list parameter.
    public List<String> columns(String name) {
        List<String> list = columnLists.get(name);
        if (list != null) {
            return list;
        }
        String single = text(name);
        return single.isEmpty() ? List.of() : List.of(single);
    }

    /// The main column list (`columns`).
    public List<String> columns() {
        return columns("columns");
    }

    /// `output` if set, else `fallback`.
    public String output(String fallback) {
        String out = text("output");
        return out.isEmpty() ? fallback : out;
    }

    /// Every column named by a column parameter, in parameter order.
    public List<String> referencedColumns() {
        var out = new ArrayList<String>();
        for (ParamSpec spec : info.params()) {
            if (TransformInfo.isColumnParam(spec)) {
                for (String c : columns(spec.name())) {
                    if (!c.isEmpty() && !out.contains(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /// The columns named by the column parameters whose type the transform checks (all but `*_other` style
    /// parameters: by convention every column parameter except `target`, `key`, `by` and `time`).
    List<String> typedColumns() {
        var out = new ArrayList<String>();
        for (ParamSpec spec : info.params()) {
            if (TransformInfo.isColumnParam(spec) && (spec.name().equals("column") || spec.name().equals("columns"))) {
                out.addAll(columns(spec.name()));
            }
        }
        return out;
    }
}
