package dev.atelier.engine.learn.mlp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/// The `weights.bin` format: our own, so that a bundle does not depend on DJL's parameter serialization.
/// Little-endian: the magic `ATMLPW01` (8 bytes), the number of arrays (int32), then per array its length (int64)
/// and its values (float32). Names and shapes are in `mlp.json`; reading checks the lengths against them.
final class MlpWeights {
    private static final byte[] MAGIC = {'A', 'T', 'M', 'L', 'P', 'W', '0', '1'};

    private MlpWeights() {
    }

    static byte[] encode(float[][] arrays) {
        long size = MAGIC.length + 4L;
        for (float[] a : arrays) {
            size += 8 + 4L * a.length;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("network too large to store: " + size + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(arrays.length);
        for (float[] a : arrays) {
            out.putLong(a.length);
            out.asFloatBuffer().put(a);
            out.position(out.position() + 4 * a.length);
        }
        return out.array();
    }

    /// Decodes `bytes`; `null` if they are not a weights file matching `shapes`.
    static float @org.jspecify.annotations.Nullable [][] decode(byte[] bytes, List<MlpPayload.ParameterShape> shapes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 4) {
            return null;
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC) || in.getInt() != shapes.size()) {
            return null;
        }
        float[][] arrays = new float[shapes.size()][];
        for (int i = 0; i < arrays.length; i++) {
            if (in.remaining() < 8) {
                return null;
            }
            long n = in.getLong();
            if (n != shapes.get(i).size() || n < 0 || in.remaining() < 4 * n) {
                return null;
            }
            arrays[i] = new float[(int) n];
            in.asFloatBuffer().get(arrays[i]);
            in.position(in.position() + 4 * (int) n);
        }
        return in.remaining() == 0 ? arrays : null;
    }
}
