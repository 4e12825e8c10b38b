package dev.atelier.engine.bias;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The selected group (facet `d`) of a bias analysis: the rows whose `column` holds one of `values`, or, for a
/// numeric column, whose value is above `threshold`. Every other row with a value belongs to facet `a`.
///
/// @param column    the sensitive column, e.g. `gender`
/// @param values    the values that select the facet (case-insensitive); empty when a threshold is used
/// @param threshold rows with a value strictly above it form the facet; null when values are used
public record Facet(String column, List<String> values, @Nullable Double threshold) {
    public Facet {
        values = List.copyOf(values);
        if (values.isEmpty() == (threshold == null)) {
            throw new IllegalArgumentException("a facet needs values or a threshold, not both");
        }
    }

    /// Parses `COL=VALUE[,VALUE...]` or `COL>NUMBER`.
    ///
    /// @throws DataException `ANALYSIS_OPTION_INVALID` if the text has neither form
    public static Facet parse(String text) {
        int eq = text.indexOf('=');
        int gt = text.indexOf('>');
        if (gt > 0 && (eq < 0 || gt < eq)) {
            String number = text.substring(gt + 1).strip();
            try {
                return new Facet(text.substring(0, gt).strip(), List.of(), Double.parseDouble(number));
            } catch (NumberFormatException e) {
                throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "facet", text, "COLUMN>NUMBER, e.g. age>40");
            }
        }
        if (eq > 0 && eq < text.length() - 1) {
            return new Facet(text.substring(0, eq).strip(), OutcomeRule.splitValues(text.substring(eq + 1)), null);
        }
        throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "facet", text,
                "COLUMN=VALUE or COLUMN>NUMBER, e.g. gender=female");
    }

    /// Which rows belong to the facet (`in`), and which have no value in the column (`missing`, in neither group).
    ///
    /// @throws DataException `COLUMN_NOT_FOUND`, or `ANALYSIS_OPTION_INVALID` for a threshold on a non-numeric column
    Membership members(Dataset data) {
        int c = data.schema().indexOf(column);
        if (c < 0) {
            throw new DataException(ErrorCode.COLUMN_NOT_FOUND, column);
        }
        int n = data.rowCount();
        boolean[] in = new boolean[n];
        boolean[] missing = new boolean[n];
        ColumnType type = data.schema().get(c).type();
        var decided = new java.util.HashMap<String, Boolean>(); // one decision per distinct value
        if (threshold != null && type != ColumnType.NUMERIC) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "facet", column + ">" + threshold,
                    "a threshold only on a numeric column");
        }
        for (int r = 0; r < n; r++) {
            if (data.isMissing(r, c)) {
                missing[r] = true;
            } else if (threshold != null) {
                in[r] = data.number(r, c) > threshold;
            } else {
                in[r] = decided.computeIfAbsent(data.text(r, c), t -> OutcomeRule.matches(t, type, values));
            }
        }
        return new Membership(in, missing);
    }

    /// Facet membership per row, and the rows whose facet cell is missing.
    record Membership(boolean[] in, boolean[] missing) {
    }

    @Override
    public String toString() {
        return threshold != null
                ? column + " > " + Dataset.formatNumber(threshold)
                : column + " = " + String.join(" or ", values);
    }
}
