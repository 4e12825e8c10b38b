package dev.atelier.engine.learn;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import java.util.HashSet;
import java.util.Locale;

/// Infers the problem type from a target column, for defaults the user can override.
public final class ProblemTypes {
    /// A numeric target with at most this many distinct whole values is treated as classes.
    static final int MAX_NUMERIC_CLASSES = 10;

    private ProblemTypes() {
    }

    /// Binary when the target has (at most) two distinct values; multiclass when it is categorical, boolean or text,
    /// or numeric with only a few (≤ 10) whole values that repeat; otherwise regression.
    ///
    /// @throws dev.atelier.engine.error.SpecException `COLUMN_NOT_FOUND` if there is no such column
    public static ProblemType infer(Dataset data, String target) {
        ColumnSchema column = data.schema().column(target);
        int index = data.schema().indexOf(target);
        var distinct = new HashSet<String>();
        boolean whole = true;
        for (int r = 0; r < data.rowCount(); r++) {
            if (data.isMissing(r, index)) {
                continue;
            }
            if (column.type() == ColumnType.NUMERIC) {
                double v = data.number(r, index);
                whole &= v == Math.rint(v);
            }
            if (distinct.size() <= 1000) {
                distinct.add(data.text(r, index));
            }
        }
        if (distinct.size() <= 2) {
            return ProblemType.BINARY_CLASSIFICATION;
        }
        if (column.type() != ColumnType.NUMERIC) {
            return ProblemType.MULTICLASS_CLASSIFICATION;
        }
        return whole && distinct.size() <= MAX_NUMERIC_CLASSES && distinct.size() * 5 <= data.rowCount()
                ? ProblemType.MULTICLASS_CLASSIFICATION : ProblemType.REGRESSION;
    }

    /// The problem in lower-case words ("binary classification").
    public static String words(ProblemType problem) {
        return problem.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /// The CLI's short name: `binary`, `multiclass` or `regression`.
    public static String shortName(ProblemType problem) {
        return switch (problem) {
            case BINARY_CLASSIFICATION -> "binary";
            case MULTICLASS_CLASSIFICATION -> "multiclass";
            case REGRESSION -> "regression";
            default -> problem.name().toLowerCase(Locale.ROOT);
        };
    }

    /// Parses `binary`, `multiclass` or `regression` (or a full [ProblemType] name).
    ///
    /// @throws IllegalArgumentException for anything else
    public static ProblemType parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "binary", "binary_classification" -> ProblemType.BINARY_CLASSIFICATION;
            case "multiclass", "multiclass_classification" -> ProblemType.MULTICLASS_CLASSIFICATION;
            case "regression" -> ProblemType.REGRESSION;
            default -> throw new IllegalArgumentException("expected binary, multiclass or regression: " + text);
        };
    }
}
