package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdColumnsTest {
    @TempDir
    Path dir;

    private Dataset read(String csv) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, csv);
        return DataImporter.read(f, ImportOptions.defaults(), JobContext.silent()).dataset();
    }

    private static String rows(int n, java.util.function.IntFunction<String> row) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(row.apply(i)).append('\n');
        }
        return b.toString();
    }

    @Test
    void aUniqueColumnNamedLikeAnIdBecomesAnId() throws IOException {
        Dataset ds = read("customer_id,CustomerKey,paid,amount\n"
                + rows(12, i -> (97 - i * 7) + ",K" + (i * 13 % 12) + "x," + (i * 31 % 17) + "," + i % 3));
        assertThat(ds.schema().column("customer_id").role()).isEqualTo(ColumnRole.ID);
        assertThat(ds.schema().column("CustomerKey").role()).isEqualTo(ColumnRole.ID);
        assertThat(ds.schema().column("paid").role()).as("paid ends in 'id' but is not a word").isEqualTo(
                ColumnRole.FEATURE);
        assertThat(ds.schema().column("amount").role()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void repeatsOrMissingValuesKeepAFeature() throws IOException {
        Dataset ds = read("store_id,region_code,x\n" + rows(12, i -> "S" + i % 3 + "," + (i == 4 ? "" : "R" + i)
                + "," + i * 2.5));
        assertThat(ds.schema().column("store_id").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(ds.schema().column("region_code").role()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void digitsWithLeadingZerosOrARowCounterAreIds() throws IOException {
        Dataset ds = read("account,row,score,year\n" + rows(12, i -> String.format("%05d", i * 37 + 3) + ","
                + (i * 2 + 100) + "," + (50 - i) + "," + (i % 2 == 0 ? 2000 + i : 2000 - i)));
        assertThat(ds.schema().column("account").role()).isEqualTo(ColumnRole.ID);
        assertThat(ds.schema().column("row").role()).isEqualTo(ColumnRole.ID);
        assertThat(ds.schema().column("score").role()).as("decreasing").isEqualTo(ColumnRole.FEATURE);
        assertThat(ds.schema().column("year").role()).as("not in order").isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void aShortCounterIsNotEnough() throws IOException {
        Dataset ds = read("n,v\n1,a\n2,b\n3,a\n");
        assertThat(ds.schema().column("n").role()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void theSampleLoanDataGetsItsApplicantIdAsIdAndSaysSo() throws IOException {
        Path f = dir.resolve("loan-approval.csv");
        try (var in = dev.atelier.sampledata.SampleDatasets.class.getResourceAsStream("loan-approval.csv")) {
            Files.copy(in, f);
        }
        ImportResult r = DataImporter.read(f, ImportOptions.defaults(), JobContext.silent());
        assertThat(r.dataset().schema().column("applicant_id").role()).isEqualTo(ColumnRole.ID);
        assertThat(r.dataset().schema().column("income").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(r.diagnostics()).anyMatch(d -> d.code() == ErrorCode.IMPORT_ID_COLUMN
                && "applicant_id".equals(d.column()));
    }

    @Test
    void namesSplitIntoWords() {
        assertThat(IdColumns.hasIdName("applicant_id")).isTrue();
        assertThat(IdColumns.hasIdName("customerId")).isTrue();
        assertThat(IdColumns.hasIdName("ID")).isTrue();
        assertThat(IdColumns.hasIdName("order number")).isTrue();
        assertThat(IdColumns.hasIdName("valid")).isFalse();
        assertThat(IdColumns.hasIdName("identity")).isFalse();
    }
}
