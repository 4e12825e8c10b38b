package dev.atelier.app.data;

import javafx.collections.ObservableListBase;

/// The rows of a table as their indices `0..size-1`, without storing them: the data table's items. A million
/// rows cost nothing; cells read their values from the dataset by index.
public final class RowIndexList extends ObservableListBase<Integer> {
    private final int size;

    public RowIndexList(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be ≥ 0 but was " + size);
        }
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }
}
