package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Previews (a few rows) of every kind of source, and the warnings the Import dialog relies on.
class ImportPreviewTest {
    @TempDir
    Path dir;

    @Test
    void aSqlitePreviewReadsOnlyTheFirstRows() throws Exception {
        Path db = dir.resolve("t.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER, b TEXT)");
            for (int i = 0; i < 250; i++) {
                s.execute("INSERT INTO t VALUES (" + i + ", 'x" + i % 3 + "')");
            }
        }
        ImportResult r = DataImporter.preview(db.toString(), ImportOptions.defaults(), 100);
        assertThat(r.dataset().rowCount()).isEqualTo(100);
        assertThat(DataImporter.preview(db.toString(), ImportOptions.defaults(), 1).dataset().rowCount()).isOne();
    }

    @Test
    void aFileMixingUtf8AndLatin1IsReadWithAWarning() throws Exception {
        byte[] utf8 = "name,city\nAnn,Zürich\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin = "Bob,Genève\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mixed = new byte[utf8.length + latin.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(latin, 0, mixed, utf8.length, latin.length);
        Path f = Files.write(dir.resolve("mixed.csv"), mixed);
        ImportResult r = DataImporter.read(f, ImportOptions.defaults(), JobContext.silent());
        assertThat(r.dataset().rowCount()).isEqualTo(2);
        assertThat(r.dataset().text(1, 1)).isEqualTo("Genève");
        assertThat(r.diagnostics()).anyMatch(d -> d.code() == ErrorCode.IMPORT_MIXED_ENCODING);

        Path clean = Files.write(dir.resolve("latin.csv"), "name,city\nBob,Genève\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(DataImporter.read(clean, ImportOptions.defaults(), JobContext.silent()).diagnostics())
                .noneMatch(d -> d.code() == ErrorCode.IMPORT_MIXED_ENCODING);
    }

    @Test
    void aHeaderWithARepeatedNameAboveNumbersIsStillAHeader() throws Exception {
        Path f = Files.writeString(dir.resolve("dup.csv"), "a,a,b\n1,2,3\n4,5,6\n");
        ImportResult r = DataImporter.read(f, ImportOptions.defaults(), JobContext.silent());
        assertThat(r.dataset().rowCount()).isEqualTo(2);
        assertThat(r.dataset().schema().names()).containsExactly("a", "a_2", "b");
        assertThat(r.diagnostics()).anyMatch(d -> d.code() == ErrorCode.IMPORT_HEADER_RENAMED);
    }

    @Test
    void aSampledImportReportsItsProgressAndCanBeCancelled() throws Exception {
        StringBuilder b = new StringBuilder("id,x\n");
        for (int i = 0; i < 30_000; i++) {
            b.append(i).append(',').append(i % 13).append('\n');
        }
        Path f = Files.writeString(dir.resolve("big.csv"), b);
        var ctx = dev.atelier.engine.data.TestJobContexts.recording();
        ImportResult r = DataImporter.read(f, ImportOptions.defaults().withSampling(1_000, true), ctx, 1);
        assertThat(r.dataset().rowCount()).isEqualTo(1_000);
        assertThat(ctx.statusKeys).contains("job.import.sampling");
        assertThat(ctx.fractions).isNotEmpty().isSorted();
        assertThat(ctx.fractions.getLast()).isGreaterThan(0.5);

        var cancelling = dev.atelier.engine.data.TestJobContexts.cancelAfterProgressCalls(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataImporter.read(f,
                ImportOptions.defaults().withSampling(1_000, true), cancelling, 1))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
