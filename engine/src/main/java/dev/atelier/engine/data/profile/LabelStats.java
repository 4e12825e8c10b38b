package dev.atelier.engine.data.profile;

import java.util.List;

/// Statistics of a categorical, text or true/false column.
///
/// @param topValues     the (up to) ten most frequent values, most frequent first (ties in text order)
/// @param averageLength the mean length in characters of the present values; NaN for true/false columns or
///                      when there are no values
public record LabelStats(List<ValueCount> topValues, double averageLength) implements ColumnStats {
    public LabelStats {
        topValues = List.copyOf(topValues);
    }
}
