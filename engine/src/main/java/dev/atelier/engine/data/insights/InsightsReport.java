package dev.atelier.engine.data.insights;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.data.profile.ProfileWarning;
import dev.atelier.engine.data.profile.WarningType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// The Data Quality & Insights report of one dataset.
///
/// @param profile      the column statistics (its warnings are included in `warnings`)
/// @param target       the target the model-based checks used, or `null` when none was chosen
/// @param problem      the problem inferred from the target, or `null` without one
/// @param warnings     all warnings: the profile's, then target leakage, dataset-wide ones first
/// @param quickModel   the quick model's score, or `null` when there is no target or it could not be trained
/// @param featurePower each feature's prediction power on its own, strongest first (empty without a target)
/// @param duplicates   the groups of identical rows (row indices, 0-based, first = original)
/// @param outliers     per numeric column with outliers: how many and example rows
/// @param anomalies    the anomalous rows found by a Random Cut Forest, or `null` when not computed
/// @param notes        plain-English notes on checks that were skipped or sampled, e.g. "The quick model was
///                     trained on a sample of 50,000 rows."
public record InsightsReport(DatasetProfile profile, @Nullable String target, @Nullable ProblemType problem,
                             List<ProfileWarning> warnings, @Nullable QuickModel quickModel,
                             List<FeaturePower> featurePower, List<int[]> duplicates, List<OutlierColumn> outliers,
                             @Nullable Anomalies anomalies, List<String> notes) {
    public InsightsReport {
        Objects.requireNonNull(profile, "profile");
        warnings = List.copyOf(warnings);
        featurePower = List.copyOf(featurePower);
        duplicates = duplicates.stream().map(int[]::clone).toList();
        outliers = List.copyOf(outliers);
        notes = List.copyOf(notes);
    }

    /// The warnings of one type.
    public List<ProfileWarning> warnings(WarningType type) {
        return warnings.stream().filter(w -> w.type() == type).toList();
    }

    /// The quick model: XGBoost on all features, trained on 80 % of the rows and scored on the other 20 %.
    ///
    /// @param algorithm the catalogue key (`xgboost`)
    /// @param metric    the headline measure: `auc` (binary), `macro_f1` (multiclass) or `r2` (regression)
    /// @param score     its value on the held-out rows
    /// @param metrics   every measure the evaluator computed on the held-out rows
    /// @param trainRows rows trained on
    /// @param testRows  rows scored
    public record QuickModel(String algorithm, String metric, double score, Map<String, Double> metrics,
                             int trainRows, int testRows) {
        public QuickModel {
            metrics = Map.copyOf(metrics);
        }
    }

    /// How well one column predicts the target on its own, from a single-column model scored on held-out rows.
    ///
    /// @param column the feature
    /// @param metric `auc` for classification (macro one-vs-rest for several classes) or `r2` for regression
    /// @param score  the score; 0.5 (AUC) or 0 (R²) means no better than guessing
    public record FeaturePower(String column, String metric, double score) {
    }

    /// A numeric column's outliers by robust z-score `|x − median| / (1.4826 · MAD)` > 3.5.
    ///
    /// @param column      the column
    /// @param count       how many values are outliers
    /// @param exampleRows the rows (0-based) of the most extreme ones, most extreme first
    /// @param median      the column's median
    /// @param mad         its median absolute deviation
    public record OutlierColumn(String column, int count, List<Integer> exampleRows, double median, double mad) {
        public OutlierColumn {
            exampleRows = List.copyOf(exampleRows);
        }
    }

    /// Anomalous rows: whole rows unlike the rest, found with a Random Cut Forest over the numeric columns.
    ///
    /// @param method    how they were found, e.g. "random cut forest"
    /// @param columns   the columns the forest looked at
    /// @param scored    how many rows were scored
    /// @param threshold the score above which a row counts as anomalous (mean + 3 standard deviations)
    /// @param count     how many scored rows exceed it
    /// @param top       the highest-scoring rows, highest first
    public record Anomalies(String method, List<String> columns, int scored, double threshold, int count,
                            List<AnomalousRow> top) {
        public Anomalies {
            columns = List.copyOf(columns);
            top = List.copyOf(top);
        }
    }

    /// One anomalous row.
    ///
    /// @param row   the row index (0-based)
    /// @param score its anomaly score (higher is stranger; around 1 is typical for Random Cut Forest)
    public record AnomalousRow(int row, double score) {
    }
}
