package dev.atelier.engine.learn.xgboost;

/// The persisted shape of `xgboost.json`, next to XGBoost's own `model.ubj`.
///
/// @param objective      the objective the booster was trained with
/// @param rounds         rounds built
/// @param iterationLimit rounds used for predicting (the best round + 1 after early stopping; 0 = all)
/// @param features       model inputs
public record XgboostPayload(String objective, int rounds, int iterationLimit, int features) {
}
