package dev.atelier.engine.learn;

import java.util.List;

/// How one input column becomes model inputs. Persisted in `preprocessing.json` by logical name (`numeric`,
/// `datetime`, `categorical`).
public sealed interface FeatureStep permits FeatureStep.Numeric, FeatureStep.DateTime, FeatureStep.Categorical {

    /// The source column.
    String column();

    /// The names of the inputs it produces, in order.
    List<String> outputs();

    /// A numeric or boolean column (booleans are 1/0): one input, plus `<column>_missing` when
    /// `encoding.indicator()`.
    ///
    /// @param column   the column
    /// @param encoding imputation and scaling
    record Numeric(String column, ScalarEncoding encoding) implements FeatureStep {
        @Override
        public List<String> outputs() {
            return encoding.indicator() ? List.of(column, column + "_missing") : List.of(column);
        }
    }

    /// A date-time column: year, month (1–12), day of week (1 = Monday … 7) and days since 1970-01-01, each encoded
    /// like a number, plus `<column>_missing` when training saw missing dates and values are imputed.
    ///
    /// @param column    the column
    /// @param year      encoding of the year
    /// @param month     encoding of the month
    /// @param dayOfWeek encoding of the ISO day of week
    /// @param epochDay  encoding of the day count since 1970-01-01
    record DateTime(String column, ScalarEncoding year, ScalarEncoding month, ScalarEncoding dayOfWeek,
                    ScalarEncoding epochDay) implements FeatureStep {
        @Override
        public List<String> outputs() {
            var names = new java.util.ArrayList<>(List.of(column + "_year", column + "_month", column + "_dayofweek",
                    column + "_epochday"));
            if (year.indicator()) {
                names.add(column + "_missing");
            }
            return List.copyOf(names);
        }
    }

    /// A categorical column, one-hot encoded: one 0/1 input per kept level, then `<column>=(other)` for every
    /// other value — rare levels grouped at training time and values never seen in training — then
    /// `<column>=(missing)` when training saw missing values.
    ///
    /// **Unseen-category rule:** a value at prediction time that is not among `levels` sets the `(other)` input to 1,
    /// exactly like the rare training levels that were grouped there; it never fails.
    ///
    /// @param column  the column
    /// @param levels  the kept levels: at most `PipelineOptions.maxLevels` most frequent ones, each seen at least
    ///                `min(5, max(1, ⌈1 % of rows⌉))` times; ties broken by value
    /// @param missing whether a `(missing)` input exists
    record Categorical(String column, List<String> levels, boolean missing) implements FeatureStep {
        public Categorical {
            levels = List.copyOf(levels);
        }

        @Override
        public List<String> outputs() {
            var names = new java.util.ArrayList<String>();
            for (String level : levels) {
                names.add(column + "=" + level);
            }
            names.add(column + "=(other)");
            if (missing) {
                names.add(column + "=(missing)");
            }
            return List.copyOf(names);
        }
    }
}
