/// Autopilot: [Autopilot] searches the registry's learners under a hard time budget ([AutopilotSpec]), with TPE
/// ([Tpe]) over per-algorithm [SearchSpace]s, cross-validated bagging, successive halving for large data and greedy
/// weighted ensembles ([EnsembleModel], also the `weighted-ensemble` algorithm of [EnsembleLearner]); live
/// [LeaderboardRow]s and [BestScorePoint]s reach an [AutopilotListener]. See ADR 0008.
@NullMarked
package dev.atelier.engine.automl;

import org.jspecify.annotations.NullMarked;
