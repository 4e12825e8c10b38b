package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import dev.atelier.engine.error.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    private static final byte[] OLD = "old content".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("a.json");
        AtomicFiles.write(target, "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("hello");
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void replacesExistingContentCompletely() throws IOException {
        Path target = Files.write(dir.resolve("a.json"), "a much longer old content".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("new");
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void aWriterFailingMidwayLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = Files.write(dir.resolve("a.json"), OLD);
        var e = catchThrowableOfType(ProjectException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);                          // more than the buffer: reaches the disk
            throw new IOException("disk full");
        }));
        assertThat(e.code()).isEqualTo(ErrorCode.FILE_WRITE_FAILED);
        assertThat(e.args()).containsExactly(target.toString(), "disk full");
        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void aWriterBugIsReportedAsAFailedWrite() throws IOException {
        Path target = Files.write(dir.resolve("a.json"), OLD);
        var e = catchThrowableOfType(ProjectException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("boom");
        }));
        assertThat(e.code()).isEqualTo(ErrorCode.FILE_WRITE_FAILED);
        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void codedFailuresAndCancellationPassThroughUnchanged() throws IOException {
        Path target = Files.write(dir.resolve("a.json"), OLD);
        var coded = new SpecException(ErrorCode.ALGORITHM_UNKNOWN, "nope");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw coded;
        })).isSameAs(coded);
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new CancellationException("cancelled");
        })).isInstanceOf(CancellationException.class);
        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void aMissingFolderIsAFailedWrite() {
        Path target = dir.resolve("no/such/folder/a.json");
        var e = catchThrowableOfType(ProjectException.class,
                () -> AtomicFiles.write(target, OLD));
        assertThat(e.code()).isEqualTo(ErrorCode.FILE_WRITE_FAILED);
        assertThat(e.args()).containsExactly(target.toString(), "the folder does not exist");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAFailedWrite() throws IOException {
        Path notAFolder = Files.write(dir.resolve("file"), OLD);
        var e = catchThrowableOfType(ProjectException.class,
                () -> AtomicFiles.write(notAFolder.resolve("a.json"), OLD));
        assertThat(e.code()).isEqualTo(ErrorCode.FILE_WRITE_FAILED);
        assertThat(Files.readAllBytes(notAFolder)).isEqualTo(OLD);
    }

    @Test
    void aReadOnlyFolderIsAFailedWriteAndTheOldContentSurvives() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX only");
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path target = Files.write(folder.resolve("a.json"), OLD);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(folder), "running with rights that ignore permissions (root)");
            var e = catchThrowableOfType(ProjectException.class, () -> AtomicFiles.write(target, "new".getBytes()));
            assertThat(e.code()).isEqualTo(ErrorCode.FILE_WRITE_FAILED);
            assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
            assertThat(list(folder)).containsExactly(target);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX only");
        Path target = Files.write(dir.resolve("private.json"), OLD);
        var owner = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(target, owner);
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(owner);
    }

    @Test
    void aFolderIsNeverReplaced() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("a.json"));
        var e = catchThrowableOfType(ProjectException.class, () -> AtomicFiles.write(folder, OLD));
        assertThat(e.code()).isEqualTo(ErrorCode.FILE_IS_DIRECTORY);
        assertThat(folder).isDirectory();
    }

    @Test
    void aWriterMayCloseItsStream() throws IOException {
        Path target = dir.resolve("bundle.zip");
        AtomicFiles.write(target, out -> {
            try (var zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        });
        assertThat(Files.readAllBytes(target)).startsWith('P', 'K');
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void aSymbolicLinkIsWrittenThrough() throws IOException {
        Path real = Files.write(dir.resolve("real.json"), OLD);
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
            return;
        }
        AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void largeContentIsWrittenWhole() throws IOException {
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path target = dir.resolve("big.bin");
        AtomicFiles.write(target, big);
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
