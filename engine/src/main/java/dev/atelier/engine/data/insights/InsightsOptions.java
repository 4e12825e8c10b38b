package dev.atelier.engine.data.insights;

/// Settings of an [Insights] run. The defaults suit interactive use; every random choice follows `seed`.
///
/// @param seed               seed of the 80/20 split, the quick model and the forest
/// @param testFraction       share of the rows held out to score the quick model and the per-feature models
/// @param leakageThreshold   a feature whose single-column score (AUC or R²) reaches this is flagged as a leak
/// @param quickModel         whether to train the quick XGBoost model (needs a target)
/// @param quickModelRows     the most rows the quick model trains on (a seeded sample above that)
/// @param anomalies          whether to look for anomalous rows with a Random Cut Forest
/// @param anomalyRows        the most rows the forest scores (a seeded sample above that)
/// @param topAnomalies       how many of the most anomalous rows to list
/// @param maxExamples        how many example rows to list per outlier column and per duplicate group
public record InsightsOptions(long seed, double testFraction, double leakageThreshold, boolean quickModel,
                              int quickModelRows, boolean anomalies, int anomalyRows, int topAnomalies,
                              int maxExamples) {
    /// The leakage threshold the issue asks for: AUC or R² of 0.95 from one column alone.
    public static final double DEFAULT_LEAKAGE_THRESHOLD = 0.95;

    public InsightsOptions {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1) but was " + testFraction);
        }
        if (quickModelRows < 10 || anomalyRows < 10 || topAnomalies < 0 || maxExamples < 1) {
            throw new IllegalArgumentException("row limits must be >= 10 and example counts positive");
        }
    }

    /// Seed 42, 20 % held out, leakage at 0.95, quick model on up to 50,000 rows, anomalies on up to 20,000 rows,
    /// top 20 anomalies, 5 examples.
    public static InsightsOptions defaults() {
        return new InsightsOptions(42, 0.2, DEFAULT_LEAKAGE_THRESHOLD, true, 50_000, true, 20_000, 20, 5);
    }

    /// These options without the quick model and anomaly detection (the cheap checks only).
    public InsightsOptions withoutModels() {
        return new InsightsOptions(seed, testFraction, leakageThreshold, false, quickModelRows, false, anomalyRows,
                topAnomalies, maxExamples);
    }

    /// These options with another seed.
    public InsightsOptions withSeed(long newSeed) {
        return new InsightsOptions(newSeed, testFraction, leakageThreshold, quickModel, quickModelRows, anomalies,
                anomalyRows, topAnomalies, maxExamples);
    }
}
