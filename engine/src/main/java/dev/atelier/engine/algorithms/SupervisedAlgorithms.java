package dev.atelier.engine.algorithms;

import static dev.atelier.engine.algorithms.Hyperparameters.NO_LIMIT;
import static dev.atelier.engine.algorithms.Hyperparameters.bool;
import static dev.atelier.engine.algorithms.Hyperparameters.choice;
import static dev.atelier.engine.algorithms.Hyperparameters.choiceFromData;
import static dev.atelier.engine.algorithms.Hyperparameters.choiceUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.integer;
import static dev.atelier.engine.algorithms.Hyperparameters.integerFromData;
import static dev.atelier.engine.algorithms.Hyperparameters.integerOrAuto;
import static dev.atelier.engine.algorithms.Hyperparameters.integerRequired;
import static dev.atelier.engine.algorithms.Hyperparameters.integerUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.real;
import static dev.atelier.engine.algorithms.Hyperparameters.realLog;
import static dev.atelier.engine.algorithms.Hyperparameters.realOrAuto;
import static dev.atelier.engine.algorithms.Hyperparameters.realOrAutoLog;
import static dev.atelier.engine.algorithms.Hyperparameters.realUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.textUnset;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/// The supervised tabular algorithms: SageMaker's Linear Learner, XGBoost, k-NN and Factorization Machines, and
/// the multilayer perceptron, random forest and extra trees that Autopilot trains.
///
/// Names, defaults and ranges follow AWS's hyperparameter tables. Where a table is looser than the library
/// SageMaker runs (XGBoost's `subsample` and `colsample_*` are documented as `[0,1]`, but XGBoost rejects 0),
/// the library's range is used. Autopilot documents no hyperparameters for `mlp`, `random-forest` and
/// `extra-trees`; their names follow scikit-learn and AutoGluon (which Autopilot runs), with AutoGluon's
/// defaults.
final class SupervisedAlgorithms {
    static final String CATEGORY = "Supervised learning";
    private static final Set<ProblemType> TABULAR = EnumSet.of(ProblemType.BINARY_CLASSIFICATION,
            ProblemType.MULTICLASS_CLASSIFICATION, ProblemType.REGRESSION);

    private SupervisedAlgorithms() {
    }

    static List<AlgorithmDescriptor> all() {
        return List.of(xgboost(), linearLearner(), randomForest(), extraTrees(), knn(), factorizationMachines(),
                mlp());
    }

    static AlgorithmDescriptor linearLearner() {
        return new AlgorithmDescriptor("linear-learner", "Linear Learner", CATEGORY,
                "Fits a weighted sum of the columns to predict a number or a yes/no or multi-way label; fast,"
                        + " easy to explain, and a strong baseline.",
                TABULAR, List.of(
                choiceFromData("predictor_type", List.of("binary_classifier", "multiclass_classifier", "regressor"),
                        "Whether to predict yes/no, one of several labels, or a number; Atelier sets it from the"
                                + " problem type."),
                integerFromData("num_classes", 3, 1_000_000,
                        "How many labels the target has in a multiclass problem; Atelier counts them in the data."),
                integerOrAuto("feature_dim", 1, NO_LIMIT,
                        "How many input columns the model reads; leave on auto to count them from the data."),
                integer("epochs", 15, 1, NO_LIMIT,
                        "The most passes over the training data; raise it if the model is still improving at the"
                                + " end."),
                integer("mini_batch_size", 1000, 1, NO_LIMIT,
                        "How many rows are used per update step; smaller batches learn in noisier, more frequent"
                                + " steps."),
                realOrAutoLog("learning_rate", "(0,inf)",
                        "How big each update step is; auto picks one that suits the optimizer, lower it if"
                                + " training is unstable."),
                choice("optimizer", "auto", List.of("auto", "sgd", "adam", "rmsprop"),
                        "The method used to adjust the weights; auto uses adam, which rarely needs changing."),
                choice("loss", "auto", List.of("auto", "logistic", "squared_loss", "absolute_loss", "hinge_loss",
                                "eps_insensitive_squared_loss", "eps_insensitive_absolute_loss", "quantile_loss",
                                "huber_loss", "softmax_loss"),
                        "How errors are measured during training; auto picks the usual one for the problem type."),
                realOrAutoLog("l1", "[0,inf)",
                        "Pushes unhelpful columns' weights to exactly zero; raise it to get a simpler model that"
                                + " uses fewer columns."),
                realOrAutoLog("wd", "[0,inf)",
                        "Keeps all weights small (L2 regularization); raise it if the model overfits the training"
                                + " data."),
                choice("normalize_data", "true", List.of("auto", "true", "false"),
                        "Rescales every column to a common scale before training; keep it on unless the columns"
                                + " are already comparable."),
                choice("normalize_label", "auto", List.of("auto", "true", "false"),
                        "Rescales the target for regression; auto does so for regression and never for"
                                + " classification."),
                bool("use_bias", true,
                        "Whether the model has a baseline (intercept) term; keep it on unless the target is zero"
                                + " when all inputs are zero."),
                integerOrAuto("num_models", 1, NO_LIMIT,
                        "How many models with slightly different settings are trained at once, keeping the best;"
                                + " auto decides."),
                choice("binary_classifier_model_selection_criteria", "accuracy", List.of("accuracy", "f_beta",
                                "precision_at_target_recall", "recall_at_target_precision", "loss_function"),
                        "Which measure picks the best model and decision threshold for yes/no problems."),
                real("target_recall", "0.8", "[0,1]",
                        "The share of real positives that must be found when selecting by precision at target"
                                + " recall."),
                real("target_precision", "0.8", "[0,1]",
                        "The share of positive predictions that must be right when selecting by recall at target"
                                + " precision."),
                real("f_beta", "1.0", "(0,inf)",
                        "How much more recall counts than precision in the F-beta score; 1 weighs them equally."),
                bool("balance_multiclass_weights", false,
                        "Gives every label equal importance in multiclass problems; turn it on when some labels"
                                + " are rare."),
                new DoubleParam("positive_example_weight_mult", "1.0", 0, true, Double.POSITIVE_INFINITY, true,
                        true, List.of("auto", "balanced"), Requirement.OPTIONAL,
                        "How much more a positive row counts than a negative one; balanced evens out rare"
                                + " positives, auto tunes it."),
                integer("early_stopping_patience", 3, 1, NO_LIMIT,
                        "How many passes without improvement are allowed before training stops early."),
                real("early_stopping_tolerance", "0.001", "(0,inf)",
                        "The smallest relative improvement that still counts as progress for early stopping."),
                integer("accuracy_top_k", 3, 1, NO_LIMIT,
                        "For multiclass problems, a prediction counts as right in top-k accuracy if the true label"
                                + " is among its k best guesses."),
                realOrAuto("beta_1", "[0,1)",
                        "How much the adam optimizer smooths the direction of its steps; rarely needs changing."),
                realOrAuto("beta_2", "[0,1)",
                        "How much the adam optimizer smooths the size of its steps; rarely needs changing."),
                realOrAuto("bias_lr_mult", "(0,inf)",
                        "Multiplies the learning rate for the baseline term; rarely needs changing."),
                realOrAuto("bias_wd_mult", "[0,inf)",
                        "Multiplies the L2 regularization for the baseline term; by default the baseline is not"
                                + " regularized."),
                real("huber_delta", "1.0", "(0,inf)",
                        "With huber_loss, errors smaller than this count squared and larger ones count linearly,"
                                + " which tames outliers."),
                real("init_bias", "0", "(-inf,inf)", "The starting value of the baseline term; rarely needs"
                        + " changing."),
                choice("init_method", "uniform", List.of("uniform", "normal"),
                        "How the starting weights are drawn at random; rarely needs changing."),
                real("init_scale", "0.07", "(0,inf)",
                        "The spread of the starting weights when they are drawn uniformly."),
                real("init_sigma", "0.01", "(0,inf)",
                        "The spread of the starting weights when they are drawn from a normal distribution."),
                real("loss_insensitivity", "0.01", "(0,inf)",
                        "With the epsilon-insensitive losses, errors smaller than this are treated as zero."),
                realOrAuto("lr_scheduler_factor", "(0,1)",
                        "How much the learning rate shrinks at each scheduled step."),
                realOrAutoLog("lr_scheduler_minimum_lr", "(0,inf)",
                        "The learning rate never shrinks below this value."),
                integerOrAuto("lr_scheduler_step", 1, NO_LIMIT,
                        "How many update steps pass between reductions of the learning rate."),
                real("margin", "1.0", "(0,inf)",
                        "With hinge_loss, how confidently a row must be on the right side to cost nothing."),
                realOrAuto("momentum", "[0,1)",
                        "How much the sgd optimizer keeps moving in its previous direction; rarely needs"
                                + " changing."),
                integerOrAuto("num_calibration_samples", 1, NO_LIMIT,
                        "How many validation rows are used to choose the decision threshold."),
                integer("num_point_for_scaler", 10_000, 1, NO_LIMIT,
                        "How many rows are used to compute the rescaling of columns and target."),
                real("quantile", "0.5", "(0,1)",
                        "With quantile_loss, the share of true values that should fall below the prediction;"
                                + " 0.9 predicts a high estimate."),
                choice("unbias_data", "auto", List.of("auto", "true", "false"),
                        "Shifts every column to average zero before training; auto does so when the model has a"
                                + " baseline term."),
                choice("unbias_label", "auto", List.of("auto", "true", "false"),
                        "Shifts the target to average zero for regression; auto does so when the model has a"
                                + " baseline term."),
                bool("use_lr_scheduler", true,
                        "Whether the learning rate shrinks as training goes on; keep it on for steadier"
                                + " results.")),
                false);
    }

    static AlgorithmDescriptor xgboost() {
        return new AlgorithmDescriptor("xgboost", "XGBoost", CATEGORY,
                "Builds many small decision trees, each correcting the mistakes of the ones before; often the"
                        + " most accurate choice for tables of numbers and categories.",
                TABULAR, List.of(
                integerRequired("num_round", 1, NO_LIMIT,
                        "How many trees to build; more trees fit the data more closely but take longer and can"
                                + " overfit."),
                integerFromData("num_class", 2, NO_LIMIT,
                        "How many labels the target has in a multiclass problem; Atelier counts them in the data."),
                choice("objective", "reg:squarederror", List.of("reg:squarederror", "reg:squaredlogerror",
                                "reg:logistic", "reg:pseudohubererror", "reg:absoluteerror", "reg:gamma",
                                "reg:tweedie", "binary:logistic", "binary:logitraw", "binary:hinge",
                                "count:poisson", "survival:cox", "survival:aft", "multi:softmax",
                                "multi:softprob", "rank:pairwise", "rank:ndcg", "rank:map"),
                        "What the model predicts and how its errors are scored, e.g. binary:logistic for yes/no"
                                + " probabilities."),
                textUnset("eval_metric", "comma-separated metric names, e.g. auc,logloss",
                        "The measures reported on validation data and used for early stopping; left empty, the"
                                + " objective's usual measure is used."),
                real("eta", "0.3", "[0,1]",
                        "How big a step each new tree takes; smaller is slower but often more accurate."),
                integer("max_depth", 6, 0, NO_LIMIT,
                        "How many questions deep each tree may go; deeper trees capture more detail but overfit"
                                + " more easily (0 means no limit)."),
                real("min_child_weight", "1", "[0,inf)",
                        "The least amount of data a branch must hold to be split further; raise it to make the"
                                + " model more cautious."),
                real("subsample", "1", "(0,1]",
                        "The share of rows each tree is trained on; values below 1 add randomness that can"
                                + " reduce overfitting."),
                real("colsample_bytree", "1", "(0,1]",
                        "The share of columns each tree may use; lower it when there are many similar columns."),
                real("colsample_bylevel", "1", "(0,1]",
                        "The share of a tree's columns each depth level may use."),
                real("colsample_bynode", "1", "(0,1]",
                        "The share of a level's columns each split may use."),
                real("gamma", "0", "[0,inf)",
                        "The least improvement a split must bring to be kept; raise it to make trees simpler."),
                realLog("alpha", "0", "[0,inf)",
                        "L1 regularization on leaf weights; raise it to make the model more conservative."),
                realLog("lambda", "1", "[0,inf)",
                        "L2 regularization on leaf weights; raise it to make the model more conservative."),
                real("scale_pos_weight", "1", "[0,inf)",
                        "How much more positive rows count than negative ones; for rare positives try the ratio"
                                + " of negatives to positives."),
                integerUnset("early_stopping_rounds", 1, NO_LIMIT,
                        "Stops adding trees once the validation score has not improved for this many rounds;"
                                + " left empty, all rounds are built."),
                choice("booster", "gbtree", List.of("gbtree", "gblinear", "dart"),
                        "The kind of model built at each round: trees (gbtree, dart) or a linear function"
                                + " (gblinear)."),
                choice("tree_method", "auto", List.of("auto", "exact", "approx", "hist", "gpu_hist"),
                        "How split points are searched; hist is much faster on large data."),
                choice("grow_policy", "depthwise", List.of("depthwise", "lossguide"),
                        "Whether trees grow level by level or where the error drops most (hist method only)."),
                integer("max_leaves", 0, 0, NO_LIMIT,
                        "The most leaves per tree with the lossguide policy (0 means no limit)."),
                integer("max_bin", 256, 2, NO_LIMIT,
                        "How many buckets numeric columns are sorted into with the hist method; more is finer"
                                + " but slower."),
                integer("max_delta_step", 0, 0, NO_LIMIT,
                        "Caps how much one tree can change a prediction; 1 to 10 can help very unbalanced yes/no"
                                + " problems (0 means no cap)."),
                real("base_score", "0.5", "(-inf,inf)",
                        "The starting prediction for every row before any tree is added; rarely needs changing."),
                integer("seed", 0, 0, Integer.MAX_VALUE,
                        "The random seed; the same seed on the same data gives the same model."),
                integer("csv_weights", 0, 0, 1,
                        "Set to 1 to read the column right after the target as a weight for each row."),
                bool("deterministic_histogram", true,
                        "Builds histograms on the GPU in a repeatable way (gpu_hist only)."),
                textUnset("interaction_constraints", "nested lists of column indices, e.g. [[1,2],[3,4,5]]",
                        "Groups of columns that may be combined within a tree; columns in different groups never"
                                + " interact."),
                realLog("lambda_bias", "0", "[0,1]", "L2 regularization on the bias (gblinear only)."),
                textUnset("monotone_constraints", "one of -1, 0, 1 per column, e.g. (0,1)",
                        "Forces predictions to only rise (1) or only fall (-1) as a column grows; 0 leaves a"
                                + " column free."),
                choice("normalize_type", "tree", List.of("tree", "forest"),
                        "How dropped trees are weighed back in with the dart booster."),
                integerUnset("nthread", 1, NO_LIMIT,
                        "How many processor threads to use; left empty, all are used."),
                integer("one_drop", 0, 0, 1,
                        "With the dart booster, set to 1 to always drop at least one tree per round."),
                choice("process_type", "default", List.of("default", "update"),
                        "Whether to build new trees (default) or refresh existing ones (update)."),
                real("rate_drop", "0.0", "[0,1]",
                        "With the dart booster, the share of earlier trees dropped at each round."),
                integer("refresh_leaf", 1, 0, 1,
                        "With process_type update, whether leaf values are refreshed too (1) or only statistics"
                                + " (0)."),
                choice("sample_type", "uniform", List.of("uniform", "weighted"),
                        "With the dart booster, whether trees are dropped at random or by weight."),
                bool("single_precision_histogram", false,
                        "Builds histograms in single precision, faster but slightly less exact (hist and"
                                + " gpu_hist)."),
                real("sketch_eps", "0.03", "(0,1)",
                        "With the approx method, smaller values give more candidate split points."),
                real("skip_drop", "0.0", "[0,1]",
                        "With the dart booster, the chance of skipping the dropping in a round."),
                real("tweedie_variance_power", "1.5", "(1,2)",
                        "With reg:tweedie, shapes the distribution; near 1 suits counts, near 2 suits amounts."),
                integer("verbosity", 1, 0, 3,
                        "How much the algorithm logs: 0 silent, 1 warnings, 2 information, 3 debugging.")),
                false);
    }

    static AlgorithmDescriptor knn() {
        return new AlgorithmDescriptor("knn", "k-Nearest Neighbors", CATEGORY,
                "Predicts from the most similar rows seen in training: a majority vote of their labels, or the"
                        + " average of their values.",
                TABULAR, List.of(
                integerRequired("k", 1, NO_LIMIT,
                        "How many similar rows are consulted; more neighbours give smoother, less jumpy"
                                + " predictions."),
                choiceFromData("predictor_type", List.of("classifier", "regressor"),
                        "Whether neighbours vote on a label or average a number; Atelier sets it from the problem"
                                + " type."),
                integerFromData("sample_size", 1, NO_LIMIT,
                        "How many training rows are kept to search among; Atelier uses every training row unless"
                                + " you set fewer."),
                integerFromData("feature_dim", 1, NO_LIMIT,
                        "How many input columns the model reads; Atelier counts them from the data."),
                choiceUnset("dimension_reduction_type", List.of("sign", "fjlt"),
                        "Compresses many columns into fewer before searching, which speeds it up; left empty,"
                                + " nothing is compressed."),
                integerUnset("dimension_reduction_target", 1, NO_LIMIT,
                        "How many columns to compress down to; needed when dimension_reduction_type is set."),
                choice("index_type", "faiss.Flat", List.of("faiss.Flat", "faiss.IVFFlat", "faiss.IVFPQ"),
                        "How neighbours are searched: Flat is exact, the IVF kinds are faster but approximate."),
                choice("index_metric", "L2", List.of("L2", "INNER_PRODUCT", "COSINE"),
                        "How closeness is measured: straight-line distance (L2), inner product or angle"
                                + " (COSINE)."),
                integer("mini_batch_size", 5000, 1, NO_LIMIT,
                        "How many rows are processed at a time; affects speed and memory, not the result."),
                integerOrAuto("faiss_index_ivf_nlists", 1, NO_LIMIT,
                        "How many groups the IVF indexes divide the rows into; auto uses the square root of the"
                                + " sample size."),
                choiceUnset("faiss_index_pq_m", List.of("1", "2", "3", "4", "8", "12", "16", "20", "24", "28",
                                "32", "40", "48", "56", "64", "96"),
                        "How many pieces each row is split into by the IVFPQ index; fewer pieces save memory but"
                                + " lose detail.")),
                false);
    }

    static AlgorithmDescriptor factorizationMachines() {
        return new AlgorithmDescriptor("factorization-machines", "Factorization Machines", CATEGORY,
                "Learns how pairs of columns work together in very wide, mostly empty data such as who clicked"
                        + " or bought what; suited to recommendations.",
                EnumSet.of(ProblemType.BINARY_CLASSIFICATION, ProblemType.REGRESSION), List.of(
                integerRequired("num_factors", 1, NO_LIMIT,
                        "How many hidden traits describe each column's interactions; 2 to 1000, more capture"
                                + " subtler patterns."),
                choiceFromData("predictor_type", List.of("binary_classifier", "regressor"),
                        "Whether to predict yes/no or a number; Atelier sets it from the problem type."),
                integerFromData("feature_dim", 1, NO_LIMIT,
                        "How many input columns the model reads; Atelier counts them from the data."),
                integer("epochs", 1, 1, NO_LIMIT,
                        "How many passes over the training data; raise it if the model is still improving."),
                integer("mini_batch_size", 1000, 1, NO_LIMIT,
                        "How many rows are used per update step."),
                realLog("bias_lr", "0.1", "[0,inf)", "The learning rate for the baseline term."),
                realLog("linear_lr", "0.001", "[0,inf)", "The learning rate for the per-column weights."),
                realLog("factors_lr", "0.0001", "[0,inf)", "The learning rate for the pairwise interaction"
                        + " traits."),
                realLog("bias_wd", "0.01", "[0,inf)",
                        "Regularization of the baseline term; raise it if the model overfits."),
                realLog("linear_wd", "0.001", "[0,inf)",
                        "Regularization of the per-column weights; raise it if the model overfits."),
                realLog("factors_wd", "0.00001", "[0,inf)",
                        "Regularization of the interaction traits; raise it if the model overfits."),
                realUnset("clip_gradient", "(0,inf)",
                        "Caps the size of each update to keep training stable; left empty, updates are not"
                                + " capped."),
                realUnset("eps", "(0,inf)",
                        "A tiny number that keeps the optimizer from dividing by zero; rarely needs changing."),
                realUnset("rescale_grad", "(0,inf)",
                        "Multiplies every update by this factor; often 1 divided by the batch size."),
                choice("bias_init_method", "normal", List.of("uniform", "normal", "constant"),
                        "How the baseline term's starting value is chosen."),
                realUnset("bias_init_scale", "[0,inf)",
                        "The spread of the baseline's start value with the uniform method."),
                real("bias_init_sigma", "0.01", "[0,inf)",
                        "The spread of the baseline's start value with the normal method."),
                realUnset("bias_init_value", "(-inf,inf)",
                        "The baseline's start value with the constant method."),
                choice("linear_init_method", "normal", List.of("uniform", "normal", "constant"),
                        "How the per-column weights' starting values are chosen."),
                realUnset("linear_init_scale", "[0,inf)",
                        "The spread of the per-column weights' start values with the uniform method."),
                real("linear_init_sigma", "0.01", "[0,inf)",
                        "The spread of the per-column weights' start values with the normal method."),
                realUnset("linear_init_value", "(-inf,inf)",
                        "The per-column weights' start value with the constant method."),
                choice("factors_init_method", "normal", List.of("uniform", "normal", "constant"),
                        "How the interaction traits' starting values are chosen."),
                realUnset("factors_init_scale", "[0,inf)",
                        "The spread of the interaction traits' start values with the uniform method."),
                real("factors_init_sigma", "0.001", "[0,inf)",
                        "The spread of the interaction traits' start values with the normal method."),
                realUnset("factors_init_value", "(-inf,inf)",
                        "The interaction traits' start value with the constant method.")),
                false);
    }

    /// AutoGluon's tabular neural network hyperparameters (names and defaults), as Atelier's MLP learner implements
    /// them: category columns are one-hot encoded (no embeddings), so AutoGluon's `embedding_size_factor` is absent.
    static AlgorithmDescriptor mlp() {
        return new AlgorithmDescriptor("mlp", "Multilayer Perceptron", CATEGORY,
                "A neural network of stacked layers that learns non-linear patterns across many columns;"
                        + " worth trying on large tables.",
                TABULAR, List.of(
                integer("num_epochs", 500, 1, NO_LIMIT,
                        "The most passes over the training data; training usually stops earlier when validation"
                                + " stops improving."),
                integerOrAuto("epochs_wo_improve", 1, NO_LIMIT,
                        "How many passes without improvement are allowed before stopping; auto is 20 for small"
                                + " tables, 10 above 10,000 rows and 5 above 100,000."),
                realLog("learning_rate", "3e-4", "(0,1]",
                        "How big each update step is; lower it if training is unstable, raise it if it is very"
                                + " slow."),
                realLog("weight_decay", "1e-6", "[0,1]",
                        "Keeps the network's weights small; raise it if the model overfits."),
                real("dropout_prob", "0.1", "[0,1)",
                        "The share of neurons switched off at random during training, which reduces"
                                + " overfitting."),
                integer("num_layers", 4, 1, 32,
                        "How many hidden layers the network has; more layers can learn more complex patterns."),
                integer("hidden_size", 128, 1, 4096,
                        "How many neurons each hidden layer has."),
                choice("activation", "relu", List.of("relu", "elu", "tanh"),
                        "The function each neuron applies; relu is a safe default."),
                bool("use_batchnorm", false,
                        "Normalizes values between layers, which can make training faster and steadier."),
                integerOrAuto("batch_size", 1, NO_LIMIT,
                        "How many rows are used per update step; auto picks a power of two from 32 to 512 that"
                                + " grows with the data."),
                choice("optimizer", "adam", List.of("adam", "sgd"),
                        "The method used to adjust the weights; adam rarely needs changing (sgd uses momentum"
                                + " 0.9).")),
                false);
    }

    static AlgorithmDescriptor randomForest() {
        return new AlgorithmDescriptor("random-forest", "Random Forest", CATEGORY,
                "Averages many decision trees, each trained on a random sample of rows and columns; robust,"
                        + " needs little tuning, and rarely overfits badly.",
                TABULAR, forestParameters(true), false);
    }

    static AlgorithmDescriptor extraTrees() {
        return new AlgorithmDescriptor("extra-trees", "Extra Trees", CATEGORY,
                "Like a random forest, but picks split points at random; faster to train and often just as"
                        + " accurate.",
                TABULAR, forestParameters(false), false);
    }

    private static List<ParamSpec> forestParameters(boolean bootstrap) {
        return List.of(
                integer("n_estimators", 300, 1, NO_LIMIT,
                        "How many trees to build; more trees give steadier predictions but take longer."),
                integerUnset("max_depth", 1, NO_LIMIT,
                        "How many questions deep each tree may go; left empty, trees grow until their leaves are"
                                + " pure."),
                integer("max_leaf_nodes", 15_000, 2, NO_LIMIT,
                        "The most leaves per tree; lower it to make trees simpler and faster."),
                integer("min_samples_split", 2, 2, NO_LIMIT,
                        "The fewest rows a branch must hold to be split further; raise it to make trees more"
                                + " cautious."),
                integer("min_samples_leaf", 1, 1, NO_LIMIT,
                        "The fewest rows each leaf must hold; raise it to smooth predictions on noisy data."),
                new DoubleParam("max_features", "sqrt", 0, true, 1, false, false, List.of("sqrt", "log2"),
                        Requirement.OPTIONAL,
                        "How many columns each split may consider: sqrt or log2 of the column count, or a share"
                                + " such as 1.0 for all (often best for regression)."),
                choiceUnset("criterion", List.of("gini", "entropy", "log_loss", "squared_error", "absolute_error",
                                "friedman_mse", "poisson"),
                        "How a split's quality is judged; left empty, gini for classification and squared error"
                                + " for regression."),
                bool("bootstrap", bootstrap,
                        "Whether each tree trains on a random sample of rows drawn with repeats instead of on all"
                                + " rows."),
                realUnset("max_samples", "(0,1]",
                        "With bootstrap, the share of rows drawn for each tree; left empty, as many as there are"
                                + " rows."),
                choiceUnset("class_weight", List.of("balanced", "balanced_subsample"),
                        "Gives rare labels more weight in classification; left empty, every row counts the same."),
                integer("random_state", 0, 0, 4_294_967_295L,
                        "The random seed; the same seed on the same data gives the same model."));
    }
}
