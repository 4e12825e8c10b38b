package dev.atelier.engine.learn;

/// How one raw number becomes one model input: missing values are imputed with the training median (or left NaN for
/// algorithms that handle missing values themselves), then `(x - mean) / scale` is applied (mean 0, scale 1 when the
/// algorithm does not need scaling).
///
/// @param median    the training median, used for missing values when `impute` is set
/// @param impute    whether missing values are replaced by `median` (otherwise they stay NaN)
/// @param indicator whether an extra 0/1 input says "this value was missing" (added when training saw missing values
///                  and values are imputed)
/// @param mean      subtracted after imputation
/// @param scale     divided by after subtracting (never 0)
public record ScalarEncoding(double median, boolean impute, boolean indicator, double mean, double scale) {
    public ScalarEncoding {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
    }

    /// The encoded value of `raw` (NaN = missing).
    public double encode(double raw) {
        double v = Double.isNaN(raw) && impute ? median : raw;
        return (v - mean) / scale;
    }

    /// How many inputs this produces: 1, or 2 with the missing indicator.
    public int width() {
        return indicator ? 2 : 1;
    }
}
