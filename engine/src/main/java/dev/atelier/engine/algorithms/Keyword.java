package dev.atelier.engine.algorithms;

import java.util.Locale;
import java.util.Objects;

/// A word a numeric hyperparameter accepts instead of a number, such as SageMaker's `auto` ("let the algorithm
/// decide"), `balanced` or `ignore`. [ParamSpec#parse(String)] returns a `Keyword` for such a value, so a learner
/// tells it apart from a number with a type pattern, and [ParamSpec#format(Object)] writes the word back unchanged.
///
/// @param word the word, in lower case
public record Keyword(String word) {

    /// SageMaker's `auto`: the algorithm chooses the value from the data.
    public static final Keyword AUTO = new Keyword("auto");

    public Keyword {
        Objects.requireNonNull(word, "word");
        if (word.isBlank() || !word.equals(word.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a keyword is a non-blank lower-case word: '" + word + "'");
        }
    }

    /// The word itself.
    @Override
    public String toString() {
        return word;
    }
}
