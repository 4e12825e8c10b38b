package dev.atelier.engine.learn.knn;

import java.util.List;

/// The persisted shape of `knn.json`; the searchable rows, the IVF centroids and the labels are in `knn-index.bin`
/// (little-endian doubles: `rows × dimension` rows unless product-quantized, `nlists × dimension` centroids when IVF,
/// `ksub × dimension` codebooks when IVFPQ, `rows` labels; then, for IVFPQ, `rows × pqM` code bytes).
///
/// @param k               neighbours consulted
/// @param indexType       the index asked for (`faiss.Flat`, `faiss.IVFFlat`, `faiss.IVFPQ`)
/// @param metric          `L2`, `INNER_PRODUCT` or `COSINE`
/// @param rows            training rows kept (after `sample_size`)
/// @param dimension       the dimension searched (after projection)
/// @param nprobe          lists scanned per query (1 for flat)
/// @param pqM             IVFPQ's pieces per row (`faiss_index_pq_m`); 0 without product quantization
/// @param ksub            IVFPQ's centroids per piece (≤ 256); 0 without
/// @param listStart       `nlists + 1` offsets of each list's rows (`[0, rows]` for flat)
/// @param reduction       `none`, `sign` or `fjlt`
/// @param inputDim        the preprocessed input dimension before projection
/// @param padded          fjlt's power-of-two width (else `inputDim`)
/// @param signs           the projection's random signs (see `Projection`); empty without projection
/// @param indices         fjlt's sampled coordinates; otherwise empty
/// @param classShares     each class's share of the kept rows (classification; the smoothing prior)
public record KnnPayload(int k, String indexType, String metric, int rows, int dimension, int nprobe, int pqM, int ksub,
                         List<Integer> listStart, String reduction, int inputDim, int padded, List<Integer> signs,
                         List<Integer> indices, List<Double> classShares) {
    public KnnPayload {
        listStart = List.copyOf(listStart);
        signs = List.copyOf(signs);
        indices = List.copyOf(indices);
        classShares = List.copyOf(classShares);
    }

    /// The number of IVF lists (1 for flat).
    public int nlists() {
        return listStart.size() - 1;
    }
}
