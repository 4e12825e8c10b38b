package dev.atelier.engine.automl;

/// A point of the "best score over time" chart: at `seconds` after the start, the best objective so far was
/// `score`, reached by candidate `candidateId`.
public record BestScorePoint(double seconds, double score, int candidateId) {
}
