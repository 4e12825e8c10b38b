package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;

/// Before/after statistics of one column shown beside a step's preview.
///
/// @param name     the column
/// @param type     its type
/// @param count    number of rows
/// @param missing  missing cells
/// @param distinct distinct non-missing values
/// @param mean     mean of a numeric column (NaN otherwise)
/// @param min      smallest value of a numeric column (NaN otherwise)
/// @param max      largest value of a numeric column (NaN otherwise)
/// @param histogram counts in 10 equal-width bins between min and max (numeric), else empty
public record ColumnSummary(String name, ColumnType type, int count, int missing, int distinct, double mean,
                            double min, double max, int[] histogram) {
}
