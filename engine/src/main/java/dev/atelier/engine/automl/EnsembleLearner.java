package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadReader;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/// The `weighted-ensemble` algorithm: fits every member algorithm (its catalogue defaults, or the keys in
/// `members`) with `folds`-fold cross-validation, and blends the fold-bagged members with greedy ensemble selection
/// on their out-of-fold predictions — Autopilot's ENSEMBLE mode with one default candidate per algorithm (the
/// training curve has one point per member: its out-of-fold objective, then the ensemble's). Also
/// reads the ensembles Autopilot writes (nested member payloads, see [EnsembleModel#writePayload]).
public final class EnsembleLearner implements Learner {
    /// The catalogue key.
    public static final String KEY = "weighted-ensemble";
    private final Supplier<Learners> learners;

    /// A learner whose members come from `learners` (asked lazily, so it can be part of that registry).
    public EnsembleLearner(Supplier<Learners> learners) {
        this.learners = learners;
    }

    @Override
    public String algorithm() {
        return KEY;
    }

    @Override
    public Set<ProblemType> problems() {
        return EnumSet.of(ProblemType.BINARY_CLASSIFICATION, ProblemType.MULTICLASS_CLASSIFICATION,
                ProblemType.REGRESSION);
    }

    @Override
    public Model fit(TrainingData data, LearnerSpec spec, JobContext ctx, TrainingListener listener) {
        Learners registry = learners.get();
        List<String> keys = new ArrayList<>();
        for (String k : spec.text("members", "").split(",")) {
            if (!k.isBlank()) {
                keys.add(k.strip());
            }
        }
        for (String k : keys) {
            registry.require(k);
        }
        List<String> candidates = Autopilot.candidateAlgorithms(registry, spec.problem(), keys);
        AutopilotSpec auto = AutopilotSpec.of(spec.target()).withProblem(spec.problem())
                .withValidation(AutopilotSpec.Validation.CROSS_VALIDATION).withMode(AutopilotSpec.Mode.ENSEMBLE)
                .withBudget(null).withMaxCandidates(candidates.size()).withSeed(spec.seed())
                .withDeterministic(true).withAlgorithms(candidates);
        AutopilotResult result = new Autopilot(registry).run(data.train(), auto,
                new Autopilot.Settings(spec.intValue("folds", 5), spec.intValue("ensemble_size", 25)), ctx,
                new AutopilotListener() {
                    private int step;

                    @Override
                    public void onRow(LeaderboardRow row) {
                        if (row.ok()) {   // one curve point per member: its out-of-fold objective
                            listener.onPoint(new dev.atelier.engine.learn.TrainingPoint(++step, "out-of-fold "
                                    + ObjectiveMetric.defaultFor(spec.problem()).key(), Double.NaN, row.score()));
                        }
                    }
                });
        Model best = result.model();
        ModelHeader header = new ModelHeader(spec, best.header().classes());
        if (best instanceof EnsembleModel e && e.header().algorithm().equals(KEY)
                && !e.members().isEmpty() && e.members().getFirst() instanceof EnsembleModel) {
            return new EnsembleModel(header, e.members(), e.weights(), e.threshold().orElse(null));
        }
        return new EnsembleModel(header, List.of(best), new double[] {1});
    }

    @Override
    public Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
        return read(header, payload, learners.get());
    }

    static Model read(ModelHeader header, PayloadReader payload, Learners registry) {
        EnsemblePayload p = payload.json(EnsemblePayload.FILE, EnsemblePayload.class);
        if (p.version() != 1 || p.members().isEmpty()) {
            throw payload.corrupt("ensemble.json: version " + p.version() + ", " + p.members().size() + " members");
        }
        var models = new ArrayList<Model>();
        double[] weights = new double[p.members().size()];
        var prefixes = new HashSet<String>();
        for (int i = 0; i < weights.length; i++) {
            EnsemblePayload.Member m = p.members().get(i);
            if (!m.prefix().matches("[a-z0-9][a-z0-9-]*-") || !prefixes.add(m.prefix())) {
                throw payload.corrupt("ensemble.json: bad member prefix '" + m.prefix() + "'");
            }
            ProblemType problem;
            try {
                problem = ProblemTypes.parse(m.problemType());
            } catch (IllegalArgumentException e) {
                throw payload.corrupt(e.getMessage());
            }
            LearnerSpec validated = LearnerSpec.of(registry.catalog(), m.algorithm(), problem, m.target(),
                    m.hyperparameters(), m.seed());
            LearnerSpec spec = new LearnerSpec(m.algorithm(), problem, m.target(), validated.hyperparameters(),
                    Set.copyOf(m.explicitHyperparameters()), m.seed());
            ModelHeader h;
            try {
                h = new ModelHeader(spec, m.classes());
            } catch (IllegalArgumentException e) {
                throw payload.corrupt(e.getMessage());
            }
            PayloadReader inner = new Prefixed(payload, m.prefix());
            FeaturePipeline pipeline = inner.json(EnsemblePayload.PREPROCESSING, FeaturePipeline.class);
            Model model = m.algorithm().equals(KEY) ? read(h, inner, registry)
                    : registry.require(m.algorithm()).read(h, pipeline, inner);
            models.add(model);
            weights[i] = m.weight();
        }
        if (Arrays.stream(weights).anyMatch(w -> !(w >= 0)) || Arrays.stream(weights).sum() <= 0) {
            throw payload.corrupt("ensemble.json: weights " + Arrays.toString(weights));
        }
        if (p.threshold() != null && !(p.threshold() > 0 && p.threshold() < 1
                && header.problem() == ProblemType.BINARY_CLASSIFICATION)) {
            throw payload.corrupt("ensemble.json: threshold " + p.threshold());
        }
        return new EnsembleModel(header, models, weights, p.threshold());
    }

    private record Prefixed(PayloadReader in, String prefix) implements PayloadReader {
        @Override
        public <T> T json(String name, Class<T> type) {
            return in.json(prefix + name, type);
        }

        @Override
        public byte[] bytes(String name) {
            return in.bytes(prefix + name);
        }

        @Override
        public RuntimeException corrupt(String reason) {
            return in.corrupt(reason);
        }
    }
}
