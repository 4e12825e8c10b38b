package dev.atelier.engine.learn.knn;

import java.util.List;
import java.util.random.RandomGenerator;

/// A seeded random projection from `inputDim` to `target` dimensions that roughly preserves distances
/// (Johnson–Lindenstrauss). Immutable.
///
/// - `sign`: `y = R·x / √target` with every entry of `R` a random ±1.
/// - `fjlt` (fast Johnson–Lindenstrauss, as a subsampled randomized Hadamard transform): `x` is zero-padded to the
///   next power of two `p`, each coordinate multiplied by a random sign, transformed with the Walsh–Hadamard matrix,
///   and `target` of the `p` coordinates are sampled without replacement; scaling by `1/√target` keeps squared
///   norms unbiased. It costs `O(p log p)` per row instead of `O(target · inputDim)`.
///
/// @param type      `sign` or `fjlt`
/// @param inputDim  the dimension of the inputs
/// @param target    the dimension of the outputs
/// @param padded    `p` for fjlt (a power of two ≥ inputDim), `inputDim` for sign
/// @param signs     sign: `target × inputDim` entries ±1, row-major; fjlt: `padded` entries ±1
/// @param indices   fjlt: the `target` sampled coordinates; sign: empty
record Projection(String type, int inputDim, int target, int padded, int[] signs, int[] indices) {

    static Projection sign(int inputDim, int target, RandomGenerator random) {
        int[] s = new int[target * inputDim];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextBoolean() ? 1 : -1;
        }
        return new Projection("sign", inputDim, target, inputDim, s, new int[0]);
    }

    static Projection fjlt(int inputDim, int target, RandomGenerator random) {
        int p = Integer.highestOneBit(Math.max(1, inputDim));
        if (p < inputDim) {
            p <<= 1;
        }
        p = Math.max(p, Integer.highestOneBit(target) < target ? Integer.highestOneBit(target) << 1 : target);
        int[] s = new int[p];
        for (int i = 0; i < p; i++) {
            s[i] = random.nextBoolean() ? 1 : -1;
        }
        int[] perm = new int[p];
        for (int i = 0; i < p; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < target; i++) {      // partial Fisher–Yates: the first `target` are a uniform sample
            int j = i + random.nextInt(p - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] idx = java.util.Arrays.copyOf(perm, target);
        java.util.Arrays.sort(idx);
        return new Projection("fjlt", inputDim, target, p, s, idx);
    }

    /// Rebuilds a stored projection.
    static Projection of(String type, int inputDim, int target, int padded, List<Integer> signs,
                         List<Integer> indices) {
        return new Projection(type, inputDim, target, padded, signs.stream().mapToInt(Integer::intValue).toArray(),
                indices.stream().mapToInt(Integer::intValue).toArray());
    }

    /// Projects `rows` rows of `x` (row-major, `inputDim` wide) into a new `rows × target` array.
    double[] apply(double[] x, int rows) {
        double[] out = new double[rows * target];
        double scale = 1 / Math.sqrt(target);
        if (type.equals("sign")) {
            for (int r = 0; r < rows; r++) {
                int xo = r * inputDim;
                for (int j = 0; j < target; j++) {
                    int so = j * inputDim;
                    double sum = 0;
                    for (int i = 0; i < inputDim; i++) {
                        sum += signs[so + i] * x[xo + i];
                    }
                    out[r * target + j] = sum * scale;
                }
            }
            return out;
        }
        double[] z = new double[padded];
        // H/√p then sampling scaled by √(p/target): overall 1/√target on the unnormalized transform
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(z, 0);
            for (int i = 0; i < inputDim; i++) {
                z[i] = signs[i] * x[r * inputDim + i];
            }
            walshHadamard(z);
            for (int j = 0; j < target; j++) {
                out[r * target + j] = z[indices[j]] * scale;
            }
        }
        return out;
    }

    /// The unnormalized fast Walsh–Hadamard transform in place (`z.length` a power of two).
    static void walshHadamard(double[] z) {
        for (int h = 1; h < z.length; h <<= 1) {
            for (int i = 0; i < z.length; i += h << 1) {
                for (int j = i; j < i + h; j++) {
                    double a = z[j];
                    double b = z[j + h];
                    z[j] = a + b;
                    z[j + h] = a - b;
                }
            }
        }
    }

    List<Integer> signList() {
        return java.util.Arrays.stream(signs).boxed().toList();
    }

    List<Integer> indexList() {
        return java.util.Arrays.stream(indices).boxed().toList();
    }
}
