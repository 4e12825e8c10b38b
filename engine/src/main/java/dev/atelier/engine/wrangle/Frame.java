package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/// The working table a recipe transforms in place: Tablesaw columns plus their schema entries. Only the
/// recipe engine holds a `Frame`; every public result is an immutable [Dataset].
final class Frame {
    private final String name;
    private final List<ColumnSchema> schema;
    private final List<Column<?>> columns;

    private Frame(String name, List<ColumnSchema> schema, List<Column<?>> columns) {
        this.name = name;
        this.schema = schema;
        this.columns = columns;
    }

    static Frame of(Dataset d) {
        // The dataset's columns are shared, never changed: every step builds new columns.
        return new Frame(d.name(), new ArrayList<>(d.schema().columns()), new ArrayList<>(d.columnsUnsafe()));
    }

    Dataset toDataset() {
        var cols = new ArrayList<Column<?>>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column<?> c = columns.get(i);
            String wanted = schema.get(i).name();
            cols.add(c.name().equals(wanted) ? c : c.copy().setName(wanted));   // never rename a shared column
        }
        return Dataset.of(name, Table.create(name, cols), new Schema(schema));
    }

    Frame copy() {
        return new Frame(name, new ArrayList<>(schema), new ArrayList<>(columns));
    }

    String name() {
        return name;
    }

    int rows() {
        return columns.isEmpty() ? 0 : columns.getFirst().size();
    }

    int width() {
        return columns.size();
    }

    List<String> names() {
        return schema.stream().map(ColumnSchema::name).toList();
    }

    List<ColumnSchema> schema() {
        return List.copyOf(schema);
    }

    boolean has(String column) {
        return indexOf(column) >= 0;
    }

    int indexOf(String column) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    int index(String column) {
        int i = indexOf(column);
        if (i < 0) {
            throw new DataException(ErrorCode.COLUMN_NOT_FOUND, column);
        }
        return i;
    }

    ColumnSchema schema(String column) {
        return schema.get(index(column));
    }

    ColumnType type(String column) {
        return schema(column).type();
    }

    Column<?> column(String column) {
        return columns.get(index(column));
    }

    /// The target column's name, or empty.
    String target() {
        return schema.stream().filter(c -> c.role() == ColumnRole.TARGET).map(ColumnSchema::name).findFirst()
                .orElse("");
    }

    /// The column as numbers: numeric values, 1/0 for booleans, epoch seconds (UTC) for date-times, and for text
    /// the parsed number (NaN if it is not one).
    double[] numbers(String column) {
        Column<?> c = column(column);
        int n = c.size();
        return switch (c) {
            case DoubleColumn d -> d.asDoubleArray();
            case BooleanColumn b -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    Boolean v = b.get(i);
                    out[i] = v == null ? Double.NaN : v ? 1 : 0;
                }
                yield out;
            }
            case DateTimeColumn t -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    LocalDateTime v = t.get(i);
                    out[i] = v == null ? Double.NaN : v.toEpochSecond(ZoneOffset.UTC);
                }
                yield out;
            }
            case StringColumn s -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = parseNumber(s.get(i));
                }
                yield out;
            }
            default -> throw new IllegalStateException("unexpected column " + c.getClass());
        };
    }

    /// The column as text, as [Dataset#text] formats it; missing cells are empty strings.
    String[] strings(String column) {
        Column<?> c = column(column);
        int n = c.size();
        String[] out = new String[n];
        if (c instanceof StringColumn s) {
            for (int i = 0; i < n; i++) {
                out[i] = s.get(i);
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = switch (c) {
                case DoubleColumn d -> Dataset.formatNumber(d.getDouble(i));
                case DateTimeColumn t -> t.get(i) == null ? "" : formatDate(t.get(i));
                case BooleanColumn b -> b.get(i) == null ? "" : b.get(i).toString();
                default -> c.getString(i);
            };
        }
        return out;
    }

    /// The date-time column's values (`null` = missing).
    LocalDateTime[] dates(String column) {
        if (!(column(column) instanceof DateTimeColumn t)) {
            throw new DataException(ErrorCode.TRANSFORM_COLUMN_TYPE, column, type(column).name(), "date-time");
        }
        LocalDateTime[] out = new LocalDateTime[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.get(i);
        }
        return out;
    }

    /// The cell as a typed value: Double, String, LocalDateTime or Boolean; `null` if missing.
    @Nullable Object value(int columnIndex, int row) {
        Column<?> c = columns.get(columnIndex);
        return switch (c) {
            case DoubleColumn d -> Double.isNaN(d.getDouble(row)) ? null : d.getDouble(row);
            case StringColumn s -> s.get(row).isEmpty() ? null : s.get(row);
            case DateTimeColumn t -> t.get(row);
            case BooleanColumn b -> b.get(row);
            default -> c.get(row);
        };
    }

    boolean isMissing(int columnIndex, int row) {
        Column<?> c = columns.get(columnIndex);
        return switch (c) {
            case DoubleColumn d -> Double.isNaN(d.getDouble(row));
            case StringColumn s -> s.get(row).isEmpty();
            case DateTimeColumn t -> t.get(row) == null;
            case BooleanColumn b -> b.get(row) == null;
            default -> c.isMissing(row);
        };
    }

    // ---- changing the frame -------------------------------------------------------------------------

    /// Sets a numeric column: replaces `name` (keeping its position and role) or adds it after `after`
    /// (at the end if `after` is null or absent).
    void putNumbers(String name, double[] values, @Nullable String after) {
        put(name, ColumnType.NUMERIC, DoubleColumn.create(name, values), after);
    }

    void putStrings(String name, String[] values, ColumnType type, @Nullable String after) {
        String[] clean = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            clean[i] = values[i] == null ? "" : values[i];
        }
        put(name, type, StringColumn.create(name, clean), after);
    }

    void putDates(String name, LocalDateTime[] values, @Nullable String after) {
        DateTimeColumn c = DateTimeColumn.create(name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                c.set(i, values[i]);
            }
        }
        put(name, ColumnType.DATETIME, c, after);
    }

    void putBooleans(String name, Boolean[] values, @Nullable String after) {
        BooleanColumn c = BooleanColumn.create(name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                c.setMissing(i);
            } else {
                c.set(i, values[i]);
            }
        }
        put(name, ColumnType.BOOLEAN, c, after);
    }

    /// Sets a column of any storage that matches `type`.
    void put(String name, ColumnType type, Column<?> column, @Nullable String after) {
        int i = indexOf(name);
        if (i >= 0) {
            schema.set(i, schema.get(i).withType(type));
            columns.set(i, column);
            return;
        }
        int at = after == null ? -1 : indexOf(after);
        int pos = at < 0 ? columns.size() : at + 1;
        schema.add(pos, ColumnSchema.feature(name, type));
        columns.add(pos, column);
    }

    void drop(String name) {
        int i = index(name);
        schema.remove(i);
        columns.remove(i);
    }

    void rename(String from, String to) {
        int i = index(from);
        if (!from.equals(to) && has(to)) {
            throw new DataException(ErrorCode.COLUMN_EXISTS, to);
        }
        ColumnSchema cs = schema.get(i);
        schema.set(i, new ColumnSchema(to, cs.type(), cs.role()));
    }

    void setRole(String name, ColumnRole role) {
        int i = index(name);
        if (role == ColumnRole.TARGET) {
            for (int j = 0; j < schema.size(); j++) {
                if (schema.get(j).role() == ColumnRole.TARGET) {
                    schema.set(j, schema.get(j).withRole(ColumnRole.FEATURE));
                }
            }
        }
        schema.set(i, schema.get(i).withRole(role));
    }

    void move(String name, int position) {
        int i = index(name);
        ColumnSchema cs = schema.remove(i);
        Column<?> c = columns.remove(i);
        int pos = Math.max(0, Math.min(position, columns.size()));
        schema.add(pos, cs);
        columns.add(pos, c);
    }

    /// Keeps the rows at `indices`, in that order (indices may repeat).
    void selectRows(int[] indices) {
        for (int i = 0; i < columns.size(); i++) {
            columns.set(i, columns.get(i).subset(indices));
        }
    }

    /// Replaces every column (for steps that rebuild the table).
    void replaceAll(List<ColumnSchema> newSchema, List<Column<?>> newColumns) {
        schema.clear();
        schema.addAll(newSchema);
        columns.clear();
        columns.addAll(newColumns);
    }

    List<Column<?>> columns() {
        return List.copyOf(columns);
    }

    static double parseNumber(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String formatDate(LocalDateTime v) {
        if (v.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return v.toLocalDate().toString();
        }
        return v.toString().replace('T', ' ');
    }
}
