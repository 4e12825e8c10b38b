package dev.atelier.engine.learn.knn;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadReader;
import dev.atelier.engine.learn.PipelineOptions;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.learn.Target;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingListener;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jspecify.annotations.Nullable;

/// SageMaker's k-nearest-neighbours algorithm (`knn`). Inputs are imputed and standardized by the
/// [FeaturePipeline] (distances need comparable scales). Fitting keeps a seeded reservoir sample of `sample_size`
/// rows (all rows when unset), optionally projects them to `dimension_reduction_target` dimensions (`sign` or
/// `fjlt`, see [Projection]), scales them to unit length for `COSINE`, and builds the index:
///
/// - `faiss.Flat`: exact search over every kept row;
/// - `faiss.IVFFlat`: a k-means coarse quantizer with `faiss_index_ivf_nlists` lists (auto: √rows) that probes the
///   `⌈√nlists⌉` nearest lists per query;
/// - `faiss.IVFPQ`: IVF whose rows are stored product-quantized ([ProductQuantizer]: each row's residual from its
///   list centroid in `faiss_index_pq_m` pieces of one byte; unset: half the dimension), searched with approximate
///   distances. As in SageMaker it accepts only the L2 metric.
///
/// There is no training curve (nothing is iterated but k-means); progress is reported per stage and per k-means
/// iteration. `mini_batch_size` and `feature_dim` are accepted for compatibility and do not change the result.
public final class KnnLearner implements Learner {
    /// The catalogue key.
    public static final String KEY = "knn";

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
        ctx.status("job.train.preparing", "k-NN");
        ProblemType problem = spec.problem();
        boolean regression = problem == ProblemType.REGRESSION;
        if (spec.isExplicit("predictor_type")) {
            String given = spec.text("predictor_type", "");
            if (!given.equals(regression ? "regressor" : "classifier")) {
                throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "predictor_type", given,
                        (regression ? "regressor" : "classifier") + " for " + ProblemTypes.words(problem));
            }
        }
        String indexType = spec.text("index_type", "faiss.Flat");
        KnnIndex.Metric metric = KnnIndex.Metric.valueOf(spec.text("index_metric", "L2"));
        if (indexType.equals("faiss.IVFPQ") && metric != KnnIndex.Metric.L2) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "index_metric", metric.name(),
                    "L2 with index_type faiss.IVFPQ");
        }
        int k = spec.intValue("k", 1);
        Dataset train = data.train();
        Target target = Target.read(train, spec.target(), problem);
        ctx.throwIfCancelled();
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train, spec.target(), target.rows(),
                PipelineOptions.scaled());
        FeaturePipeline pipeline = fitted.pipeline();
        FeatureMatrix all = pipeline.transform(train).rows(target.rows());
        double[] y = regression ? target.values() : Arrays.stream(target.labels()).asDoubleStream().toArray();
        boolean ivf = !indexType.equals("faiss.Flat");
        long total = 3 + (ivf ? 12 : 0);   // stages, plus one step per k-means iteration
        ctx.progress(1, total);

        RandomGenerator.SplittableGenerator root =
                RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of("L64X128MixRandom").create(spec.seed());
        RandomGenerator sampling = root.split();
        RandomGenerator projecting = root.split();
        RandomGenerator clustering = root.split();

        // sample_size: a seeded reservoir sample (Algorithm R), kept in original row order
        int n = all.rows();
        int size = (int) Math.min(n, spec.longValue("sample_size", n));
        int[] kept = reservoir(n, size, sampling);
        FeatureMatrix x = size == n ? all : all.rows(kept);
        double[] labels = new double[size];
        for (int i = 0; i < size; i++) {
            labels[i] = y[kept[i]];
        }
        ctx.throwIfCancelled();
        ctx.progress(2, total);
        ctx.status("job.train.knn", "k-NN", size);

        // dimension reduction
        int inputDim = x.columns();
        Projection projection = projection(spec, inputDim, projecting);
        double[] rows = prepare(x.toArray(), size, projection, metric);
        int d = projection == null ? inputDim : projection.target();
        ctx.throwIfCancelled();
        ctx.progress(3, total);

        var diagnostics = new ArrayList<Diagnostic>(target.diagnostics());
        diagnostics.addAll(fitted.diagnostics());
        KnnIndex index;
        double[] laidLabels = labels;
        if (ivf) {
            int nlists = spec.isAuto("faiss_index_ivf_nlists")
                    ? (int) Math.max(1, Math.round(Math.sqrt(size))) : spec.intValue("faiss_index_ivf_nlists", 1);
            nlists = Math.min(nlists, size);
            int nprobe = (int) Math.ceil(Math.sqrt(nlists));
            int pqM = indexType.equals("faiss.IVFPQ") ? pieces(spec, d) : 0;
            KnnIndex.Built built = KnnIndex.ivf(metric, rows, size, d, nlists, nprobe, pqM, clustering, ctx, 3,
                    total);
            index = built.index();
            laidLabels = new double[size];
            for (int i = 0; i < size; i++) {
                laidLabels[i] = labels[built.order()[i]];
            }
        } else {
            index = KnnIndex.flat(metric, rows, size, d);
        }
        List<Double> shares = new ArrayList<>();
        if (!regression) {
            double[] counts = new double[target.classes().size()];
            for (double l : labels) {
                counts[(int) l]++;
            }
            for (double c : counts) {
                shares.add(c / size);
            }
        }
        ProductQuantizer pq = index.quantizer();
        KnnPayload payload = new KnnPayload(k, indexType, metric.name(), size, d, index.nprobe(),
                pq == null ? 0 : pq.m(), pq == null ? 0 : pq.ksub(),
                Arrays.stream(index.listStarts()).boxed().toList(),
                projection == null ? "none" : projection.type(), inputDim,
                projection == null ? inputDim : projection.padded(),
                projection == null ? List.of() : projection.signList(),
                projection == null ? List.of() : projection.indexList(), shares);
        ctx.progress(total, total);
        return new KnnModel(new ModelHeader(spec, target.classes()), pipeline, diagnostics, payload, index,
                laidLabels, projection);
    }

    /// IVFPQ's `faiss_index_pq_m`: given (at most the dimension searched), else half the dimension.
    private static int pieces(LearnerSpec spec, int d) {
        if (spec.value("faiss_index_pq_m") == null) {
            return Math.max(1, d / 2);
        }
        int m = Integer.parseInt(spec.text("faiss_index_pq_m", "1"));
        if (m > d) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "faiss_index_pq_m", String.valueOf(m),
                    "at most " + d + ", the number of values each row has when searched");
        }
        return m;
    }

    /// The projection the spec asks for, or `null`.
    private static @Nullable Projection projection(LearnerSpec spec, int inputDim, RandomGenerator random) {
        if (!spec.has("dimension_reduction_type") || spec.value("dimension_reduction_type") == null) {
            return null;
        }
        String type = spec.text("dimension_reduction_type", "");
        if (spec.value("dimension_reduction_target") == null) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_MISSING, "dimension_reduction_target", KEY);
        }
        int target = spec.intValue("dimension_reduction_target", inputDim);
        if (target >= inputDim) {
            throw new SpecException(ErrorCode.HYPERPARAMETER_INVALID, "dimension_reduction_target",
                    String.valueOf(target), "fewer than the " + inputDim + " model inputs the data gives");
        }
        return type.equals("fjlt") ? Projection.fjlt(inputDim, target, random)
                : Projection.sign(inputDim, target, random);
    }

    /// Projects `rows` rows of `x` (when there is a projection) and scales them to unit length for COSINE.
    static double[] prepare(double[] x, int rows, @Nullable Projection projection, KnnIndex.Metric metric) {
        double[] out = projection == null ? x : projection.apply(x, rows);
        if (metric == KnnIndex.Metric.COSINE && rows > 0) {
            int d = out.length / rows;
            for (int r = 0; r < rows; r++) {
                double norm = Math.sqrt(KnnIndex.dot(out, r * d, out, r * d, d));
                if (norm > 0) {
                    for (int j = 0; j < d; j++) {
                        out[r * d + j] /= norm;
                    }
                }
            }
        }
        return out;
    }

    /// `size` of `n` indices chosen uniformly by reservoir sampling, ascending.
    static int[] reservoir(int n, int size, RandomGenerator random) {
        int[] r = new int[size];
        for (int i = 0; i < n; i++) {
            if (i < size) {
                r[i] = i;
            } else {
                int j = random.nextInt(i + 1);
                if (j < size) {
                    r[j] = i;
                }
            }
        }
        Arrays.sort(r);
        return r;
    }

    @Override
    public Model read(ModelHeader header, FeaturePipeline pipeline, PayloadReader payload) {
        KnnPayload p = payload.json(KnnModel.JSON, KnnPayload.class);
        int inputs = pipeline.outputNames().size();
        int n = p.rows();
        int d = p.dimension();
        int lists = p.nlists();
        boolean projected = !p.reduction().equals("none");
        if (p.inputDim() != inputs || (!projected && d != inputs) || lists < 1 || p.listStart().getLast() != n
                || (header.problem() != ProblemType.REGRESSION && p.classShares().size() != header.classes().size())) {
            throw payload.corrupt(KnnModel.JSON + " does not fit the preprocessing");
        }
        byte[] bytes = payload.bytes(KnnModel.BINARY);
        boolean quantized = p.pqM() > 0;
        if (quantized && (p.pqM() > d || p.ksub() < 1 || p.ksub() > 256 || lists < 2)) {
            throw payload.corrupt(KnnModel.JSON + " has an impossible product quantizer");
        }
        long expected = 8L * ((quantized ? 0 : (long) n * d) + (lists > 1 ? (long) lists * d : 0)
                + (quantized ? (long) p.ksub() * d : 0) + n) + (quantized ? (long) n * p.pqM() : 0);
        if (bytes.length != expected) {
            throw payload.corrupt(KnnModel.BINARY + " has " + bytes.length + " bytes, expected " + expected);
        }
        DoubleBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        double[] rows = new double[quantized ? 0 : n * d];
        b.get(rows);
        double[] centroids = new double[lists > 1 ? lists * d : 0];
        b.get(centroids);
        double[] codebooks = new double[quantized ? p.ksub() * d : 0];
        b.get(codebooks);
        double[] labels = new double[n];
        b.get(labels);
        byte[] codes = Arrays.copyOfRange(bytes, bytes.length - (quantized ? n * p.pqM() : 0), bytes.length);
        ProductQuantizer pq = quantized ? new ProductQuantizer(d, p.pqM(), p.ksub(), codebooks) : null;
        Projection projection = projected
                ? Projection.of(p.reduction(), p.inputDim(), d, p.padded(), p.signs(), p.indices()) : null;
        KnnIndex.Metric metric = KnnIndex.Metric.valueOf(p.metric());
        int[] starts = p.listStart().stream().mapToInt(Integer::intValue).toArray();
        KnnIndex index = new KnnIndex(metric, rows, n, d, centroids, starts, p.nprobe(), pq, codes);
        return new KnnModel(header, pipeline, List.of(), p, index, labels, projection);
    }
}
