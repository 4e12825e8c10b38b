package dev.atelier.engine.algorithms;

import static dev.atelier.engine.algorithms.Hyperparameters.NO_LIMIT;
import static dev.atelier.engine.algorithms.Hyperparameters.bool;
import static dev.atelier.engine.algorithms.Hyperparameters.choice;
import static dev.atelier.engine.algorithms.Hyperparameters.integer;
import static dev.atelier.engine.algorithms.Hyperparameters.integerFromData;
import static dev.atelier.engine.algorithms.Hyperparameters.integerOrAuto;
import static dev.atelier.engine.algorithms.Hyperparameters.integerRequired;
import static dev.atelier.engine.algorithms.Hyperparameters.real;
import static dev.atelier.engine.algorithms.Hyperparameters.realLog;
import static dev.atelier.engine.algorithms.Hyperparameters.textUnset;

import java.util.EnumSet;
import java.util.List;

/// SageMaker's unsupervised algorithms: K-Means, PCA, Random Cut Forest and IP Insights. Names, defaults and ranges
/// follow AWS's hyperparameter tables.
final class UnsupervisedAlgorithms {
    static final String CATEGORY = "Unsupervised learning";

    private UnsupervisedAlgorithms() {
    }

    static List<AlgorithmDescriptor> all() {
        return List.of(kmeans(), pca(), randomCutForest(), ipInsights());
    }

    static AlgorithmDescriptor kmeans() {
        return new AlgorithmDescriptor("kmeans", "K-Means", CATEGORY,
                "Sorts rows into k groups of similar rows without any labels, e.g. to find customer segments.",
                EnumSet.of(ProblemType.CLUSTERING), List.of(
                integerRequired("k", 1, NO_LIMIT,
                        "How many groups to find; try a few values and compare how well separated the groups"
                                + " are."),
                integerFromData("feature_dim", 1, NO_LIMIT,
                        "How many input columns are compared; Atelier counts them from the data."),
                integer("epochs", 1, 1, NO_LIMIT,
                        "How many passes over the data; more passes can refine the groups."),
                integer("mini_batch_size", 5000, 1, NO_LIMIT,
                        "How many rows are processed at a time; affects speed and memory more than the result."),
                choice("init_method", "random", List.of("random", "kmeans++"),
                        "How the first group centres are picked; kmeans++ spreads them out and often finds better"
                                + " groups."),
                integerOrAuto("extra_center_factor", 1, NO_LIMIT,
                        "Tracks this many times k centres while training and merges them down to k at the end;"
                                + " auto decides."),
                choice("eval_metrics", "[\"msd\"]", List.of("[\"msd\"]", "[\"ssd\"]", "[\"msd\",\"ssd\"]"),
                        "How the grouping is scored on test data: mean or total squared distance to the group"
                                + " centres."),
                integer("half_life_time_size", 0, 0, NO_LIMIT,
                        "Makes older rows count less, halving their weight after this many newer rows; 0 keeps"
                                + " all rows equal."),
                choice("local_lloyd_init_method", "kmeans++", List.of("random", "kmeans++"),
                        "How centres are picked in the final refinement step."),
                integer("local_lloyd_max_iter", 300, 1, NO_LIMIT,
                        "The most refinement rounds in the final step."),
                real("local_lloyd_tol", "0.0001", "[0,1]",
                        "The final step stops when the groups change less than this."),
                integerOrAuto("local_lloyd_num_trials", 1, NO_LIMIT,
                        "How many times the final step is run, keeping the best; auto decides.")),
                false);
    }

    static AlgorithmDescriptor pca() {
        return new AlgorithmDescriptor("pca", "Principal Component Analysis (PCA)", CATEGORY,
                "Compresses many related columns into a few summary columns that keep most of the"
                        + " information, to simplify data or speed up other models.",
                EnumSet.of(ProblemType.DIMENSIONALITY_REDUCTION), List.of(
                integerRequired("num_components", 1, NO_LIMIT,
                        "How many summary columns to produce; fewer compress more but keep less detail."),
                integerFromData("feature_dim", 1, NO_LIMIT,
                        "How many input columns are compressed; Atelier counts them from the data."),
                integerFromData("mini_batch_size", 1, NO_LIMIT,
                        "How many rows are processed at a time; Atelier picks it from the data size unless you"
                                + " set it."),
                choice("algorithm_mode", "regular", List.of("regular", "randomized"),
                        "regular is exact; randomized is faster on very wide data and slightly approximate."),
                bool("subtract_mean", true,
                        "Centres every column on zero first; keep it on unless the data is already centred."),
                integer("extra_components", -1, -1, NO_LIMIT,
                        "In randomized mode, extra working columns that make the result more exact but slower;"
                                + " -1 uses the larger of 10 and num_components.")),
                false);
    }

    static AlgorithmDescriptor randomCutForest() {
        return new AlgorithmDescriptor("random-cut-forest", "Random Cut Forest", CATEGORY,
                "Gives every row an anomaly score: rows that are easy to isolate from the rest score high,"
                        + " e.g. unusual transactions or sensor readings.",
                EnumSet.of(ProblemType.ANOMALY_DETECTION), List.of(
                integerFromData("feature_dim", 1, 10_000,
                        "How many input columns are scored; Atelier counts them from the data."),
                integer("num_trees", 100, 50, 1000,
                        "How many random trees vote on each score; more trees give steadier scores."),
                integer("num_samples_per_tree", 256, 1, 2048,
                        "How many rows each tree is built from; roughly one over the expected share of"
                                + " anomalies."),
                textUnset("eval_metrics", "a list of accuracy and/or precision_recall_fscore",
                        "Which measures are reported on labelled test data; left empty, both are.")),
                false);
    }

    static AlgorithmDescriptor ipInsights() {
        return new AlgorithmDescriptor("ip-insights", "IP Insights", CATEGORY,
                "Learns which accounts usually connect from which IPv4 addresses and flags unusual pairs, e.g."
                        + " a login from an unfamiliar network.",
                EnumSet.of(ProblemType.ANOMALY_DETECTION, ProblemType.EMBEDDING), List.of(
                integerRequired("vector_dim", 4, 4096,
                        "The size of the learned description of each account and address; 128 is a good start,"
                                + " larger can overfit small data."),
                integerFromData("num_entity_vectors", 1, 250_000_000,
                        "How many account descriptions to learn; Atelier uses twice the number of distinct"
                                + " accounts."),
                integer("epochs", 10, 1, NO_LIMIT,
                        "How many passes over the training data; typical values are 5 to 100."),
                realLog("learning_rate", "0.001", "[1e-6,10]",
                        "How big each update step is; typical values are 0.0001 to 0.1."),
                integer("mini_batch_size", 10_000, 1, 500_000,
                        "How many pairs are used per update step; larger is faster but can settle on a worse"
                                + " model."),
                integer("num_ip_encoder_layers", 1, 0, 100,
                        "How many layers describe IP addresses; more capture subtler patterns but can overfit."),
                integer("random_negative_sampling_rate", 1, 0, 500,
                        "How many random made-up addresses are paired with each account as examples of what is"
                                + " unusual."),
                integer("shuffled_negative_sampling_rate", 1, 0, 500,
                        "How many real addresses of other accounts are paired with each account as unusual"
                                + " examples."),
                realLog("weight_decay", "0.00001", "[0,10]",
                        "Keeps the learned values small; raise it if the model overfits."),
                integer("batch_metrics_publish_interval", 1000, 1, NO_LIMIT,
                        "How often, in batches, training speed is reported.")),
                false);
    }
}
