package dev.atelier.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.automl.EnsembleLearner;
import dev.atelier.engine.automl.EnsembleModel;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TreeShapTest {
    private static final Dataset CHURN = SyntheticData.logistic(400, 5, true);
    private static final Dataset LINEAR = SyntheticData.linear(300, 8);
    private static final Model RF = fit(CHURN, "random-forest", ProblemType.BINARY_CLASSIFICATION, "churn",
            Map.of("n_estimators", "30", "max_depth", "6"), 1);
    private static final Model ET = fit(CHURN, "extra-trees", ProblemType.BINARY_CLASSIFICATION, "churn",
            Map.of("n_estimators", "20"), 2);
    private static final Model RF_REGRESSION = fit(LINEAR, "random-forest", ProblemType.REGRESSION, "y",
            Map.of("n_estimators", "20", "max_depth", "5"), 3);

    private static Model fit(Dataset data, String algorithm, ProblemType problem, String target,
                             Map<String, String> hp, long seed) {
        Learners learners = Learners.builtIn();
        LearnerSpec spec = LearnerSpec.of(learners.catalog(), algorithm, problem, target, hp, seed);
        return learners.require(algorithm).fit(TrainingData.of(data), spec, JobContext.silent(),
                TrainingListener.NONE);
    }

    // ---- brute force: the Shapley formula over every coalition of the path-dependent expectation ----

    /// `E[f(x) | x_S]` following the tree's covers where the tested input is not in S (Lundberg's Algorithm 1).
    private static double conditional(TreeShap.Tree t, int node, double[] x, int s) {
        int f = t.feature()[node];
        if (f < 0) {
            return t.value()[node];
        }
        if ((s >> f & 1) == 1) {
            return conditional(t, t.next(node, x[f]), x, s);
        }
        return (t.cover()[t.left()[node]] * conditional(t, t.left()[node], x, s)
                + t.cover()[t.right()[node]] * conditional(t, t.right()[node], x, s)) / t.cover()[node];
    }

    private static double[] bruteForce(List<TreeShap.Tree> trees, double[] weights, double[] x) {
        int m = x.length;
        double[] v = new double[1 << m];
        for (int s = 0; s < v.length; s++) {
            for (int t = 0; t < trees.size(); t++) {
                v[s] += weights[t] * conditional(trees.get(t), 0, x, s);
            }
        }
        double[] phi = new double[m];
        for (int j = 0; j < m; j++) {
            for (int s = 0; s < 1 << m; s++) {
                if ((s >> j & 1) == 1) {
                    continue;
                }
                int z = Integer.bitCount(s);
                phi[j] += factorial(z) * factorial(m - z - 1) / factorial(m) * (v[s | 1 << j] - v[s]);
            }
        }
        return phi;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /// A random tree over `m` inputs, depth ≤ `depth`, inputs repeated along paths, covers adding up, some
    /// missing-value directions.
    private static TreeShap.Tree randomTree(SplittableRandom r, int m, int depth, boolean strict) {
        var feature = new ArrayList<Integer>();
        var threshold = new ArrayList<Double>();
        var left = new ArrayList<Integer>();
        var right = new ArrayList<Integer>();
        var value = new ArrayList<Double>();
        var missingLeft = new ArrayList<Boolean>();
        grow(r, m, depth, feature, threshold, left, right, value, missingLeft);
        int n = feature.size();
        double[] cover = new double[n];
        int[] f = feature.stream().mapToInt(Integer::intValue).toArray();
        int[] l = left.stream().mapToInt(Integer::intValue).toArray();
        int[] rt = right.stream().mapToInt(Integer::intValue).toArray();
        for (int i = n - 1; i >= 0; i--) {   // children come after their parent
            cover[i] = f[i] < 0 ? 1 + r.nextInt(50) : cover[l[i]] + cover[rt[i]];
        }
        boolean[] ml = new boolean[n];
        for (int i = 0; i < n; i++) {
            ml[i] = missingLeft.get(i);
        }
        return new TreeShap.Tree(f, threshold.stream().mapToDouble(Double::doubleValue).toArray(), l, rt,
                value.stream().mapToDouble(Double::doubleValue).toArray(), cover, strict, strict ? ml : null);
    }

    private static int grow(SplittableRandom r, int m, int depth, List<Integer> feature, List<Double> threshold,
                            List<Integer> left, List<Integer> right, List<Double> value, List<Boolean> missingLeft) {
        int node = feature.size();
        boolean leaf = depth == 0 || (node > 0 && r.nextDouble() < 0.2);
        feature.add(leaf ? -1 : r.nextInt(m));
        threshold.add(r.nextDouble() * 2 - 1);
        left.add(-1);
        right.add(-1);
        value.add(r.nextDouble() * 10 - 5);
        missingLeft.add(r.nextBoolean());
        if (!leaf) {
            left.set(node, grow(r, m, depth - 1, feature, threshold, left, right, value, missingLeft));
            right.set(node, grow(r, m, depth - 1, feature, threshold, left, right, value, missingLeft));
        }
        return node;
    }

    private static double[] randomRow(SplittableRandom r, int m) {
        double[] x = new double[m];
        for (int j = 0; j < m; j++) {
            x[j] = r.nextDouble() < 0.1 ? Double.NaN : r.nextDouble() * 2 - 1;
        }
        return x;
    }

    @Test
    void treeShapEqualsBruteForceShapleyValuesOnRandomTrees() {
        var r = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int m = 1 + r.nextInt(6);
            TreeShap.Tree tree = randomTree(r, m, 1 + r.nextInt(6), trial % 2 == 0);
            double[] x = randomRow(r, m);
            double[] exact = bruteForce(List.of(tree), new double[] {1}, x);
            for (boolean tables : new boolean[] {false, true}) {
                var shap = new TreeShap(List.of(tree), new double[] {1}, tables);
                double[] phi = new double[m];
                shap.shap(x, 0, m, phi, 0);
                for (int j = 0; j < m; j++) {
                    assertThat(phi[j]).as("trial %d input %d tables %s", trial, j, tables)
                            .isCloseTo(exact[j], within(1e-9));
                }
                assertThat(shap.base()).isCloseTo(conditional(tree, 0, x, 0), within(1e-9));
            }
        }
    }

    @Test
    void treeShapEqualsBruteForceShapleyValuesOnSmallForests() {
        var r = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            int m = 2 + r.nextInt(5);
            int count = 1 + r.nextInt(5);
            List<TreeShap.Tree> trees = new ArrayList<>();
            double[] w = new double[count];
            for (int t = 0; t < count; t++) {
                trees.add(randomTree(r, m, 1 + r.nextInt(5), false));
                w[t] = r.nextDouble();
            }
            double[] x = randomRow(r, m);
            double[] exact = bruteForce(trees, w, x);
            for (boolean tables : new boolean[] {false, true}) {
                var shap = new TreeShap(trees, w, tables);
                double[] phi = new double[m];
                shap.shap(x, 0, m, phi, 0);
                for (int j = 0; j < m; j++) {
                    assertThat(phi[j]).as("trial %d input %d", trial, j).isCloseTo(exact[j], within(1e-9));
                }
            }
        }
    }

    @Property(tries = 50)
    void treeShapIsAdditive(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        var r = new SplittableRandom(seed);
        int m = 1 + r.nextInt(10);
        int count = 1 + r.nextInt(8);
        List<TreeShap.Tree> trees = new ArrayList<>();
        double[] w = new double[count];
        for (int t = 0; t < count; t++) {
            trees.add(randomTree(r, m, 1 + r.nextInt(10), r.nextBoolean()));
            w[t] = r.nextDouble();
        }
        double[] x = randomRow(r, m);
        for (boolean tables : new boolean[] {false, true}) {
            var shap = new TreeShap(trees, w, tables);
            double[] phi = new double[m];
            shap.shap(x, 0, m, phi, 0);
            assertThat(shap.base() + Arrays.stream(phi).sum()).isCloseTo(shap.predict(x, 0, m), within(1e-6));
        }
    }

    private static double sum(ShapValues s, int row) {
        double t = 0;
        for (int j = 0; j < s.columns().size(); j++) {
            t += s.value(row, j);
        }
        return t;
    }

    private static ShapValues explain(Model model, Dataset data, int[] rows, ShapExplainer.Method method,
                                      ShapExplainer.Scale scale, int samples) {
        return ShapExplainer.explain(model, data, rows,
                new ShapExplainer.Options(method, scale, -1, samples, 10, 1), JobContext.silent());
    }

    @Property(tries = 20)
    void forestShapOfFittedModelsIsAdditiveOnTheProbabilityScale(@ForAll @IntRange(min = 0, max = 399) int row) {
        for (Model model : new Model[] {RF, ET}) {
            ShapValues s = explain(model, CHURN, new int[] {row}, ShapExplainer.Method.AUTO,
                    ShapExplainer.Scale.PROBABILITY, 0);
            assertThat(s.method()).isEqualTo("tree");
            assertThat(s.columns()).containsExactly("x1", "x2", "x3", "noise", "region");
            assertThat(s.base()[0] + sum(s, 0)).isCloseTo(s.prediction()[0], within(1e-6));
        }
        ShapValues reg = explain(RF_REGRESSION, LINEAR, new int[] {row % 300}, ShapExplainer.Method.TREE,
                ShapExplainer.Scale.PROBABILITY, 0);
        assertThat(reg.base()[0] + sum(reg, 0)).isCloseTo(reg.prediction()[0], within(1e-6));
    }

    @Test
    void treeShapInJavaOnXgboostTreesEqualsXgboostsOwnContributions() {
        for (Dataset data : new Dataset[] {CHURN, LINEAR}) {
            boolean regression = data == LINEAR;
            var xgb = (dev.atelier.engine.learn.xgboost.XgboostModel) fit(data, "xgboost",
                    regression ? ProblemType.REGRESSION : ProblemType.BINARY_CLASSIFICATION,
                    regression ? "y" : "churn", Map.of("num_round", "30", "max_depth", "5"), 6);
            int[] rows = new int[60];
            Arrays.setAll(rows, i -> i * 4);
            ShapValues s = explain(xgb, data, rows, ShapExplainer.Method.TREE, ShapExplainer.Scale.LOGIT, 0);
            var c = xgb.contributions(data.rows(rows));
            List<dev.atelier.engine.learn.FeatureStep> steps = xgb.pipeline().steps();
            for (int r = 0; r < rows.length; r++) {
                assertThat(s.base()[r]).isCloseTo(c.bias(r, 0), within(1e-4));
                int f = 0;
                for (int j = 0; j < steps.size(); j++) {
                    double own = 0;
                    for (int o = 0; o < steps.get(j).outputs().size(); o++) {
                        own += c.value(r, 0, f++);
                    }
                    assertThat(s.value(r, j)).as("row %d column %d", r, j).isCloseTo(own, within(1e-4));
                }
                assertThat(s.base()[r] + sum(s, r)).isCloseTo(s.prediction()[r], within(1e-4));
            }
        }
    }

    @Test
    void forestsOnTheLogitScaleFallBackToKernel() {
        ShapValues s = explain(RF, CHURN, new int[] {0}, ShapExplainer.Method.AUTO, ShapExplainer.Scale.LOGIT, 64);
        assertThat(s.method()).isEqualTo("kernel");
    }

    @Test
    void anEnsembleOfForestsIsExplainedAsTheWeightedSumOfItsMembers() {
        Learners learners = Learners.builtIn();
        LearnerSpec es = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, ProblemType.BINARY_CLASSIFICATION,
                "churn", Map.of("members", "random-forest,extra-trees"), 1);
        var ensemble = new EnsembleModel(new ModelHeader(es, List.of("no", "yes")), List.of(RF, ET),
                new double[] {3, 1});
        int[] rows = {0, 5, 17, 42};
        ShapValues e = explain(ensemble, CHURN, rows, ShapExplainer.Method.AUTO, ShapExplainer.Scale.PROBABILITY, 0);
        ShapValues a = explain(RF, CHURN, rows, ShapExplainer.Method.TREE, ShapExplainer.Scale.PROBABILITY, 0);
        ShapValues b = explain(ET, CHURN, rows, ShapExplainer.Method.TREE, ShapExplainer.Scale.PROBABILITY, 0);
        assertThat(e.method()).isEqualTo("tree");
        for (int r = 0; r < rows.length; r++) {
            assertThat(e.base()[r]).isCloseTo(0.75 * a.base()[r] + 0.25 * b.base()[r], within(1e-9));
            for (int j = 0; j < e.columns().size(); j++) {
                assertThat(e.value(r, j)).isCloseTo(0.75 * a.value(r, j) + 0.25 * b.value(r, j), within(1e-9));
            }
            assertThat(e.base()[r] + sum(e, r)).isCloseTo(e.prediction()[r], within(1e-6));
        }
    }

    @Test
    void kernelShapApproachesTreeShapOnATreeModelAsSamplesGrow() {
        // independent inputs and a large baseline: the baseline's value function is then close to the trees'
        // cover-weighted one, and Kernel SHAP's sampling error shrinks with the coalitions drawn
        Dataset data = SyntheticData.linear(400, 9);
        Model model = fit(data, "random-forest", ProblemType.REGRESSION, "y",
                Map.of("n_estimators", "20", "max_depth", "4"), 4);
        int[] rows = {1, 2, 3, 4, 5, 6, 7, 8};
        ShapValues tree = explain(model, data, rows, ShapExplainer.Method.TREE, ShapExplainer.Scale.PROBABILITY, 0);
        double previous = Double.POSITIVE_INFINITY;
        double first = 0;
        for (int samples : new int[] {2, 4, 8, 14}) {
            ShapValues kernel = ShapExplainer.explain(model, data, rows, new ShapExplainer.Options(
                    ShapExplainer.Method.KERNEL, ShapExplainer.Scale.PROBABILITY, -1, samples, 200, 1),
                    JobContext.silent());
            double error = 0;
            for (int r = 0; r < rows.length; r++) {
                for (int j = 0; j < tree.columns().size(); j++) {
                    error += Math.abs(kernel.value(r, j) - tree.value(r, j));
                }
            }
            error /= rows.length * tree.columns().size();
            if (samples == 2) {
                first = error;
            }
            assertThat(error).as("samples %d", samples).isLessThanOrEqualTo(previous + 1e-9);
            previous = error;
        }
        assertThat(previous).isLessThan(first / 2);
    }
}
