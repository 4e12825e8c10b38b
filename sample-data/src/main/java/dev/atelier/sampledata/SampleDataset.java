package dev.atelier.sampledata;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/// One CSV bundled with Atelier, as listed by [SampleDatasets].
///
/// @param id              stable key, equal to the file name without `.csv` (`loan-approval`)
/// @param title           short display name ("Loan approval")
/// @param fileName        the CSV's name inside this package's resources (`loan-approval.csv`)
/// @param target          the column a model should predict
/// @param problemType     one of [#BINARY], [#MULTICLASS], [#REGRESSION], [#FORECASTING]
/// @param sensitiveColumn the protected attribute to audit for bias, or `null` if the dataset has none
/// @param description     one plain-English paragraph for analysts: what a row is, what to predict, what to notice
/// @param rows            data rows in the file (the header line not counted)
/// @param columns         columns in the file, the target included
public record SampleDataset(String id, String title, String fileName, String target, String problemType,
                            String sensitiveColumn, String description, int rows, int columns) {

    /// Predict one of two labels.
    public static final String BINARY = "binary";
    /// Predict one of three or more labels.
    public static final String MULTICLASS = "multiclass";
    /// Predict a number.
    public static final String REGRESSION = "regression";
    /// Predict future values of a time series.
    public static final String FORECASTING = "forecasting";

    private static final Set<String> PROBLEM_TYPES = Set.of(BINARY, MULTICLASS, REGRESSION, FORECASTING);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /// Validates every component.
    ///
    /// @throws IllegalArgumentException if the id is not lower-case kebab text, the file name is not `<id>.csv`,
    ///                                  the problem type is unknown, a text is blank or a count is not positive
    public SampleDataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(problemType, "problemType");
        Objects.requireNonNull(description, "description");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case words joined by '-': " + id);
        }
        if (!fileName.equals(id + ".csv")) {
            throw new IllegalArgumentException("fileName must be " + id + ".csv but was " + fileName);
        }
        if (!PROBLEM_TYPES.contains(problemType)) {
            throw new IllegalArgumentException("unknown problemType " + problemType + "; expected one of "
                    + PROBLEM_TYPES);
        }
        if (title.isBlank() || target.isBlank() || description.isBlank()
                || (sensitiveColumn != null && sensitiveColumn.isBlank())) {
            throw new IllegalArgumentException("blank text in sample dataset " + id);
        }
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("rows and columns must be positive: " + rows + " × " + columns);
        }
    }
}
