package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// SageMaker Autopilot on the desktop: works out the problem, searches algorithms and hyperparameters under a hard
/// time budget (and/or a candidate count), scores every candidate the same way, and returns a leaderboard plus the
/// best model (in ENSEMBLE mode a weighted ensemble of the best candidates when it scores better).
///
/// **Search.** The first candidates are every algorithm with its defaults (fast ones first), so a first leaderboard
/// row comes quickly. After that the algorithms take turns (round-robin), and each candidate's hyperparameters are
/// proposed by TPE ([Tpe]) from that algorithm's earlier results over its [SearchSpace] (uniform random for the
/// first [Tpe#STARTUP]). An algorithm that failed twice without a success is not proposed again. In HPO mode on a hold-out
/// of at least [#HALVING_MIN_ROWS] rows the search runs successive halving instead: brackets of 9 configurations
/// on 1/9 of the training rows, the best third promoted to 1/3, the best one to all rows.
///
/// **Scoring.** Cross-validation: each candidate is trained once per fold; its out-of-fold predictions score it, and
/// its model is the fold models averaged (kept, not refitted — as AutoGluon's bagging), so no refit has to fit in
/// the budget. Hold-out: trained on the other 80 %, scored on the hold-out.
///
/// **Budget and cancellation.** Trials run on a bounded pool of `parallelism` daemon threads, each with its own
/// [JobContext] that reports cancelled once the user cancels or the search deadline passes (learners check it every
/// round, tree or epoch). At the deadline the coordinator stops waiting: running trials are recorded as cancelled
/// and left to stop at their next check, so the run returns within the budget. The best model so far is kept.
///
/// **Determinism.** With `deterministic`, candidates are proposed in batches of `parallelism` from the results of
/// earlier batches only, every random choice comes from a stream seeded by (seed, candidate id), and rows are
/// ordered by candidate id — so the same seed and candidate count give the same leaderboard whatever the timing.
///
/// **Parts.** This class prepares the run and coordinates the trials; [CandidateProposer] proposes candidates,
/// [TrialEvaluator] trains and scores each on the run's [SearchData], [EnsembleSelection] blends the best ones and
/// [ThresholdTuning] calibrates the chosen model's decision threshold.
public final class Autopilot {
    /// Successive halving is used from this many hold-out training rows on (HPO mode).
    public static final int HALVING_MIN_ROWS = 20_000;
    /// The fewest rows with a target Autopilot accepts.
    public static final int MIN_ROWS = 10;
    /// Algorithms tried first, in this order (fast ones first); others follow in catalogue order.
    static final List<String> FIRST = List.of("linear-learner", "xgboost", "random-forest", "extra-trees");
    private static final int QUICK_MAX_CANDIDATES = 12;
    private static final int ENSEMBLE_TOP_K = 10;

    private final Learners learners;

    /// An Autopilot drawing candidates from `learners`.
    public Autopilot(Learners learners) {
        this.learners = learners;
    }

    /// Fold count, ensemble-selection steps, and the hold-out training rows from which HPO uses successive halving.
    record Settings(int folds, int ensembleSize, int halvingMinRows) {
        static final Settings DEFAULT = new Settings(5, 25, HALVING_MIN_ROWS);

        Settings(int folds, int ensembleSize) {
            this(folds, ensembleSize, HALVING_MIN_ROWS);
        }
    }

    /// The trainable algorithms of `learners` that solve `problem` (only `wanted` ones if not empty), fast ones
    /// first. The ensemble itself is never a candidate.
    public static List<String> candidateAlgorithms(Learners learners, ProblemType problem, List<String> wanted) {
        var keys = new ArrayList<String>();
        for (AlgorithmDescriptor d : learners.catalog().all()) {
            if (d.trainable() && d.solves(problem) && !d.key().equals(EnsembleLearner.KEY)
                    && (wanted.isEmpty() || wanted.contains(d.key()))
                    && learners.find(d.key()).map(l -> l.problems().contains(problem)).orElse(false)) {
                keys.add(d.key());
            }
        }
        keys.sort(Comparator.comparingInt(k -> FIRST.contains(k) ? FIRST.indexOf(k) : FIRST.size()));
        return List.copyOf(keys);
    }

    /// Runs the search on `data` (which holds the target column named by `spec`).
    ///
    /// @throws SpecException `COLUMN_NOT_FOUND`, `AUTOML_METRIC_UNSUITED`, `AUTOML_NO_ALGORITHM`,
    ///         `AUTOML_BUDGET_TOO_SMALL` when no candidate finished in time
    /// @throws DataException `TARGET_SINGLE_CLASS`, `TARGET_ALL_MISSING`, `TARGET_NOT_NUMERIC`, `NO_FEATURES`,
    ///         `AUTOML_CLASS_TOO_SMALL`, `AUTOML_TOO_FEW_ROWS`; or the first candidate's own failure when every
    ///         candidate failed
    /// @throws CancellationException if cancelled before any candidate finished
    public AutopilotResult run(Dataset data, AutopilotSpec spec, JobContext ctx, AutopilotListener listener) {
        return run(data, spec, Settings.DEFAULT, ctx, listener);
    }

    AutopilotResult run(Dataset data, AutopilotSpec spec, Settings settings, JobContext ctx,
                        AutopilotListener listener) {
        long start = System.nanoTime();
        spec.requireLimit();
        return new Search(data, spec, settings, ctx, listener, start).run();
    }

    /// The state of one run: setup, the coordinator's loop over a pool of trial threads, and the result.
    private final class Search {
        private final AutopilotSpec spec;
        private final Settings settings;
        private final JobContext ctx;
        private final AutopilotListener listener;
        private final long start;
        private final long deadline;
        private final long searchDeadline;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Dataset input;
        private SearchData d;
        private AutopilotSpec.Mode mode;
        private boolean halving;
        private List<String> algorithms;
        private CandidateProposer proposer;
        private TrialEvaluator evaluator;
        private final List<TrialOutcome> finished = new ArrayList<>();
        private final Map<Integer, Model> models = new HashMap<>();
        private final List<BestScorePoint> bestScores = new ArrayList<>();
        private double bestUtility = Double.NEGATIVE_INFINITY;

        Search(Dataset data, AutopilotSpec spec, Settings settings, JobContext ctx, AutopilotListener listener,
               long start) {
            this.input = data;
            this.spec = spec;
            this.settings = settings;
            this.ctx = ctx;
            this.listener = listener;
            this.start = start;
            Duration budget = spec.budget();
            if (budget == null) {
                deadline = Long.MAX_VALUE;
                searchDeadline = Long.MAX_VALUE;
            } else {
                long b = budget.toNanos();
                long reserve = Math.min(Math.max((long) (b * 0.02), 50_000_000L), 1_000_000_000L);
                deadline = start + b;
                searchDeadline = start + b - reserve;
            }
        }

        AutopilotResult run() {
            AutopilotResult.Setup setup = prepare();
            listener.onStart(setup);
            ctx.status("job.automl.searching", algorithms.size());
            int parallelism = setup.parallelism();
            int max = maxCandidates();
            AtomicInteger threadNo = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
                Thread t = new Thread(r, "autopilot-trial-" + threadNo.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            var queue = new LinkedBlockingQueue<TrialOutcome>();
            var running = new LinkedHashMap<Integer, Running>();
            int submitted = 0;
            AutopilotResult.Stop stop = AutopilotResult.Stop.COMPLETED;
            boolean batch = spec.deterministic() || halving;
            try {
                while (true) {
                    if (ctx.isCancelled()) {
                        stop = AutopilotResult.Stop.CANCELLED;
                        break;
                    }
                    if (System.nanoTime() >= searchDeadline) {
                        stop = AutopilotResult.Stop.BUDGET;
                        break;
                    }
                    if (submitted < max) {
                        if (batch) {
                            if (running.isEmpty()) {
                                for (Proposal p : proposer.nextBatch(parallelism, max - submitted, submitted,
                                        history())) {
                                    running.put(p.id(), submit(pool, queue, p));
                                    submitted++;
                                }
                            }
                        } else {
                            while (running.size() < parallelism && submitted < max) {
                                Proposal p = proposer.propose(submitted, history(), "search", d.n(), -1, 0);
                                running.put(p.id(), submit(pool, queue, p));
                                submitted++;
                            }
                        }
                    }
                    if (running.isEmpty()) {
                        break;
                    }
                    long wait = Math.min(searchDeadline - System.nanoTime(), 100_000_000L);
                    TrialOutcome f = wait <= 0 ? null : queue.poll(wait, TimeUnit.NANOSECONDS);
                    while (f != null) {
                        running.remove(f.proposal().id());
                        record(f);
                        f = queue.poll();
                    }
                    report(max);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = AutopilotResult.Stop.CANCELLED;
            } finally {
                for (TrialOutcome f; (f = queue.poll()) != null; ) {
                    if (running.remove(f.proposal().id()) != null) {
                        record(f);
                    }
                }
                String why = stop == AutopilotResult.Stop.CANCELLED ? "cancelled" : "time budget";
                for (Running r : running.values()) {
                    r.context().cancel();
                    r.future().cancel(true);
                    record(evaluator.cancelled(r.proposal(), why));
                }
                pool.shutdownNow();
            }
            return finish(setup, stop);
        }

        private record Running(Proposal proposal, TrialContext context, Future<?> future) {
        }

        private Running submit(ExecutorService pool, LinkedBlockingQueue<TrialOutcome> queue, Proposal p) {
            TrialContext tc = new TrialContext(ctx, searchDeadline);
            Future<?> future = pool.submit(() -> {
                TrialOutcome f = evaluator.evaluate(p, tc);
                queue.add(f);
            });
            return new Running(p, tc, future);
        }

        private int maxCandidates() {
            Integer m = spec.maxCandidates();
            if (spec.preset() == AutopilotSpec.Preset.QUICK) {
                return m == null ? QUICK_MAX_CANDIDATES : Math.min(m, QUICK_MAX_CANDIDATES);
            }
            return m == null ? Integer.MAX_VALUE : m;
        }

        private double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        private void report(int max) {
            Duration b = spec.budget();
            if (b != null) {
                ctx.progress(System.nanoTime() - start, b.toNanos());
            } else {
                ctx.progress(finished.size(), max);
            }
        }

        // ---- setup ------------------------------------------------------------------------------------

        private AutopilotResult.Setup prepare() {
            Dataset data = input;
            String target = spec.target();
            int col = data.schema().indexOf(target);
            if (col < 0) {
                throw new SpecException(ErrorCode.COLUMN_NOT_FOUND, target);
            }
            if (data.schema().get(col).role() != ColumnRole.TARGET) {
                data = data.withSchema(data.schema().withTarget(target));
            }
            ProblemGuess guess;
            if (spec.problem() != null) {
                guess = ProblemGuess.chosen(spec.problem(), target);
            } else {
                if (data.rowCount() == 0) {
                    throw new DataException(ErrorCode.DATASET_EMPTY, data.name());
                }
                if (data.missingCount(col) == data.rowCount()) {
                    throw new DataException(ErrorCode.TARGET_ALL_MISSING, target);
                }
                guess = ProblemGuess.infer(data, target);
            }
            ProblemType problem = guess.problem();
            ObjectiveMetric metric = spec.metric() != null ? spec.metric() : ObjectiveMetric.defaultFor(problem);
            if (!metric.fits(problem)) {
                throw new SpecException(ErrorCode.AUTOML_METRIC_UNSUITED, metric.key(), ProblemTypes.words(problem));
            }
            Target t = Target.read(data, target, problem);
            diagnostics.addAll(t.diagnostics());
            int missing = data.rowCount() - t.size();
            if (missing * 2 > data.rowCount()) {
                diagnostics.add(Diagnostic.ofColumn(target, ErrorCode.AUTOML_TARGET_MOSTLY_MISSING, target,
                        Math.round(100.0 * missing / data.rowCount())));
            }
            if (missing > 0) {
                data = data.rows(t.rows());
                t = Target.read(data, target, problem);
            }
            int n = data.rowCount();
            if (n < MIN_ROWS) {
                throw new DataException(ErrorCode.AUTOML_TOO_FEW_ROWS, n, MIN_ROWS);
            }
            boolean anyFeature = false;
            for (ColumnSchema c : data.schema().columns()) {
                anyFeature |= c.role() == ColumnRole.FEATURE && c.type() != ColumnType.TEXT && !c.name().equals(target);
            }
            if (!anyFeature) {
                throw new DataException(ErrorCode.NO_FEATURES, data.name());
            }
            List<String> classes = t.classes();
            int[] labels = t.labels();
            double[] values = t.values();
            if (problem != ProblemType.REGRESSION) {
                int[] counts = new int[classes.size()];
                for (int l : labels) {
                    counts[l]++;
                }
                for (int c = 0; c < counts.length; c++) {
                    if (counts[c] < 2) {
                        throw new DataException(ErrorCode.AUTOML_CLASS_TOO_SMALL, target, classes.get(c), counts[c]);
                    }
                }
            }
            AutopilotSpec.Validation validation = spec.validationFor(n);
            boolean crossValidation = validation == AutopilotSpec.Validation.CROSS_VALIDATION;
            int folds = crossValidation ? Math.min(settings.folds(), n / 2) : 5;
            int groups = problem == ProblemType.REGRESSION ? 1 : classes.size();
            int[] foldOf = folds(n, groups, labels, folds, spec.seed());
            int[] holdTrain = null;
            int[] holdValid = null;
            if (!crossValidation) {
                var tr = new ArrayList<Integer>();
                var va = new ArrayList<Integer>();
                for (int i = 0; i < n; i++) {
                    (foldOf[i] == 0 ? va : tr).add(i);
                }
                holdTrain = tr.stream().mapToInt(Integer::intValue).toArray();
                holdValid = va.stream().mapToInt(Integer::intValue).toArray();
                // successive halving trains on prefixes of a seeded order of the training rows
                shuffle(holdTrain, rng(spec.seed(), -1));
            }
            int[] evalAll = new int[n];
            Arrays.setAll(evalAll, i -> i);
            mode = spec.modeFor((long) n * Math.max(1, data.columnCount()) * 8L);
            halving = mode == AutopilotSpec.Mode.HPO && !crossValidation && holdTrain.length >= settings.halvingMinRows();
            algorithms = candidateAlgorithms(learners, problem, spec.algorithms());
            if (algorithms.isEmpty()) {
                throw new SpecException(ErrorCode.AUTOML_NO_ALGORITHM, ProblemTypes.words(problem));
            }
            var spaces = new HashMap<String, SearchSpace>();
            for (String a : algorithms) {
                spaces.put(a, SearchSpace.of(learners.catalog().require(a), problem, spec.preset(), n));
            }
            d = new SearchData(data, problem, metric, classes, labels, values, n, folds, foldOf, crossValidation,
                    holdTrain, holdValid, evalAll);
            proposer = new CandidateProposer(spec.seed(), d, algorithms, spaces, halving);
            evaluator = new TrialEvaluator(learners, spec, d, ctx, start);
            int parallelism = spec.parallelism() > 0 ? spec.parallelism()
                    : Math.max(1, Runtime.getRuntime().availableProcessors());
            return new AutopilotResult.Setup(guess, metric, validation, crossValidation ? folds : 1, mode, n,
                    algorithms, parallelism, halving);
        }

        /// Stratified fold numbers: rows of each class (or all rows, regression) in seeded order, dealt round-robin.
        private static int[] folds(int rows, int groups, int[] labels, int k, long seed) {
            int[] fold = new int[rows];
            RandomGenerator r = rng(seed, -2);
            int next = 0;
            for (int g = 0; g < groups; g++) {
                var members = new ArrayList<Integer>();
                for (int i = 0; i < rows; i++) {
                    if (groups == 1 || labels[i] == g) {
                        members.add(i);
                    }
                }
                int[] m = members.stream().mapToInt(Integer::intValue).toArray();
                shuffle(m, r);
                for (int i : m) {
                    fold[i] = next++ % k;
                }
            }
            return fold;
        }

        /// Finished candidates in id order (what proposals may look at).
        private List<TrialOutcome> history() {
            return finished.stream().sorted(Comparator.comparingInt(f -> f.proposal().id())).toList();
        }

        private void record(TrialOutcome f) {
            finished.add(f);
            if (f.model() != null) {
                models.put(f.proposal().id(), f.model());
            }
            listener.onRow(f.row());
            ObjectiveMetric metric = d.metric();
            if (f.row().ok() && metric.utility(f.row().score()) > bestUtility) {
                bestUtility = metric.utility(f.row().score());
                var point = new BestScorePoint(f.row().finishedSeconds(), f.row().score(), f.row().candidateId());
                bestScores.add(point);
                listener.onBest(point);
            }
        }

        // ---- the end ----------------------------------------------------------------------------------

        private AutopilotResult finish(AutopilotResult.Setup setup, AutopilotResult.Stop stop) {
            ObjectiveMetric metric = d.metric();
            List<TrialOutcome> h = history();
            List<TrialOutcome> ok = h.stream().filter(f -> f.row().ok())
                    .sorted(Comparator.comparingDouble((TrialOutcome f) -> -metric.utility(f.row().score()))
                            .thenComparingInt(f -> f.proposal().id())).toList();
            if (ok.isEmpty()) {
                if (stop == AutopilotResult.Stop.CANCELLED) {
                    throw new CancellationException("cancelled before any candidate finished");
                }
                AtelierException first = h.stream().map(TrialOutcome::failure).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
                if (first != null && h.stream().noneMatch(f -> f.row().status() == TrialStatus.CANCELLED)) {
                    throw first;
                }
                Duration b = spec.budget();
                throw new SpecException(ErrorCode.AUTOML_BUDGET_TOO_SMALL,
                        b == null ? "?" : String.format(Locale.ROOT, "%.1f", b.toMillis() / 1000.0));
            }
            var rows = new ArrayList<LeaderboardRow>();
            for (TrialOutcome f : h) {
                rows.add(f.row());
            }
            TrialOutcome bestSingle = ok.getFirst();
            TrialOutcome chosen = bestSingle;
            LeaderboardRow bestRow = bestSingle.row();
            Model bestModel = bestSingle.model();
            if (mode == AutopilotSpec.Mode.ENSEMBLE && stop != AutopilotResult.Stop.CANCELLED) {
                List<TrialOutcome> pool = ok.stream()
                        .filter(f -> f.proposal().rows() == d.n() || d.crossValidation())
                        .limit(ENSEMBLE_TOP_K).toList();
                if (pool.size() >= 2) {
                    var selection = new EnsembleSelection(learners, spec, d, settings.ensembleSize(), deadline,
                            start);
                    TrialOutcome ens = selection.select(pool, nextId(h));
                    rows.add(ens.row());
                    models.put(ens.proposal().id(), ens.model());
                    listener.onRow(ens.row());
                    if (metric.utility(ens.row().score()) > metric.utility(bestRow.score())) {
                        chosen = ens;
                        bestRow = ens.row();
                        bestModel = ens.model();
                        var point = new BestScorePoint(ens.row().finishedSeconds(), ens.row().score(),
                                ens.row().candidateId());
                        bestScores.add(point);
                        listener.onBest(point);
                    }
                }
            }
            bestModel = ThresholdTuning.withTunedThreshold(chosen, bestModel, d, learners, spec);
            ctx.progress(1, 1);
            return new AutopilotResult(setup, rows, bestRow, bestModel, bestScores, seconds(), stop, diagnostics,
                    models);
        }

        private int nextId(List<TrialOutcome> h) {
            return h.stream().mapToInt(f -> f.proposal().id()).max().orElse(-1) + 1;
        }
    }

    /// A random stream for `stream` (a candidate id, or negative for the run's own choices) of a run seeded by
    /// `seed`.
    static RandomGenerator rng(long seed, long stream) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 0x9E3779B97F4A7C15L + stream * 1_000_003L
                + 17);
    }

    private static void shuffle(int[] a, RandomGenerator r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
