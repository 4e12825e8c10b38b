package dev.atelier.engine.algorithms;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// A yes/no hyperparameter (`use_bias`, `normalize_data`). Accepts `true`/`false` in any letter case (SageMaker's
/// documentation writes both `true` and `True`) and parses to a `Boolean`.
///
/// @param name        the SageMaker name
/// @param defaultText the default (`true`/`false`, any case), or `null` when there is none
/// @param requirement whether it has a default or who supplies it
/// @param description one plain-language line: what it does and when to change it
public record BoolParam(String name, @Nullable String defaultText, Requirement requirement, String description)
        implements ParamSpec {

    public BoolParam {
        ParamSyntax.checkCommon(name, defaultText, List.of(), requirement, description);
        if (defaultText != null && value(defaultText) == null) {
            throw new IllegalArgumentException(name + ": the default '" + defaultText + "' is not true or false");
        }
    }

    /// An optional flag.
    public static BoolParam of(String name, boolean defaultValue, String description) {
        return new BoolParam(name, Boolean.toString(defaultValue), Requirement.OPTIONAL, description);
    }

    @Override
    public String range() {
        return "true or false";
    }

    @Override
    public Object parse(String text) {
        Boolean value = value(text);
        if (value == null) {
            throw ParamSyntax.invalid(name, text, range());
        }
        return value;
    }

    private static @Nullable Boolean value(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
