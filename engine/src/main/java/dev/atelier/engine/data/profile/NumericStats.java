package dev.atelier.engine.data.profile;

import java.util.List;

/// Statistics of a numeric column's present values; every number is NaN when the column has no values.
///
/// @param min       the smallest value
/// @param max       the largest value
/// @param mean      the arithmetic mean
/// @param std       the sample standard deviation (divisor n − 1); NaN with fewer than two values
/// @param p5        the 5th percentile (linear interpolation between order statistics, as NumPy's default)
/// @param p25       the first quartile
/// @param p50       the median
/// @param p75       the third quartile
/// @param p95       the 95th percentile
/// @param zeros     how many values are exactly zero
/// @param histogram about 20 equal-width bars from `min` to `max` (one bar per whole number when the values are
///                  whole numbers spanning fewer than 20 units; empty when there are no finite values)
public record NumericStats(double min, double max, double mean, double std, double p5, double p25, double p50,
                           double p75, double p95, int zeros, List<Bin> histogram) implements ColumnStats {
    public NumericStats {
        histogram = List.copyOf(histogram);
    }
}
