package dev.atelier.engine.explain;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Contributions;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.FeatureStep;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.forest.ForestModel;
import dev.atelier.engine.learn.linear.LinearModel;
import dev.atelier.engine.learn.xgboost.XgboostModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/// Computes SHAP values of a model for some rows, attributed to the model's original input columns (one-hot levels
/// and date parts are summed back to the column they came from).
///
/// - **tree**: exact path-dependent TreeSHAP: XGBoost's contributions on the margin (log-odds) scale; Atelier's own
///   random forest and extra trees ([TreeShap]) on the probability scale (or the value, for regression); and a
///   weighted ensemble whose members are all such trees, as the weighted sum of its members' SHAP values (the
///   ensemble averages their outputs on that same scale, and Shapley values are linear in the game).
/// - **kernel**: Kernel SHAP for any model: coalitions of original columns, values of absent columns taken from a
///   baseline (a k-means summary of the data, as Clarify does), and a weighted least-squares fit with the Shapley
///   kernel under the exact constraint `Σ φ = f(x) − E f`. When all `2^M − 2` coalitions fit in `numSamples` they
///   are all used, which gives the exact Shapley values of the baseline's value function.
public final class ShapExplainer {
    /// The method to use.
    public enum Method {
        /// Tree where it is exact (XGBoost on the logit scale, forests and tree ensembles on the probability scale,
        /// all of them for regression), linear for Linear Learner (logit scale or regression), else kernel.
        AUTO,
        /// Closed-form linear SHAP of a Linear Learner: `φ_j = Σ w_f (x_f − mean x_f)` over the inputs of column j.
        LINEAR,
        /// Exact TreeSHAP (XGBoost, random forest, extra trees, weighted ensembles of them).
        TREE,
        /// Kernel SHAP.
        KERNEL
    }

    /// The output scale of classification models.
    public enum Scale {
        /// The probability of the chosen class.
        PROBABILITY,
        /// The log-odds `ln(p / (1 − p))` of the chosen class.
        LOGIT
    }

    /// Options.
    ///
    /// @param method     the method
    /// @param scale      the output scale (ignored for regression)
    /// @param classIndex the explained class (index into the model's classes); −1 = the last (positive) class
    /// @param numSamples the coalitions sampled by Kernel SHAP; 0 = `2M + 2048` (all `2^M − 2` when fewer)
    /// @param baselineSize the k of the k-means baseline
    /// @param seed       random seed
    public record Options(Method method, Scale scale, int classIndex, int numSamples, int baselineSize, long seed) {
        /// Defaults: auto, probability, the last class, `2M + 2048` samples, 10 baseline rows, seed 0.
        public static Options defaults() {
            return new Options(Method.AUTO, Scale.PROBABILITY, -1, 0, 10, 0);
        }
    }

    private ShapExplainer() {
    }

    /// Explains `rows` (rows of `data` to explain, by index); the baseline is summarised from all of `data`.
    ///
    /// @throws DataException `ANALYSIS_OPTION_INVALID` for a tree method on a model that is not XGBoost or a class out of
    ///                       range
    public static ShapValues explain(Model model, Dataset data, int[] rows, Options options, JobContext ctx) {
        boolean regression = model.header().problem() == ProblemType.REGRESSION;
        int classes = model.header().classes().size();
        int cls = options.classIndex() < 0 ? Math.max(0, classes - 1) : options.classIndex();
        if (!regression && cls >= classes) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "class", String.valueOf(cls),
                    "one of " + model.header().classes());
        }
        boolean logit = options.scale() == Scale.LOGIT;
        String className = regression ? null : model.header().classes().get(cls);
        List<TreeTerm> terms = model instanceof XgboostModel ? null : treeTerms(model, className, logit, 1, 0);
        boolean treeable = model instanceof XgboostModel ? regression || logit
                : terms != null && sameColumns(model, terms);
        boolean linearable = model instanceof LinearModel && (regression || (logit && classes == 2));
        Method method = options.method() == Method.AUTO
                ? (treeable ? Method.TREE : linearable ? Method.LINEAR : Method.KERNEL) : options.method();
        if (method == Method.TREE && !treeable) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "method", "tree",
                    "a tree model: XGBoost on the logit scale, a random forest or extra trees on the probability"
                            + " scale, or a weighted ensemble of forests (use kernel otherwise)");
        }
        if (method == Method.LINEAR && !linearable) {
            throw new DataException(ErrorCode.ANALYSIS_OPTION_INVALID, "method", "linear",
                    "a binary or regression Linear Learner model on the logit scale (use kernel otherwise)");
        }
        String scale = regression ? "value" : logit ? "logit" : "probability";
        Dataset explained = data.rows(rows);
        return switch (method) {
            case TREE -> model instanceof XgboostModel x ? tree(x, explained, classes == 2 ? 0 : cls, scale)
                    : forest(model, terms, explained, cls, regression, scale, ctx);
            case LINEAR -> linear((LinearModel) model, data, explained, regression, scale);
            default -> KernelShap.explain(model, data, explained, cls, regression, logit, options, scale, ctx);
        };
    }

    /// Linear SHAP with the data's input means as the baseline: exact, since the margin is linear in the inputs.
    private static ShapValues linear(LinearModel model, Dataset data, Dataset explained, boolean regression,
                                     String scale) {
        FeatureMatrix all = model.pipeline().transform(data);
        FeatureMatrix x = model.pipeline().transform(explained);
        int d = all.columns();
        double[] mean = new double[d];
        for (int i = 0; i < all.rows(); i++) {
            for (int f = 0; f < d; f++) {
                mean[f] += all.get(i, f) / all.rows();
            }
        }
        double s = model.labelScale();
        double base = model.bias(0);
        for (int f = 0; f < d; f++) {
            base += model.weight(f, 0) * mean[f];
        }
        base = base * s + model.labelMean();
        int[] owner = outputOwners(model);
        List<String> columns = model.pipeline().inputColumns();
        int m = columns.size();
        int n = x.rows();
        double[] bases = new double[n];
        double[] phi = new double[n * m];
        double[] prediction = new double[n];
        double[] out = output(model.predict(explained), 1, regression, true);
        for (int r = 0; r < n; r++) {
            bases[r] = base;
            for (int f = 0; f < d; f++) {
                phi[r * m + owner[f]] += s * model.weight(f, 0) * (x.get(r, f) - mean[f]);
            }
            prediction[r] = out[r];
        }
        return new ShapValues(columns, bases, phi, prediction, "linear", scale);
    }

    /// TreeSHAP of forests per model and output.
    private static final java.util.Map<Model, java.util.Map<Integer, TreeShap>> FOREST_TREES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /// The forest's mean of trees, explaining output `output` (cached).
    private static TreeShap forestShap(ForestModel f, int output) {
        return FOREST_TREES.computeIfAbsent(f, k -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(output, o -> {
                    List<TreeShap.Tree> trees = new ArrayList<>();
                    for (var table : f.treeTables()) {
                        trees.add(TreeShap.Tree.of(table, o, f.outputs()));
                    }
                    double[] w = new double[trees.size()];
                    Arrays.fill(w, 1.0 / trees.size());
                    return new TreeShap(trees, w);
                });
    }

    /// Parsed XGBoost trees per model (parsing and the leaf tables cost more than explaining a few rows).
    private static final java.util.Map<Model, TreeShap> XGB_TREES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /// TreeSHAP of a binary or regression XGBoost model in Java on its parsed trees (exact, as XGBoost's own
    /// `predictContrib`, but with leaf tables and on all cores); multiclass models use `predictContrib`.
    private static ShapValues tree(XgboostModel model, Dataset explained, int group, String scale) {
        if (model.header().problem() != ProblemType.MULTICLASS_CLASSIFICATION) {
            TreeShap shap;
            try {
                shap = XGB_TREES.computeIfAbsent(model, k -> {
                    List<TreeShap.Tree> trees = model.treeDump().stream().map(TreeShap.Tree::ofXgboost).toList();
                    double[] ones = new double[trees.size()];
                    Arrays.fill(ones, 1);
                    return new TreeShap(trees, ones);
                });
            } catch (IllegalArgumentException e) {
                shap = null;   // a dump this parser does not read: XGBoost computes them
            }
            if (shap != null) {
                return xgboostInJava(model, shap, explained, scale);
            }
        }
        Contributions c = model.contributions(explained);
        double[][] margins = model.margins(explained);
        List<String> columns = model.pipeline().inputColumns();
        int[] owner = outputOwners(model);
        int n = c.rows();
        int m = columns.size();
        double[] base = new double[n];
        double[] phi = new double[n * m];
        double[] prediction = new double[n];
        for (int r = 0; r < n; r++) {
            base[r] = c.bias(r, group);
            for (int f = 0; f < owner.length; f++) {
                phi[r * m + owner[f]] += c.value(r, group, f);
            }
            prediction[r] = margins[r][group];
        }
        return new ShapValues(columns, base, phi, prediction, "tree", scale);
    }

    /// One tree model inside the explained model: its weight in the output and the output (class) it explains.
    private record TreeTerm(Model model, double weight, int output) {
    }

    /// The tree models whose weighted sum is exactly `model`'s output on the explained scale (the probability of
    /// class `className`, or the value for regression), or null when there is no such decomposition.
    private static List<TreeTerm> treeTerms(Model model, String className, boolean logit, double weight, int level) {
        boolean regression = className == null;
        switch (model) {
            case ForestModel f -> {
                if (!regression && logit) {
                    return null;   // log-odds of an average of probabilities is not a sum over trees
                }
                int output = regression ? 0 : f.header().classes().indexOf(className);
                return output < 0 ? List.of() : List.of(new TreeTerm(f, weight, output));
            }
            case XgboostModel x -> {
                // in an ensemble only on the value scale of an identity-link regression (the blend is of values)
                String objective = x.rounds().objective();
                boolean identity = objective.equals("reg:squarederror") || objective.equals("reg:absoluteerror")
                        || objective.equals("reg:pseudohubererror") || objective.equals("reg:quantileerror");
                return level > 0 && regression && identity ? List.of(new TreeTerm(x, weight, 0)) : null;
            }
            case dev.atelier.engine.automl.EnsembleModel e -> {
                if (!regression && logit) {
                    return null;   // the ensemble averages probabilities
                }
                var out = new ArrayList<TreeTerm>();
                double[] w = e.weights();
                for (int i = 0; i < w.length; i++) {
                    List<TreeTerm> sub = treeTerms(e.members().get(i), className, logit, weight * w[i], level + 1);
                    if (sub == null) {
                        return null;
                    }
                    out.addAll(sub);
                }
                return out;
            }
            default -> {
                return null;
            }
        }
    }

    /// Whether every tree term reads only columns the explained model lists as its inputs.
    private static boolean sameColumns(Model model, List<TreeTerm> terms) {
        List<String> columns = model.pipeline().inputColumns();
        for (TreeTerm t : terms) {
            if (!columns.containsAll(t.model().pipeline().inputColumns())) {
                return false;
            }
        }
        return !terms.isEmpty();
    }

    /// Exact TreeSHAP of a forest or of a weighted sum of tree models: each term's SHAP values (on its own inputs,
    /// summed to its columns) weighted and added by column name.
    private static ShapValues forest(Model model, List<TreeTerm> terms, Dataset explained, int cls,
                                     boolean regression, String scale, JobContext ctx) {
        List<String> columns = model.pipeline().inputColumns();
        int m = columns.size();
        int n = explained.rowCount();
        double[] base = new double[n];
        double[] phi = new double[n * m];
        for (int t = 0; t < terms.size(); t++) {
            ctx.throwIfCancelled();
            ctx.progress(t, terms.size());
            TreeTerm term = terms.get(t);
            int[] owner = outputOwners(term.model());
            List<String> own = term.model().pipeline().inputColumns();
            int[] target = new int[owner.length];
            for (int f = 0; f < owner.length; f++) {
                target[f] = columns.indexOf(own.get(owner[f]));
            }
            if (term.model() instanceof XgboostModel x) {
                Contributions c = x.contributions(explained);
                for (int r = 0; r < n; r++) {
                    base[r] += term.weight() * c.bias(r, 0);
                    for (int f = 0; f < owner.length; f++) {
                        phi[r * m + target[f]] += term.weight() * c.value(r, 0, f);
                    }
                }
                continue;
            }
            ForestModel f = (ForestModel) term.model();
            TreeShap shap = forestShap(f, term.output());
            FeatureMatrix fm = f.pipeline().transform(explained);
            double[] x = fm.toArray();
            int d = fm.columns();
            double[] local = new double[n * d];
            int blocks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, n / 32));
            java.util.stream.IntStream.range(0, blocks).parallel().forEach(block -> shap.shapRows(x,
                    (int) ((long) n * block / blocks), (int) ((long) n * (block + 1) / blocks), d, local));
            for (int r = 0; r < n; r++) {
                base[r] += term.weight() * shap.base();
                for (int j = 0; j < d; j++) {
                    phi[r * m + target[j]] += term.weight() * local[r * d + j];
                }
            }
        }
        double[] prediction = output(model.predict(explained), cls, regression, false);
        return new ShapValues(columns, base, phi, prediction, "tree", scale);
    }

    private static ShapValues xgboostInJava(XgboostModel model, TreeShap shap, Dataset explained, String scale) {
        FeatureMatrix fm = model.pipeline().transform(explained);
        double[] x = fm.toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) x[i];   // XGBoost compares in float32
        }
        int n = fm.rows();
        int d = fm.columns();
        double[][] margins = model.margins(explained);
        List<String> columns = model.pipeline().inputColumns();
        int[] owner = outputOwners(model);
        int m = columns.size();
        double[] local = new double[n * d];
        double[] offset = new double[n];   // XGBoost's base score: the margin less the trees' sum
        int blocks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, n / 32));
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(block -> {
            int from = (int) ((long) n * block / blocks);
            int to = (int) ((long) n * (block + 1) / blocks);
            shap.shapRows(x, from, to, d, local);
            for (int r = from; r < to; r++) {
                offset[r] = margins[r][0] - shap.predict(x, r, d);
            }
        });
        double[] sorted = offset.clone();
        Arrays.sort(sorted);
        double baseScore = n == 0 ? 0 : sorted[n / 2];
        double[] base = new double[n];
        double[] phi = new double[n * m];
        double[] prediction = new double[n];
        for (int r = 0; r < n; r++) {
            base[r] = baseScore + shap.base();
            for (int f = 0; f < d; f++) {
                phi[r * m + owner[f]] += local[r * d + f];
            }
            prediction[r] = margins[r][0];
        }
        return new ShapValues(columns, base, phi, prediction, "tree", scale);
    }

    /// For each model input, the index of the original column (step) it was made from.
    private static int[] outputOwners(Model model) {
        var owners = new ArrayList<Integer>();
        List<FeatureStep> steps = model.pipeline().steps();
        for (int s = 0; s < steps.size(); s++) {
            for (int j = 0; j < steps.get(s).outputs().size(); j++) {
                owners.add(s);
            }
        }
        return owners.stream().mapToInt(Integer::intValue).toArray();
    }

    /// The explained output of every row: a value, a class probability, or its log-odds.
    static double[] output(Predictions p, int cls, boolean regression, boolean logit) {
        if (regression) {
            return p.values();
        }
        double[] prob = p.probabilitiesOf(cls);
        if (logit) {
            for (int i = 0; i < prob.length; i++) {
                double q = Math.min(1 - 1e-12, Math.max(1e-12, prob[i]));
                prob[i] = Math.log(q / (1 - q));
            }
        }
        return prob;
    }

    /// The coalitions (proper, non-empty subsets of the M columns): all of them when they fit in `budget`,
    /// otherwise `budget` sampled in complementary pairs with sizes drawn from the Shapley kernel's distribution.
    static boolean[][] coalitions(int m, int budget, long seed) {
        if (m <= 1) {
            return new boolean[0][];
        }
        long all = (1L << Math.min(m, 62)) - 2;
        if (m < 62 && all <= budget) {
            boolean[][] out = new boolean[(int) all][m];
            for (int s = 1; s <= all; s++) {
                for (int j = 0; j < m; j++) {
                    out[s - 1][j] = ((s >> j) & 1) == 1;
                }
            }
            return out;
        }
        // P(size = z) ∝ (M − 1) / (z (M − z))
        double[] sizeWeight = new double[m];
        double sum = 0;
        for (int z = 1; z < m; z++) {
            sizeWeight[z] = (m - 1.0) / (z * (double) (m - z));
            sum += sizeWeight[z];
        }
        var random = new SplittableRandom(seed);
        int pairs = Math.max(1, budget / 2);
        boolean[][] out = new boolean[2 * pairs][];
        int[] order = new int[m];
        for (int p = 0; p < pairs; p++) {
            double u = random.nextDouble() * sum;
            int z = 1;
            while (z < m - 1 && u > sizeWeight[z]) {
                u -= sizeWeight[z];
                z++;
            }
            for (int j = 0; j < m; j++) {
                order[j] = j;
            }
            for (int j = 0; j < z; j++) {
                int swap = j + random.nextInt(m - j);
                int t = order[j];
                order[j] = order[swap];
                order[swap] = t;
            }
            boolean[] mask = new boolean[m];
            for (int j = 0; j < z; j++) {
                mask[order[j]] = true;
            }
            boolean[] complement = new boolean[m];
            for (int j = 0; j < m; j++) {
                complement[j] = !mask[j];
            }
            out[2 * p] = mask;
            out[2 * p + 1] = complement;
        }
        return out;
    }

    /// Regression weights: the Shapley kernel `(M−1) / (C(M,z) z (M−z))` when all coalitions are enumerated; equal
    /// weights when coalitions were sampled from the kernel's size distribution (which already carries it).
    static double[] kernelWeights(boolean[][] masks, int m) {
        double[] w = new double[masks.length];
        boolean enumerated = m < 62 && masks.length == (1L << m) - 2;
        for (int s = 0; s < masks.length; s++) {
            if (!enumerated) {
                w[s] = 1;
                continue;
            }
            int z = 0;
            for (boolean b : masks[s]) {
                z += b ? 1 : 0;
            }
            w[s] = (m - 1.0) / (binomial(m, z) * z * (m - z));
        }
        return w;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /// Weighted least squares `v(S) − E ≈ Σ_{j∈S} φ_j` under `Σ φ = fx − E`, by eliminating the last φ.
    static double[] solve(boolean[][] masks, double[] w, double[] v, double expected, double fx, int m) {
        double total = fx - expected;
        double[] phi = new double[m];
        if (m == 0) {
            return phi;
        }
        if (m == 1) {
            phi[0] = total;
            return phi;
        }
        int p = m - 1;
        double[] ata = new double[p * p];
        double[] atb = new double[p];
        double[] row = new double[p];
        for (int s = 0; s < masks.length; s++) {
            double zl = masks[s][m - 1] ? 1 : 0;
            for (int j = 0; j < p; j++) {
                row[j] = (masks[s][j] ? 1 : 0) - zl;
            }
            double y = v[s] - expected - zl * total;
            for (int i = 0; i < p; i++) {
                if (row[i] == 0) {
                    continue;
                }
                atb[i] += w[s] * row[i] * y;
                for (int j = 0; j < p; j++) {
                    ata[i * p + j] += w[s] * row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            ata[i * p + i] += 1e-12; // keeps a rank-deficient sample solvable
        }
        double[] x = choleskySolve(ata, atb, p);
        double rest = 0;
        for (int j = 0; j < p; j++) {
            phi[j] = x[j];
            rest += x[j];
        }
        phi[m - 1] = total - rest;
        return phi;
    }

    static double[] choleskySolve(double[] a, double[] b, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = i == j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j * n + j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /// A baseline: rows of the data standing for k-means clusters, with the clusters' shares as weights.
    record Baseline(int[] rows, double[] weights) {
        /// k-means (Lloyd, k-means++ seeding, 20 rounds) on the model's standardised inputs; each centroid is
        /// represented by its nearest real row, so categorical columns keep real values.
        static Baseline kMeans(Model model, Dataset data, int k, long seed, JobContext ctx) {
            FeatureMatrix x = model.pipeline().transform(data);
            int n = x.rows();
            int d = x.columns();
            if (n == 0) {
                throw new DataException(ErrorCode.DATASET_EMPTY, data.name());
            }
            double[] z = x.toArray();
            for (int j = 0; j < d; j++) {
                double mean = 0;
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    double v = Double.isNaN(z[i * d + j]) ? 0 : z[i * d + j];
                    z[i * d + j] = v;
                    mean += v;
                    sq += v * v;
                }
                mean /= n;
                double sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
                for (int i = 0; i < n; i++) {
                    z[i * d + j] = sd > 0 ? (z[i * d + j] - mean) / sd : 0;
                }
            }
            int kk = Math.min(k, n);
            var random = new SplittableRandom(seed);
            double[] centres = new double[kk * d];
            double[] nearest = new double[n];
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            int first = random.nextInt(n);
            System.arraycopy(z, first * d, centres, 0, d);
            for (int c = 1; c < kk; c++) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    nearest[i] = Math.min(nearest[i], dist(z, i, centres, c - 1, d));
                    total += nearest[i];
                }
                double u = random.nextDouble() * total;
                int pick = n - 1;
                for (int i = 0; i < n; i++) {
                    u -= nearest[i];
                    if (u <= 0) {
                        pick = i;
                        break;
                    }
                }
                System.arraycopy(z, pick * d, centres, c * d, d);
            }
            int[] assign = new int[n];
            for (int round = 0; round < 20; round++) {
                ctx.throwIfCancelled();
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    double bestD = Double.POSITIVE_INFINITY;
                    for (int c = 0; c < kk; c++) {
                        double dd = dist(z, i, centres, c, d);
                        if (dd < bestD) {
                            bestD = dd;
                            best = c;
                        }
                    }
                    assign[i] = best;
                }
                double[] sums = new double[kk * d];
                int[] counts = new int[kk];
                for (int i = 0; i < n; i++) {
                    counts[assign[i]]++;
                    for (int j = 0; j < d; j++) {
                        sums[assign[i] * d + j] += z[i * d + j];
                    }
                }
                for (int c = 0; c < kk; c++) {
                    if (counts[c] > 0) {
                        for (int j = 0; j < d; j++) {
                            centres[c * d + j] = sums[c * d + j] / counts[c];
                        }
                    }
                }
            }
            int[] counts = new int[kk];
            int[] rep = new int[kk];
            double[] repD = new double[kk];
            Arrays.fill(repD, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                int c = assign[i];
                counts[c]++;
                double dd = dist(z, i, centres, c, d);
                if (dd < repD[c]) {
                    repD[c] = dd;
                    rep[c] = i;
                }
            }
            var rows = new ArrayList<Integer>();
            var weights = new ArrayList<Double>();
            for (int c = 0; c < kk; c++) {
                if (counts[c] > 0) {
                    rows.add(rep[c]);
                    weights.add((double) counts[c] / n);
                }
            }
            return new Baseline(rows.stream().mapToInt(Integer::intValue).toArray(),
                    weights.stream().mapToDouble(Double::doubleValue).toArray());
        }

        private static double dist(double[] z, int i, double[] centres, int c, int d) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = z[i * d + j] - centres[c * d + j];
                s += v * v;
            }
            return s;
        }
    }
}
