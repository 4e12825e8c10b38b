package dev.atelier.engine.algorithms;

import dev.atelier.engine.error.SpecException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A whole-number hyperparameter (`num_round`, `max_depth`, `k`). Parses to a `Long`, or to a [Keyword] for one of
/// `keywords` (SageMaker's `auto`, DeepAR's `ignore`).
///
/// @param name        the SageMaker name
/// @param defaultText the default as text (a number or one of `keywords`), or `null` when there is none
/// @param min         the smallest valid value
/// @param max         the largest valid value; `Long.MAX_VALUE` means no upper limit
/// @param keywords    words accepted instead of a number, in lower case; usually empty or `auto`
/// @param requirement whether it has a default or who supplies it
/// @param description one plain-language line: what it does and when to change it
public record IntParam(String name, @Nullable String defaultText, long min, long max, List<String> keywords,
                       Requirement requirement, String description) implements ParamSpec {

    public IntParam {
        keywords = ParamSyntax.checkCommon(name, defaultText, keywords, requirement, description);
        if (min > max) {
            throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
        }
        if (defaultText != null) {
            try {
                parse(name, defaultText, min, max, keywords);
            } catch (SpecException e) {
                throw new IllegalArgumentException(name + ": the default '" + defaultText + "' is out of range", e);
            }
        }
    }

    /// An optional whole number with a numeric default and no keywords.
    public static IntParam of(String name, long defaultValue, long min, long max, String description) {
        return new IntParam(name, Long.toString(defaultValue), min, max, List.of(), Requirement.OPTIONAL,
                description);
    }

    @Override
    public String range() {
        return range(min, max, keywords);
    }

    @Override
    public Object parse(String text) {
        return parse(name, text, min, max, keywords);
    }

    private static Object parse(String name, String text, long min, long max, List<String> keywords) {
        String trimmed = text.strip();
        Keyword keyword = ParamSyntax.keyword(trimmed, keywords);
        if (keyword != null) {
            return keyword;
        }
        Long value = ParamSyntax.parseLong(trimmed);
        if (value == null || value < min || value > max) {
            throw ParamSyntax.invalid(name, text, range(min, max, keywords));
        }
        return value;
    }

    private static String range(long min, long max, List<String> keywords) {
        String range = min == max ? ParamSyntax.human(min)
                : ParamSyntax.human(min) + ParamSyntax.DASH + ParamSyntax.human(max);
        return ParamSyntax.withKeywords(range, keywords);
    }
}
