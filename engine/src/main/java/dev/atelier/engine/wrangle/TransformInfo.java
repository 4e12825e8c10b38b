package dev.atelier.engine.wrangle;

import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.StringParam;
import dev.atelier.engine.data.ColumnType;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/// What the catalogue says about one transform: its stable key, family, display name, a one-line plain-English
/// description, its typed parameters (the algorithm catalogue's [ParamSpec] family) and the column types it fits.
///
/// @param key         stable snake_case key stored in recipes, e.g. `fill_mean`
/// @param family      the group it belongs to
/// @param name        the display name, e.g. "Fill with mean"
/// @param description one plain-English line
/// @param params      the parameters, in form order; column parameters are [StringParam]s whose hint is
///                    [P#COLUMN] or [P#COLUMNS]
/// @param columnTypes the column types the column parameters accept (empty: any type); the Prepare screen's
///                    column-header menu offers the transform for these types
/// @param rows        whether it keeps, filters or reshapes rows (decides what runs on prediction data)
public record TransformInfo(String key, Family family, String name, String description, List<ParamSpec> params,
                            Set<ColumnType> columnTypes, RowRule rows) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

    public TransformInfo {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(rows, "rows");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("transform keys are snake_case: " + key);
        }
        if (name.isBlank() || description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException(key + ": needs a name and a one-line description");
        }
        params = List.copyOf(params);
        columnTypes = Set.copyOf(columnTypes);
    }

    /// The parameter called `name`, or `null`.
    public ParamSpec param(String name) {
        for (ParamSpec p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /// Whether the parameter names one or more input columns.
    public static boolean isColumnParam(ParamSpec p) {
        return p instanceof StringParam s && (s.hint().equals(P.COLUMN) || s.hint().equals(P.COLUMNS));
    }

    /// Whether a column of `type` can be the input of this transform.
    public boolean fits(ColumnType type) {
        return columnTypes.isEmpty() || columnTypes.contains(type);
    }
}
