package dev.atelier.engine.persist;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/// Content fingerprints: SHA-256 as lower-case hex, used to notice that a data file changed since a project
/// recorded it, and to tie a model to the exact data it was trained on.
public final class Fingerprints {
    private static final int BUFFER = 1 << 16;

    private Fingerprints() {
    }

    /// The SHA-256 of a file's bytes, read as a stream (files of any size).
    ///
    /// @throws ProjectException `FILE_NOT_FOUND` (path), `FILE_IS_DIRECTORY` (path) or `FILE_UNREADABLE`
    ///         (path, reason)
    public static String sha256(Path file) {
        if (Files.isDirectory(file)) {
            throw new ProjectException(ErrorCode.FILE_IS_DIRECTORY, file.toString());
        }
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw new ProjectException(e, ErrorCode.FILE_NOT_FOUND, file.toString());
        } catch (IOException e) {
            throw new ProjectException(e, ErrorCode.FILE_UNREADABLE, file.toString(), AtomicFiles.reason(e));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /// The SHA-256 of `bytes`.
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
