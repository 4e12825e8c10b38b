package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.atelier.engine.wrangle.Family.CONVERT_TYPES;
import static dev.atelier.engine.wrangle.Family.MANAGE_COLUMNS;

/// Manage columns (drop, keep, duplicate, rename, move, role, index, constant) and convert types.
final class ColumnSteps {
    private ColumnSteps() {
    }

    static List<Transform> all() {
        return List.of(
                T.of("drop_columns", MANAGE_COLUMNS, "Drop columns", "Removes the chosen columns.")
                        .params(P.columns()).apply((f, p) -> p.columns().forEach(f::drop)),
                T.of("keep_columns", MANAGE_COLUMNS, "Keep only columns",
                                "Keeps the chosen columns, in their order, and removes every other column.")
                        .params(P.columns()).apply((f, p) -> {
                            for (String c : f.names()) {
                                if (!p.columns().contains(c)) {
                                    f.drop(c);
                                }
                            }
                            for (int i = 0; i < p.columns().size(); i++) {
                                if (f.has(p.columns().get(i))) {
                                    f.move(p.columns().get(i), i);
                                }
                            }
                        }),
                T.of("duplicate_column", MANAGE_COLUMNS, "Duplicate column", "Adds a copy of a column under a new name.")
                        .params(P.column(), P.requiredText("output", "new column name", "Name of the copy."))
                        .apply((f, p) -> {
                            if (f.has(p.text("output"))) {
                                throw new DataException(ErrorCode.COLUMN_EXISTS, p.text("output"));
                            }
                            f.put(p.text("output"), f.type(p.column()), f.column(p.column()).copy(), p.column());
                        }),
                T.of("rename_column", MANAGE_COLUMNS, "Rename column", "Gives a column a new name.")
                        .params(P.column(), P.requiredText("new_name", "new column name", "The new name."))
                        .apply((f, p) -> f.rename(p.column(), p.text("new_name"))),
                T.of("move_column", MANAGE_COLUMNS, "Move column",
                                "Moves a column to another position (1 is the first column).")
                        .params(P.column(), P.integer("position", 1, 1, 100_000, "The new position, 1 = first."))
                        .apply((f, p) -> f.move(p.column(), p.integer("position") - 1)),
                T.of("set_role", MANAGE_COLUMNS, "Set column role",
                                "Marks a column as a feature, the target, an id, ignored or sensitive.")
                        .params(P.column(), P.choice("role", "feature",
                                List.of("feature", "target", "id", "ignored", "sensitive"), "The column's new role."))
                        .apply((f, p) -> f.setRole(p.column(), ColumnRole.valueOf(p.text("role").toUpperCase(Locale.ROOT)))),
                T.of("add_index", MANAGE_COLUMNS, "Add row number", "Adds a column numbering the rows 1, 2, 3, ...")
                        .params(P.text("output", "row_number", "Name of the new column."))
                        .apply((f, p) -> {
                            double[] v = new double[f.rows()];
                            for (int i = 0; i < v.length; i++) {
                                v[i] = i + 1;
                            }
                            f.putNumbers(p.text("output"), v, null);
                            f.setRole(p.text("output"), ColumnRole.ID);
                        }),
                T.of("constant_column", MANAGE_COLUMNS, "Add constant column", "Adds a column with the same value in every row.")
                        .params(P.requiredText("output", "new column name", "Name of the new column."),
                                P.requiredText("value", "number or text", "The value; a number makes a numeric column."))
                        .apply((f, p) -> {
                            double x = Frame.parseNumber(p.text("value"));
                            if (!Double.isNaN(x)) {
                                double[] v = new double[f.rows()];
                                java.util.Arrays.fill(v, x);
                                f.putNumbers(p.text("output"), v, null);
                            } else {
                                String[] v = new String[f.rows()];
                                java.util.Arrays.fill(v, p.text("value"));
                                f.putStrings(p.text("output"), v, ColumnType.CATEGORICAL, null);
                            }
                        }),
                // ---- convert types
                T.of("change_type", CONVERT_TYPES, "Change type",
                                "Reads a column as numbers, categories, text, dates or true/false; values that don't fit become missing.")
                        .params(P.column(), P.choice("to", "numeric",
                                List.of("numeric", "categorical", "text", "datetime", "boolean"), "The new type."))
                        .apply((f, p) -> convert(f, p.column(), ColumnType.valueOf(p.text("to").toUpperCase(Locale.ROOT)))),
                T.of("parse_number", CONVERT_TYPES, "Parse number from text",
                                "Reads numbers written with symbols, such as \"$1,200\" or \"45%\" (45), as numbers.")
                        .types(T.STRINGS).params(P.column(), P.output())
                        .apply((f, p) -> {
                            String[] s = f.strings(p.column());
                            double[] v = new double[s.length];
                            for (int i = 0; i < s.length; i++) {
                                String digits = s[i].replaceAll("[^0-9eE.+\\-]", "");
                                v[i] = Frame.parseNumber(digits);
                                if (s[i].strip().startsWith("(") && s[i].strip().endsWith(")")) {
                                    v[i] = -v[i];
                                }
                            }
                            f.putNumbers(p.output(p.column()), v, p.column());
                        }),
                T.of("parse_date", CONVERT_TYPES, "Parse date from text",
                                "Reads text as dates with a pattern such as dd/MM/yyyy; text that doesn't match becomes missing.")
                        .types(T.STRINGS).params(P.column(), P.text("format", "yyyy-MM-dd", "The date pattern (Java DateTimeFormatter letters)."), P.output())
                        .apply((f, p) -> {
                            DateTimeFormatter fmt = formatter(p.text("format"));
                            String[] s = f.strings(p.column());
                            LocalDateTime[] v = new LocalDateTime[s.length];
                            for (int i = 0; i < s.length; i++) {
                                v[i] = parseDate(s[i].strip(), fmt);
                            }
                            f.putDates(p.output(p.column()), v, p.column());
                        }),
                T.of("format_date", CONVERT_TYPES, "Format date as text", "Writes dates as text with a pattern such as yyyy-MM.")
                        .types(T.DATES).params(P.column(), P.text("format", "yyyy-MM-dd", "The date pattern (Java DateTimeFormatter letters)."), P.output())
                        .apply((f, p) -> {
                            DateTimeFormatter fmt = formatter(p.text("format"));
                            LocalDateTime[] d = f.dates(p.column());
                            String[] out = new String[d.length];
                            for (int i = 0; i < d.length; i++) {
                                out[i] = d[i] == null ? "" : fmt.format(d[i]);
                            }
                            f.putStrings(p.output(p.column()), out, ColumnType.CATEGORICAL, p.column());
                        }),
                T.of("to_boolean", CONVERT_TYPES, "Text to true/false",
                                "Makes a true/false column: listed values are true, other values false, empty stays missing.")
                        .types(Set.of(ColumnType.CATEGORICAL, ColumnType.TEXT, ColumnType.NUMERIC))
                        .params(P.column(), P.text("true_values", "yes,true,1,y", "Values read as true, comma-separated (case ignored)."), P.output())
                        .apply((f, p) -> {
                            var yes = java.util.Arrays.stream(p.text("true_values").split(","))
                                    .map(x -> x.strip().toLowerCase(Locale.ROOT)).toList();
                            String[] s = f.strings(p.column());
                            Boolean[] out = new Boolean[s.length];
                            for (int i = 0; i < s.length; i++) {
                                out[i] = s[i].isEmpty() ? null : yes.contains(s[i].strip().toLowerCase(Locale.ROOT));
                            }
                            f.putBooleans(p.output(p.column()), out, p.column());
                        }));
    }

    static DateTimeFormatter formatter(String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new DataException(ErrorCode.TRANSFORM_PARAMETER_INVALID, "format", "date", pattern, "a date pattern");
        }
    }

    static LocalDateTime parseDate(String s, DateTimeFormatter fmt) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            TemporalAccessor t = fmt.parseBest(s, LocalDateTime::from, LocalDate::from);
            return t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT));

    static void convert(Frame f, String column, ColumnType to) {
        ColumnType from = f.type(column);
        if (from == to) {
            return;
        }
        switch (to) {
            case NUMERIC -> f.putNumbers(column, f.numbers(column), null);
            case CATEGORICAL, TEXT -> f.putStrings(column, f.strings(column), to, null);
            case BOOLEAN -> {
                String[] s = f.strings(column);
                Boolean[] out = new Boolean[s.length];
                for (int i = 0; i < s.length; i++) {
                    out[i] = switch (s[i].strip().toLowerCase(Locale.ROOT)) {
                        case "true", "yes", "y", "1", "t" -> true;
                        case "false", "no", "n", "0", "f" -> false;
                        default -> null;
                    };
                }
                f.putBooleans(column, out, null);
            }
            case DATETIME -> {
                String[] s = f.strings(column);
                LocalDateTime[] out = new LocalDateTime[s.length];
                for (int i = 0; i < s.length; i++) {
                    for (DateTimeFormatter fmt : DATE_FORMATS) {
                        out[i] = parseDate(s[i].strip(), fmt);
                        if (out[i] != null) {
                            break;
                        }
                    }
                }
                f.putDates(column, out, null);
            }
        }
    }

    static List<String> list(String csv) {
        var out = new ArrayList<String>();
        for (String s : csv.split(",")) {
            if (!s.strip().isEmpty()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
