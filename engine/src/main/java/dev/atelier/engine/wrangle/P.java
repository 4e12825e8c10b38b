package dev.atelier.engine.wrangle;

import dev.atelier.engine.algorithms.BoolParam;
import dev.atelier.engine.algorithms.ChoiceParam;
import dev.atelier.engine.algorithms.DoubleParam;
import dev.atelier.engine.algorithms.IntParam;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.Requirement;
import dev.atelier.engine.algorithms.StringParam;

import java.util.List;

/// Short factories for transform parameters.
final class P {
    /// The hint of a parameter naming one input column.
    static final String COLUMN = "column name";
    /// The hint of a parameter naming several input columns (a list, or names separated by commas).
    static final String COLUMNS = "column names";

    private P() {
    }

    static ParamSpec column(String name, String description) {
        return new StringParam(name, null, COLUMN, Requirement.REQUIRED, description);
    }

    static ParamSpec column() {
        return column("column", "The column to transform.");
    }

    static ParamSpec columns(String name, String description) {
        return new StringParam(name, null, COLUMNS, Requirement.REQUIRED, description);
    }

    static ParamSpec columns() {
        return columns("columns", "The columns to transform.");
    }

    static ParamSpec optionalColumn(String name, String description) {
        return new StringParam(name, "", COLUMN, Requirement.OPTIONAL, description);
    }

    static ParamSpec output() {
        return new StringParam("output", "", "new column name", Requirement.OPTIONAL,
                "Name of the result column; empty replaces the input column.");
    }

    static ParamSpec output(String what) {
        return new StringParam("output", "", "new column name", Requirement.OPTIONAL, what);
    }

    static ParamSpec text(String name, String defaultText, String description) {
        return new StringParam(name, defaultText, "text", Requirement.OPTIONAL, description);
    }

    static ParamSpec requiredText(String name, String hint, String description) {
        return new StringParam(name, null, hint, Requirement.REQUIRED, description);
    }

    static ParamSpec integer(String name, long defaultValue, long min, long max, String description) {
        return IntParam.of(name, defaultValue, min, max, description);
    }

    static ParamSpec real(String name, double defaultValue, double min, double max, String description) {
        return new DoubleParam(name, Double.toString(defaultValue), min, false, max, false, false, List.of(),
                Requirement.OPTIONAL, description);
    }

    static ParamSpec requiredReal(String name, String description) {
        return new DoubleParam(name, null, -Double.MAX_VALUE, false, Double.MAX_VALUE, false, false, List.of(),
                Requirement.REQUIRED, description);
    }

    static ParamSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return ChoiceParam.of(name, defaultValue, choices, description);
    }

    static ParamSpec flag(String name, boolean defaultValue, String description) {
        return BoolParam.of(name, defaultValue, description);
    }

    static ParamSpec seed() {
        return integer("seed", 42, 0, Long.MAX_VALUE, "Random seed: the same seed always gives the same rows.");
    }
}
