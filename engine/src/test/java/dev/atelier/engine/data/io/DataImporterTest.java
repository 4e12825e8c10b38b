package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataImporterTest {
    @TempDir
    Path dir;

    private ImportResult read(Path file) {
        return DataImporter.read(file, ImportOptions.defaults(), JobContext.silent());
    }

    private ImportResult read(Path file, ImportOptions options) {
        return DataImporter.read(file, options, JobContext.silent());
    }

    private static ErrorCode codeOf(Throwable e) {
        return ((DataException) e).code();
    }

    private static List<ErrorCode> codes(ImportResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    // ---- Excel -------------------------------------------------------------------------------------------

    private Path workbook(Workbook wb, String name) throws IOException {
        Sheet notes = wb.createSheet("Notes");
        notes.createRow(0).createCell(0).setCellValue("note");
        notes.createRow(1).createCell(0).setCellValue("read me");
        Sheet sales = wb.createSheet("Sales");
        sales.createRow(0).createCell(0).setCellValue("Quarterly sales"); // a title above the table
        Row h = sales.createRow(2);
        String[] header = {"region", "units", "price", "revenue", "when", "ok", "region"};
        for (int i = 0; i < header.length; i++) {
            h.createCell(i).setCellValue(header[i]);
        }
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        String[] regions = {"North", "South", "East", "West"};
        for (int r = 0; r < 8; r++) {
            Row row = sales.createRow(3 + r);
            row.createCell(0).setCellValue(regions[r % 4]);
            row.createCell(1).setCellValue(10 + r);
            row.createCell(2).setCellValue(2.5);
            row.createCell(3).setCellFormula(r == 5 ? "B" + (4 + r) + "/0" : "B" + (4 + r) + "*C" + (4 + r));
            var when = row.createCell(4);
            when.setCellValue(LocalDateTime.of(2024, 1, 1 + r, 0, 0));
            when.setCellStyle(dateStyle);
            row.createCell(5).setCellValue(r % 2 == 0);
            row.createCell(6).setCellValue("dup" + r);
        }
        sales.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    @Test
    void excelReadsTheChosenSheetWithFormulasDatesAndHeaderRow() throws IOException {
        for (Path file : List.of(workbook(new XSSFWorkbook(), "sales.xlsx"), workbook(new HSSFWorkbook(), "sales.xls"))) {
            byte[] before = Files.readAllBytes(file);
            ImportResult r = read(file, ImportOptions.defaults().withSheet("Sales", 3));
            Dataset d = r.dataset();
            assertThat(r.source()).isEqualTo(DataFormat.EXCEL);
            assertThat(r.inferred()).containsEntry("sheet", "Sales").containsEntry("header_row", "3")
                    .containsEntry("sheets", "Notes, Sales");
            assertThat(d.schema().names()).containsExactly("region", "units", "price", "revenue", "when", "ok",
                    "region_2");
            assertThat(d.rowCount()).isEqualTo(8);
            assertThat(d.schema().column("units").type()).isEqualTo(ColumnType.NUMERIC);
            assertThat(d.schema().column("revenue").type()).isEqualTo(ColumnType.NUMERIC);
            assertThat(d.number(0, 3)).isEqualTo(25.0);         // formula value
            assertThat(d.isMissing(5, 3)).isTrue();              // #DIV/0!
            assertThat(d.schema().column("when").type()).isEqualTo(ColumnType.DATETIME);
            assertThat(d.text(2, 4)).isEqualTo("2024-01-03");
            assertThat(d.schema().column("ok").type()).isEqualTo(ColumnType.BOOLEAN);
            assertThat(codes(r)).contains(ErrorCode.IMPORT_FORMULA_ERRORS, ErrorCode.IMPORT_HEADER_RENAMED);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        }
    }

    @Test
    void excelDefaultsToTheFirstSheetAndRejectsAnUnknownOne() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "book.xlsx");
        ImportResult first = read(file);
        assertThat(first.inferred()).containsEntry("sheet", "Notes");
        ImportResult byNumber = read(file, ImportOptions.defaults().withSheet("2", 0));
        assertThat(byNumber.inferred()).containsEntry("sheet", "Sales").containsEntry("header_row", "1");
        assertThatThrownBy(() -> read(file, ImportOptions.defaults().withSheet("Budget", 0)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_SHEET_NOT_FOUND))
                .satisfies(e -> assertThat(((DataException) e).args()).contains("Notes, Sales"));
    }

    @Test
    void aDamagedWorkbookIsATypedError() throws IOException {
        Path fake = Files.write(dir.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThatThrownBy(() -> read(fake)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_FILE_CORRUPT));
    }

    // ---- JSON --------------------------------------------------------------------------------------------

    @Test
    void jsonArrayIsFlattenedToDottedColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("people.json"), """
                [{"name": "Ann", "age": 31, "address": {"city": "Oslo", "geo": {"lat": 59.9}}, "tags": ["a", "b"]},
                 {"name": "Bo", "age": null, "address": {"city": "Rome"}, "vip": true}]
                """);
        ImportResult r = read(file);
        Dataset d = r.dataset();
        assertThat(r.source()).isEqualTo(DataFormat.JSON);
        assertThat(d.schema().names()).containsExactly("name", "age", "address.city", "address.geo.lat", "tags", "vip");
        assertThat(d.text(0, 2)).isEqualTo("Oslo");
        assertThat(d.isMissing(1, 1)).isTrue();
        assertThat(d.text(0, 4)).isEqualTo("[\"a\",\"b\"]");
        assertThat(d.isMissing(0, 5)).isTrue();
    }

    @Test
    void jsonLinesSkipsABrokenLineAndSaysWhich() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"),
                "{\"id\": 1, \"kind\": \"click\"}\n{\"id\": 2, \"kind\": \n\n{\"id\": 3, \"kind\": \"view\"}\n");
        ImportResult r = read(file);
        assertThat(r.source()).isEqualTo(DataFormat.JSON_LINES);
        assertThat(r.dataset().rowCount()).isEqualTo(2);
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo(ErrorCode.IMPORT_LINES_UNREADABLE);
            assertThat(d.args()).containsExactly(1, 2L);
        });
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path array = Files.writeString(dir.resolve("bad.json"), "[\n{\"a\": 1},\n{\"a\": }\n]");
        assertThatThrownBy(() -> read(array)).satisfies(e -> {
            assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_JSON_MALFORMED);
            assertThat(((DataException) e).args().get(1)).isEqualTo(3L);
        });
        Path lines = Files.writeString(dir.resolve("bad.jsonl"), "not json\nalso not\n");
        assertThatThrownBy(() -> read(lines)).satisfies(e -> {
            assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_JSON_MALFORMED);
            assertThat(((DataException) e).args().get(1)).isEqualTo(1L);
        });
    }

    @Test
    void augmentedManifestLinesAreJsonLines() throws IOException {
        Path file = Files.writeString(dir.resolve("train.manifest"),
                "{\"source-ref\": \"s3://b/1.jpg\", \"class\": 0, \"class-metadata\": {\"class-name\": \"cat\"}}\n"
                        + "{\"source-ref\": \"s3://b/2.jpg\", \"class\": 1, \"class-metadata\": {\"class-name\": \"dog\"}}\n");
        Dataset d = read(file).dataset();
        assertThat(d.schema().names()).containsExactly("source-ref", "class", "class-metadata.class-name");
    }

    @Test
    void deepArLinesBecomeALongTimeSeriesTable() throws IOException {
        Path file = Files.writeString(dir.resolve("train.json"), """
                {"start": "2024-01-01 00:00:00", "target": [1, 2.5, "NaN"], "cat": [0, 3], "dynamic_feat": [[0.1, 0.2, 0.3]]}
                {"start": "2024-02-01", "target": [7, 8], "cat": [1, 3], "dynamic_feat": [[1, 1]]}
                """);
        ImportResult r = read(file);
        Dataset d = r.dataset();
        assertThat(r.source()).isEqualTo(DataFormat.DEEPAR);
        assertThat(d.schema().names()).containsExactly("item_id", "timestamp", "target", "cat_1", "cat_2",
                "dynamic_feat_1");
        assertThat(d.rowCount()).isEqualTo(5);
        assertThat(d.schema().column("timestamp").type()).isEqualTo(ColumnType.DATETIME);
        assertThat(d.text(1, 1)).isEqualTo("2024-01-02");
        assertThat(d.isMissing(2, 2)).isTrue();
        assertThat(d.text(3, 0)).isEqualTo("series_2");
        assertThat(codes(r)).contains(ErrorCode.IMPORT_VALUE_ASSUMED);
        ImportResult hourly = read(file, ImportOptions.defaults().withFrequency("1H"));
        assertThat(hourly.dataset().text(1, 1)).isEqualTo("2024-01-01 01:00");
        assertThat(codes(hourly)).doesNotContain(ErrorCode.IMPORT_VALUE_ASSUMED);
    }

    // ---- SQL ---------------------------------------------------------------------------------------------

    private Path database(String... tables) throws Exception {
        Path file = dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            for (String t : tables) {
                st.execute("CREATE TABLE " + t + " (id TEXT, amount REAL, placed TEXT, paid INTEGER)");
                for (int i = 0; i < 5; i++) {
                    st.execute("INSERT INTO " + t + " VALUES ('00" + i + "', " + (i * 1.5) + ", '2024-03-0" + (i + 1)
                            + "', " + (i % 2) + ")");
                }
            }
        }
        return file;
    }

    @Test
    void sqliteReadsItsOnlyTableOrAQuery() throws Exception {
        Path file = database("orders");
        byte[] before = Files.readAllBytes(file);
        ImportResult r = read(file);
        assertThat(r.source()).isEqualTo(DataFormat.SQL);
        assertThat(r.inferred()).containsEntry("table", "orders");
        Dataset d = r.dataset();
        assertThat(d.rowCount()).isEqualTo(5);
        assertThat(d.text(1, 0)).isEqualTo("001");                      // leading zeros kept
        assertThat(d.schema().column("amount").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(d.schema().column("placed").type()).isEqualTo(ColumnType.DATETIME);
        ImportResult q = read(file, ImportOptions.defaults().withSql(null, "SELECT amount FROM orders WHERE paid = 1"));
        assertThat(q.dataset().rowCount()).isEqualTo(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void sqliteWithSeveralTablesNeedsAChoiceAndChecksIt() throws Exception {
        Path file = database("orders", "refunds");
        assertThatThrownBy(() -> read(file)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_TABLE_REQUIRED));
        assertThat(read(file, ImportOptions.defaults().withSql("REFUNDS", null)).inferred()).containsEntry("table", "refunds");
        assertThatThrownBy(() -> read(file, ImportOptions.defaults().withSql("orders; DROP TABLE orders", null)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_TABLE_NOT_FOUND));
        assertThatThrownBy(() -> read(file, ImportOptions.defaults().withSql(null, "DELETE FROM orders")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_SQL_FAILED));
        assertThat(read(file, ImportOptions.defaults().withSql("orders", null)).dataset().rowCount()).isEqualTo(5);
    }

    @Test
    void anUnknownJdbcDriverIsATypedError() {
        assertThatThrownBy(() -> DataImporter.read("jdbc:nosuchdb://host/db?password=secret", ImportOptions.defaults(),
                JobContext.silent()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_DRIVER_MISSING))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThat(SqlImporter.redact("jdbc:postgresql://u:pw@h/db?password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://u:***@h/db?password=***&ssl=true");
    }

    @Test
    void postgresqlDriverIsBundledAndAnUnreachableServerIsATypedError() throws Exception {
        assertThat(java.sql.DriverManager.getDriver("jdbc:postgresql://localhost/db")).isNotNull();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();                               // closed again: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop?connectTimeout=5";
        assertThatThrownBy(() -> DataImporter.read(url, new DatabaseLogin("analyst", "s3cret-pw"),
                ImportOptions.defaults().withSql("orders", null), JobContext.silent()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_DB_UNREACHABLE))
                .satisfies(e -> assertThat(e.getMessage() + ((AtelierException) e).args()).doesNotContain("s3cret-pw"));
        assertThatThrownBy(() -> DataImporter.databaseTables(url + "&password=s3cret-pw", null))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_DB_UNREACHABLE))
                .satisfies(e -> assertThat(e.getMessage() + ((AtelierException) e).args()).doesNotContain("s3cret-pw"));
        assertThat(new DatabaseLogin("analyst", "s3cret-pw").toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void databaseTablesListsAnSqliteFilesTablesByUrl() throws Exception {
        Path file = database("orders", "refunds");
        assertThat(DataImporter.databaseTables("jdbc:sqlite:" + file, null)).containsExactly("orders", "refunds");
        assertThat(DataImporter.preview("jdbc:sqlite:" + file, null, ImportOptions.defaults().withSql("refunds", null), 3)
                .dataset().rowCount()).isEqualTo(3);
    }

    // ---- text corpora ----------------------------------------------------------------------------------

    @Test
    void blazingTextLinesGiveLabelAndText() throws IOException {
        Path file = Files.writeString(dir.resolve("reviews.txt"),
                "__label__pos I loved every minute of it\n\n__label__neg Boring, slow, and too long\n"
                        + "__label__pos __label__funny Laughed all the way through\n");
        ImportResult r = read(file);
        assertThat(r.source()).isEqualTo(DataFormat.TEXT_CORPUS);
        Dataset d = r.dataset();
        assertThat(d.schema().names()).containsExactly("label", "text");
        assertThat(d.text(1, 0)).isEqualTo("neg");
        assertThat(d.text(1, 1)).isEqualTo("Boring, slow, and too long");
        assertThat(d.text(2, 0)).isEqualTo("pos funny");
        assertThat(d.schema().column("text").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void aPlainCorpusIsOneDocumentPerLineInItsEncoding() throws IOException {
        Path file = dir.resolve("notes.corpus");
        Files.write(file, "Café au lait, s'il vous plaît\nZweite Zeile, größer\n".getBytes(Charset.forName("windows-1252")));
        ImportResult r = read(file);
        assertThat(r.inferred()).containsEntry("encoding", "windows-1252");
        assertThat(r.dataset().schema().names()).containsExactly("text");
        assertThat(r.dataset().text(0, 0)).isEqualTo("Café au lait, s'il vous plaît");
    }

    // ---- images ------------------------------------------------------------------------------------------

    static byte[] png(int w, int h) {
        var b = java.nio.ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        b.putInt(13).put("IHDR".getBytes()).putInt(w).putInt(h).put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
        b.putInt(0).put("IEND".getBytes()).putInt(0xAE426082);
        return b.array();
    }

    static byte[] jpeg(int w, int h) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0, (byte) 0xFF, (byte) 0xC0,
                0, 17, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                (byte) 0xFF, (byte) 0xD9};
    }

    @Test
    void imageFolderListsImagesWithLabelsAndSizesAndReportsACorruptOne() throws IOException {
        Path root = dir.resolve("pets");
        Files.createDirectories(root.resolve("cat"));
        Files.createDirectories(root.resolve("dog/puppies"));
        Files.write(root.resolve("cat/a.png"), png(64, 48));
        Files.write(root.resolve("cat/b.jpg"), jpeg(320, 200));
        Files.write(root.resolve("dog/c.gif"), new byte[] {'G', 'I', 'F', '8', '9', 'a', 10, 0, 20, 0, 0, 0, 0});
        Files.write(root.resolve("dog/puppies/d.png"), Arrays.copyOf(png(5, 5), 20)); // cut short
        Files.writeString(root.resolve("dog/readme.md"), "not an image");
        ImportResult r = DataImporter.read(root.toString(), ImportOptions.defaults(), JobContext.silent());
        Dataset d = r.dataset();
        assertThat(r.source()).isEqualTo(DataFormat.IMAGE_FOLDER);
        assertThat(d.schema().names()).containsExactly("path", "label", "width", "height");
        assertThat(d.rowCount()).isEqualTo(4);
        assertThat(d.text(0, 1)).isEqualTo("cat");
        assertThat(d.number(0, 2)).isEqualTo(64);
        assertThat(d.number(1, 2)).isEqualTo(320);
        assertThat(d.number(1, 3)).isEqualTo(200);
        assertThat(d.number(2, 3)).isEqualTo(20);
        assertThat(d.text(3, 1)).isEqualTo("dog");
        assertThat(d.isMissing(3, 2)).isTrue();
        assertThat(r.diagnostics()).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ErrorCode.IMPORT_IMAGES_UNREADABLE);
            assertThat(x.args().getFirst()).isEqualTo(1);
        });
    }

    @Test
    void aFolderWithoutClassSubfoldersIsATypedError() throws IOException {
        Files.write(dir.resolve("loose.png"), png(2, 2));
        assertThatThrownBy(() -> read(dir)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_NO_IMAGES));
    }

    @Test
    void sageMakerLstFilesResolveImagesBesideThem() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        Files.write(dir.resolve("img/x.png"), png(7, 9));
        Path lst = Files.writeString(dir.resolve("train.lst"), "0\t1\timg/x.png\n1\t0\timg/missing.png\n");
        ImportResult r = read(lst);
        Dataset d = r.dataset();
        assertThat(r.source()).isEqualTo(DataFormat.IMAGE_LIST);
        assertThat(d.schema().names()).containsExactly("index", "label", "path", "width", "height");
        assertThat(d.number(0, 3)).isEqualTo(7);
        assertThat(d.isMissing(1, 3)).isTrue();
        assertThat(d.schema().column("label").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(r.inferred()).containsEntry("images_found", "1 of 2");
    }

    // ---- CSV through the entry point, encodings, errors ------------------------------------------------

    @Test
    void csvEncodingsAreSniffedThroughTheEntryPoint() throws IOException {
        String text = "name,city\nZoë,Zürich\nAndré,Besançon\n";
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("windows-1252"))) {
            Path file = dir.resolve("people-" + cs.name() + ".csv");
            Files.write(file, text.getBytes(cs));
            ImportResult r = read(file);
            assertThat(r.source()).isEqualTo(DataFormat.CSV);
            assertThat(r.dataset().text(1, 1)).as(cs.name()).isEqualTo("Besançon");
        }
        Path bom = dir.resolve("bom.csv");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(bom, withBom);
        assertThat(read(bom).dataset().schema().names()).containsExactly("name", "city");
    }

    @Test
    void missingAndEmptyFilesAreTypedErrors() throws IOException {
        assertThatThrownBy(() -> read(dir.resolve("nope.xlsx"))).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.FILE_NOT_FOUND));
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertThatThrownBy(() -> read(empty)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.FILE_EMPTY));
    }

    @Test
    void formatIsDetectedFromContentWhenTheNameSaysNothing() throws Exception {
        Path db = database("orders");
        Path renamed = Files.copy(db, dir.resolve("export.bin"));
        assertThat(DataImporter.detect(renamed)).isEqualTo(DataFormat.SQL);
        Path json = Files.writeString(dir.resolve("data.dat"), "[{\"a\": 1}]");
        assertThat(DataImporter.detect(json)).isEqualTo(DataFormat.JSON);
        assertThat(DataFormat.parse("xlsx")).contains(DataFormat.EXCEL);
        assertThat(DataFormat.parse("jsonl")).contains(DataFormat.JSON_LINES);
    }

    // ---- memory guard, sampling and preview ----------------------------------------------------------

    private Path numbers(int rows) throws IOException {
        StringBuilder sb = new StringBuilder("id,value,group\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i * 0.5).append(',').append("g").append(i % 3).append('\n');
        }
        return Files.writeString(dir.resolve("numbers.csv"), sb.toString());
    }

    @Test
    void estimateScalesWithTheFile() throws IOException {
        Path file = numbers(5000);
        DataImporter.SizeEstimate e = DataImporter.estimate(file, DataFormat.CSV, ImportOptions.defaults());
        assertThat(e.rows()).isBetween(5000L, 5002L);
        assertThat(e.columns()).isEqualTo(3);
        assertThat(e.bytes()).isGreaterThan(2 * Files.size(file));
        assertThat(e.fits()).isTrue();
    }

    @Test
    void aFileTooBigForMemoryIsSampledOrRefusedInsteadOfCrashing() throws IOException {
        Path file = numbers(5000);
        long tiny = 100_000; // pretend only 100 kB of heap is left
        ImportResult sample = DataImporter.read(file, ImportOptions.defaults().withSampling(1000, true),
                JobContext.silent(), tiny);
        Dataset d = sample.dataset();
        assertThat(d.rowCount()).isEqualTo(1000);
        assertThat(d.schema().names()).containsExactly("id", "value", "group");
        double[] ids = d.numbers(0);
        assertThat(ids).isSorted();                          // file order kept
        assertThat(ids[ids.length - 1]).isGreaterThan(4000); // spread over the whole file, not the first rows
        assertThat(sample.diagnostics()).anySatisfy(x -> assertThat(x.code()).isEqualTo(ErrorCode.IMPORT_SAMPLED));
        ImportResult again = DataImporter.read(file, ImportOptions.defaults().withSampling(1000, true),
                JobContext.silent(), tiny);
        assertThat(again.dataset().numbers(0)).isEqualTo(ids);  // the same sample every time

        assertThatThrownBy(() -> DataImporter.read(file, ImportOptions.defaults().withSampling(1000, false),
                JobContext.silent(), tiny))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.IMPORT_TOO_BIG));
        assertThat(DataImporter.read(file, ImportOptions.defaults(), JobContext.silent()).dataset().rowCount())
                .isEqualTo(5000);
    }

    @Test
    void previewReadsOnlyTheFirstRows() throws IOException {
        Path file = numbers(5000);
        ImportResult p = DataImporter.preview(file.toString(), ImportOptions.defaults(), 25);
        assertThat(p.dataset().rowCount()).isEqualTo(25);
        assertThat(p.dataset().number(24, 0)).isEqualTo(24);
    }

    @Test
    void typeOverridesApplyToOtherFormats() throws IOException {
        Path file = Files.writeString(dir.resolve("codes.jsonl"), "{\"code\": 12, \"n\": 1}\n{\"code\": 13, \"n\": 2}\n");
        ImportOptions o = ImportOptions.defaults().withCsv(CsvOptions.defaults().withTypeOverrides(
                Map.of("code", ColumnType.CATEGORICAL)));
        assertThat(read(file, o).dataset().schema().column("code").type()).isEqualTo(ColumnType.CATEGORICAL);
    }
}
