package dev.atelier.engine.wrangle;

/// The groups the transform catalogue is organised in, as Data Wrangler names them; the Prepare screen's
/// "Add step" menu lists them in this order.
public enum Family {
    MANAGE_COLUMNS("Manage columns"),
    CONVERT_TYPES("Convert types"),
    MANAGE_ROWS("Manage rows"),
    HANDLE_MISSING("Handle missing values"),
    HANDLE_OUTLIERS("Handle outliers"),
    SCALE_NUMERIC("Scale numbers"),
    NUMERIC_MATH("Number math"),
    POWER_TRANSFORM("Power transforms"),
    BIN_NUMERIC("Bin numbers"),
    COMBINE_NUMERIC("Combine number columns"),
    ENCODE_CATEGORICAL("Encode categories"),
    FEATURIZE_DATETIME("Featurize dates"),
    FEATURIZE_TEXT("Featurize text"),
    FORMAT_STRING("Format text"),
    SPLIT_EXTRACT_STRING("Split and extract text"),
    SEARCH_EDIT("Search and edit"),
    CUSTOM_FORMULA("Custom formula"),
    JOIN("Join datasets"),
    CONCATENATE("Concatenate datasets"),
    GROUP_BY("Group by"),
    BALANCE("Balance classes"),
    REDUCE_DIMENSIONS("Reduce dimensions"),
    SELECT_FEATURES("Select features"),
    TIME_SERIES_WINDOWS("Time series: lags and windows"),
    TIME_SERIES_RESAMPLE("Time series: resample and gaps"),
    SPLIT("Split data");

    private final String displayName;

    Family(String displayName) {
        this.displayName = displayName;
    }

    /// The family's name as the studio shows it.
    public String displayName() {
        return displayName;
    }

    /// The stable key used in JSON and on the command line, e.g. `handle-missing`.
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
