package dev.atelier.engine.data.profile;

/// One histogram bar: the values in `[lower, upper)` (the last bar of a histogram also includes `upper`).
///
/// @param lower the lowest value the bar counts
/// @param upper the bar's upper edge
/// @param count how many values fall in it
public record Bin(double lower, double upper, int count) {
    public Bin {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0 but was " + count);
        }
    }
}
