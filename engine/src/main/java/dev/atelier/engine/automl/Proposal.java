package dev.atelier.engine.automl;

import java.util.Map;

/// One candidate proposed by the [Autopilot] search: its id (which also seeds its random choices), algorithm,
/// hyperparameters, leaderboard stage, training-row count, and — under successive halving — its bracket and rung
/// (`-1` and `0` otherwise).
record Proposal(int id, String algorithm, Map<String, String> config, String stage, int rows, int bracket,
                int rung) {
}
