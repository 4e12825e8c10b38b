package dev.atelier.engine.data;

import dev.atelier.engine.data.io.ValueParsers;
import dev.atelier.engine.data.io.ValueParsers.DateOrder;
import dev.atelier.engine.data.io.ValueParsers.NumberStyle;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/// Changes the type of one column of a [Dataset], the way a user does when inference guessed wrong.
///
/// - To CATEGORICAL or TEXT: every value becomes its display text ([Dataset#text(int, int)]).
/// - Text to NUMERIC, BOOLEAN or DATETIME: the importer's own parsers ([ValueParsers]) read each value, with
///   the number style and date order that fit most values; `1`/`0` count as true/false.
/// - BOOLEAN or DATETIME to NUMERIC: 1/0, and seconds since 1970-01-01 ([Dataset#number(int, int)]).
/// - NUMERIC to BOOLEAN: 1 is true, 0 is false.
/// - Anything else goes through the display text.
///
/// Values that do not convert become missing; a single [ErrorCode#IMPORT_VALUES_SET_MISSING] diagnostic
/// counts them and shows one. The role of the column is kept.
public final class ColumnConversions {
    private ColumnConversions() {
    }

    /// Returns `dataset` with `column` converted to `target` (unchanged, without diagnostics, if it already
    /// has that type).
    ///
    /// @throws SpecException with [ErrorCode#COLUMN_NOT_FOUND] if there is no such column
    public static ConversionResult convert(Dataset dataset, String column, ColumnType target) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(target, "target");
        int index = dataset.schema().indexOf(column);
        if (index < 0) {
            throw new SpecException(ErrorCode.COLUMN_NOT_FOUND, column);
        }
        ColumnSchema cs = dataset.schema().get(index);
        ColumnType source = cs.type();
        if (source == target) {
            return new ConversionResult(dataset, List.of());
        }
        int rows = dataset.rowCount();
        Failures failures = new Failures();
        Column<?> converted = switch (target) {
            case CATEGORICAL, TEXT -> {
                String[] values = new String[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = dataset.text(r, index);
                }
                yield StringColumn.create(column, values);
            }
            case NUMERIC -> {
                double[] values = new double[rows];
                if (source == ColumnType.BOOLEAN || source == ColumnType.DATETIME) {
                    for (int r = 0; r < rows; r++) {
                        values[r] = dataset.number(r, index);
                    }
                } else {
                    List<@Nullable String> texts = texts(dataset, index);
                    NumberStyle style = ValueParsers.bestNumberStyle(texts);
                    for (int r = 0; r < rows; r++) {
                        String t = texts.get(r);
                        values[r] = t == null ? Double.NaN : ValueParsers.parseNumber(t, style);
                        if (t != null && Double.isNaN(values[r])) {
                            failures.add(t);
                        }
                    }
                }
                yield DoubleColumn.create(column, values);
            }
            case BOOLEAN -> {
                BooleanColumn out = BooleanColumn.create(column);
                List<@Nullable String> texts = texts(dataset, index);
                for (int r = 0; r < rows; r++) {
                    String t = texts.get(r);
                    Boolean v = null;
                    if (t != null) {
                        v = source == ColumnType.NUMERIC ? fromNumber(dataset.number(r, index))
                                : ValueParsers.parseBoolean(t, true);
                        if (v == null) {
                            failures.add(t);
                        }
                    }
                    if (v == null) {
                        out.appendMissing();
                    } else {
                        out.append(v.booleanValue());
                    }
                }
                yield out;
            }
            case DATETIME -> {
                DateTimeColumn out = DateTimeColumn.create(column);
                List<@Nullable String> texts = texts(dataset, index);
                DateOrder order = ValueParsers.bestDateOrder(texts);
                for (int r = 0; r < rows; r++) {
                    String t = texts.get(r);
                    LocalDateTime v = t == null ? null : ValueParsers.parseDateTime(t, order);
                    if (v == null) {
                        if (t != null) {
                            failures.add(t);
                        }
                        out.appendMissing();
                    } else {
                        out.append(v);
                    }
                }
                yield out;
            }
        };
        Dataset result = dataset.withColumn(index, cs.withType(target), converted);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (failures.count > 0) {
            diagnostics.add(Diagnostic.ofColumn(column, ErrorCode.IMPORT_VALUES_SET_MISSING, failures.count, column,
                    ValueParsers.typeWord(target), Objects.requireNonNullElse(failures.example, "")));
        }
        return new ConversionResult(result, diagnostics);
    }

    private static @Nullable Boolean fromNumber(double v) {
        if (v == 1.0) {
            return Boolean.TRUE;
        }
        if (v == 0.0) {
            return Boolean.FALSE;
        }
        return null;
    }

    /// The column's display texts, `null` where missing.
    private static List<@Nullable String> texts(Dataset dataset, int index) {
        int rows = dataset.rowCount();
        List<@Nullable String> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            out.add(dataset.isMissing(r, index) ? null : dataset.text(r, index));
        }
        return out;
    }

    private static final class Failures {
        int count;
        @Nullable String example;

        void add(String value) {
            if (count++ == 0) {
                example = value.strip();
            }
        }
    }
}
