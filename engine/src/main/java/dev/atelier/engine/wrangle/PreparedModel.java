package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadWriter;
import dev.atelier.engine.learn.Predictions;
import java.util.List;
import java.util.Objects;

/// A model trained on a recipe's output, seen as a model of the raw data: [#predict(Dataset)] first replays the
/// fitted recipe for prediction ([Phase#PREDICTION]: training-only steps skipped, no row dropped), then asks the
/// model. Code that takes a [Model] and hands it the user's raw table (bias analysis, batch prediction) gets the
/// recipe applied without knowing about it.
///
/// [#pipeline()] and [#header()] are the trained model's: its inputs are the recipe's output columns. Explaining
/// uses [#model()] on [#prepare(Dataset)]'s output, so attributions name the recipe's output columns.
///
/// @param model  the model as trained (its inputs are the recipe's output)
/// @param recipe the fitted recipe it was trained behind
public record PreparedModel(Model model, FittedRecipe recipe) implements Model {
    public PreparedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(recipe, "recipe");
    }

    /// `model` behind `recipe`, or `model` itself when there is no recipe.
    public static Model of(Model model, @org.jspecify.annotations.Nullable FittedRecipe recipe) {
        return recipe == null ? model : new PreparedModel(model, recipe);
    }

    /// The recipe's prediction-time output for `raw`: what [#model()] predicts on.
    ///
    /// @throws dev.atelier.engine.error.DataException `RECIPE_COLUMN_MISSING` (column, step) when `raw` lacks a
    ///         column a step needs; `UNSEEN_CATEGORY` when an encoder set to refuse new values meets one
    public Dataset prepare(Dataset raw) {
        return recipe.apply(raw);
    }

    @Override
    public ModelHeader header() {
        return model.header();
    }

    @Override
    public FeaturePipeline pipeline() {
        return model.pipeline();
    }

    @Override
    public Predictions predict(Dataset data) {
        return model.predict(prepare(data));
    }

    @Override
    public List<Diagnostic> diagnostics() {
        return model.diagnostics();
    }

    @Override
    public void writePayload(PayloadWriter out) {
        model.writePayload(out);
    }
}
