package dev.atelier.engine.algorithms;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A free-form text hyperparameter: lists and expressions SageMaker passes through to the algorithm
/// (XGBoost's `eval_metric`, DeepAR's `test_quantiles`, image classification's `lr_scheduler_step`). Any text is
/// accepted as written (surrounding blanks removed); the learner checks the content when it trains.
///
/// @param name        the SageMaker name
/// @param defaultText the default (may be the empty string), or `null` when there is none
/// @param hint        what the text should look like, shown as the range, e.g. `"comma-separated metric names"`
/// @param requirement whether it has a default or who supplies it
/// @param description one plain-language line: what it does and when to change it
public record StringParam(String name, @Nullable String defaultText, String hint, Requirement requirement,
                          String description) implements ParamSpec {

    public StringParam {
        ParamSyntax.checkCommon(name, defaultText, List.of(), requirement, description);
        Objects.requireNonNull(hint, "hint");
        if (hint.isBlank()) {
            throw new IllegalArgumentException(name + ": blank hint");
        }
    }

    @Override
    public String range() {
        return hint;
    }

    @Override
    public Object parse(String text) {
        return text.strip();
    }
}
