package dev.atelier.engine.automl;

import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.learn.Model;
import org.jspecify.annotations.Nullable;

/// A finished candidate of the [Autopilot] search, whatever its status: its leaderboard row, its model (only when
/// it succeeded), its out-of-fold predictions over the scoring rows (class probabilities row by row, or values for
/// regression) with their labels, and the failure that stopped it, if any.
record TrialOutcome(Proposal proposal, LeaderboardRow row, @Nullable Model model, double @Nullable [] oof,
                    int @Nullable [] oofLabels, @Nullable AtelierException failure) {
}
