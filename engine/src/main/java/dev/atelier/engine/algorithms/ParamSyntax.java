package dev.atelier.engine.algorithms;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// The shared rules of [ParamSpec] records: name and description checks, number syntax, range wording.
final class ParamSyntax {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    static final String DASH = " – ";
    static final String INFINITY = "∞";

    private ParamSyntax() {
    }

    /// Checks what every spec shares; returns the keywords as an immutable list.
    static List<String> checkCommon(String name, @Nullable String defaultText, List<String> keywords,
                                    Requirement requirement, String description) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("hyperparameter names are snake_case: '" + name + "'");
        }
        if (description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException(name + ": the description must be one non-blank line");
        }
        if ((defaultText != null) != (requirement == Requirement.OPTIONAL)) {
            throw new IllegalArgumentException(name + ": an OPTIONAL parameter has a default and only it does ("
                    + requirement + ", default " + defaultText + ")");
        }
        var copy = List.copyOf(keywords);
        var seen = new HashSet<String>();
        for (String word : copy) {
            new Keyword(word);                                // validates the spelling
            if (!seen.add(word)) {
                throw new IllegalArgumentException(name + ": keyword '" + word + "' listed twice");
            }
        }
        return copy;
    }

    /// The keyword `text` names (case-insensitively), or `null`.
    static @Nullable Keyword keyword(String text, List<String> keywords) {
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.contains(lower) ? new Keyword(lower) : null;
    }

    /// A strictly written whole number, or `null` (no exponents, no decimal point, no words).
    static @Nullable Long parseLong(String text) {
        if (!INTEGER.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /// A decimal number (`1`, `0.3`, `.5`, `1e-6`) or infinity (`inf`, `infinity`, `-inf`), or `null`.
    /// Java's suffixes (`1d`), hexadecimal floats and `NaN` are not numbers here.
    static @Nullable Double parseDouble(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (!DECIMAL.matcher(text).matches()) {
                    return null;
                }
                double value = Double.parseDouble(text);
                return Double.isFinite(value) ? value : null;
            }
        }
    }

    /// The exception for a value outside the spec.
    static SpecException invalid(String name, String text, String range) {
        return new SpecException(ErrorCode.HYPERPARAMETER_INVALID, name, text, range);
    }

    /// `value` as text `parseDouble` reads back exactly.
    static String formatDouble(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        return Double.toString(value);
    }

    /// A bound for people: `0.001`, `1E-8`, `250000000`, `∞`.
    static String human(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return INFINITY;
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "−" + INFINITY;
        }
        double magnitude = Math.abs(value);
        if (value == 0 || (magnitude >= 1e-4 && magnitude < 1e12)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toString();
    }

    /// A bound for people: `1`, `∞` for `Long.MAX_VALUE`, `−∞` for `Long.MIN_VALUE`.
    static String human(long value) {
        if (value == Long.MAX_VALUE) {
            return INFINITY;
        }
        if (value == Long.MIN_VALUE) {
            return "−" + INFINITY;
        }
        return Long.toString(value);
    }

    /// `range` followed by `, or auto` / `, or auto or ignore` for the accepted keywords.
    static String withKeywords(String range, List<String> keywords) {
        return keywords.isEmpty() ? range : range + ", or " + String.join(" or ", keywords);
    }
}
