package dev.atelier.engine.testkit;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.HeaderMode;
import dev.atelier.engine.project.DatasetEntry;
import dev.atelier.engine.project.ExperimentEntry;
import dev.atelier.engine.project.ModelEntry;
import dev.atelier.engine.project.Project;
import dev.atelier.engine.project.RecipeEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Fixed projects for persistence tests.
public final class TestProjects {
    private TestProjects() {
    }

    /// A project with one entry of each kind and fixed instants: the content of the v1 golden project file.
    public static Project example() {
        var options = new CsvOptions(',', '"', HeaderMode.PRESENT, "UTF-8", Set.of("", "NA", "?"), 0,
                Map.of("customer_id", ColumnType.TEXT));
        var dataset = new DatasetEntry("ds-1", "Churn", "data/churn.csv",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", options,
                List.of(new ColumnSchema("customer_id", ColumnType.TEXT, ColumnRole.ID),
                        ColumnSchema.feature("tenure", ColumnType.NUMERIC),
                        ColumnSchema.feature("plan", ColumnType.CATEGORICAL),
                        new ColumnSchema("churned", ColumnType.BOOLEAN, ColumnRole.TARGET)),
                5000);
        var recipe = new RecipeEntry("rc-1", "Clean churn", "ds-1", List.of(
                new RecipeEntry.Step("impute", Map.of("column", "tenure", "strategy", "median"), true),
                new RecipeEntry.Step("one-hot", Map.of("columns", List.of("plan"), "max_categories", 20), true),
                new RecipeEntry.Step("scale", Map.of("method", "standard", "clip", 3.5, "with_mean", true), false)));
        var run = new ExperimentEntry.Run("run-1", "xgboost",
                Map.of("num_round", "100", "eta", "0.3", "max_depth", "6"),
                Map.of("f1", 0.8125, "auc", 0.9, "log_loss", Double.NaN),
                ExperimentEntry.RunStatus.SUCCEEDED, null, Instant.parse("2025-03-14T09:26:53.589Z"), 4_210,
                "model-1");
        var failed = new ExperimentEntry.Run("run-2", "linear-learner", Map.of("epochs", "15"), Map.of(),
                ExperimentEntry.RunStatus.FAILED, "HYPERPARAMETER_INVALID",
                Instant.parse("2025-03-14T09:27:01Z"), 12, null);
        var experiment = new ExperimentEntry("exp-1", "Predict churn", "ds-1", "rc-1", "churned",
                ProblemType.BINARY_CLASSIFICATION, "f1", Instant.parse("2025-03-14T09:20:00Z"),
                List.of(run, failed));
        var model = new ModelEntry("model-1", "Churn XGBoost", "xgboost", "models/churn-xgboost.atelier-model",
                ProblemType.BINARY_CLASSIFICATION, "churned", Map.of("f1", 0.8125, "auc", 0.9),
                Instant.parse("2025-03-14T09:27:00Z"));
        return new Project("Customer churn — \"Q1\"", Instant.parse("2025-03-14T09:00:00Z"), List.of(dataset),
                List.of(recipe), List.of(experiment), List.of(model));
    }
}
