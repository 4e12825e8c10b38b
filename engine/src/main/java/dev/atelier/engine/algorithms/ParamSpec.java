package dev.atelier.engine.algorithms;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/// One hyperparameter of an algorithm, by its SageMaker name: its type, default, valid range and a one-line
/// plain-language description. The form generator builds an input per spec; [AlgorithmCatalog#validate] parses
/// what the user typed.
///
/// Values travel as text (as SageMaker passes them) and [#parse(String)] turns text into a value:
/// a `Long` ([IntParam]), a `Double` ([DoubleParam]), a `String` ([ChoiceParam], [StringParam]), a `Boolean`
/// ([BoolParam]), or a [Keyword] when a numeric parameter accepts a word such as `auto`.
/// [#format(Object)] writes a value back as text that `parse` accepts, so `auto` round-trips.
public sealed interface ParamSpec permits IntParam, DoubleParam, ChoiceParam, BoolParam, StringParam {

    /// The SageMaker hyperparameter name, e.g. `num_round`.
    String name();

    /// The default as SageMaker writes it (`"0.3"`, `"auto"`, `"gbtree"`), or `null` when there is none
    /// ([Requirement#REQUIRED] and [Requirement#FROM_DATA]).
    @Nullable String defaultText();

    /// Whether the parameter has a default, must be chosen by the user, or is filled in from the data.
    Requirement requirement();

    /// One plain-language line: what it does and when to change it.
    String description();

    /// The valid values in words, e.g. `"1 – 10000"`, `"0 – ∞"`, `"one of sgd, adam, adagrad"`.
    String range();

    /// Parses `text` (surrounding blanks ignored) into this parameter's value.
    ///
    /// @throws dev.atelier.engine.error.SpecException `HYPERPARAMETER_INVALID` (name, text, [#range()]) when
    ///         the text is not a valid value
    Object parse(String text);

    /// The parsed default, if there is one.
    default Optional<Object> defaultValue() {
        String text = defaultText();
        return text == null ? Optional.empty() : Optional.of(parse(text));
    }

    /// `value` as text that [#parse(String)] accepts: numbers in Java's shortest round-trip form, booleans as
    /// `true`/`false`, keywords and strings unchanged.
    ///
    /// @throws IllegalArgumentException if `value` is not a type `parse` can return
    default String format(Object value) {
        return switch (value) {
            case Keyword keyword -> keyword.word();
            case Long number -> number.toString();
            case Double number -> ParamSyntax.formatDouble(number);
            case Boolean flag -> flag.toString();
            case String text -> text;
            default -> throw new IllegalArgumentException(
                    "not a hyperparameter value: " + value.getClass().getName());
        };
    }
}
