package dev.atelier.app.common.controls;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.Requirement;
import dev.atelier.engine.error.AtelierException;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/// One hyperparameter as a form edits it: the [ParamSpec], the text the user typed (starting at the default) and
/// the plain-language problem with it, if any, from [ParamSpec#parse(String)]. Toolkit-free, so view-models hold
/// a list of these and [ParamForm] draws them.
///
/// An empty text means "not set": fine for a parameter with a default (the default is used) or one filled in
/// from the data, a problem for a required one.
public final class ParamField {
    private final ParamSpec spec;
    private final boolean advanced;
    private final Messages messages;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private @Nullable String defaultText;
    private @Nullable List<String> columnChoices;
    private boolean multipleColumns;

    /// A field for `spec`; `advanced` ones are folded away under "More settings".
    public ParamField(ParamSpec spec, boolean advanced, Messages messages) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.advanced = advanced;
        this.messages = Objects.requireNonNull(messages, "messages");
        this.defaultText = spec.defaultText();
        text.addListener((o, a, b) -> validate());
        reset();
        validate();
    }

    /// The hyperparameter.
    public ParamSpec spec() {
        return spec;
    }

    /// The SageMaker name (`num_round`).
    public String name() {
        return spec.name();
    }

    /// Whether it is one of the less common settings.
    public boolean isAdvanced() {
        return advanced;
    }

    /// Whether the data fills it in (XGBoost's `num_class`); the form shows it but does not let it be edited.
    public boolean isFromData() {
        return spec.requirement() == Requirement.FROM_DATA;
    }

    /// Whether it must be given (no default).
    public boolean isRequired() {
        return spec.requirement() == Requirement.REQUIRED;
    }

    /// What the user typed; empty when not set.
    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        String t = text.get();
        return t == null ? "" : t;
    }

    public void setText(@Nullable String value) {
        text.set(value == null ? "" : value);
    }

    /// The problem with the text in plain words; empty when it is valid.
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    /// Whether the text is acceptable.
    public boolean isValid() {
        return error.get().isEmpty();
    }

    /// The default the form shows and resets to: the catalogue's, unless the algorithm uses a better one for the
    /// problem at hand (XGBoost's `objective` follows the problem type).
    public @Nullable String defaultText() {
        return defaultText;
    }

    /// Uses `value` as the default for this problem (and resets to it); the learner picks the same value when
    /// the parameter is not given, so leaving it unchanged still counts as "not given".
    public void useProblemDefault(String value) {
        this.defaultText = value;
        reset();
    }

    /// Makes this a column parameter picked from `choices` (the columns that reach the step and that the
    /// parameter accepts): [ParamForm] then shows a drop-down (one column) or a check-box drop-down (`multiple`,
    /// written as names separated by commas) instead of a text box.
    public void useColumnChoices(List<String> choices, boolean multiple) {
        this.columnChoices = List.copyOf(choices);
        this.multipleColumns = multiple;
    }

    /// The columns to pick from, or `null` for a parameter typed as text.
    public @Nullable List<String> columnChoices() {
        return columnChoices;
    }

    /// Whether several columns can be picked.
    public boolean isMultipleColumns() {
        return multipleColumns;
    }

    /// Whether the user changed it from the default.
    public boolean isChanged() {
        String d = defaultText;
        return !getText().strip().equals(d == null ? "" : d);
    }

    /// Back to the default (or empty when there is none).
    public void reset() {
        String d = defaultText;
        setText(d == null ? "" : d);
    }

    /// The help text: the plain-language description, then the valid values and the default.
    public String help() {
        String d = defaultText;
        String def = switch (spec.requirement()) {
            case REQUIRED -> messages.get("params.help.required");
            case FROM_DATA -> messages.get("params.help.fromData");
            default -> d == null || d.isEmpty() ? messages.get("params.help.noDefault")
                    : messages.get("params.help.default", d);
        };
        return messages.get("params.help", spec.description(), spec.range(), def);
    }

    private void validate() {
        String t = getText().strip();
        if (t.isEmpty()) {
            error.set(isRequired() ? messages.get("params.error.required", spec.name()) : "");
            return;
        }
        if (isFromData()) {
            error.set("");
            return;
        }
        try {
            spec.parse(t);
            error.set("");
        } catch (AtelierException e) {
            error.set(messages.error(e));
        } catch (RuntimeException e) {
            error.set(messages.get("params.error.invalid", spec.name(), spec.range()));
        }
    }
}
