package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Greedy ensemble selection with replacement (Caruana et al., 2004) over the out-of-fold predictions of an
/// [Autopilot] run's best candidates: starting from nothing, each step adds the candidate whose predictions,
/// averaged with those already chosen, score best on the scoring rows; the weights are how often each was chosen at
/// the best step. The result is a weighted [EnsembleModel] with its own leaderboard row, scored the same way.
///
/// Deterministic for the same pool; it stops early only when the run's deadline is near and a blend exists.
final class EnsembleSelection {
    private final Learners learners;
    private final AutopilotSpec spec;
    private final SearchData d;
    private final int size;
    private final long deadline;
    private final long start;

    /// A selection of `size` steps for the run `spec` on `d`, to finish before `deadline` ([System#nanoTime()]);
    /// `start` is the run's start, from which the row's finishing time is counted.
    EnsembleSelection(Learners learners, AutopilotSpec spec, SearchData d, int size, long deadline, long start) {
        this.learners = learners;
        this.spec = spec;
        this.d = d;
        this.size = size;
        this.deadline = deadline;
        this.start = start;
    }

    /// The ensemble of `pool` (finished, successful candidates, best first) as candidate `id`.
    TrialOutcome select(List<TrialOutcome> pool, int id) {
        long t0 = System.nanoTime();
        ProblemType problem = d.problem();
        List<String> classes = d.classes();
        int len = pool.getFirst().oof().length;
        double[] sum = new double[len];
        int[] counts = new int[pool.size()];
        int[] bestCounts = null;
        double bestU = Double.NEGATIVE_INFINITY;
        int[] evalRows = d.evalRows();
        for (int step = 0; step < size; step++) {
            if (System.nanoTime() > deadline - 20_000_000L && bestCounts != null) {
                break;
            }
            int pick = -1;
            double pickU = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < pool.size(); c++) {
                double u = blendUtility(sum, pool.get(c).oof(), step + 1, evalRows);
                if (u > pickU) {
                    pickU = u;
                    pick = c;
                }
            }
            if (pick < 0) {
                break;
            }
            double[] add = pool.get(pick).oof();
            for (int i = 0; i < len; i++) {
                sum[i] += add[i];
            }
            counts[pick]++;
            if (pickU > bestU) {
                bestU = pickU;
                bestCounts = counts.clone();
            }
        }
        var members = new ArrayList<Model>();
        var weights = new ArrayList<Double>();
        var names = new ArrayList<String>();
        var shownMembers = new StringBuilder();
        double[] blended = new double[len];
        int total = Arrays.stream(bestCounts).sum();
        double fit = 0;
        double latency = 0;
        for (int c = 0; c < pool.size(); c++) {
            if (bestCounts[c] == 0) {
                continue;
            }
            TrialOutcome f = pool.get(c);
            double w = bestCounts[c] / (double) total;
            members.add(f.model());
            weights.add(w);
            names.add(f.proposal().algorithm());
            if (!shownMembers.isEmpty()) {
                shownMembers.append(", ");
            }
            shownMembers.append(String.format(Locale.ROOT, "#%d %s %.2f", f.proposal().id(),
                    f.proposal().algorithm(), w));
            for (int i = 0; i < len; i++) {
                blended[i] += w * f.oof()[i];
            }
            fit += f.row().fitSeconds();
            latency += f.row().latencyMsPerRow();
        }
        int k = classes.size();
        int[] blendedLabels = problem == ProblemType.REGRESSION ? new int[0] : argmax(blended, k);
        Map<String, Double> metrics = d.score(evalRows, blended, blendedLabels);
        LearnerSpec es = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, problem, spec.target(),
                Map.of("members", String.join(",", names.stream().distinct().toList()),
                        "folds", Integer.toString(Math.max(2, d.folds())),
                        "ensemble_size", Integer.toString(size)), spec.seed());
        Model model = new EnsembleModel(new ModelHeader(es, problem == ProblemType.REGRESSION ? List.of()
                : classes), members, weights.stream().mapToDouble(Double::doubleValue).toArray());
        fit += (System.nanoTime() - t0) / 1e9;
        var row = new LeaderboardRow(id, EnsembleLearner.KEY, Map.of("members", shownMembers.toString()),
                "ensemble", d.n(), TrialStatus.OK, d.metric().read(metrics, problem), metrics, fit, latency, null,
                List.of(), (System.nanoTime() - start) / 1e9);
        Proposal p = new Proposal(id, EnsembleLearner.KEY, row.hyperparameters(), "ensemble", d.n(), -1, 0);
        return new TrialOutcome(p, row, model, blended, blendedLabels, null);
    }

    /// The objective's utility (higher is better) of `sum + add` averaged over `count` members on `evalRows`;
    /// minus infinity where the metric is undefined.
    private double blendUtility(double[] sum, double[] add, int count, int[] evalRows) {
        ObjectiveMetric metric = d.metric();
        double[] avg = new double[sum.length];
        for (int i = 0; i < avg.length; i++) {
            avg[i] = (sum[i] + add[i]) / count;
        }
        if (d.problem() == ProblemType.REGRESSION) {
            double s = metric.score(d.valueTruth(evalRows), avg);
            return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : metric.utility(s);
        }
        int k = d.classes().size();
        double s = metric.score(d.labelTruth(evalRows), avg, argmax(avg, k), k);
        return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : metric.utility(s);
    }

    /// The most probable class of each row of row-major probabilities `prob` over `k` classes (first on ties).
    private static int[] argmax(double[] prob, int k) {
        int rows = prob.length / k;
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (prob[r * k + c] > prob[r * k + best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }
}
