package dev.atelier.app.data.importer;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// One column in the Import dialog: its name, the type Atelier detected, and the type and role it will be
/// imported with (both editable; changing the type reads the preview again).
public final class ImportColumn {
    private final String name;
    private final ColumnType detectedType;
    private final boolean idLike;
    private final ObjectProperty<ColumnType> type;
    private final ObjectProperty<ColumnRole> role;

    ImportColumn(String name, ColumnType detectedType, ColumnType type, ColumnRole role, boolean idLike) {
        this.name = Objects.requireNonNull(name, "name");
        this.detectedType = Objects.requireNonNull(detectedType, "detectedType");
        this.idLike = idLike;
        this.type = new SimpleObjectProperty<>(this, "type", type);
        this.role = new SimpleObjectProperty<>(this, "role", role);
    }

    /// The column's name.
    public String name() {
        return name;
    }

    /// The type Atelier detected (before any override).
    public ColumnType detectedType() {
        return detectedType;
    }

    /// Whether the values in the preview look like identifiers (all different, an ID-like name or format).
    public boolean idLike() {
        return idLike;
    }

    /// The type the column is read as.
    public ObjectProperty<ColumnType> typeProperty() {
        return type;
    }

    public ColumnType getType() {
        return type.get();
    }

    /// The role the column gets.
    public ObjectProperty<ColumnRole> roleProperty() {
        return role;
    }

    public ColumnRole getRole() {
        return role.get();
    }

    @Override
    public String toString() {
        return name + " (" + type.get() + ", " + role.get() + ")";
    }
}
