package dev.atelier.engine.natives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/// One versioned folder of native files under `<atelier home>/natives/`, copied from class-path resources.
///
/// A folder is written in full under a temporary name and then renamed, and it carries a `.complete` marker
/// listing each file's size, so a crash or a second Atelier process never leaves a half-written folder in
/// use: an incomplete or damaged folder is simply written again.
final class NativeCache {
    /// Bumped when the way files are written or patched changes, so old folders are not reused.
    static final int FORMAT = 1;
    static final String MARKER = ".complete";

    /// A file to copy: a class-path resource (no leading slash) and the name it gets in the folder.
    record Entry(String resource, String fileName) {}

    /// Changes the copied files before the folder is sealed (e.g. renames an ELF `SONAME`).
    @FunctionalInterface
    interface Patch {
        void apply(Path folder) throws IOException;
    }

    /// A ready folder, and whether this call wrote it.
    record Prepared(Path folder, boolean extracted) {}

    private NativeCache() {}

    /// Returns `root/name`, writing it first unless a complete copy is already there.
    static Prepared prepare(Path root, String name, List<Entry> entries, Patch patch) throws IOException {
        Path folder = root.resolve(name);
        if (isComplete(folder)) {
            return new Prepared(folder, false);
        }
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".writing-" + name + "-");
        try {
            ClassLoader loader = NativeCache.class.getClassLoader();
            for (Entry entry : entries) {
                try (InputStream in = loader.getResourceAsStream(entry.resource())) {
                    if (in == null) {
                        throw new NoSuchFileException(entry.resource(), null,
                                "not on the class path: a jar of the installation is missing");
                    }
                    Files.copy(in, staging.resolve(entry.fileName()));
                }
            }
            patch.apply(staging);
            var marker = new StringBuilder("format=" + FORMAT + "\n");
            for (Entry entry : entries) {
                marker.append(entry.fileName()).append('=').append(Files.size(staging.resolve(entry.fileName())))
                        .append('\n');
            }
            Files.writeString(staging.resolve(MARKER), marker);
            publish(staging, folder);
            return new Prepared(folder, true);
        } finally {
            deleteTree(staging);
        }
    }

    /// True if `folder` has a marker of this [#FORMAT] and every file it lists has the listed size.
    static boolean isComplete(Path folder) {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        var listed = new Properties();
        try (var reader = Files.newBufferedReader(marker)) {
            listed.load(reader);
            if (!String.valueOf(FORMAT).equals(listed.getProperty("format"))) {
                return false;
            }
            for (String file : listed.stringPropertyNames()) {
                if (!file.equals("format")
                        && Files.size(folder.resolve(file)) != Long.parseLong(listed.getProperty(file))) {
                    return false;
                }
            }
            return listed.size() > 1;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void publish(Path staging, Path folder) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename inside " + folder.getParent(), e);
            } catch (FileSystemException e) { // on Linux a non-empty target fails with a plain "Directory not empty"
                if (!Files.exists(folder)) {
                    throw e;
                }
                if (isComplete(folder)) {
                    return; // another process finished first: use its copy
                }
                deleteTree(folder); // damaged, or left over from a crash: replace it
            }
        }
        if (!isComplete(folder)) {
            throw new IOException("could not write " + folder);
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
