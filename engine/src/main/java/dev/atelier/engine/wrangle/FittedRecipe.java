package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;

import java.util.List;

/// A recipe whose steps learned their parameters from training data. It applies to new data by itself (it
/// needs neither the training data nor the joined datasets) and is stored in the project and in model bundles
/// as JSON (see `persist.Recipes`).
///
/// Rules on new data (see docs/wrangle.md): a column a step needs that is missing fails with
/// `RECIPE_COLUMN_MISSING` naming the column and the step, except the target column, whose steps are skipped
/// when it is absent; [RowRule#TRAINING_ONLY] steps are skipped in [Phase#PREDICTION]; each encoder documents
/// what an unseen category becomes.
///
/// @param input  the columns of the training data the recipe was fitted on
/// @param target the training data's target column, or empty
/// @param steps  the enabled steps in order, fitted
public record FittedRecipe(List<ColumnSchema> input, String target, List<FittedStep> steps) {
    public FittedRecipe {
        input = List.copyOf(input);
        steps = List.copyOf(steps);
    }

    /// Applies the recipe to rows to predict.
    public Dataset apply(Dataset data) {
        return apply(data, Phase.PREDICTION, JobContext.silent());
    }

    /// Applies the recipe in `phase`: [Phase#TRAINING] replays it on training data exactly as fitting did.
    public Dataset apply(Dataset data, Phase phase, JobContext ctx) {
        return Wrangler.applyFitted(this, data, phase, ctx);
    }

    /// The unfitted recipe these steps came from.
    public Recipe recipe() {
        return new Recipe(steps.stream().map(s -> Step.of(s.id(), s.transform(), s.parameters())).toList());
    }
}
