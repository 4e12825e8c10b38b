package dev.atelier.engine.data.insights;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.profile.DatasetProfile;
import dev.atelier.engine.data.profile.DuplicateRows;
import dev.atelier.engine.data.profile.ProfileWarning;
import dev.atelier.engine.data.profile.Profiler;
import dev.atelier.engine.data.profile.WarningType;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.HoldOut;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGeneratorFactory;
import org.jspecify.annotations.Nullable;

/// Computes the Data Quality & Insights report ([InsightsReport]), in the spirit of SageMaker Data Wrangler's.
///
/// In order, each step a share of the job's progress and cancellable:
/// 1. the [Profiler]'s statistics and warnings (missing values, constant columns, duplicates, high cardinality,
///    outliers, class imbalance, ID-like columns);
/// 2. the duplicate row groups ([DuplicateRows]) and, per column with outliers, the most extreme rows;
/// 3. with a target: the prediction power of every feature alone, from a held-out score of a cheap single-column
///    model (see `SingleFeatureModel`: quantile bins or categories → class shares or means; AUC or R²), and a
///    [WarningType#TARGET_LEAKAGE] warning for each feature scoring at least
///    [InsightsOptions#leakageThreshold()] (0.95);
/// 4. with a target: a quick XGBoost model (40 rounds, depth 6) on all features, trained on a seeded 80 % and
///    scored on the other 20 % — AUC (binary), macro F1 (multiclass) or R² (regression);
/// 5. anomalous rows from a Random Cut Forest over the numeric columns (see `ForestAnomalies`).
///
/// The same data, target and options give the same report.
public final class Insights {
    /// Hyperparameters of the quick model.
    static final Map<String, String> QUICK_MODEL = Map.of("num_round", "40", "max_depth", "6");
    /// The fewest rows with a target for the model-based checks (fewer make held-out scores meaningless).
    public static final int MIN_MODEL_ROWS = 100;

    private Insights() {
    }

    /// The report for `data`. `target` may be `null` (then the dataset's target column is used, and without one
    /// the model-based checks are skipped).
    ///
    /// @throws SpecException `COLUMN_NOT_FOUND` if `target` names no column
    /// @throws java.util.concurrent.CancellationException if `ctx` is cancelled
    public static InsightsReport analyze(Dataset data, @Nullable String target, InsightsOptions options,
                                         JobContext ctx) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        String targetName = target != null ? target
                : data.schema().target().map(ColumnSchema::name).orElse(null);
        if (targetName != null && data.schema().indexOf(targetName) < 0) {
            throw new SpecException(ErrorCode.COLUMN_NOT_FOUND, targetName);
        }
        if (targetName != null) {
            data = data.withSchema(data.schema().withTarget(targetName));
        }
        List<String> notes = new ArrayList<>();
        ctx.status("job.insights.profile");
        DatasetProfile profile = Profiler.profile(data, targetName, ctx.child(0.2));

        ctx.status("job.insights.duplicates");
        List<int[]> duplicates = DuplicateRows.find(data, ctx);
        List<InsightsReport.OutlierColumn> outliers = outliers(data, profile, options, ctx);

        ProblemType problem = null;
        List<InsightsReport.FeaturePower> power = List.of();
        InsightsReport.QuickModel quick = null;
        if (targetName != null && data.rowCount() > 0) {
            problem = ProblemTypes.infer(data, targetName);
            int targetIndex = data.schema().indexOf(targetName);
            TargetValues values = TargetValues.of(data, targetIndex, problem);
            long labelled = java.util.stream.IntStream.range(0, data.rowCount()).filter(values::present).count();
            if (labelled < MIN_MODEL_ROWS) {
                notes.add("Only " + count(labelled) + " rows have a target; the quick model, prediction power and"
                        + " leakage checks need at least " + MIN_MODEL_ROWS + ".");
            } else if (problem != ProblemType.REGRESSION && values.classes().size() < 2) {
                notes.add("The target \"" + targetName + "\" has fewer than two classes, so no model-based check"
                        + " was run.");
            } else if (problem == ProblemType.REGRESSION && data.schema().get(targetIndex).type() != ColumnType.NUMERIC) {
                notes.add("The target \"" + targetName + "\" is not numeric, so no model-based check was run.");
            } else {
                HoldOut split = HoldOut.of(data.rowCount(), options.testFraction(), options.seed());
                ctx.status("job.insights.power");
                power = featurePower(data, targetIndex, values, split, ctx.child(0.2));
                if (options.quickModel()) {
                    ctx.status("job.insights.model");
                    quick = quickModel(data, targetName, problem, split, options, notes, ctx.child(0.6));
                }
            }
        }
        InsightsReport.Anomalies anomalies = null;
        if (options.anomalies()) {
            ctx.status("job.insights.anomalies");
            anomalies = ForestAnomalies.find(data, targetName, options, ctx.child(1.0));
            if (anomalies != null && anomalies.scored() < data.rowCount()) {
                notes.add("Anomalies were searched in a sample of " + count(anomalies.scored()) + " rows.");
            }
        }
        ctx.progress(1, 1);
        List<ProfileWarning> warnings = warnings(profile, duplicates, outliers, power, targetName, options);
        return new InsightsReport(profile, targetName, problem, warnings, quick, power, duplicates, outliers,
                anomalies, notes);
    }

    // ---- outliers ------------------------------------------------------------------------------------

    private static List<InsightsReport.OutlierColumn> outliers(Dataset data, DatasetProfile profile,
                                                               InsightsOptions options, JobContext ctx) {
        List<InsightsReport.OutlierColumn> out = new ArrayList<>();
        for (ProfileWarning w : profile.warnings(WarningType.OUTLIERS)) {
            ctx.throwIfCancelled();
            int c = data.schema().indexOf(Objects.requireNonNull(w.column()));
            double[] x = data.numbers(c);
            double[] present = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double median = quantile(present, 0.5);
            double[] dev = Arrays.stream(present).map(v -> Math.abs(v - median)).sorted().toArray();
            double mad = quantile(dev, 0.5);
            double limit = Profiler.OUTLIER_Z * 1.4826 * mad;
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < x.length; r++) {
                if (!Double.isNaN(x[r]) && Math.abs(x[r] - median) > limit) {
                    rows.add(r);
                }
            }
            rows.sort(Comparator.comparingDouble((Integer r) -> -Math.abs(x[r] - median)).thenComparingInt(r -> r));
            out.add(new InsightsReport.OutlierColumn(w.column(), rows.size(),
                    rows.subList(0, Math.min(options.maxExamples(), rows.size())), median, mad));
        }
        return out;
    }

    /// Linear-interpolation quantile, as the [Profiler] computes it.
    private static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    // ---- prediction power ----------------------------------------------------------------------------

    private static List<InsightsReport.FeaturePower> featurePower(Dataset data, int targetIndex, TargetValues target,
                                                                  HoldOut split, JobContext ctx) {
        String metric = target.classification() ? "auc" : "r2";
        int[] train = split.train();
        int[] test = split.validation();
        List<InsightsReport.FeaturePower> out = new ArrayList<>();
        int columns = data.columnCount();
        for (int c = 0; c < columns; c++) {
            ctx.throwIfCancelled();
            ColumnSchema cs = data.schema().get(c);
            if (c == targetIndex || cs.role() != ColumnRole.FEATURE) {
                continue;
            }
            double score = SingleFeatureModel.score(data, c, target, train, test);
            if (!Double.isNaN(score)) {
                out.add(new InsightsReport.FeaturePower(cs.name(), metric, score));
            }
            ctx.progress(c + 1, columns);
        }
        out.sort(Comparator.comparingDouble((InsightsReport.FeaturePower p) -> -p.score())
                .thenComparing(InsightsReport.FeaturePower::column));
        return out;
    }

    // ---- quick model ---------------------------------------------------------------------------------

    private static InsightsReport.@Nullable QuickModel quickModel(Dataset data, String target, ProblemType problem,
                                                                  HoldOut split, InsightsOptions options,
                                                                  List<String> notes, JobContext ctx) {
        int[] train = split.train();
        int[] test = split.validation();
        if (test.length == 0) {
            notes.add("There are too few rows to hold some out, so no quick model was trained.");
            return null;
        }
        if (train.length > options.quickModelRows()) {
            train = ForestAnomalies.sample(train.length, options.quickModelRows(),
                    RandomGeneratorFactory.of("L64X128MixRandom").create(options.seed() + 1));
            int[] all = split.train();
            for (int i = 0; i < train.length; i++) {
                train[i] = all[train[i]];
            }
            notes.add("The quick model was trained on a sample of " + count(train.length) + " rows.");
        }
        try {
            Learners learners = Learners.builtIn();
            LearnerSpec spec = LearnerSpec.of(learners.catalog(), "xgboost", problem, target, QUICK_MODEL,
                    options.seed());
            Dataset trainSet = data.rows(train);
            Dataset testSet = data.rows(test);
            Model model = learners.require("xgboost").fit(TrainingData.of(trainSet), spec, ctx,
                    TrainingListener.NONE);
            Map<String, Double> metrics = Evaluator.evaluate(model.predict(testSet), testSet, target);
            String metric = switch (problem) {
                case BINARY_CLASSIFICATION -> "auc";
                case MULTICLASS_CLASSIFICATION -> "macro_f1";
                default -> "r2";
            };
            double score = metrics.getOrDefault(metric, Double.NaN);
            if (Double.isNaN(score) && metrics.containsKey("accuracy")) {
                metric = "accuracy";
                score = metrics.get("accuracy");
            }
            return new InsightsReport.QuickModel("xgboost", metric, score, metrics, train.length, test.length);
        } catch (AtelierException e) {
            notes.add("The quick model could not be trained (" + e.code().name() + ").");
            return null;
        }
    }

    // ---- warnings ------------------------------------------------------------------------------------

    private static List<ProfileWarning> warnings(DatasetProfile profile, List<int[]> duplicates,
                                                 List<InsightsReport.OutlierColumn> outliers,
                                                 List<InsightsReport.FeaturePower> power, @Nullable String target,
                                                 InsightsOptions options) {
        List<ProfileWarning> out = new ArrayList<>();
        for (ProfileWarning w : profile.warnings()) {
            if (w.type() == WarningType.DUPLICATE_ROWS && !duplicates.isEmpty()) {
                int[] first = duplicates.getFirst();
                w = new ProfileWarning(w.type(), w.column(), w.detail() + " For example, row " + (first[1] + 1)
                        + " repeats row " + (first[0] + 1) + " (rows counted from 1, after the header).");
            } else if (w.type() == WarningType.OUTLIERS) {
                String column = w.column();
                var found = outliers.stream().filter(o -> o.column().equals(column)).findFirst();
                if (found.isPresent() && !found.get().exampleRows().isEmpty()) {
                    List<Integer> rows = found.get().exampleRows();
                    w = new ProfileWarning(w.type(), column, w.detail() + " The most extreme "
                            + (rows.size() == 1 ? "is in row " : "are in rows ") + rowList(rows) + ".");
                }
            }
            out.add(w);
        }
        for (InsightsReport.FeaturePower p : power) {
            if (p.score() >= options.leakageThreshold()) {
                String measure = p.metric().equals("auc")
                        ? String.format(Locale.ROOT, "AUC %.3f, where 1 is perfect", p.score())
                        : String.format(Locale.ROOT, "R² %.3f, where 1 is perfect", p.score());
                out.add(new ProfileWarning(WarningType.TARGET_LEAKAGE, p.column(),
                        "On its own, this column predicts \"" + target + "\" almost perfectly (" + measure
                                + ", on rows held out from a one-column model). It probably holds information that"
                                + " is only known after the outcome; leave it out unless it will really be known"
                                + " when you make predictions."));
            }
        }
        return out;
    }

    private static String rowList(List<Integer> rows) {
        var sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(i == rows.size() - 1 ? " and " : ", ");
            }
            sb.append(rows.get(i) + 1);
        }
        return sb.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
