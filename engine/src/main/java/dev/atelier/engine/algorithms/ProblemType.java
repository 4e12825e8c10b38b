package dev.atelier.engine.algorithms;

/// The kinds of problem Atelier's algorithms solve.
public enum ProblemType {
    /// Predict one of two labels (churn yes/no).
    BINARY_CLASSIFICATION,
    /// Predict one of three or more labels.
    MULTICLASS_CLASSIFICATION,
    /// Predict a number.
    REGRESSION,
    /// Group similar rows without labels.
    CLUSTERING,
    /// Score how unusual each row is.
    ANOMALY_DETECTION,
    /// Compress many columns into fewer.
    DIMENSIONALITY_REDUCTION,
    /// Find themes in a collection of documents.
    TOPIC_MODELING,
    /// Predict future values of time series.
    FORECASTING,
    /// Learn vectors for words, pairs or entities.
    EMBEDDING,
    /// Label text documents.
    TEXT_CLASSIFICATION,
    /// Turn one sequence into another (translation, summarisation).
    SEQUENCE_TO_SEQUENCE,
    /// Label whole images.
    IMAGE_CLASSIFICATION,
    /// Find and box objects in images.
    OBJECT_DETECTION,
    /// Label every pixel of an image.
    SEMANTIC_SEGMENTATION;

    /// Whether this is supervised prediction on a tabular target.
    public boolean isTabularSupervised() {
        return this == BINARY_CLASSIFICATION || this == MULTICLASS_CLASSIFICATION || this == REGRESSION;
    }
}
