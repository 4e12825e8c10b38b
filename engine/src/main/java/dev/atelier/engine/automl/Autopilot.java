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
import dev.atelier.engine.evaluate.Evaluator;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.Target;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
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
import org.jspecify.annotations.Nullable;

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
public final class Autopilot {
    /// Successive halving is used from this many hold-out training rows on (HPO mode).
    public static final int HALVING_MIN_ROWS = 20_000;
    /// The fewest rows with a target Autopilot accepts.
    public static final int MIN_ROWS = 10;
    /// Algorithms tried first, in this order (fast ones first); others follow in catalogue order.
    static final List<String> FIRST = List.of("linear-learner", "xgboost", "random-forest", "extra-trees");
    private static final int QUICK_MAX_CANDIDATES = 12;
    private static final int ENSEMBLE_TOP_K = 10;
    private static final int ETA = 3;

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

    /// One proposed candidate.
    private record Proposal(int id, String algorithm, Map<String, String> config, String stage, int rows,
                            int bracket, int rung) {
    }

    /// A finished candidate (any status).
    private record Finished(Proposal proposal, LeaderboardRow row, @Nullable Model model, double @Nullable [] oof,
                            int @Nullable [] oofLabels, @Nullable AtelierException failure) {
    }

    /// A candidate's cancellation: the run's, its deadline, or its own flag.
    private static final class TrialContext implements JobContext {
        private final JobContext parent;
        private final long deadline;
        private volatile boolean cancelled;

        TrialContext(JobContext parent, long deadline) {
            this.parent = parent;
            this.deadline = deadline;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public void status(String messageKey, Object... args) {
            // the coordinator reports status; trials stay quiet
        }

        @Override
        public void progress(long done, long total) {
            // progress is the coordinator's (share of budget or candidates)
        }

        @Override
        public boolean isCancelled() {
            return cancelled || System.nanoTime() > deadline || parent.isCancelled()
                    || Thread.currentThread().isInterrupted();
        }

        @Override
        public JobContext child(double share) {
            return this;
        }
    }

    /// The state of one run.
    private final class Search {
        private final AutopilotSpec spec;
        private final Settings settings;
        private final JobContext ctx;
        private final AutopilotListener listener;
        private final long start;
        private final long deadline;
        private final long searchDeadline;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private Dataset data;
        private ProblemType problem;
        private ObjectiveMetric metric;
        private List<String> classes;
        private int[] labels;
        private double[] values;
        private int n;
        private int folds;
        private int[] foldOf;
        private boolean crossValidation;
        private AutopilotSpec.Mode mode;
        private boolean halving;
        private List<String> algorithms;
        private final Map<String, SearchSpace> spaces = new HashMap<>();
        private int[] holdTrain;
        private int[] holdValid;
        private int[] evalAll;
        private final List<Finished> finished = new ArrayList<>();
        private final Map<Integer, Model> models = new HashMap<>();
        private final List<BestScorePoint> bestScores = new ArrayList<>();
        private double bestUtility = Double.NEGATIVE_INFINITY;
        // successive halving state
        private final List<Proposal> bracketRung = new ArrayList<>();
        private int bracket = -1;
        private int rung;

        Search(Dataset data, AutopilotSpec spec, Settings settings, JobContext ctx, AutopilotListener listener,
               long start) {
            this.data = data;
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
            var queue = new LinkedBlockingQueue<Finished>();
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
                                for (Proposal p : nextBatch(parallelism, max - submitted, submitted)) {
                                    running.put(p.id(), submit(pool, queue, p));
                                    submitted++;
                                }
                            }
                        } else {
                            while (running.size() < parallelism && submitted < max) {
                                Proposal p = propose(submitted, history(), "search", n, -1, 0);
                                running.put(p.id(), submit(pool, queue, p));
                                submitted++;
                            }
                        }
                    }
                    if (running.isEmpty()) {
                        break;
                    }
                    long wait = Math.min(searchDeadline - System.nanoTime(), 100_000_000L);
                    Finished f = wait <= 0 ? null : queue.poll(wait, TimeUnit.NANOSECONDS);
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
                for (Finished f; (f = queue.poll()) != null; ) {
                    if (running.remove(f.proposal().id()) != null) {
                        record(f);
                    }
                }
                String why = stop == AutopilotResult.Stop.CANCELLED ? "cancelled" : "time budget";
                for (Running r : running.values()) {
                    r.context().cancel();
                    r.future().cancel(true);
                    record(cancelled(r.proposal(), why));
                }
                pool.shutdownNow();
            }
            return finish(setup, stop);
        }

        private record Running(Proposal proposal, TrialContext context, Future<?> future) {
        }

        private Running submit(ExecutorService pool, LinkedBlockingQueue<Finished> queue, Proposal p) {
            TrialContext tc = new TrialContext(ctx, searchDeadline);
            Future<?> future = pool.submit(() -> {
                Finished f = evaluate(p, tc);
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
            problem = guess.problem();
            metric = spec.metric() != null ? spec.metric() : ObjectiveMetric.defaultFor(problem);
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
            n = data.rowCount();
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
            classes = t.classes();
            labels = t.labels();
            values = t.values();
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
            crossValidation = validation == AutopilotSpec.Validation.CROSS_VALIDATION;
            folds = crossValidation ? Math.min(settings.folds(), n / 2) : 5;
            foldOf = folds(n, folds, spec.seed());
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
            evalAll = new int[n];
            Arrays.setAll(evalAll, i -> i);
            mode = spec.modeFor((long) n * Math.max(1, data.columnCount()) * 8L);
            halving = mode == AutopilotSpec.Mode.HPO && !crossValidation && holdTrain.length >= settings.halvingMinRows();
            algorithms = candidateAlgorithms(learners, problem, spec.algorithms());
            if (algorithms.isEmpty()) {
                throw new SpecException(ErrorCode.AUTOML_NO_ALGORITHM, ProblemTypes.words(problem));
            }
            for (String a : algorithms) {
                spaces.put(a, SearchSpace.of(learners.catalog().require(a), problem, spec.preset(), n));
            }
            int parallelism = spec.parallelism() > 0 ? spec.parallelism()
                    : Math.max(1, Runtime.getRuntime().availableProcessors());
            return new AutopilotResult.Setup(guess, metric, validation, crossValidation ? folds : 1, mode, n,
                    algorithms, parallelism, halving);
        }

        /// Stratified fold numbers: rows of each class (or all rows, regression) in seeded order, dealt round-robin.
        private int[] folds(int rows, int k, long seed) {
            int[] fold = new int[rows];
            RandomGenerator r = rng(seed, -2);
            int groups = problem == ProblemType.REGRESSION ? 1 : classes.size();
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

        // ---- proposals --------------------------------------------------------------------------------

        /// Finished candidates in id order (what proposals may look at).
        private List<Finished> history() {
            return finished.stream().sorted(Comparator.comparingInt(f -> f.proposal().id())).toList();
        }

        private List<Proposal> nextBatch(int parallelism, int remaining, int firstId) {
            List<Finished> h = history();
            if (!halving) {
                var out = new ArrayList<Proposal>();
                for (int i = 0; i < Math.min(parallelism, remaining); i++) {
                    out.add(propose(firstId + i, h, "search", n, -1, 0));
                }
                return out;
            }
            // successive halving: promote the best third of the last rung, or open a new bracket
            var out = new ArrayList<Proposal>();
            List<Proposal> last = List.copyOf(bracketRung);
            bracketRung.clear();
            int rungs = 3;
            if (bracket >= 0 && rung < rungs - 1) {
                List<Finished> done = h.stream().filter(f -> last.contains(f.proposal()) && f.row().ok())
                        .sorted(Comparator.comparingDouble((Finished f) -> -metric.utility(f.row().score()))
                                .thenComparingInt(f -> f.proposal().id())).toList();
                int keep = Math.max(1, last.size() / ETA);
                if (!done.isEmpty()) {
                    rung++;
                    int rows = rowsForRung(rung, rungs);
                    for (int i = 0; i < Math.min(keep, Math.min(done.size(), remaining)); i++) {
                        Proposal p = done.get(i).proposal();
                        out.add(new Proposal(firstId + i, p.algorithm(), p.config(),
                                "rung " + (rung + 1) + "/" + rungs, rows, bracket, rung));
                    }
                }
            }
            if (out.isEmpty()) {
                bracket++;
                rung = 0;
                int size = ETA * ETA;
                int rows = rowsForRung(0, rungs);
                for (int i = 0; i < Math.min(size, remaining); i++) {
                    Proposal p = propose(firstId + i, h, "rung 1/" + rungs, rows, bracket, 0);
                    out.add(p);
                }
            }
            bracketRung.addAll(out);
            return out;
        }

        private int rowsForRung(int r, int rungs) {
            double share = Math.pow(ETA, r - (rungs - 1));
            return Math.max(MIN_ROWS, (int) Math.round(holdTrain.length * share));
        }

        private Proposal propose(int id, List<Finished> h, String stage, int rows, int br, int rg) {
            RandomGenerator rng = rng(spec.seed(), id);
            if (id < algorithms.size()) {
                String a = algorithms.get(id);
                return new Proposal(id, a, spaces.get(a).defaultConfig(), stage, rows, br, rg);
            }
            var eligible = new ArrayList<String>();
            for (String a : algorithms) {
                long ok = h.stream().filter(f -> f.proposal().algorithm().equals(a) && f.row().ok()).count();
                long failed = h.stream().filter(f -> f.proposal().algorithm().equals(a)
                        && f.row().status() == TrialStatus.FAILED).count();
                if (ok > 0 || failed < 2) {
                    eligible.add(a);
                }
            }
            if (eligible.isEmpty()) {
                eligible.addAll(algorithms);
            }
            // round-robin over the algorithms still in the race: diverse candidates for the ensemble, and no
            // algorithm wins the budget by one lucky (noisy) validation score
            String a = eligible.get(Math.floorMod(id - algorithms.size(), eligible.size()));
            SearchSpace space = spaces.get(a);
            var obs = new ArrayList<Tpe.Observation>();
            for (Finished f : h) {
                if (f.proposal().algorithm().equals(a) && f.row().ok()) {
                    obs.add(new Tpe.Observation(space.coordinates(f.proposal().config()),
                            -metric.utility(f.row().score())));
                }
            }
            Map<String, String> config = space.dimensions().isEmpty() ? space.defaultConfig()
                    : space.config(Tpe.propose(space.dimensions(), obs, rng));
            return new Proposal(id, a, config, stage, rows, br, rg);
        }

        // ---- one candidate ----------------------------------------------------------------------------

        private Finished evaluate(Proposal p, TrialContext tc) {
            long t0 = System.nanoTime();
            try {
                Learner learner = learners.require(p.algorithm());
                LearnerSpec ls = LearnerSpec.of(learners.catalog(), p.algorithm(), problem, spec.target(),
                        p.config(), spec.seed());
                int k = classes.size();
                int[] evalRows;
                List<int[]> trainSets = new ArrayList<>();
                List<int[]> validSets = new ArrayList<>();
                if (crossValidation) {
                    evalRows = evalAll;
                    for (int f = 0; f < folds; f++) {
                        int fold = f;
                        trainSets.add(java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] != fold).toArray());
                        validSets.add(java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] == fold).toArray());
                    }
                } else {
                    evalRows = holdValid;
                    int[] tr = Arrays.copyOf(holdTrain, Math.min(p.rows(), holdTrain.length));
                    Arrays.sort(tr);
                    trainSets.add(tr);
                    validSets.add(holdValid);
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
                    Dataset tr = data.rows(trainSets.get(s));
                    Dataset va = data.rows(validSets.get(s));
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
                    int[] map = EnsembleModel.classMap(classes, pr.classes());
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
                            spec.target(), Map.of("members", p.algorithm(), "folds", Integer.toString(folds)),
                            spec.seed());
                    double[] w = new double[fitted.size()];
                    Arrays.fill(w, 1);
                    model = new EnsembleModel(new ModelHeader(bagSpec, problem == ProblemType.REGRESSION
                            ? List.of() : classes), fitted, w);
                }
                Map<String, Double> metrics = score(evalRows, oof, oofLabels);
                double score = metric.read(metrics, problem);
                double latency = predictNanos / 1e6 / m * fitted.size();
                var row = new LeaderboardRow(p.id(), p.algorithm(), p.config(), p.stage(),
                        trainSets.getFirst().length, Double.isNaN(score) ? TrialStatus.FAILED : TrialStatus.OK,
                        score, metrics, fitNanos / 1e9, latency, Double.isNaN(score) ? "INTERNAL" : null,
                        Double.isNaN(score) ? List.of(metric.key() + " is undefined on the validation rows")
                                : List.of(), seconds());
                return new Finished(p, row, row.ok() ? model : null, oof, oofLabels, null);
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

        private Map<String, Double> score(int[] evalRows, double[] oof, int[] oofLabels) {
            if (problem == ProblemType.REGRESSION) {
                double[] truth = new double[evalRows.length];
                for (int i = 0; i < truth.length; i++) {
                    truth[i] = values[evalRows[i]];
                }
                return Evaluator.regression(truth, oof);
            }
            int[] truth = new int[evalRows.length];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = labels[evalRows[i]];
            }
            return Evaluator.classification(truth, oof, oofLabels, classes.size());
        }

        private Finished failed(Proposal p, String code, List<String> args, @Nullable AtelierException e, long t0) {
            var row = new LeaderboardRow(p.id(), p.algorithm(), p.config(), p.stage(), p.rows(), TrialStatus.FAILED,
                    Double.NaN, Map.of(), (System.nanoTime() - t0) / 1e9, 0, code, args, seconds());
            return new Finished(p, row, null, null, null, e);
        }

        private Finished cancelled(Proposal p, String why) {
            var row = new LeaderboardRow(p.id(), p.algorithm(), p.config(), p.stage(), p.rows(),
                    TrialStatus.CANCELLED, Double.NaN, Map.of(), 0, 0, "CANCELLED", List.of(why), seconds());
            return new Finished(p, row, null, null, null, null);
        }

        private void record(Finished f) {
            finished.add(f);
            if (f.model() != null) {
                models.put(f.proposal().id(), f.model());
            }
            listener.onRow(f.row());
            if (f.row().ok() && metric.utility(f.row().score()) > bestUtility) {
                bestUtility = metric.utility(f.row().score());
                var point = new BestScorePoint(f.row().finishedSeconds(), f.row().score(), f.row().candidateId());
                bestScores.add(point);
                listener.onBest(point);
            }
        }

        // ---- the end ----------------------------------------------------------------------------------

        private AutopilotResult finish(AutopilotResult.Setup setup, AutopilotResult.Stop stop) {
            List<Finished> h = history();
            List<Finished> ok = h.stream().filter(f -> f.row().ok())
                    .sorted(Comparator.comparingDouble((Finished f) -> -metric.utility(f.row().score()))
                            .thenComparingInt(f -> f.proposal().id())).toList();
            if (ok.isEmpty()) {
                if (stop == AutopilotResult.Stop.CANCELLED) {
                    throw new CancellationException("cancelled before any candidate finished");
                }
                AtelierException first = h.stream().map(Finished::failure).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
                if (first != null && h.stream().noneMatch(f -> f.row().status() == TrialStatus.CANCELLED)) {
                    throw first;
                }
                Duration b = spec.budget();
                throw new SpecException(ErrorCode.AUTOML_BUDGET_TOO_SMALL,
                        b == null ? "?" : String.format(Locale.ROOT, "%.1f", b.toMillis() / 1000.0));
            }
            var rows = new ArrayList<LeaderboardRow>();
            for (Finished f : h) {
                rows.add(f.row());
            }
            Finished bestSingle = ok.getFirst();
            Finished chosen = bestSingle;
            LeaderboardRow bestRow = bestSingle.row();
            Model bestModel = bestSingle.model();
            if (mode == AutopilotSpec.Mode.ENSEMBLE && stop != AutopilotResult.Stop.CANCELLED) {
                List<Finished> pool = ok.stream().filter(f -> f.proposal().rows() == n || crossValidation)
                        .limit(ENSEMBLE_TOP_K).toList();
                if (pool.size() >= 2) {
                    Finished ens = ensemble(pool, nextId(h));
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
            bestModel = withTunedThreshold(chosen, bestModel);
            ctx.progress(1, 1);
            return new AutopilotResult(setup, rows, bestRow, bestModel, bestScores, seconds(), stop, diagnostics,
                    models);
        }

        /// For F1 and balanced accuracy on a binary problem, the decision threshold (0.05–0.95 by 0.01) that
        /// maximizes the objective on the chosen candidate's out-of-fold probabilities, as AutoGluon's decision
        /// threshold calibration; the model is wrapped with it only if it beats the candidate's own labels.
        private Model withTunedThreshold(Finished chosen, Model model) {
            if (problem != ProblemType.BINARY_CLASSIFICATION || chosen.oof() == null
                    || metric != ObjectiveMetric.F1 && metric != ObjectiveMetric.BALANCED_ACCURACY) {
                return model;
            }
            int[] evalRows = crossValidation ? evalAll : holdValid;
            double[] prob = chosen.oof();
            if (prob.length != evalRows.length * 2) {
                return model;
            }
            int[] truth = new int[evalRows.length];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = labels[evalRows[i]];
            }
            double best = chosen.row().score();
            Double threshold = null;
            int[] predicted = new int[truth.length];
            for (int step = 5; step <= 95; step++) {
                double t = step / 100.0;
                for (int i = 0; i < predicted.length; i++) {
                    predicted[i] = prob[i * 2 + 1] >= t ? 1 : 0;
                }
                double score = metric.score(truth, prob, predicted, 2);
                if (score > best + 1e-12) {
                    best = score;
                    threshold = t;
                }
            }
            if (threshold == null) {
                return model;
            }
            ModelHeader header = model.header().algorithm().equals(EnsembleLearner.KEY) ? model.header()
                    : new ModelHeader(LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, problem, spec.target(),
                            Map.of("members", model.header().algorithm()), spec.seed()), classes);
            return new EnsembleModel(header, List.of(model), new double[] {1}, threshold);
        }

        private int nextId(List<Finished> h) {
            return h.stream().mapToInt(f -> f.proposal().id()).max().orElse(-1) + 1;
        }

        /// Greedy ensemble selection with replacement (Caruana et al., 2004) on the pool's out-of-fold predictions.
        private Finished ensemble(List<Finished> pool, int id) {
            long t0 = System.nanoTime();
            int size = settings.ensembleSize();
            int len = pool.getFirst().oof().length;
            double[] sum = new double[len];
            int[] counts = new int[pool.size()];
            int[] bestCounts = null;
            double bestU = Double.NEGATIVE_INFINITY;
            int[] evalRows = crossValidation ? evalAll : holdValid;
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
                Finished f = pool.get(c);
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
            Map<String, Double> metrics = score(evalRows, blended, blendedLabels);
            LearnerSpec es = LearnerSpec.of(learners.catalog(), EnsembleLearner.KEY, problem, spec.target(),
                    Map.of("members", String.join(",", names.stream().distinct().toList()),
                            "folds", Integer.toString(Math.max(2, folds)),
                            "ensemble_size", Integer.toString(size)), spec.seed());
            Model model = new EnsembleModel(new ModelHeader(es, problem == ProblemType.REGRESSION ? List.of()
                    : classes), members, weights.stream().mapToDouble(Double::doubleValue).toArray());
            fit += (System.nanoTime() - t0) / 1e9;
            var row = new LeaderboardRow(id, EnsembleLearner.KEY, Map.of("members", shownMembers.toString()),
                    "ensemble", n, TrialStatus.OK, metric.read(metrics, problem), metrics, fit, latency, null,
                    List.of(), seconds());
            Proposal p = new Proposal(id, EnsembleLearner.KEY, row.hyperparameters(), "ensemble", n, -1, 0);
            return new Finished(p, row, model, blended, blendedLabels, null);
        }

        private double blendUtility(double[] sum, double[] add, int count, int[] evalRows) {
            double[] avg = new double[sum.length];
            for (int i = 0; i < avg.length; i++) {
                avg[i] = (sum[i] + add[i]) / count;
            }
            if (problem == ProblemType.REGRESSION) {
                double[] truth = new double[evalRows.length];
                for (int i = 0; i < truth.length; i++) {
                    truth[i] = values[evalRows[i]];
                }
                double s = metric.score(truth, avg);
                return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : metric.utility(s);
            }
            int k = classes.size();
            int[] truth = new int[evalRows.length];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = labels[evalRows[i]];
            }
            double s = metric.score(truth, avg, argmax(avg, k), k);
            return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : metric.utility(s);
        }
    }

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

    private static RandomGenerator rng(long seed, long stream) {
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
