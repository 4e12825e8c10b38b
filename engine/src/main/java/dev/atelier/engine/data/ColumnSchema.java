package dev.atelier.engine.data;

import java.util.Objects;

/// One column's name, type and role.
public record ColumnSchema(String name, ColumnType type, ColumnRole role) {
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }

    /// A feature column.
    public static ColumnSchema feature(String name, ColumnType type) {
        return new ColumnSchema(name, type, ColumnRole.FEATURE);
    }

    /// This column with another role.
    public ColumnSchema withRole(ColumnRole newRole) {
        return new ColumnSchema(name, type, newRole);
    }

    /// This column with another type.
    public ColumnSchema withType(ColumnType newType) {
        return new ColumnSchema(name, newType, role);
    }
}
