package dev.atelier.engine.algorithms;

import static dev.atelier.engine.algorithms.Hyperparameters.NO_LIMIT;
import static dev.atelier.engine.algorithms.Hyperparameters.choice;
import static dev.atelier.engine.algorithms.Hyperparameters.integer;
import static dev.atelier.engine.algorithms.Hyperparameters.integerRequired;
import static dev.atelier.engine.algorithms.Hyperparameters.integerUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.real;
import static dev.atelier.engine.algorithms.Hyperparameters.realLog;
import static dev.atelier.engine.algorithms.Hyperparameters.text;
import static dev.atelier.engine.algorithms.Hyperparameters.textFromData;

import java.util.EnumSet;
import java.util.List;

/// SageMaker's forecasting algorithm, DeepAR. Names, defaults and ranges follow AWS's hyperparameter table.
final class TimeSeriesAlgorithms {
    static final String CATEGORY = "Time series";

    private TimeSeriesAlgorithms() {
    }

    static List<AlgorithmDescriptor> all() {
        return List.of(deepAr());
    }

    static AlgorithmDescriptor deepAr() {
        return new AlgorithmDescriptor("deepar", "DeepAR Forecasting", CATEGORY,
                "Forecasts future values of many related time series at once, such as sales per store, with a"
                        + " range of likely outcomes rather than one number.",
                EnumSet.of(ProblemType.FORECASTING), List.of(
                integerRequired("prediction_length", 1, NO_LIMIT,
                        "How many time steps ahead to forecast; fixed once the model is trained."),
                integerRequired("context_length", 1, NO_LIMIT,
                        "How many past time steps the model looks at before forecasting; about the same as the"
                                + " forecast length."),
                textFromData("time_freq", "a number and a unit: M, W, D, H or min, e.g. 5min",
                        "How far apart the time steps are; Atelier reads it from the timestamps."),
                integerRequired("epochs", 1, NO_LIMIT,
                        "The most passes over the training data; typical values are 10 to 1000."),
                integerUnset("early_stopping_patience", 1, NO_LIMIT,
                        "Stops when the loss has not improved for this many passes; left empty, all passes"
                                + " run."),
                choice("likelihood", "student-T",
                        List.of("gaussian", "beta", "negative-binomial", "student-T", "deterministic-L1"),
                        "The shape of the forecast's uncertainty: negative-binomial suits counts, beta suits"
                                + " shares between 0 and 1."),
                integer("num_cells", 40, 1, NO_LIMIT,
                        "How many neurons each hidden layer has; typical values are 30 to 100."),
                integer("num_layers", 2, 1, NO_LIMIT,
                        "How many hidden layers the network has; typical values are 1 to 4."),
                realLog("learning_rate", "1e-3", "(0,inf)",
                        "How big each update step is; typical values are 0.0001 to 0.1."),
                integer("mini_batch_size", 128, 1, NO_LIMIT,
                        "How many series slices are used per update step; typical values are 32 to 512."),
                real("dropout_rate", "0.1", "[0,1)",
                        "The share of neurons left unchanged at random during training; usually below 0.2."),
                integer("embedding_dimension", 10, 1, NO_LIMIT,
                        "The length of the vector learned for each category, e.g. each store; 10 to 100 is"
                                + " typical."),
                text("cardinality", "auto", "auto, ignore, or a list of counts such as [2, 3]",
                        "How many categories each grouping column has; auto reads it from the data, ignore"
                                + " leaves groupings out."),
                new IntParam("num_dynamic_feat", "auto", 1, NO_LIMIT, List.of("auto", "ignore"),
                        Requirement.OPTIONAL,
                        "How many extra time-varying inputs (such as promotions) there are; auto counts them,"
                                + " ignore leaves them out."),
                integer("num_eval_samples", 100, 1, NO_LIMIT,
                        "How many sample paths are drawn per series to score test accuracy; does not change the"
                                + " model."),
                text("test_quantiles", "[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]",
                        "a list of numbers between 0 and 1",
                        "Which forecast percentiles are scored on test data.")),
                false);
    }
}
