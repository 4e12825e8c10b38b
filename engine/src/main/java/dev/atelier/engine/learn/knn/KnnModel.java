package dev.atelier.engine.learn.knn;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.BaseModel;
import dev.atelier.engine.learn.FeaturePipeline;
import dev.atelier.engine.learn.Model;
import dev.atelier.engine.learn.ModelHeader;
import dev.atelier.engine.learn.PayloadWriter;
import dev.atelier.engine.learn.Predictions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/// A fitted k-NN model: the kept training rows in a [KnnIndex], their labels and the projection. Predicting
/// searches query rows in parallel (each row's answer depends only on that row, so results do not depend on
/// scheduling).
///
/// Classification: the label is the majority vote of the `k` neighbours, ties going to the tied class with the
/// nearest neighbour. Probabilities are vote shares smoothed by one pseudo-vote spread over the classes by their
/// training shares, `(votes_c + share_c) / (k + 1)`, so they are never exactly 0 or 1 and still rank rows by votes.
/// Regression: the mean of the neighbours' values.
public final class KnnModel extends BaseModel {
    /// The payload file names.
    static final String JSON = "knn.json";
    static final String BINARY = "knn-index.bin";

    private final KnnPayload payload;
    private final KnnIndex index;
    private final double[] labels;          // by index position
    private final @Nullable Projection projection;

    KnnModel(ModelHeader header, FeaturePipeline pipeline, List<Diagnostic> diagnostics, KnnPayload payload,
             KnnIndex index, double[] labels, @Nullable Projection projection) {
        super(header, pipeline, diagnostics);
        this.payload = payload;
        this.index = index;
        this.labels = labels;
        this.projection = projection;
    }




    /// The number of training rows searched.
    public int size() {
        return index.size();
    }

    /// The dimension searched (after any projection).
    public int dimension() {
        return index.dimension();
    }

    /// The number of IVF lists (1 for an exact index).
    public int lists() {
        return index.lists();
    }

    /// The labels (class index or value) of the `k` nearest kept training rows of every row of `data`, closest
    /// first, row-major (`rows × k`, NaN where fewer were found); lets tests compare indexes.
    double[] neighbourLabels(Dataset data) {
        double[] q = queries(data);
        int d = index.dimension();
        int m = q.length / Math.max(1, d);
        int k = payload.k();
        double[] out = new double[m * k];
        java.util.Arrays.fill(out, Double.NaN);
        int[] pos = new int[m * k];
        int[] found = index.searchAll(q, m, k, pos);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < found[i]; j++) {
                out[i * k + j] = labels[pos[i * k + j]];
            }
        }
        return out;
    }

    private double[] queries(Dataset data) {
        FeatureMatrix x = pipeline.transform(data);
        return KnnLearner.prepare(x.toArray(), x.rows(), projection, index.metric());
    }

    @Override
    public Predictions predict(Dataset data) {
        double[] q = queries(data);
        int d = index.dimension();
        int m = d == 0 ? 0 : q.length / d;
        int k = payload.k();
        boolean regression = header.problem() == ProblemType.REGRESSION;
        int classes = header.classes().size();
        double[] values = new double[regression ? m : 0];
        double[] probabilities = new double[regression ? 0 : m * classes];
        int[] predicted = new int[regression ? 0 : m];
        double[] shares = payload.classShares().stream().mapToDouble(Double::doubleValue).toArray();
        int[] neighbours = new int[m * k];
        int[] count = index.searchAll(q, m, k, neighbours);
        IntStream.range(0, m).parallel().forEach(i -> {
            int found = count[i];
            int o = i * k;
            if (regression) {
                double sum = 0;
                for (int j = 0; j < found; j++) {
                    sum += labels[neighbours[o + j]];
                }
                values[i] = sum / found;
                return;
            }
            int[] votes = new int[classes];
            int most = 0;
            for (int j = 0; j < found; j++) {
                most = Math.max(most, ++votes[(int) labels[neighbours[o + j]]]);
            }
            int label = 0;
            for (int j = 0; j < found; j++) {          // ties: the tied class with the nearest neighbour
                if (votes[(int) labels[neighbours[o + j]]] == most) {
                    label = (int) labels[neighbours[o + j]];
                    break;
                }
            }
            predicted[i] = label;
            for (int c = 0; c < classes; c++) {
                probabilities[i * classes + c] = (votes[c] + shares[c]) / (found + 1.0);
            }
        });
        return regression ? Predictions.regression(values)
                : Predictions.classification(header.classes(), probabilities, predicted);
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.json(JSON, payload);
        double[] rows = index.rowsArray();
        double[] centroids = index.lists() > 1 ? index.centroidsArray() : new double[0];
        ProductQuantizer pq = index.quantizer();
        double[] codebooks = pq == null ? new double[0] : pq.codebooks();
        byte[] codes = index.codesArray();
        int doubles = rows.length + centroids.length + codebooks.length + labels.length;
        ByteBuffer b = ByteBuffer.allocate(8 * doubles + codes.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(rows).put(centroids).put(codebooks).put(labels);
        b.position(8 * doubles);
        b.put(codes);
        out.bytes(BINARY, b.array());
    }
}
