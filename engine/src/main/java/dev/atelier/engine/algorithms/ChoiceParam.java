package dev.atelier.engine.algorithms;

import dev.atelier.engine.error.SpecException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// A hyperparameter with a fixed set of text values (`objective`, `optimizer`, `booster`). Matching ignores
/// letter case and surrounding blanks; the parsed value is the choice as spelled here.
///
/// @param name        the SageMaker name
/// @param defaultText the default, one of `choices`, or `null` when there is none
/// @param choices     the valid values, in the order a form lists them
/// @param requirement whether it has a default or who supplies it
/// @param description one plain-language line: what it does and when to change it
public record ChoiceParam(String name, @Nullable String defaultText, List<String> choices, Requirement requirement,
                          String description) implements ParamSpec {

    public ChoiceParam {
        ParamSyntax.checkCommon(name, defaultText, List.of(), requirement, description);
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": no choices");
        }
        var seen = new HashSet<String>();
        for (String choice : choices) {
            if (choice.isBlank() || !choice.equals(choice.strip()) || !seen.add(choice.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + ": blank, padded or repeated choice '" + choice + "'");
            }
        }
        if (defaultText != null && !choices.contains(defaultText)) {
            throw new IllegalArgumentException(name + ": the default '" + defaultText + "' is not a choice");
        }
    }

    /// An optional choice.
    public static ChoiceParam of(String name, String defaultValue, List<String> choices, String description) {
        return new ChoiceParam(name, defaultValue, choices, Requirement.OPTIONAL, description);
    }

    @Override
    public String range() {
        return "one of " + String.join(", ", choices);
    }

    @Override
    public Object parse(String text) {
        String trimmed = text.strip();
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(trimmed)) {
                return choice;
            }
        }
        throw ParamSyntax.invalid(name, text, range());
    }

    /// Whether `text` names one of the choices.
    public boolean accepts(String text) {
        try {
            parse(text);
            return true;
        } catch (SpecException e) {
            return false;
        }
    }
}
