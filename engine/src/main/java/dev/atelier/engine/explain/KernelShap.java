package dev.atelier.engine.explain;

import dev.atelier.engine.automl.EnsembleModel;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.FeatureStep;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/// Kernel SHAP, batched. The same coalitions (fixed by the seed) serve every explained row, so the weighted
/// least-squares solution is one precomputed linear map `φ = P·y` (P is `(M−1) × S`, from `(AᵀWA)⁻¹AᵀW` with the
/// efficiency constraint eliminated). A coalition's value for row x and baseline row b needs the model's output on
/// the row mixing x's columns in S with b's others; rows that coincide (x and b agree on a column, so its presence
/// does not matter) are evaluated once, and the distinct mixed rows of many explained rows go to the model in one
/// call. Models that predict from their own inputs ([Model#predictInputs]) are fed mixed input matrices directly
/// (each input column block is copied from x's or b's transformed row), skipping the per-row transform; ensembles
/// are evaluated member by member and blended. Explained rows are split into chunks run on all cores; the result
/// does not depend on the split.
final class KernelShap {
    /// Distinct mixed rows gathered before they are evaluated …
    private static final int BATCH = 32_768;
    /// … in model calls of at most this many rows (keeps each call's arrays small: large arrays are slow to allocate
    /// and collect).
    private static final int SLICE = 2_048;
    /// Explained rows per parallel chunk.
    private static final int CHUNK = 16;

    private KernelShap() {
    }

    /// Mixed rows `from .. from + size`: explained row `row[i]` on the columns of coalition `coalition[i]`, baseline
    /// row `base[i]` on the others.
    private record Mixed(int[] row, int[] base, int[] coalition, int from, int size) {
    }

    /// The model's outputs (probability of the explained class, or the value) for mixed rows.
    private interface Evaluator {
        double[] evaluate(Mixed mixed, boolean[][] masks);
    }

    static ShapValues explain(Model model, Dataset data, Dataset explained, int cls, boolean regression,
                              boolean logit, ShapExplainer.Options options, String scale, JobContext ctx) {
        List<String> columns = model.pipeline().inputColumns();
        int m = columns.size();
        for (String c : columns) {
            if (data.schema().indexOf(c) < 0) {
                throw new DataException(ErrorCode.FEATURE_COLUMN_MISSING, c);
            }
        }
        ShapExplainer.Baseline baseline = ShapExplainer.Baseline.kMeans(model, data, options.baselineSize(),
                options.seed(), ctx);
        int k = baseline.rows().length;
        double[] weights = baseline.weights();
        Dataset base = data.rows(baseline.rows());
        double[] baseOut = ShapExplainer.output(model.predict(base), cls, regression, logit);
        double expected = 0;
        for (int b = 0; b < k; b++) {
            expected += weights[b] * baseOut[b];
        }
        int n = explained.rowCount();
        double[] fx = ShapExplainer.output(model.predict(explained), cls, regression, logit);
        double[] phi = new double[n * m];
        double[] bases = new double[n];
        java.util.Arrays.fill(bases, expected);
        if (m <= 1 || n == 0) {
            for (int r = 0; r < n && m == 1; r++) {
                phi[r] = fx[r] - expected;
            }
            return new ShapValues(columns, bases, phi, fx, "kernel", scale);
        }
        int samples = options.numSamples() > 0 ? options.numSamples() : defaultSamples(m);
        boolean[][] masks = ShapExplainer.coalitions(m, samples, options.seed());
        double[] kernelWeights = ShapExplainer.kernelWeights(masks, m);
        double[][] projection = projection(masks, kernelWeights, m);
        String className = regression ? null : model.header().classes().get(cls);
        Evaluator evaluator = evaluator(model, className, columns, explained, base);
        // which columns of each explained row equal each baseline row's (their presence does not matter)
        long[][] differs = m <= 63 ? differences(explained, base, columns) : null;
        long[] bits = new long[masks.length];
        for (int s = 0; s < masks.length && m <= 63; s++) {
            for (int j = 0; j < m; j++) {
                bits[s] |= masks[s][j] ? 1L << j : 0;
            }
        }
        final double expect = expected;
        var done = new AtomicInteger();
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            var batch = new Batch(masks.length, k);
            int first = from;
            for (int r = from; r < to; r++) {
                batch.add(r, differs == null ? null : differs[r], bits);
                if (batch.size >= BATCH || r == to - 1) {
                    synchronized (ctx) {
                        ctx.throwIfCancelled();
                    }
                    double[] out = new double[batch.size];
                    for (int at = 0; at < batch.size; at += SLICE) {
                        int len = Math.min(SLICE, batch.size - at);
                        double[] part = evaluator.evaluate(new Mixed(batch.row, batch.base, batch.coalition, at, len),
                                masks);
                        System.arraycopy(part, 0, out, at, len);
                    }
                    if (logit) {
                        logit(out);
                    }
                    for (int q = first; q <= r; q++) {
                        int[] map = batch.maps.get(q - first);
                        double[] y = new double[masks.length];
                        double total = fx[q] - expect;
                        for (int s = 0; s < masks.length; s++) {
                            double v = 0;
                            for (int b = 0; b < k; b++) {
                                v += weights[b] * out[map[b * masks.length + s]];
                            }
                            y[s] = v - expect - (masks[s][m - 1] ? total : 0);
                        }
                        double rest = 0;
                        for (int j = 0; j < m - 1; j++) {
                            double sum = 0;
                            double[] pj = projection[j];
                            for (int s = 0; s < y.length; s++) {
                                sum += pj[s] * y[s];
                            }
                            phi[q * m + j] = sum;
                            rest += sum;
                        }
                        phi[q * m + m - 1] = total - rest;
                    }
                    int finished = done.addAndGet(r - first + 1);
                    synchronized (ctx) {
                        ctx.progress(finished, n);
                    }
                    batch = new Batch(masks.length, k);
                    first = r + 1;
                }
            }
        });
        return new ShapValues(columns, bases, phi, fx, "kernel", scale);
    }

    /// The default coalition budget: `2M + 2048`, as the shap library's "auto" (all coalitions when fewer).
    static int defaultSamples(int m) {
        return 2 * m + 2048;
    }

    private static void logit(double[] p) {
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-12, Math.max(1e-12, p[i]));
            p[i] = Math.log(q / (1 - q));
        }
    }

    /// The distinct mixed rows of several explained rows, and for each row the index of the mixed row that gives
    /// coalition s with baseline row b (`map[b·S + s]`).
    private static final class Batch {
        final int coalitions;
        final int k;
        int size;
        int[] row = new int[1024];
        int[] base = new int[1024];
        int[] coalition = new int[1024];
        final List<int[]> maps = new ArrayList<>();

        Batch(int coalitions, int k) {
            this.coalitions = coalitions;
            this.k = k;
        }

        void add(int r, long[] differ, long[] bits) {
            int[] map = new int[k * coalitions];
            for (int b = 0; b < k; b++) {
                long dm = differ == null ? -1L : differ[b];
                int free = Long.bitCount(dm);
                if (differ != null && free < 31 && (1 << free) < coalitions) {
                    int[] seen = new int[1 << free];
                    java.util.Arrays.fill(seen, -1);
                    for (int s = 0; s < coalitions; s++) {
                        int key = (int) Long.compress(bits[s], dm);
                        if (seen[key] < 0) {
                            seen[key] = push(r, b, s);
                        }
                        map[b * coalitions + s] = seen[key];
                    }
                } else {
                    for (int s = 0; s < coalitions; s++) {
                        map[b * coalitions + s] = push(r, b, s);
                    }
                }
            }
            maps.add(map);
        }

        private int push(int r, int b, int s) {
            if (size == row.length) {
                row = java.util.Arrays.copyOf(row, size * 2);
                base = java.util.Arrays.copyOf(base, size * 2);
                coalition = java.util.Arrays.copyOf(coalition, size * 2);
            }
            row[size] = r;
            base[size] = b;
            coalition[size] = s;
            return size++;
        }

    }

    /// For each explained row and baseline row, a bit per model column: set where their cells differ.
    private static long[][] differences(Dataset explained, Dataset base, List<String> columns) {
        int n = explained.rowCount();
        int k = base.rowCount();
        long[][] out = new long[n][k];
        for (int j = 0; j < columns.size(); j++) {
            int ce = explained.schema().indexOf(columns.get(j));
            int cb = base.schema().indexOf(columns.get(j));
            Object[] b = new Object[k];
            for (int q = 0; q < k; q++) {
                b[q] = base.isMissing(q, cb) ? null : base.value(q, cb);
            }
            for (int r = 0; r < n; r++) {
                Object v = explained.isMissing(r, ce) ? null : explained.value(r, ce);
                for (int q = 0; q < k; q++) {
                    if (!Objects.equals(v, b[q])) {
                        out[r][q] |= 1L << j;
                    }
                }
            }
        }
        return out;
    }

    /// `P = (AᵀWA)⁻¹AᵀW`, where row s of A is `z_s[0..M−2] − z_s[M−1]` (the last φ eliminated by the constraint).
    static double[][] projection(boolean[][] masks, double[] w, int m) {
        int p = m - 1;
        int samples = masks.length;
        double[] ata = new double[p * p];
        double[][] a = new double[samples][p];
        for (int s = 0; s < samples; s++) {
            double zl = masks[s][m - 1] ? 1 : 0;
            for (int j = 0; j < p; j++) {
                a[s][j] = (masks[s][j] ? 1 : 0) - zl;
            }
            for (int i = 0; i < p; i++) {
                if (a[s][i] == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    ata[i * p + j] += w[s] * a[s][i] * a[s][j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            ata[i * p + i] += 1e-12;
        }
        double[][] out = new double[p][samples];
        double[] unit = new double[p];
        for (int i = 0; i < p; i++) {
            java.util.Arrays.fill(unit, 0);
            unit[i] = 1;
            double[] col = ShapExplainer.choleskySolve(ata, unit, p);   // column i of (AᵀWA)⁻¹ (symmetric: row i)
            for (int s = 0; s < samples; s++) {
                double sum = 0;
                for (int j = 0; j < p; j++) {
                    sum += col[j] * a[s][j];
                }
                out[i][s] = sum * w[s];
            }
        }
        return out;
    }

    // ---- evaluators ----

    private static Evaluator evaluator(Model model, String className, List<String> columns, Dataset explained,
                                       Dataset base) {
        if (model instanceof EnsembleModel e) {
            List<Evaluator> members = new ArrayList<>();
            for (Model member : e.members()) {
                members.add(evaluator(member, className, columns, explained, base));
            }
            double[] w = e.weights();
            return (mixed, masks) -> {
                double[] sum = new double[mixed.size()];
                for (int i = 0; i < members.size(); i++) {
                    double[] out = members.get(i).evaluate(mixed, masks);
                    for (int r = 0; r < sum.length; r++) {
                        sum[r] += w[i] * out[r];
                    }
                }
                return sum;
            };
        }
        int output = className == null ? 0 : model.header().classes().indexOf(className);
        FeatureMatrix xb = model.pipeline().transform(base);
        if (model.predictInputs(xb).isPresent()) {
            return inputs(model, className, output, columns, model.pipeline().transform(explained), xb);
        }
        return rows(model, className, output, columns, explained, base);
    }

    private static double[] outputOf(Predictions p, String className, int output) {
        if (className == null) {
            return p.values();
        }
        return output < 0 ? new double[p.size()] : p.probabilitiesOf(output);
    }

    /// Mixes the model's own input matrices, one column block at a time.
    private static Evaluator inputs(Model model, String className, int output, List<String> columns,
                                    FeatureMatrix xe, FeatureMatrix xb) {
        List<FeatureStep> steps = model.pipeline().steps();
        int d = xe.columns();
        int[] offset = new int[steps.size()];
        int[] width = new int[steps.size()];
        int[] column = new int[steps.size()];
        int o = 0;
        for (int t = 0; t < steps.size(); t++) {
            offset[t] = o;
            width[t] = steps.get(t).outputs().size();
            column[t] = columns.indexOf(steps.get(t).column());
            o += width[t];
        }
        double[] e = xe.toArray();
        double[] b = xb.toArray();
        List<String> names = xe.names();
        return (mixed, masks) -> {
            int size = mixed.size();
            double[] z = new double[size * d];
            for (int i = 0; i < size; i++) {
                int q = mixed.from() + i;
                boolean[] mask = masks[mixed.coalition()[q]];
                int er = mixed.row()[q] * d;
                int br = mixed.base()[q] * d;
                for (int t = 0; t < offset.length; t++) {
                    boolean fromRow = column[t] < 0 || mask[column[t]];
                    double[] src = fromRow ? e : b;
                    int at = (fromRow ? er : br) + offset[t];
                    int to = i * d + offset[t];
                    for (int w = 0; w < width[t]; w++) {
                        z[to + w] = src[at + w];
                    }
                }
            }
            Predictions p = model.predictInputs(new FeatureMatrix(z, size, names)).orElseThrow();
            return outputOf(p, className, output);
        };
    }

    /// Mixes dataset rows (for models that only predict from a dataset).
    private static Evaluator rows(Model model, String className, int output, List<String> columns,
                                  Dataset explained, Dataset base) {
        int n = explained.rowCount();
        Dataset pool = concat(explained, base);
        int width = pool.columnCount();
        int[] modelColumn = new int[width];
        for (int c = 0; c < width; c++) {
            modelColumn[c] = columns.indexOf(pool.schema().get(c).name());
        }
        return (mixed, masks) -> {
            int size = mixed.size();
            List<Column<?>> pooled = pool.columnsUnsafe();
            List<Column<?>> cols = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                int[] source = new int[size];
                for (int i = 0; i < size; i++) {
                    int q = mixed.from() + i;
                    boolean fromRow = modelColumn[c] < 0 || masks[mixed.coalition()[q]][modelColumn[c]];
                    source[i] = fromRow ? mixed.row()[q] : n + mixed.base()[q];
                }
                cols.add(pooled.get(c).subset(source));
            }
            Dataset synthetic = Dataset.of(pool.name(), Table.create(pool.name(), cols), pool.schema());
            return outputOf(model.predict(synthetic), className, output);
        };
    }

    /// The rows of `first` followed by those of `rest`.
    private static Dataset concat(Dataset first, Dataset rest) {
        List<Column<?>> cols = new ArrayList<>();
        List<Column<?>> a = first.columnsUnsafe();
        List<Column<?>> b = rest.columnsUnsafe();
        for (int c = 0; c < a.size(); c++) {
            cols.add(appendAll(a.get(c).copy(), b.get(c)));
        }
        return Dataset.of(first.name(), Table.create(first.name(), cols), first.schema());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> appendAll(Column target, Column source) {
        return target.append(source);
    }
}
