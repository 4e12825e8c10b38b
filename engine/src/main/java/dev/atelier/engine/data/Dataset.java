package dev.atelier.engine.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// An immutable columnar table with a [Schema], stored in Tablesaw columns.
///
/// Storage per [ColumnType]: `NUMERIC` → `DoubleColumn` (missing = NaN), `CATEGORICAL` and `TEXT` →
/// `StringColumn` (missing = empty string), `DATETIME` → `DateTimeColumn` (missing = null), `BOOLEAN` →
/// `BooleanColumn`. The wrapped table is never mutated after construction: every "change" returns a new
/// `Dataset`, and [#table()] hands out a copy.
public final class Dataset {
    private final String name;
    private final Table table;
    private final Schema schema;

    private Dataset(String name, Table table, Schema schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.table = table;
        this.schema = schema;
    }

    /// Wraps `table` (which the caller must not mutate afterwards) with `schema`.
    ///
    /// @throws IllegalArgumentException if the columns' names, order or storage don't match the schema
    public static Dataset of(String name, Table table, Schema schema) {
        if (table.columnCount() != schema.size()) {
            throw new IllegalArgumentException("table has " + table.columnCount() + " columns, schema " + schema.size());
        }
        for (int i = 0; i < schema.size(); i++) {
            ColumnSchema cs = schema.get(i);
            Column<?> col = table.column(i);
            if (!col.name().equals(cs.name())) {
                throw new IllegalArgumentException("column " + i + " is '" + col.name() + "' but schema says '" + cs.name() + "'");
            }
            if (!storageMatches(cs.type(), col)) {
                throw new IllegalArgumentException("column '" + cs.name() + "' of type " + cs.type()
                        + " cannot be stored in " + col.getClass().getSimpleName());
            }
        }
        return new Dataset(name, table, schema);
    }

    private static boolean storageMatches(ColumnType type, Column<?> col) {
        return switch (type) {
            case NUMERIC -> col instanceof DoubleColumn;
            case CATEGORICAL, TEXT -> col instanceof StringColumn;
            case DATETIME -> col instanceof DateTimeColumn;
            case BOOLEAN -> col instanceof BooleanColumn;
        };
    }

    /// A builder for datasets made in code (tests, generators).
    public static DatasetBuilder builder(String name) {
        return new DatasetBuilder(name);
    }

    /// The dataset's display name (usually the file name without extension).
    public String name() {
        return name;
    }

    /// Column names, types and roles.
    public Schema schema() {
        return schema;
    }

    /// Number of rows.
    public int rowCount() {
        return table.rowCount();
    }

    /// Number of columns.
    public int columnCount() {
        return schema.size();
    }

    /// A copy of the underlying Tablesaw table, for code that wants Tablesaw's API.
    public Table table() {
        return table.copy();
    }

    /// The stored Tablesaw columns without copying them, for engine code that only reads them or replaces them by
    /// new columns (the recipe engine). Callers must never change these columns, not even their names.
    public List<Column<?>> columnsUnsafe() {
        return List.copyOf(table.columns());
    }

    /// Whether the cell is missing.
    public boolean isMissing(int row, int column) {
        Column<?> c = table.column(column);
        return switch (c) {
            case DoubleColumn d -> Double.isNaN(d.getDouble(row));
            case StringColumn s -> s.get(row).isEmpty();
            case DateTimeColumn t -> t.get(row) == null;
            case BooleanColumn b -> b.get(row) == null;
            default -> c.isMissing(row);
        };
    }

    /// Counts the missing cells of a column.
    public int missingCount(int column) {
        int n = 0;
        for (int r = 0; r < rowCount(); r++) {
            if (isMissing(r, column)) {
                n++;
            }
        }
        return n;
    }

    /// The cell as a number: the value of a numeric column, 1/0 for a boolean, epoch seconds (UTC) for a
    /// date-time; NaN if missing or not numeric.
    public double number(int row, int column) {
        Column<?> c = table.column(column);
        return switch (c) {
            case DoubleColumn d -> d.getDouble(row);
            case BooleanColumn b -> {
                Boolean v = b.get(row);
                yield v == null ? Double.NaN : (v ? 1.0 : 0.0);
            }
            case DateTimeColumn t -> {
                LocalDateTime v = t.get(row);
                yield v == null ? Double.NaN : v.toEpochSecond(java.time.ZoneOffset.UTC);
            }
            default -> Double.NaN;
        };
    }

    /// The cell as display text; empty if missing. Whole numbers print without ".0".
    public String text(int row, int column) {
        Column<?> c = table.column(column);
        return switch (c) {
            case DoubleColumn d -> formatNumber(d.getDouble(row));
            case StringColumn s -> s.get(row);
            case DateTimeColumn t -> {
                LocalDateTime v = t.get(row);
                yield v == null ? "" : formatDateTime(v);
            }
            case BooleanColumn b -> {
                Boolean v = b.get(row);
                yield v == null ? "" : v.toString();
            }
            default -> c.getString(row);
        };
    }

    /// The cell as a typed value: `Double`, `String`, `LocalDateTime` or `Boolean`; `null` if missing.
    public @Nullable Object value(int row, int column) {
        if (isMissing(row, column)) {
            return null;
        }
        Column<?> c = table.column(column);
        return switch (c) {
            case DoubleColumn d -> d.getDouble(row);
            case StringColumn s -> s.get(row);
            case DateTimeColumn t -> t.get(row);
            case BooleanColumn b -> b.get(row);
            default -> c.get(row);
        };
    }

    /// The numeric column's values (a copy); NaN marks missing.
    ///
    /// @throws IllegalArgumentException if the column is not numeric
    public double[] numbers(int column) {
        if (!(table.column(column) instanceof DoubleColumn d)) {
            throw new IllegalArgumentException("column '" + schema.get(column).name() + "' is not numeric");
        }
        return d.asDoubleArray();
    }

    /// This dataset with another schema of the same column names and types (roles may differ).
    public Dataset withSchema(Schema newSchema) {
        if (!newSchema.names().equals(schema.names())) {
            throw new IllegalArgumentException("column names differ");
        }
        for (int i = 0; i < schema.size(); i++) {
            if (newSchema.get(i).type() != schema.get(i).type()) {
                throw new IllegalArgumentException("use ColumnConversions to change the type of " + schema.get(i).name());
            }
        }
        return new Dataset(name, table, newSchema);
    }

    /// This dataset under another name.
    public Dataset withName(String newName) {
        return new Dataset(newName, table, schema);
    }

    /// The first `n` rows (all if fewer).
    public Dataset head(int n) {
        return new Dataset(name, table.first(Math.min(n, rowCount())), schema);
    }

    /// The rows at the given indices, in that order (indices may repeat).
    public Dataset rows(int[] rowIndices) {
        List<Column<?>> cols = new ArrayList<>(table.columnCount());
        for (Column<?> c : table.columns()) {
            cols.add(c.subset(rowIndices));
        }
        return new Dataset(name, Table.create(table.name(), cols), schema);
    }

    /// Replaces one column's storage and schema entry (used by type conversions). The new column must have
    /// the same length.
    Dataset withColumn(int index, ColumnSchema cs, Column<?> column) {
        List<Column<?>> cols = new ArrayList<>(table.columns());
        cols.set(index, column.setName(cs.name()));
        Table t = Table.create(table.name(), cols);
        List<ColumnSchema> schemas = new ArrayList<>(schema.columns());
        schemas.set(index, cs);
        return of(name, t, new Schema(schemas));
    }

    /// Formats a number for display and CSV output: integers without a decimal point, others in the
    /// shortest form that reads back to the same double.
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String formatDateTime(LocalDateTime v) {
        if (v.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return v.toLocalDate().toString();
        }
        return v.toString().replace('T', ' ');
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + rowCount() + " rows × " + columnCount() + " columns]";
    }
}
