package dev.atelier.engine.error;

/// Every problem the engine can report, with a stable id.
///
/// The engine holds no user-facing text: the app renders `messageKey()` with the arguments of an
/// [AtelierException] or a [Diagnostic] through its message bundle. The argument order of each code is
/// documented here and is part of the contract with the bundle.
public enum ErrorCode {
    // ---- files -------------------------------------------------------------------------------------
    /// {0} path
    FILE_NOT_FOUND(Severity.ERROR),
    /// {0} path, {1} reason from the operating system
    FILE_UNREADABLE(Severity.ERROR),
    /// {0} path
    FILE_EMPTY(Severity.ERROR),
    /// {0} path
    FILE_IS_DIRECTORY(Severity.ERROR),
    /// {0} path, {1} a short description of what was found (e.g. "PNG image")
    FILE_BINARY(Severity.ERROR),
    /// {0} path, {1} reason
    FILE_WRITE_FAILED(Severity.ERROR),

    // ---- import ------------------------------------------------------------------------------------
    /// {0} path: there is a header but not a single data row
    IMPORT_NO_ROWS(Severity.ERROR),
    /// {0} path, {1} charset name
    IMPORT_BAD_ENCODING(Severity.ERROR),
    /// {0} line number where the quoted field started
    IMPORT_UNTERMINATED_QUOTE(Severity.WARNING),
    /// {0} number of rows, {1} expected field count, {2} first line number
    IMPORT_RAGGED_ROWS(Severity.WARNING),
    /// {0} original header, {1} name used instead
    IMPORT_HEADER_RENAMED(Severity.WARNING),
    /// {0} count of values, {1} column, {2} type, {3} an example value
    IMPORT_VALUES_SET_MISSING(Severity.WARNING),
    /// {0} column: values such as "007" keep their leading zeros, so the column stays text
    IMPORT_LEADING_ZEROS_KEPT(Severity.INFO),
    /// {0} delimiter shown to the user, {1} charset, {2} whether a header row was found
    IMPORT_FORMAT_DETECTED(Severity.INFO),
    /// {0} rows read, {1} row limit
    IMPORT_ROW_LIMIT_REACHED(Severity.WARNING),
    /// {0} column, {1} the order used, in words (e.g. "month/day/year"): every date in the column reads both
    /// day-first and month-first, so one order was assumed
    IMPORT_DATE_ORDER_ASSUMED(Severity.INFO),
    /// {0} number of lines: one-value lines above the table (a title such as "Sales report 2024") were skipped
    IMPORT_LINES_SKIPPED(Severity.INFO),

    // ---- data and schema ---------------------------------------------------------------------------
    /// {0} column name
    COLUMN_NOT_FOUND(Severity.ERROR),
    /// {0} column name, {1} requested type, {2} reason
    COLUMN_TYPE_INVALID(Severity.ERROR),
    /// {0} dataset name
    DATASET_EMPTY(Severity.ERROR),

    // ---- projects ----------------------------------------------------------------------------------
    /// {0} path, {1} reason
    PROJECT_CORRUPT(Severity.ERROR),
    /// {0} path, {1} version found, {2} newest version this build understands
    PROJECT_TOO_NEW(Severity.ERROR),
    /// {0} path, {1} version found
    PROJECT_VERSION_UNKNOWN(Severity.ERROR),
    /// {0} dataset name, {1} path recorded in the project
    PROJECT_DATASET_MISSING(Severity.WARNING),
    /// {0} dataset name, {1} path: the file changed since the project recorded it
    PROJECT_DATASET_CHANGED(Severity.WARNING),

    // ---- algorithms and specs ----------------------------------------------------------------------
    /// {0} algorithm key
    ALGORITHM_UNKNOWN(Severity.ERROR),
    /// {0} algorithm key: described in the catalogue, but no learner is installed in this build yet
    ALGORITHM_NOT_AVAILABLE(Severity.ERROR),
    /// {0} hyperparameter name, {1} value given, {2} allowed range
    HYPERPARAMETER_INVALID(Severity.ERROR),
    /// {0} hyperparameter name, {1} algorithm key
    HYPERPARAMETER_UNKNOWN(Severity.ERROR),
    /// {0} hyperparameter name, {1} algorithm key: the algorithm requires it, it has no default, and none was given
    HYPERPARAMETER_MISSING(Severity.ERROR),

    // ---- training and prediction -------------------------------------------------------------------
    /// {0} algorithm key, {1} problem type in words (e.g. "regression"): the algorithm does not solve it
    PROBLEM_TYPE_UNSUPPORTED(Severity.ERROR),
    /// {0} target column, {1} the one value it holds: classification needs at least two
    TARGET_SINGLE_CLASS(Severity.ERROR),
    /// {0} target column: regression needs a numeric target
    TARGET_NOT_NUMERIC(Severity.ERROR),
    /// {0} target column: every row's target is missing
    TARGET_ALL_MISSING(Severity.ERROR),
    /// {0} number of rows dropped, {1} target column: rows whose target is missing are not used for training
    TARGET_ROWS_DROPPED(Severity.WARNING),
    /// {0} target column, {1} the role it has: it must not be an ID, ignored or sensitive column
    TARGET_ROLE_INVALID(Severity.ERROR),
    /// {0} dataset name: after excluding the target, ID, ignored, sensitive and text columns nothing is left to learn from
    NO_FEATURES(Severity.ERROR),
    /// {0} column: a text column is not used as a model input (free text needs a text algorithm)
    FEATURE_TEXT_SKIPPED(Severity.WARNING),
    /// {0} column: the column the model was trained with is not in the data to predict
    FEATURE_COLUMN_MISSING(Severity.ERROR),
    /// {0} algorithm key, {1} technical reason: the learning library failed
    TRAINING_FAILED(Severity.ERROR),
    /// {0} path, {1} format version found, {2} newest version this build reads
    MODEL_FORMAT_UNSUPPORTED(Severity.ERROR),
    /// {0} path, {1} reason
    MODEL_CORRUPT(Severity.ERROR),

    // ---- the machine Atelier runs on --------------------------------------------------------------
    /// {0} library name shown to the user (e.g. "OpenBLAS"), {1} technical reason
    NATIVE_LIBRARY_UNAVAILABLE(Severity.ERROR),

    // ---- anything else -----------------------------------------------------------------------------
    /// {0} technical description; used only where no specific code fits
    INTERNAL(Severity.ERROR),

    // ---- Autopilot ---------------------------------------------------------------------------------
    /// {0} the budget given, {1} what is needed: neither a time budget nor a candidate count, or a bad one
    AUTOML_BUDGET_INVALID(Severity.ERROR),
    /// {0} metric name, {1} problem type in words: the metric does not measure this kind of prediction
    AUTOML_METRIC_UNSUITED(Severity.ERROR),
    /// {0} problem type in words: no installed algorithm solves it (or none of the ones chosen)
    AUTOML_NO_ALGORITHM(Severity.ERROR),
    /// {0} budget in seconds: not a single candidate finished training within the time budget
    AUTOML_BUDGET_TOO_SMALL(Severity.ERROR),
    /// {0} target column, {1} class label, {2} its number of rows: a class needs at least 2 rows to be learned
    /// and validated
    AUTOML_CLASS_TOO_SMALL(Severity.ERROR),
    /// {0} rows with a target, {1} the fewest Autopilot needs
    AUTOML_TOO_FEW_ROWS(Severity.ERROR),
    /// {0} target column, {1} share of rows (percent) whose target is missing: they are left out
    AUTOML_TARGET_MOSTLY_MISSING(Severity.WARNING),

    // ---- data preparation recipes (wrangle) ---------------------------------------------------------
    /// {0} transform key
    TRANSFORM_UNKNOWN(Severity.ERROR),
    /// {0} parameter name, {1} transform key
    TRANSFORM_PARAMETER_UNKNOWN(Severity.ERROR),
    /// {0} parameter name, {1} transform key: the parameter is required
    TRANSFORM_PARAMETER_MISSING(Severity.ERROR),
    /// {0} parameter name, {1} transform key, {2} value given, {3} allowed values in words
    TRANSFORM_PARAMETER_INVALID(Severity.ERROR),
    /// {0} column, {1} its type, {2} transform name, {3} the types the transform accepts
    TRANSFORM_COLUMN_TYPE(Severity.ERROR),
    /// {0} transform name, {1} reason in plain words (e.g. "Box-Cox needs values above 0")
    TRANSFORM_FAILED(Severity.ERROR),
    /// {0} column name: a column with this name already exists
    COLUMN_EXISTS(Severity.ERROR),
    /// {0} column, {1} step (transform name): a fitted recipe needs the column but the data lacks it
    RECIPE_COLUMN_MISSING(Severity.ERROR),
    /// {0} column, {1} the value: a category not seen in training, and the step is set to refuse it
    UNSEEN_CATEGORY(Severity.ERROR),
    /// {0} 1-based character position, {1} what was expected there, {2} the formula
    FORMULA_SYNTAX(Severity.ERROR),
    /// {0} reason, {1} the formula
    FORMULA_INVALID(Severity.ERROR),
    /// {0} name of the other dataset a join or concatenate step needs
    RECIPE_SOURCE_MISSING(Severity.ERROR),
    /// {0} path, {1} format version found, {2} newest version this build reads
    RECIPE_FORMAT_UNSUPPORTED(Severity.ERROR),
    /// {0} path, {1} reason
    RECIPE_CORRUPT(Severity.ERROR),

    // ---- import of other formats and big files (issue 3) -----------------------------------------------
    /// {0} path: neither the name nor the content says what kind of data file it is
    IMPORT_FORMAT_UNKNOWN(Severity.ERROR),
    /// {0} path, {1} the format in words (e.g. "Excel workbook"), {2} technical reason: the file is damaged or cut short
    IMPORT_FILE_CORRUPT(Severity.ERROR),
    /// {0} path, {1} sheet asked for, {2} the sheets there are, comma-separated
    IMPORT_SHEET_NOT_FOUND(Severity.ERROR),
    /// {0} path, {1} line number, {2} technical reason: the JSON is malformed there
    IMPORT_JSON_MALFORMED(Severity.ERROR),
    /// {0} number of lines, {1} first line number: lines that are not valid JSON objects were skipped
    IMPORT_LINES_UNREADABLE(Severity.WARNING),
    /// {0} table asked for, {1} the tables there are, comma-separated
    IMPORT_TABLE_NOT_FOUND(Severity.ERROR),
    /// {0} database (file or URL without password), {1} technical reason: the database refused the query
    IMPORT_SQL_FAILED(Severity.ERROR),
    /// {0} JDBC URL prefix (e.g. "jdbc:postgresql"): no driver for it is installed
    IMPORT_DRIVER_MISSING(Severity.ERROR),
    /// {0} path: no table or query was given and the database has several tables, {1} the tables
    IMPORT_TABLE_REQUIRED(Severity.ERROR),
    /// {0} folder: no image files in class subfolders
    IMPORT_NO_IMAGES(Severity.ERROR),
    /// {0} number of files, {1} an example file name: images whose size could not be read (damaged or unknown
    /// format); their width and height are missing
    IMPORT_IMAGES_UNREADABLE(Severity.WARNING),
    /// {0} number of cells, {1} column: formula cells with an error value (#DIV/0!, #REF!) were set to missing
    IMPORT_FORMULA_ERRORS(Severity.WARNING),
    /// {0} what was assumed (e.g. "time step"), {1} the value assumed (e.g. "1 day"), {2} the option to change it
    IMPORT_VALUE_ASSUMED(Severity.INFO),
    /// {0} path, {1} estimated size in memory in MB, {2} memory available in MB: the whole file would not fit
    IMPORT_TOO_BIG(Severity.ERROR),
    /// {0} rows kept, {1} estimated rows in the file, {2} how they were chosen ("the first rows", "a random sample")
    IMPORT_SAMPLED(Severity.WARNING),
    /// {0} row number, {1} technical reason: a record of the source could not be read and was skipped
    IMPORT_RECORD_SKIPPED(Severity.WARNING),
    /// {0} option (e.g. "facet"), {1} the value given, {2} what is expected: a bias or explain option cannot be read
    ANALYSIS_OPTION_INVALID(Severity.ERROR),
    /// {0} the facet (e.g. "gender = female"), {1} number of rows in the facet, {2} rows outside it: bias needs
    /// rows both inside and outside the facet
    BIAS_FACET_EMPTY(Severity.ERROR),
    /// {0} column: its values are all different and look like identifiers, so it was given the role ID
    IMPORT_ID_COLUMN(Severity.INFO),
    /// {0} file, {1} the character set used: part of the text is UTF-8 and part is not
    IMPORT_MIXED_ENCODING(Severity.WARNING),
    /// {0} rows given, {1} rows after the model's recipe: the recipe groups or resamples rows (a reshaping step),
    /// so its output cannot be matched row by row with the data given (bias analysis, what-if)
    RECIPE_CHANGES_ROWS(Severity.ERROR),
    /// {0} database URL (without password), {1} technical reason: the database server could not be reached
    /// (nothing listens at that host and port, or the network is down)
    IMPORT_DB_UNREACHABLE(Severity.ERROR),
    /// {0} database URL (without password), {1} user name or "(none)": the server refused the user name or password
    IMPORT_DB_LOGIN_FAILED(Severity.ERROR);

    private final Severity severity;

    ErrorCode(Severity severity) {
        this.severity = severity;
    }

    /// The default severity of this problem.
    public Severity severity() {
        return severity;
    }

    /// The message-bundle key the app renders, e.g. `error.FILE_NOT_FOUND`.
    public String messageKey() {
        return "error." + name();
    }
}
