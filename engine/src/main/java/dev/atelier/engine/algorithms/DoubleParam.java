package dev.atelier.engine.algorithms;

import dev.atelier.engine.error.SpecException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A real-number hyperparameter (`eta`, `subsample`, `learning_rate`). Parses to a `Double`, or to a [Keyword] for
/// one of `keywords` (SageMaker's `auto`).
///
/// Bounds may be open: `min = 0, minExclusive = true` reads "greater than 0". Infinity is a valid value only when
/// `max` is infinite and not exclusive (NTM's `clip_gradient` defaults to `Infinity`).
///
/// @param name         the SageMaker name
/// @param defaultText  the default as text (a number or one of `keywords`), or `null` when there is none
/// @param min          the lower bound; may be `Double.NEGATIVE_INFINITY`
/// @param minExclusive whether `min` itself is invalid
/// @param max          the upper bound; may be `Double.POSITIVE_INFINITY`
/// @param maxExclusive whether `max` itself is invalid
/// @param logScale     whether sliders and searches should move by factors rather than steps (learning rates,
///                     regularization weights); with a lower bound of 0 they start at a small positive value
/// @param keywords     words accepted instead of a number, in lower case; usually empty or `auto`
/// @param requirement  whether it has a default or who supplies it
/// @param description  one plain-language line: what it does and when to change it
public record DoubleParam(String name, @Nullable String defaultText, double min, boolean minExclusive, double max,
                          boolean maxExclusive, boolean logScale, List<String> keywords, Requirement requirement,
                          String description) implements ParamSpec {

    public DoubleParam {
        keywords = ParamSyntax.checkCommon(name, defaultText, keywords, requirement, description);
        if (Double.isNaN(min) || Double.isNaN(max) || min > max || (min == max && (minExclusive || maxExclusive))) {
            throw new IllegalArgumentException(name + ": empty range " + min + " .. " + max);
        }
        if (defaultText != null) {
            try {
                parse(name, defaultText, min, minExclusive, max, maxExclusive, keywords);
            } catch (SpecException e) {
                throw new IllegalArgumentException(name + ": the default '" + defaultText + "' is out of range", e);
            }
        }
    }

    @Override
    public String range() {
        return range(min, minExclusive, max, maxExclusive, keywords);
    }

    @Override
    public Object parse(String text) {
        return parse(name, text, min, minExclusive, max, maxExclusive, keywords);
    }

    private static Object parse(String name, String text, double min, boolean minExclusive, double max,
                                boolean maxExclusive, List<String> keywords) {
        String trimmed = text.strip();
        Keyword keyword = ParamSyntax.keyword(trimmed, keywords);
        if (keyword != null) {
            return keyword;
        }
        Double value = ParamSyntax.parseDouble(trimmed);
        boolean valid = value != null
                && (value > min || (value == min && !minExclusive))
                && (value < max || (value == max && !maxExclusive));
        if (!valid) {
            throw ParamSyntax.invalid(name, text, range(min, minExclusive, max, maxExclusive, keywords));
        }
        return value;
    }

    private static String range(double min, boolean minExclusive, double max, boolean maxExclusive,
                                List<String> keywords) {
        String range = ParamSyntax.human(min) + ParamSyntax.DASH + ParamSyntax.human(max);
        boolean excludeMin = minExclusive && Double.isFinite(min);
        boolean excludeMax = maxExclusive && Double.isFinite(max);
        if (excludeMin && excludeMax) {
            range += " (excluding " + ParamSyntax.human(min) + " and " + ParamSyntax.human(max) + ")";
        } else if (excludeMin) {
            range += " (excluding " + ParamSyntax.human(min) + ")";
        } else if (excludeMax) {
            range += " (excluding " + ParamSyntax.human(max) + ")";
        }
        return ParamSyntax.withKeywords(range, keywords);
    }
}
