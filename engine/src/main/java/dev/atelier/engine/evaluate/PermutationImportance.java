package dev.atelier.engine.evaluate;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// Column impact by permutation (Breiman): how much a model's score drops when one input column's values are
/// shuffled across rows, breaking its link with the target. Model-agnostic, so it works for ensembles too.
public final class PermutationImportance {
    private PermutationImportance() {
    }

    /// One column's impact.
    ///
    /// @param column the input column
    /// @param drop   mean loss of score over the repeats (in the metric's units; positive = the column helps)
    /// @param std    standard deviation of the drop over the repeats
    public record Importance(String column, double drop, double std) {
    }

    /// The impact of every input column of `model` on `metric` (a key of [Evaluator#evaluate]) measured on `data`,
    /// largest first. `higherIsBetter` gives the metric's direction; each column is shuffled `repeats` times with
    /// streams from `seed`. Returns an empty list when `data` has no usable target.
    public static List<Importance> compute(Model model, Dataset data, String target, String metric,
                                           boolean higherIsBetter, int repeats, long seed, JobContext ctx) {
        Map<String, Double> base = Evaluator.evaluate(model.predict(data), data, target);
        if (!base.containsKey(metric)) {
            return List.of();
        }
        double baseline = base.get(metric);
        List<String> columns = model.pipeline().inputColumns();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        Table table = data.table();
        Schema schema = data.schema();
        var out = new ArrayList<Importance>();
        int n = data.rowCount();
        for (int ci = 0; ci < columns.size(); ci++) {
            ctx.throwIfCancelled();
            int index = schema.indexOf(columns.get(ci));
            if (index < 0) {
                continue;
            }
            double[] drops = new double[Math.max(1, repeats)];
            for (int rep = 0; rep < drops.length; rep++) {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                List<Column<?>> cols = new ArrayList<>(table.columns());
                cols.set(index, table.column(index).subset(perm).setName(table.column(index).name()));
                Dataset shuffled = Dataset.of(data.name(), Table.create(table.name(), cols), schema);
                Double score = Evaluator.evaluate(model.predict(shuffled), data, target).get(metric);
                double s = score == null ? baseline : score;
                drops[rep] = higherIsBetter ? baseline - s : s - baseline;
            }
            double mean = 0;
            for (double d : drops) {
                mean += d;
            }
            mean /= drops.length;
            double var = 0;
            for (double d : drops) {
                var += (d - mean) * (d - mean);
            }
            out.add(new Importance(columns.get(ci), mean, Math.sqrt(var / drops.length)));
            ctx.progress(ci + 1, columns.size());
        }
        out.sort(Comparator.comparingDouble(Importance::drop).reversed().thenComparing(Importance::column));
        return List.copyOf(out);
    }
}
