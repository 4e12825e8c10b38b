package dev.atelier.engine.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// Builds a [Dataset] column by column. Missing values: NaN for numbers, `null` otherwise.
public final class DatasetBuilder {
    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<ColumnSchema> schema = new ArrayList<>();

    DatasetBuilder(String name) {
        this.name = name;
    }

    /// Adds a numeric column.
    public DatasetBuilder numeric(String column, double... values) {
        return add(ColumnSchema.feature(column, ColumnType.NUMERIC), DoubleColumn.create(column, values));
    }

    /// Adds a categorical column.
    public DatasetBuilder categorical(String column, @Nullable String... values) {
        return add(ColumnSchema.feature(column, ColumnType.CATEGORICAL), strings(column, values));
    }

    /// Adds a text column.
    public DatasetBuilder text(String column, @Nullable String... values) {
        return add(ColumnSchema.feature(column, ColumnType.TEXT), strings(column, values));
    }

    /// Adds a boolean column.
    public DatasetBuilder bool(String column, @Nullable Boolean... values) {
        BooleanColumn c = BooleanColumn.create(column);
        for (Boolean v : values) {
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }
        return add(ColumnSchema.feature(column, ColumnType.BOOLEAN), c);
    }

    /// Adds a date-time column.
    public DatasetBuilder dateTime(String column, @Nullable LocalDateTime... values) {
        DateTimeColumn c = DateTimeColumn.create(column);
        for (LocalDateTime v : values) {
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }
        return add(ColumnSchema.feature(column, ColumnType.DATETIME), c);
    }

    /// Makes the named column the target.
    public DatasetBuilder target(String column) {
        return role(column, ColumnRole.TARGET);
    }

    /// Sets the named column's role.
    public DatasetBuilder role(String column, ColumnRole role) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).name().equals(column)) {
                schema.set(i, schema.get(i).withRole(role));
                return this;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    /// The dataset.
    public Dataset build() {
        return Dataset.of(name, Table.create(name, columns), new Schema(schema));
    }

    private DatasetBuilder add(ColumnSchema cs, Column<?> c) {
        if (!columns.isEmpty() && columns.getFirst().size() != c.size()) {
            throw new IllegalArgumentException("column " + cs.name() + " has " + c.size() + " values, expected "
                    + columns.getFirst().size());
        }
        schema.add(cs);
        columns.add(c);
        return this;
    }

    private static StringColumn strings(String column, @Nullable String[] values) {
        return StringColumn.create(column, Arrays.stream(values).map(v -> v == null ? "" : v).toList());
    }
}
