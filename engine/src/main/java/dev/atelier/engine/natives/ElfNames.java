package dev.atelier.engine.natives;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/// Renames the `DT_SONAME` or a `DT_NEEDED` entry of a 64-bit little-endian ELF shared library in place.
///
/// Smile 6 opens its natives by bare name (`dlopen("libopenblas.so")`), which the dynamic loader resolves
/// only from the system folders, `LD_LIBRARY_PATH` (read once at process start) or an object already loaded
/// whose `SONAME` is that name. Atelier loads its bundled copy by absolute path first; for the loader to
/// match it, the copy's `SONAME` must read `libopenblas.so` instead of `libopenblas.so.0`. The new name must
/// not be longer than the old one: the string is overwritten inside `.dynstr` and ended with a NUL, so no
/// offset in the file moves (docs/adr/0006).
final class ElfNames {
    static final long DT_NEEDED = 1;
    static final long DT_SONAME = 14;
    private static final int SHT_DYNAMIC = 6;

    private ElfNames() {}

    /// Renames the entry `tag` that reads `from` to `to`. Returns false if it already read `to`.
    ///
    /// @throws IOException if the file is not a 64-bit little-endian ELF object, or has no such entry
    static boolean rename(Path file, long tag, String from, String to) throws IOException {
        if (to.length() > from.length() || to.isEmpty()) {
            throw new IllegalArgumentException("new name must be non-empty and not longer: " + from + " → " + to);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = read(ch, 0, 64);
            if (header.getInt(0) != 0x464C457F || header.get(4) != 2 || header.get(5) != 1) {
                throw new IOException(file + " is not a 64-bit little-endian ELF file");
            }
            long shoff = header.getLong(0x28);
            int shentsize = Short.toUnsignedInt(header.getShort(0x3A));
            int shnum = Short.toUnsignedInt(header.getShort(0x3C));
            for (int i = 0; i < shnum; i++) {
                ByteBuffer sh = read(ch, shoff + (long) i * shentsize, 64);
                if (sh.getInt(4) != SHT_DYNAMIC) {
                    continue;
                }
                ByteBuffer strtab = read(ch, shoff + (long) sh.getInt(0x28) * shentsize, 64);
                long strOffset = strtab.getLong(0x18);
                long strSize = strtab.getLong(0x20);
                ByteBuffer dynamic = read(ch, sh.getLong(0x18), Math.toIntExact(sh.getLong(0x20)));
                for (int e = 0; e + 16 <= dynamic.limit(); e += 16) {
                    long entryTag = dynamic.getLong(e);
                    if (entryTag == 0) {
                        break;
                    }
                    long value = dynamic.getLong(e + 8);
                    if (entryTag != tag || value + from.length() + 1 > strSize) {
                        continue;
                    }
                    long at = strOffset + value;
                    String current = cString(read(ch, at, from.length() + 1));
                    if (current.equals(to)) {
                        return false;
                    }
                    if (current.equals(from)) {
                        ByteBuffer replacement = ByteBuffer.allocate(to.length() + 1);
                        replacement.put(to.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).flip();
                        while (replacement.hasRemaining()) {
                            ch.write(replacement, at + replacement.position());
                        }
                        return true;
                    }
                }
            }
        }
        throw new IOException(file + " has no dynamic entry " + tag + " named " + from);
    }

    /// The `DT_SONAME` of `file`, for checks and tests.
    static String soname(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = read(ch, 0, 64);
            long shoff = header.getLong(0x28);
            int shentsize = Short.toUnsignedInt(header.getShort(0x3A));
            int shnum = Short.toUnsignedInt(header.getShort(0x3C));
            for (int i = 0; i < shnum; i++) {
                ByteBuffer sh = read(ch, shoff + (long) i * shentsize, 64);
                if (sh.getInt(4) != SHT_DYNAMIC) {
                    continue;
                }
                long strOffset = read(ch, shoff + (long) sh.getInt(0x28) * shentsize, 64).getLong(0x18);
                ByteBuffer dynamic = read(ch, sh.getLong(0x18), Math.toIntExact(sh.getLong(0x20)));
                for (int e = 0; e + 16 <= dynamic.limit() && dynamic.getLong(e) != 0; e += 16) {
                    if (dynamic.getLong(e) == DT_SONAME) {
                        return cString(read(ch, strOffset + dynamic.getLong(e + 8), 256));
                    }
                }
            }
        }
        throw new IOException(file + " has no SONAME");
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    private static String cString(ByteBuffer bytes) {
        int end = 0;
        while (end < bytes.limit() && bytes.get(end) != 0) {
            end++;
        }
        byte[] text = new byte[end];
        bytes.get(0, text);
        return new String(text, StandardCharsets.US_ASCII);
    }
}
