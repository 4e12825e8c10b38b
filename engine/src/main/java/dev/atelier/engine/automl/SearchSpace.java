package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The hyperparameters the search tunes for one algorithm, with the values it always sets and the first
/// configuration it tries.
///
/// Ranges follow SageMaker's documented tuning ranges (XGBoost, Linear Learner, KNN, Factorization Machines) and
/// AutoGluon's search spaces (forests, MLP); a name the algorithm's catalogue entry does not have is left out, so
/// an algorithm the table does not know is still tried with its catalogue defaults.
///
/// @param algorithm  the catalogue key
/// @param dimensions what is tuned
/// @param fixed      hyperparameters every candidate gets (preset sizes, required values)
/// @param defaults   the first configuration's tuned values (the rest come from the catalogue)
public record SearchSpace(String algorithm, List<Dimension> dimensions, Map<String, String> fixed,
                          Map<String, String> defaults) {
    public SearchSpace {
        dimensions = List.copyOf(dimensions);
        fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    /// The hyperparameters (as text) for internal coordinates `x` (one per dimension).
    public Map<String, String> config(double[] x) {
        var out = new LinkedHashMap<>(fixed);
        for (int i = 0; i < dimensions.size(); i++) {
            out.put(dimensions.get(i).name(), dimensions.get(i).format(x[i]));
        }
        return out;
    }

    /// The first configuration: the fixed values plus the defaults.
    public Map<String, String> defaultConfig() {
        var out = new LinkedHashMap<>(fixed);
        out.putAll(defaults);
        return out;
    }

    /// The internal coordinates of a configuration (NaN for a dimension it does not set).
    public double[] coordinates(Map<String, String> config) {
        double[] x = new double[dimensions.size()];
        for (int i = 0; i < x.length; i++) {
            String v = config.get(dimensions.get(i).name());
            x[i] = v == null ? Double.NaN : dimensions.get(i).coordinate(v);
        }
        return x;
    }

    /// The search space of `descriptor` for `problem` with `preset` on `rows` training rows.
    public static SearchSpace of(AlgorithmDescriptor descriptor, ProblemType problem, AutopilotSpec.Preset preset,
                                 int rows) {
        boolean quick = preset == AutopilotSpec.Preset.QUICK;
        var dims = new ArrayList<Dimension>();
        var fixed = new LinkedHashMap<String, String>();
        var defaults = new LinkedHashMap<String, String>();
        switch (descriptor.key()) {
            case "xgboost" -> {
                fixed.put("early_stopping_rounds", "20");
                fixed.put("nthread", "1");
                dims.add(new Dimension.Int("num_round", quick ? 20 : 50, quick ? 200 : 1000, true));
                dims.add(new Dimension.Real("eta", 0.01, 0.5, true));
                dims.add(new Dimension.Int("max_depth", 2, 10, false));
                dims.add(new Dimension.Real("min_child_weight", 0.5, 30, true));
                dims.add(new Dimension.Real("subsample", 0.5, 1, false));
                dims.add(new Dimension.Real("colsample_bytree", 0.4, 1, false));
                dims.add(new Dimension.Real("alpha", 1e-3, 10, true));
                dims.add(new Dimension.Real("lambda", 1e-3, 10, true));
                defaults.putAll(Map.of("num_round", quick ? "50" : "100", "eta", quick ? "0.2" : "0.1", "max_depth", "6"));
            }
            case "linear-learner" -> {
                dims.add(new Dimension.Real("learning_rate", 1e-4, 1, true));
                dims.add(new Dimension.Real("wd", 1e-7, 1, true));
                dims.add(new Dimension.Real("l1", 1e-7, 1, true));
                dims.add(new Dimension.Int("mini_batch_size", 50, 1000, true));
                fixed.put("num_models", quick ? "4" : "8");
            }
            case "random-forest", "extra-trees" -> {
                fixed.put("n_estimators", quick ? "50" : "100");
                dims.add(new Dimension.Choice("max_features",
                        problem == ProblemType.REGRESSION ? List.of("1.0", "0.5", "sqrt", "log2")
                                : List.of("sqrt", "log2", "0.5", "1.0")));
                dims.add(new Dimension.Int("min_samples_leaf", 1, 20, true));
                dims.add(new Dimension.Int("max_depth", 4, 40, true));
                if (problem == ProblemType.REGRESSION) {
                    defaults.put("max_features", "1.0");
                }
            }
            case "knn" -> {
                dims.add(new Dimension.Int("k", 1, Math.max(2, Math.min(100, rows / 2)), true));
                defaults.put("k", Integer.toString(Math.max(1, Math.min(10, rows / 2))));
            }
            case "factorization-machines" -> {
                dims.add(new Dimension.Int("num_factors", 2, 64, true));
                defaults.put("num_factors", "16");
            }
            case "mlp" -> {
                dims.add(new Dimension.Real("learning_rate", 1e-4, 3e-2, true));
                dims.add(new Dimension.Real("weight_decay", 1e-10, 1e-2, true));
                dims.add(new Dimension.Real("dropout_prob", 0, 0.5, false));
                dims.add(new Dimension.Int("num_layers", 1, 4, false));
                dims.add(new Dimension.Int("hidden_size", 32, 512, true));
            }
            default -> {
                // unknown to the table: catalogue defaults only
            }
        }
        dims.removeIf(d -> descriptor.hyperparameter(d.name()).isEmpty());
        fixed.keySet().removeIf(n -> descriptor.hyperparameter(n).isEmpty());
        defaults.keySet().removeIf(n -> descriptor.hyperparameter(n).isEmpty());
        return new SearchSpace(descriptor.key(), dims, fixed, defaults);
    }
}
