package dev.atelier.engine.persist;

import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;

/// Crash-safe file writes: the new content goes to a temporary file in the target's own folder, is forced to the
/// disk, and then replaces the target in one atomic rename. Whatever happens (a full disk, a crash, a failing
/// writer, cancellation) the target holds either its old content or the complete new content, never a mix, and
/// no temporary file is left behind by a failure the JVM survives.
///
/// Temporary files are named `.<target name>.<random>.tmp` (hidden on Unix). If the file system cannot rename
/// atomically, an ordinary replacing rename is used. A symbolic link as target is written through: the file it
/// points to is replaced and the link kept. A replaced file keeps its POSIX permissions.
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME_IN_TEMP = 100;

    private AtomicFiles() {
    }

    /// Writes the content of a file, see [#write(Path, byte[])].
    @FunctionalInterface
    public interface ContentWriter {
        /// Writes the whole content to `out`. Closing `out` is allowed and harmless; the stream is buffered.
        ///
        /// @throws IOException to abandon the write (the target is left unchanged)
        void writeTo(OutputStream out) throws IOException;
    }

    /// Replaces `target`'s content with `content` atomically (creating it if needed).
    ///
    /// @throws ProjectException `FILE_IS_DIRECTORY` (path) if the target is a folder; `FILE_WRITE_FAILED`
    ///         (path, reason) if anything else fails; the target is then unchanged
    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    /// Replaces `target`'s content with what `writer` writes, atomically (creating it if needed).
    ///
    /// @throws ProjectException `FILE_IS_DIRECTORY` (path) if the target is a folder; `FILE_WRITE_FAILED`
    ///         (path, reason) if writing, syncing or renaming fails, or if `writer` throws an exception other than
    ///         the two below; the target is then unchanged
    /// @throws AtelierException what `writer` throws, unchanged (the target is unchanged)
    /// @throws CancellationException if `writer` was cancelled (the target is unchanged)
    public static void write(Path target, ContentWriter writer) {
        Path destination = destination(target);
        if (Files.isDirectory(destination)) {
            throw new ProjectException(ErrorCode.FILE_IS_DIRECTORY, target.toString());
        }
        Path folder = destination.getParent();
        Path temp = folder.resolve(tempName(destination));
        boolean replaced = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                var buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writer.writeTo(new KeepOpen(buffered));
                buffered.flush();
                channel.force(true);
            }
            keepPermissions(destination, temp);
            move(temp, destination);
            replaced = true;
            syncFolder(folder);
        } catch (IOException e) {
            throw new ProjectException(e, ErrorCode.FILE_WRITE_FAILED, target.toString(), reason(e));
        } catch (AtelierException | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ProjectException(e, ErrorCode.FILE_WRITE_FAILED, target.toString(), reason);
        } finally {
            if (!replaced) {
                deleteQuietly(temp);
            }
        }
    }

    /// A short, human reason for an I/O failure ("access denied", "no space left on device", ...), for the
    /// `reason` argument of `FILE_*` error codes.
    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException _ -> "access denied";
            case NoSuchFileException _ -> "the folder does not exist";
            case FileSystemException fs when fs.getReason() != null -> fs.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    private static Path destination(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            try {
                return absolute.toRealPath();
            } catch (IOException e) {
                return absolute;                              // a dangling link is replaced by the file
            }
        }
        return absolute;
    }

    private static String tempName(Path destination) {
        String name = destination.getFileName().toString();
        if (name.length() > MAX_NAME_IN_TEMP) {
            name = name.substring(0, MAX_NAME_IN_TEMP);
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "." + name + "." + HexFormat.of().formatHex(random) + ".tmp";
    }

    /// A replaced file keeps its POSIX permissions (a private file stays private); new files get the defaults.
    private static void keepPermissions(Path destination, Path temp) {
        try {
            if (Files.exists(destination)
                    && destination.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(destination));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the content matters more than the permissions.
        }
    }

    private static void move(Path temp, Path destination) throws IOException {
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /// Makes the rename itself durable where the platform allows opening a folder (Linux, macOS); elsewhere
    /// this is a no-op.
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported here (Windows): the rename is still atomic, only its durability is up to the OS.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more to do: the temporary file is hidden and harmless.
        }
    }

    /// Passes writes through but turns `close()` into `flush()`, so a writer that closes its stream (a zip
    /// writer does) does not close the channel before it is forced to disk.
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
