package dev.atelier.app.common.controls;

import static dev.atelier.app.common.controls.Tips.tip;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.algorithms.BoolParam;
import dev.atelier.engine.algorithms.ChoiceParam;
import dev.atelier.engine.algorithms.DoubleParam;
import dev.atelier.engine.algorithms.IntParam;
import dev.atelier.engine.algorithms.StringParam;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.jspecify.annotations.Nullable;

/// A hyperparameter form generated from [ParamField]s: per parameter its SageMaker name, a help mark whose tooltip
/// explains it in plain words with its valid values and default, an input chosen by kind (a spinner for whole
/// numbers, a drop-down for choices, a check box for yes/no, a text field otherwise) and, under it, what is wrong
/// with the value. The common settings come first; the others fold away under "More settings".
///
/// Node ids: `param-<name>` (the input), `param-<name>-help`, `param-<name>-error`, `paramAdvanced`.
public final class ParamForm extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final Messages messages;
    private final ObservableList<ParamField> fields;

    public ParamForm(Messages messages, ObservableList<ParamField> fields) {
        this.messages = messages;
        this.fields = fields;
        getStyleClass().add("param-form");
        setSpacing(8);
        fields.addListener((ListChangeListener<ParamField>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        List<ParamField> basic = fields.stream().filter(f -> !f.isAdvanced()).toList();
        List<ParamField> advanced = fields.stream().filter(ParamField::isAdvanced).toList();
        if (fields.isEmpty()) {
            Label none = new Label(messages.get("params.none"));
            none.getStyleClass().add("param-none");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        getChildren().add(grid(basic));
        if (!advanced.isEmpty()) {
            TitledPane more = new TitledPane(messages.get("params.advanced", advanced.size()), grid(advanced));
            more.setId("paramAdvanced");
            more.getStyleClass().add("param-advanced");
            more.setExpanded(false);
            more.setAnimated(false);
            more.setTooltip(tip(messages.get("params.advanced.tooltip")));
            getChildren().add(more);
        }
    }

    private GridPane grid(List<ParamField> list) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("param-grid");
        grid.setHgap(8);
        grid.setVgap(2);
        int row = 0;
        for (ParamField f : list) {
            Label name = new Label(f.name());
            name.getStyleClass().add("param-name");
            name.setMinWidth(Control.USE_PREF_SIZE);
            Label help = new Label("?");
            help.setId("param-" + f.name() + "-help");
            help.getStyleClass().add("param-help");
            help.setTooltip(tip(f.help()));
            HBox label = new HBox(4, name, help);
            label.setAlignment(Pos.CENTER_LEFT);

            Control input = input(f);
            input.setId("param-" + f.name());
            input.getStyleClass().add("param-input");
            input.setTooltip(tip(f.help()));
            input.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(input, Priority.ALWAYS);

            Label error = new Label();
            error.setId("param-" + f.name() + "-error");
            error.getStyleClass().add("param-error");
            error.setWrapText(true);
            error.textProperty().bind(f.errorProperty());
            error.visibleProperty().bind(f.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            f.errorProperty().addListener((o, a, b) -> input.pseudoClassStateChanged(INVALID, !b.isEmpty()));
            input.pseudoClassStateChanged(INVALID, !f.isValid());

            grid.add(label, 0, row);
            grid.add(input, 1, row);
            grid.add(error, 1, row + 1);
            row += 2;
        }
        return grid;
    }

    private Control input(ParamField f) {
        if (f.isFromData()) {
            TextField t = new TextField();
            t.setPromptText(messages.get("params.prompt.fromData"));
            t.setDisable(true);
            return t;
        }
        List<String> columns = f.columnChoices();
        if (columns != null) {
            return f.isMultipleColumns() ? columnChecks(f, columns) : columnChoice(f, columns);
        }
        return switch (f.spec()) {
            case IntParam p when p.keywords().isEmpty() && p.min() >= Integer.MIN_VALUE -> spinner(f, p);
            case ChoiceParam p -> choice(f, p);
            case BoolParam _ -> check(f);
            case IntParam p -> text(f, p.range());
            case DoubleParam p -> text(f, p.range());
            case StringParam p -> text(f, p.hint());
        };
    }

    private TextField text(ParamField f, String prompt) {
        TextField t = new TextField();
        t.setPromptText(f.isRequired() ? messages.get("params.prompt.required", prompt) : prompt);
        t.textProperty().bindBidirectional(f.textProperty());
        return t;
    }

    private Spinner<Integer> spinner(ParamField f, IntParam p) {
        int min = (int) Math.max(Integer.MIN_VALUE, p.min());
        int max = (int) Math.min(Integer.MAX_VALUE, p.max());
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int v = Integer.parseInt(text.strip());
                    return v < min || v > max ? factory.getValue() : v;
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        Spinner<Integer> s = new Spinner<>(factory);
        s.setEditable(true);
        String initial = f.getText();
        try {
            factory.setValue(Integer.parseInt(initial.strip()));
        } catch (NumberFormatException e) {
            // required without a default: the field stays empty until the user types
        }
        s.getEditor().setText(initial);
        s.getEditor().textProperty().bindBidirectional(f.textProperty());
        s.getEditor().setPromptText(f.isRequired() ? messages.get("params.prompt.required", p.range()) : p.range());
        return s;
    }

    private ComboBox<String> choice(ParamField f, ChoiceParam p) {
        ComboBox<String> c = new ComboBox<>();
        if (p.defaultText() == null) {
            c.getItems().add("");
        }
        c.getItems().addAll(p.choices());
        c.setPromptText(messages.get("params.prompt.notSet"));
        Bindings.bindBidirectional(c.valueProperty(), f.textProperty());
        return c;
    }

    /// One column: a drop-down of the columns (the current value kept even when it no longer reaches the step).
    private ComboBox<String> columnChoice(ParamField f, List<String> columns) {
        ComboBox<String> c = new ComboBox<>();
        if (!f.isRequired()) {
            c.getItems().add("");
        }
        c.getItems().addAll(columns);
        String current = f.getText().strip();
        if (!current.isEmpty() && !c.getItems().contains(current)) {
            c.getItems().add(current);
        }
        c.setValue(current);
        c.setPromptText(messages.get("params.prompt.column"));
        c.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(f.getText().strip())) {
                f.setText(b);
            }
        });
        f.textProperty().addListener((o, a, b) -> {
            String v = b == null ? "" : b.strip();
            if (!v.equals(c.getValue())) {
                if (!v.isEmpty() && !c.getItems().contains(v)) {
                    c.getItems().add(v);
                }
                c.setValue(v);
            }
        });
        return c;
    }

    /// Several columns: a check-box drop-down; the text lists the checked names, in the order they were checked.
    private CheckComboBox<String> columnChecks(ParamField f, List<String> columns) {
        var items = FXCollections.observableArrayList(columns);
        for (String name : names(f.getText())) {
            if (!items.contains(name)) {
                items.add(name);
            }
        }
        CheckComboBox<String> c = new CheckComboBox<>(items);
        c.setTitle(null);
        boolean[] syncing = {false};
        Runnable fromText = () -> {
            syncing[0] = true;
            try {
                List<String> chosen = names(f.getText());
                c.getCheckModel().clearChecks();
                for (String name : chosen) {
                    c.getCheckModel().check(name);
                }
            } finally {
                syncing[0] = false;
            }
        };
        fromText.run();
        c.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) ch -> {
            if (syncing[0]) {
                return;
            }
            var checked = new java.util.ArrayList<>(c.getCheckModel().getCheckedItems());
            var ordered = new java.util.ArrayList<String>();
            for (String name : names(f.getText())) {
                if (checked.contains(name)) {
                    ordered.add(name);
                }
            }
            for (String name : items) {
                if (checked.contains(name) && !ordered.contains(name)) {
                    ordered.add(name);
                }
            }
            f.setText(String.join(",", ordered));
        });
        f.textProperty().addListener((o, a, b) -> {
            if (!syncing[0] && !new java.util.HashSet<>(names(b)).equals(
                    new java.util.HashSet<>(c.getCheckModel().getCheckedItems()))) {
                for (String name : names(b)) {
                    if (!items.contains(name)) {
                        items.add(name);
                    }
                }
                fromText.run();
            }
        });
        return c;
    }

    private static List<String> names(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(n -> !n.isEmpty()).distinct()
                .toList();
    }

    private CheckBox check(ParamField f) {
        CheckBox c = new CheckBox();
        c.setSelected("true".equalsIgnoreCase(f.getText().strip()));
        c.selectedProperty().addListener((o, a, b) -> f.setText(b.toString()));
        f.textProperty().addListener((o, a, b) -> c.setSelected(b != null && "true".equalsIgnoreCase(b.strip())));
        c.setText(messages.get("params.check.on"));
        return c;
    }


    /// The inputs, for tests: one node per field, by id.
    public List<Node> inputs() {
        return lookupAll(".param-input").stream().toList();
    }
}
