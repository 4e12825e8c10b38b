package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.util.Map;

/// The other datasets a recipe's join and concatenate steps name. Only fitting needs them: a fitted step keeps
/// the rows it joins with, so a fitted recipe applies to new data on its own.
@FunctionalInterface
public interface Sources {
    /// No other datasets.
    Sources NONE = name -> {
        throw new DataException(ErrorCode.RECIPE_SOURCE_MISSING, name);
    };

    /// The dataset called `name`.
    ///
    /// @throws DataException `RECIPE_SOURCE_MISSING` if there is none
    Dataset get(String name);

    /// Sources from a map.
    static Sources of(Map<String, Dataset> datasets) {
        return name -> {
            Dataset d = datasets.get(name);
            if (d == null) {
                throw new DataException(ErrorCode.RECIPE_SOURCE_MISSING, name);
            }
            return d;
        };
    }
}
