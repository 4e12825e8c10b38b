package dev.atelier.engine.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Reads an image's width and height from its header bytes, without decoding it (and without `java.awt`, which
/// the engine does not use): PNG, JPEG, GIF, BMP and WebP.
final class ImageHeaders {
    /// Width and height in pixels.
    record Size(int width, int height) {
    }

    private static final int HEAD = 64 * 1024;

    private ImageHeaders() {
    }

    /// The image's size, or `null` when the file is not a readable image of a known format (damaged, cut
    /// short, or another kind of file).
    static @Nullable Size read(Path file) {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(HEAD);
        } catch (IOException e) {
            return null;
        }
        try {
            Size s = parse(b);
            if (s != null && b[0] == (byte) 0x89 && !pngComplete(file)) {
                return null; // a PNG cut short: the header is there but not the end marker
            }
            return s != null && s.width() > 0 && s.height() > 0 ? s : null;
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean pngComplete(Path file) {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            long size = ch.size();
            if (size < 12) {
                return false;
            }
            var tail = java.nio.ByteBuffer.allocate(8);
            ch.read(tail, size - 8);
            byte[] t = tail.array();
            return t[0] == 'I' && t[1] == 'E' && t[2] == 'N' && t[3] == 'D';
        } catch (IOException e) {
            return false;
        }
    }

    static @Nullable Size parse(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
            return new Size(be32(b, 16), be32(b, 20));
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return jpeg(b);
        }
        if (b.length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return new Size(le16(b, 6), le16(b, 8));
        }
        if (b.length >= 26 && b[0] == 'B' && b[1] == 'M') {
            return new Size(le32(b, 18), Math.abs(le32(b, 22)));
        }
        if (b.length >= 30 && Arrays.equals(b, 0, 4, "RIFF".getBytes(), 0, 4)
                && Arrays.equals(b, 8, 12, "WEBP".getBytes(), 0, 4)) {
            String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
            return switch (chunk) {
                case "VP8X" -> new Size(1 + le24(b, 24), 1 + le24(b, 27));
                case "VP8L" -> {
                    int bits = le32(b, 21);
                    yield new Size(1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF));
                }
                case "VP8 " -> new Size(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
                default -> null;
            };
        }
        return null;
    }

    private static @Nullable Size jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = be16(b, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return new Size(be16(b, i + 7), be16(b, i + 5));
            }
            if (length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int be32(byte[] b, int i) {
        return (be16(b, i) << 16) | be16(b, i + 2);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static int le24(byte[] b, int i) {
        return le16(b, i) | ((b[i + 2] & 0xFF) << 16);
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | (le16(b, i + 2) << 16);
    }
}
