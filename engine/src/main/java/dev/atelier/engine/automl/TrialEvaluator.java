package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/// Trains and scores one candidate of an [Autopilot] run, the same way for every candidate. Under cross-validation
/// the candidate is trained once per fold, scored on its out-of-fold predictions, and its model is the fold models
/// averaged (kept, not refitted); on a hold-out it is trained on the first `rows` of the seeded training rows and
/// scored on the hold-out. A failure or cancellation becomes a leaderboard row, never an exception.
///
/// Stateless apart from what it is given, so trials may run on several threads at once.
final class TrialEvaluator {
    private final Learners learners;
    private final AutopilotSpec spec;
    private final SearchData d;
    private final JobContext ctx;
    private final long start;

    /// An evaluator for the run `spec` on `d`; `ctx` is the run's context (to tell a cancellation from the budget)
    /// and `start` the run's start ([System#nanoTime()]) from which rows' finishing times are counted.
    TrialEvaluator(Learners learners, AutopilotSpec spec, SearchData d, JobContext ctx, long start) {
        this.learners = learners;
        this.spec = spec;
        this.d = d;
        this.ctx = ctx;
        this.start = start;
    }

    /// Seconds since the run started.
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /// Trains and scores `p`, stopping when `tc` reports cancelled.
    TrialOutcome evaluate(Proposal p, TrialContext tc) {
        long t0 = System.nanoTime();
        try {
            ProblemType problem = d.problem();
            int n = d.n();
            int[] foldOf = d.foldOf();
            Learner learner = learners.require(p.algorithm());
            LearnerSpec ls = LearnerSpec.of(learners.catalog(), p.algorithm(), problem, spec.target(),
                    p.config(), spec.seed());
            int k = d.classes().size();
            int[] evalRows;
            List<int[]> trainSets = new ArrayList<>();
            List<int[]> validSets = new ArrayList<>();
            if (d.crossValidation()) {
                evalRows = d.evalAll();
                for (int f = 0; f < d.folds(); f++) {
                    int fold = f;
                    trainSets.add(IntStream.range(0, n).filter(i -> foldOf[i] != fold).toArray());
                    validSets.add(IntStream.range(0, n).filter(i -> foldOf[i] == fold).toArray());
                }
            } else {
                evalRows = d.holdValid();
                int[] tr = Arrays.copyOf(d.holdTrain(), Math.min(p.rows(), d.holdTrain().length));
                Arrays.sort(tr);
                trainSets.add(tr);
                validSets.add(d.holdValid());
            }
            // position of each data row within evalRows
            int[] pos = new int[n];
            Arrays.fill(pos, -1);
            for (int i = 0; i < evalRows.length; i++) {
                pos[evalRows[i]] = i;
            }
            int m = evalRows.length;
            double[] oof = new double[problem == ProblemType.REGRESSION ? m : m * k];
            int[] oofLabels = new int[problem == ProblemType.REGRESSION ? 0 : m];
            var fitted = new ArrayList<Model>();
            double fitNanos = 0;
            double predictNanos = 0;
            for (int s = 0; s < trainSets.size(); s++) {
                tc.throwIfCancelled();
                Dataset tr = d.data().rows(trainSets.get(s));
                Dataset va = d.data().rows(validSets.get(s));
                long f0 = System.nanoTime();
                // the scoring rows are not given to the learner as validation data: learners that tune on
                // validation (early stopping, thresholds, model selection) hold out part of `tr` themselves, so
                // the out-of-fold score stays honest
                Model model = learner.fit(TrainingData.of(tr), ls, tc, TrainingListener.NONE);
                long f1 = System.nanoTime();
                Predictions pr = model.predict(va);
                long f2 = System.nanoTime();
                fitNanos += f1 - f0;
                predictNanos += f2 - f1;
                fitted.add(model);
                int[] map = EnsembleModel.classMap(d.classes(), pr.classes());
                int[] rows = validSets.get(s);
                for (int i = 0; i < rows.length; i++) {
                    int at = pos[rows[i]];
                    if (problem == ProblemType.REGRESSION) {
                        oof[at] = pr.value(i);
                    } else {
                        for (int c = 0; c < map.length; c++) {
                            if (map[c] >= 0) {
                                oof[at * k + map[c]] = pr.probability(i, c);
                            }
                        }
                        oofLabels[at] = Math.max(0, map[pr.labelIndex(i)]);
                    }
                }
            }
            Model model;
            if (fitted.size() == 1) {
                model = fitted.getFirst();
            } else {
                LearnerSpec bagSpec = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, problem,
                        spec.target(), Map.of("members", p.algorithm(), "folds", Integer.toString(d.folds())),
                        spec.seed());
                double[] w = new double[fitted.size()];
                Arrays.fill(w, 1);
                model = new EnsembleModel(new ModelHeader(bagSpec, problem == ProblemType.REGRESSION
                        ? List.of() : d.classes()), fitted, w);
            }
            Map<String, Double> metrics = d.score(evalRows, oof, oofLabels);
            ObjectiveMetric metric = d.metric();
            double score = metric.read(metrics, problem);
            double latency = predictNanos / 1e6 / m * fitted.size();
            var row = new LeaderboardRow(p.id(), p.algorithm(), p.config(), p.stage(),
                    trainSets.getFirst().length, Double.isNaN(score) ? TrialStatus.FAILED : TrialStatus.OK,
                    score, metrics, fitNanos / 1e9, latency, Double.isNaN(score) ? "INTERNAL" : null,
                    Double.isNaN(score) ? List.of(metric.key() + " is undefined on the validation rows")
                            : List.of(), seconds());
            return new TrialOutcome(p, row, row.ok() ? model : null, oof, oofLabels, null);
        } catch (CancellationException e) {
            return cancelled(p, ctx.isCancelled() ? "cancelled" : "time budget");
        } catch (AtelierException e) {
            return failed(p, e.code().name(), e.args().stream().map(String::valueOf).toList(), e, t0);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (tc.isCancelled()) {
                return cancelled(p, ctx.isCancelled() ? "cancelled" : "time budget");
            }
            return failed(p, ErrorCode.TRAINING_FAILED.name(), List.of(p.algorithm(), String.valueOf(e)), null,
                    t0);
        }
    }

    private TrialOutcome failed(Proposal p, String code, List<String> args, @Nullable AtelierException e,
                                long t0) {
        var row = new LeaderboardRow(p.id(), p.algorithm(), p.config(), p.stage(), p.rows(), TrialStatus.FAILED,
                Double.NaN, Map.of(), (System.nanoTime() - t0) / 1e9, 0, code, args, seconds());
        return new TrialOutcome(p, row, null, null, null, e);
    }

    /// The row of `p` stopped before it finished (`why`: "cancelled" or "time budget").
    TrialOutcome cancelled(Proposal p, String why) {
        var row = new LeaderboardRow(p.id(), p.algorithm(), p.config(), p.stage(), p.rows(),
                TrialStatus.CANCELLED, Double.NaN, Map.of(), 0, 0, "CANCELLED", List.of(why), seconds());
        return new TrialOutcome(p, row, null, null, null, null);
    }
}
