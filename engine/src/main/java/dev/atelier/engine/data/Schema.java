package dev.atelier.engine.data;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/// The ordered columns of a [Dataset]: names are unique, and at most one column is the target.
public record Schema(List<ColumnSchema> columns) {
    public Schema {
        columns = List.copyOf(columns);
        var names = new HashSet<String>();
        int targets = 0;
        for (ColumnSchema c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column name: " + c.name());
            }
            if (c.role() == ColumnRole.TARGET) {
                targets++;
            }
        }
        if (targets > 1) {
            throw new IllegalArgumentException("at most one target column, found " + targets);
        }
    }

    /// Number of columns.
    public int size() {
        return columns.size();
    }

    /// The column at `index`.
    public ColumnSchema get(int index) {
        return columns.get(index);
    }

    /// The position of the named column, or -1.
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /// The named column.
    ///
    /// @throws SpecException with [ErrorCode#COLUMN_NOT_FOUND] if there is none
    public ColumnSchema column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new SpecException(ErrorCode.COLUMN_NOT_FOUND, name);
        }
        return columns.get(i);
    }

    /// The column names in order.
    public List<String> names() {
        return columns.stream().map(ColumnSchema::name).toList();
    }

    /// The target column, if one is chosen.
    public Optional<ColumnSchema> target() {
        return columns.stream().filter(c -> c.role() == ColumnRole.TARGET).findFirst();
    }

    /// The columns with the given role.
    public List<ColumnSchema> withRole(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).toList();
    }

    /// This schema with `name` as the target; the previous target (if any) becomes a feature.
    public Schema withTarget(String name) {
        column(name);
        return map(c -> c.name().equals(name) ? c.withRole(ColumnRole.TARGET)
                : c.role() == ColumnRole.TARGET ? c.withRole(ColumnRole.FEATURE) : c);
    }

    /// This schema with the named column's role changed (choosing TARGET demotes the previous target).
    public Schema withRole(String name, ColumnRole role) {
        if (role == ColumnRole.TARGET) {
            return withTarget(name);
        }
        column(name);
        return map(c -> c.name().equals(name) ? c.withRole(role) : c);
    }

    /// This schema with the named column replaced.
    public Schema with(ColumnSchema replacement) {
        column(replacement.name());
        return map(c -> c.name().equals(replacement.name()) ? replacement : c);
    }

    private Schema map(UnaryOperator<ColumnSchema> f) {
        var out = new ArrayList<ColumnSchema>(columns.size());
        for (ColumnSchema c : columns) {
            out.add(f.apply(c));
        }
        return new Schema(out);
    }
}
