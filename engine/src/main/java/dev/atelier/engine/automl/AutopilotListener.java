package dev.atelier.engine.automl;

/// Live updates of a running search, for the Leaderboard screen and the CLI. Called from the search's
/// coordinating thread (never concurrently), in completion order; implementations must return quickly (the studio
/// hands the value to the FX thread).
public interface AutopilotListener {
    /// Does nothing.
    AutopilotListener NONE = new AutopilotListener() {
    };

    /// The setup the search worked out: problem, reason, metric, validation, mode.
    default void onStart(AutopilotResult.Setup setup) {
    }

    /// A candidate finished (ok, failed or cancelled).
    default void onRow(LeaderboardRow row) {
    }

    /// The best score improved.
    default void onBest(BestScorePoint point) {
    }
}
