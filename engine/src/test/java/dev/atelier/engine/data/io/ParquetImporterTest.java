package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `customers.parquet` (981 bytes, Snappy-compressed, written by hyparquet-writer 0.17): 12 rows of name (string,
/// one null), age (int32), income (double, one null), member (boolean), joined (timestamp millis, UTC) and code
/// (strings such as "001").
class ParquetImporterTest {
    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path file = dir.resolve("customers.parquet");
        try (InputStream in = getClass().getResourceAsStream("/data/customers.parquet")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void readsTypedColumnsAndNulls() throws IOException {
        Path file = fixture();
        byte[] before = Files.readAllBytes(file);
        ImportResult r = DataImporter.read(file, ImportOptions.defaults(), JobContext.silent());
        Dataset d = r.dataset();
        assertThat(r.source()).isEqualTo(DataFormat.PARQUET);
        assertThat(r.inferred()).containsEntry("rows_in_file", "12");
        assertThat(d.rowCount()).isEqualTo(12);
        assertThat(d.schema().names()).containsExactly("name", "age", "income", "member", "joined", "code");
        assertThat(d.schema().column("age").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(d.schema().column("income").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(d.schema().column("member").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(d.schema().column("joined").type()).isEqualTo(ColumnType.DATETIME);
        assertThat(d.text(2, 4)).isEqualTo("2024-01-03");
        assertThat(d.isMissing(3, 0)).isTrue();
        assertThat(d.isMissing(5, 2)).isTrue();
        assertThat(d.number(4, 2)).isEqualTo(4002.0);
        assertThat(d.text(1, 5)).isEqualTo("001");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aTruncatedFileIsATypedError() throws IOException {
        byte[] full = Files.readAllBytes(fixture());
        Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> DataImporter.read(cut, ImportOptions.defaults(), JobContext.silent()))
                .isInstanceOf(DataException.class)
                .satisfies(e -> assertThat(((DataException) e).code()).isEqualTo(ErrorCode.IMPORT_FILE_CORRUPT));
    }

    @Test
    void rowLimitIsHonoured() throws IOException {
        ImportResult r = DataImporter.read(fixture(), ImportOptions.defaults().withMaxRows(5), JobContext.silent());
        assertThat(r.dataset().rowCount()).isEqualTo(5);
    }
}
