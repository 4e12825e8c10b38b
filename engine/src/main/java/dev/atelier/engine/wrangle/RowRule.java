package dev.atelier.engine.wrangle;

/// What a transform does to the rows, which decides whether it runs on prediction data.
///
/// The rule that keeps predictions honest: **a prediction never loses or gains a row because of the recipe**,
/// except through steps that deliberately change the table's grain ([#RESHAPES]).
public enum RowRule {
    /// One output row per input row, in the same order. Runs when fitting and on prediction data.
    KEEPS_ROWS,
    /// Filters, sorts, samples, removes duplicates, balances, splits or appends rows. Runs only on the training
    /// data (when fitting, and when a fitted recipe is replayed on training data); on prediction data the step is
    /// skipped, so every row to predict gets a prediction.
    TRAINING_ONLY,
    /// Changes the table's grain (group-by aggregate, resample). Runs in both phases: the model predicts one row
    /// per group or period, exactly as it was trained.
    RESHAPES
}
