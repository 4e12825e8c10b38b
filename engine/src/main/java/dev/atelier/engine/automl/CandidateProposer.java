package dev.atelier.engine.automl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/// Proposes the candidates of an [Autopilot] run. The first ones are every algorithm with its defaults (in the
/// given order); after that the algorithms still in the race take turns and each candidate's hyperparameters come
/// from TPE ([Tpe]) over that algorithm's earlier results. An algorithm that failed twice without a success drops
/// out. Under successive halving, batches are brackets of [#ETA]² configurations on 1/9 of the training rows, the
/// best third promoted to 1/3, the best one to all rows.
///
/// Every random choice comes from a stream seeded by (seed, candidate id), and proposals look only at the history
/// they are given, so the same history gives the same proposals. Not thread-safe: the coordinator alone calls it.
final class CandidateProposer {
    /// Successive halving keeps the best `1/ETA` of a rung and gives it `ETA` times the rows.
    static final int ETA = 3;
    private static final int RUNGS = 3;

    private final long seed;
    private final SearchData d;
    private final List<String> algorithms;
    private final Map<String, SearchSpace> spaces;
    private final boolean halving;
    // successive halving state
    private final List<Proposal> bracketRung = new ArrayList<>();
    private int bracket = -1;
    private int rung;

    /// A proposer over `algorithms` (each with its space in `spaces`) for a run seeded by `seed` on `d`.
    CandidateProposer(long seed, SearchData d, List<String> algorithms, Map<String, SearchSpace> spaces,
                      boolean halving) {
        this.seed = seed;
        this.d = d;
        this.algorithms = List.copyOf(algorithms);
        this.spaces = Map.copyOf(spaces);
        this.halving = halving;
    }

    /// The next batch of at most `parallelism` (halving: a rung) and `remaining` candidates, numbered from
    /// `firstId`, given the finished candidates `h` in id order.
    List<Proposal> nextBatch(int parallelism, int remaining, int firstId, List<TrialOutcome> h) {
        if (!halving) {
            var out = new ArrayList<Proposal>();
            for (int i = 0; i < Math.min(parallelism, remaining); i++) {
                out.add(propose(firstId + i, h, "search", d.n(), -1, 0));
            }
            return out;
        }
        // successive halving: promote the best third of the last rung, or open a new bracket
        ObjectiveMetric metric = d.metric();
        var out = new ArrayList<Proposal>();
        List<Proposal> last = List.copyOf(bracketRung);
        bracketRung.clear();
        if (bracket >= 0 && rung < RUNGS - 1) {
            List<TrialOutcome> done = h.stream().filter(f -> last.contains(f.proposal()) && f.row().ok())
                    .sorted(Comparator.comparingDouble((TrialOutcome f) -> -metric.utility(f.row().score()))
                            .thenComparingInt(f -> f.proposal().id())).toList();
            int keep = Math.max(1, last.size() / ETA);
            if (!done.isEmpty()) {
                rung++;
                int rows = rowsForRung(rung);
                for (int i = 0; i < Math.min(keep, Math.min(done.size(), remaining)); i++) {
                    Proposal p = done.get(i).proposal();
                    out.add(new Proposal(firstId + i, p.algorithm(), p.config(),
                            "rung " + (rung + 1) + "/" + RUNGS, rows, bracket, rung));
                }
            }
        }
        if (out.isEmpty()) {
            bracket++;
            rung = 0;
            int size = ETA * ETA;
            int rows = rowsForRung(0);
            for (int i = 0; i < Math.min(size, remaining); i++) {
                Proposal p = propose(firstId + i, h, "rung 1/" + RUNGS, rows, bracket, 0);
                out.add(p);
            }
        }
        bracketRung.addAll(out);
        return out;
    }

    private int rowsForRung(int r) {
        double share = Math.pow(ETA, r - (RUNGS - 1));
        return Math.max(Autopilot.MIN_ROWS, (int) Math.round(d.holdTrain().length * share));
    }

    /// Candidate `id` trained on `rows` rows, shown at `stage`, in halving bracket `br` and rung `rg`, given the
    /// finished candidates `h` in id order.
    Proposal propose(int id, List<TrialOutcome> h, String stage, int rows, int br, int rg) {
        RandomGenerator rng = Autopilot.rng(seed, id);
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
        for (TrialOutcome f : h) {
            if (f.proposal().algorithm().equals(a) && f.row().ok()) {
                obs.add(new Tpe.Observation(space.coordinates(f.proposal().config()),
                        -d.metric().utility(f.row().score())));
            }
        }
        Map<String, String> config = space.dimensions().isEmpty() ? space.defaultConfig()
                : space.config(Tpe.propose(space.dimensions(), obs, rng));
        return new Proposal(id, a, config, stage, rows, br, rg);
    }
}
