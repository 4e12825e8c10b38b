package dev.atelier.engine.bias;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Which outcomes count as positive (favourable): one or more label values (several classes of a multiclass label
/// are then one-vs-rest: these values against all others), or, for a continuous label, every value strictly above
/// `threshold`.
///
/// @param values    positive label values (case-insensitive); empty when a threshold is used
/// @param threshold values above it are positive; null when values are used
public record OutcomeRule(List<String> values, @Nullable Double threshold) {
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "1", "t");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "0", "f");

    public OutcomeRule {
        values = List.copyOf(values);
        if (values.isEmpty() == (threshold == null)) {
            throw new IllegalArgumentException("an outcome rule needs values or a threshold, not both");
        }
    }

    /// Parses `VALUE[,VALUE...]` or `>NUMBER`.
    ///
    /// @throws DataException `ANALYSIS_OPTION_INVALID` if the text is empty or the threshold is not a number
    public static OutcomeRule parse(String text) {
        String t = text.strip();
        if (t.startsWith(">")) {
            try {
                return new OutcomeRule(List.of(), Double.parseDouble(t.substring(1).strip()));
            } catch (NumberFormatException e) {
                throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "positive outcome", text, ">NUMBER, e.g. >50000");
            }
        }
        List<String> values = splitValues(t);
        if (values.isEmpty()) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "positive outcome", text,
                    "one or more label values separated by commas, or >NUMBER");
        }
        return new OutcomeRule(values, null);
    }

    static List<String> splitValues(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /// Whether a label (as text) is positive.
    public boolean isPositive(String label, ColumnType type) {
        if (threshold != null) {
            try {
                return Double.parseDouble(label) > threshold;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return matches(label, type, values);
    }

    /// Whether a number is positive (continuous labels and regression predictions).
    public boolean isPositive(double value) {
        if (threshold != null) {
            return value > threshold;
        }
        for (String v : values) {
            try {
                if (Double.parseDouble(v) == value) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // not a number: cannot match a number
            }
        }
        return false;
    }

    /// Text matching: equal ignoring case, numbers equal as numbers, and for yes/no columns "yes", "true", "1"
    /// all mean true.
    static boolean matches(String cell, ColumnType type, List<String> wanted) {
        for (String w : wanted) {
            if (cell.equalsIgnoreCase(w)) {
                return true;
            }
            String a = cell.toLowerCase(Locale.ROOT);
            String b = w.toLowerCase(Locale.ROOT);
            if ((TRUE_WORDS.contains(a) && TRUE_WORDS.contains(b)) || (FALSE_WORDS.contains(a) && FALSE_WORDS.contains(b))) {
                if (type == ColumnType.BOOLEAN || !(isNumber(a) || isNumber(b))) {
                    return true;
                }
            }
            if (isNumber(cell) && isNumber(w) && Double.parseDouble(cell) == Double.parseDouble(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || "+-.0123456789".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return threshold != null ? "> " + threshold : String.join(" or ", values);
    }
}
