package dev.atelier.app.data;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// One row of the Columns panel: a column's name, type, role (editable), share of missing cells and number of
/// distinct values.
public final class ColumnSummaryRow {
    private final int index;
    private final String name;
    private final ColumnType type;
    private final ObjectProperty<ColumnRole> role;
    private final double missingFraction;
    private final long distinct;

    public ColumnSummaryRow(int index, String name, ColumnType type, ColumnRole role, double missingFraction,
                            long distinct) {
        this.index = index;
        this.name = name;
        this.type = type;
        this.role = new SimpleObjectProperty<>(this, "role", role);
        this.missingFraction = missingFraction;
        this.distinct = distinct;
    }

    /// The column's position in the dataset.
    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    /// The column's role; setting it changes the project (through the [DataViewModel]).
    public ObjectProperty<ColumnRole> roleProperty() {
        return role;
    }

    public ColumnRole getRole() {
        return role.get();
    }

    /// Missing cells as a share of rows, `0..1`.
    public double missingFraction() {
        return missingFraction;
    }

    /// Number of distinct non-missing values.
    public long distinct() {
        return distinct;
    }

    @Override
    public String toString() {
        return name + " " + type + " " + role.get();
    }
}
