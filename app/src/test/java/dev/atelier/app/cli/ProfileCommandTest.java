package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.persist.Json;
import dev.atelier.engine.testkit.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    @TempDir
    Path dir;

    private Path customers() throws IOException {
        Path file = dir.resolve("customers.csv");
        try (var in = getClass().getResourceAsStream("/cli/customers.csv")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsRowsColumnsAndWarnings() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString(), "--target", "churned", "--json");
        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = Json.MAPPER.readValue(run.out(), Map.class);
        assertThat(json.get("rows")).isEqualTo(11);
        List<Object> columns = (List<Object>) json.get("columns");
        assertThat(columns).hasSize(7);
        Map<String, Object> id = (Map<String, Object>) columns.getFirst();
        assertThat(id.get("name")).isEqualTo("customer_id");
        assertThat(id.get("type")).isIn("text", "categorical");   // "0001" keeps its leading zeros
        Map<String, Object> age = (Map<String, Object>) columns.get(2);
        assertThat(age).containsEntry("type", "numeric").containsEntry("missing", 1);
        Map<String, Object> target = (Map<String, Object>) columns.getLast();
        assertThat(target).containsEntry("role", "target");
        List<Object> warnings = (List<Object>) json.get("warnings");
        assertThat(warnings).anySatisfy(w -> assertThat((Map<String, Object>) w)
                .containsEntry("type", "DUPLICATE_ROWS").containsKeys("column", "detail"));
    }

    @Test
    void jsonReportMatchesTheGoldenFile() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString(), "--target", "churned", "--json");
        String normalized = run.out().replace(dir.resolve("customers.csv").toString(), "customers.csv");
        GoldenFiles.assertMatches("cli/profile-customers.json", normalized);
    }

    private Path loan() throws IOException {
        return dev.atelier.sampledata.SampleDatasets.extract(dev.atelier.sampledata.SampleDatasets.LOAN_APPROVAL, dir);
    }

    /// The report of the loan sample with gender and age sensitive: JSON and HTML, bias section included, against
    /// golden files (the temporary folder's path normalised; the report carries no timestamps).
    @Test
    void jsonAndHtmlWithTheBiasSectionMatchTheGoldenFiles() throws IOException {
        Path data = loan();
        Path html = dir.resolve("loan.html");
        CliRun run = CliRun.of("profile", "--data", data.toString(), "--target", "approved", "--sensitive",
                "gender,age", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        GoldenFiles.assertMatches("cli/profile-loan-bias.json", run.out().replace(data.toString(), "loan-approval.csv"));
        assertThat(CliRun.of("profile", "--data", data.toString(), "--target", "approved", "--sensitive", "gender,age",
                "--out", html.toString()).exitCode()).isZero();
        GoldenFiles.assertMatches("cli/profile-loan-bias.html",
                Files.readString(html).replace(data.toString(), "loan-approval.csv"));
    }

    /// The bias values in the profile equal those `atelier bias` computes for the same facet and outcome.
    @Test
    @SuppressWarnings("unchecked")
    void biasValuesEqualTheBiasCommands() throws IOException {
        Path data = loan();
        CliRun run = CliRun.of("profile", "--data", data.toString(), "--target", "approved", "--sensitive", "gender",
                "--json");
        Map<String, Object> json = Json.MAPPER.readValue(run.out(), Map.class);
        Map<String, Object> bias = (Map<String, Object>) json.get("bias");
        assertThat(bias).containsEntry("tolerance", 0.1);
        Map<String, Object> facet = (Map<String, Object>) ((List<Object>) bias.get("facets")).getFirst();
        assertThat(facet).containsEntry("facet", "gender = female").containsEntry("facet_rows", 921);
        Path out = dir.resolve("bias.json");
        assertThat(CliRun.of("bias", "--data", data.toString(), "--label", "approved", "--positive", "yes", "--facet",
                "gender=female", "--out", out.toString()).exitCode()).isZero();
        Map<String, Object> expected = Json.MAPPER.readValue(Files.readString(out), Map.class);
        for (Object m : (List<Object>) facet.get("metrics")) {
            Map<String, Object> metric = (Map<String, Object>) m;
            assertThat(((Number) metric.get("value")).doubleValue()).as((String) metric.get("metric"))
                    .isEqualTo(((Number) expected.get(metric.get("metric"))).doubleValue());
        }
        assertThat(CliRun.of("profile", "--data", data.toString(), "--sensitive", "nope").exitCode()).isEqualTo(1);
    }

    @Test
    void outWritesHtmlOrJsonByExtension() throws IOException {
        Path data = customers();
        Path html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");
        assertThat(CliRun.of("profile", "--data", data.toString(), "--out", html.toString()).exitCode()).isZero();
        assertThat(CliRun.of("profile", "--data", data.toString(), "--out", json.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("customer_id", "Duplicate rows");
        assertThat(Json.MAPPER.readTree(Files.readString(json)).path("rows").asInt()).isEqualTo(11);
    }

    @Test
    void defaultOutputIsAReadableSummary() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("11 rows × 7 columns", "monthly_spend", "numeric", "DUPLICATE_ROWS");
    }

    @Test
    void missingFileIsOneClearLineAndExitOne() {
        Path out = dir.resolve("never.json");
        CliRun run = CliRun.of("profile", "--data", dir.resolve("nope.csv").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("does not exist");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void emptyBinaryAndFolderInputsFailCleanly() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path binary = Files.write(dir.resolve("image.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        for (Path bad : List.of(empty, binary, dir)) {
            CliRun run = CliRun.of("profile", "--data", bad.toString(), "--json");
            assertThat(run.exitCode()).as(bad.toString()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        }
    }

    @Test
    void unknownTargetIsAFailureNotAUsageError() throws IOException {
        CliRun run = CliRun.of("profile", "--data", customers().toString(), "--target", "nope");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no column called \"nope\"");
    }

    @Test
    void verboseAddsTheTechnicalDetails() {
        CliRun run = CliRun.of("profile", "--verbose", "--data", dir.resolve("nope.csv").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("DataException").contains("FILE_NOT_FOUND");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(CliRun.of("profile").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("profile", "--data", customers().toString(), "--json", "--out", "x.json").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("profile", "--data", customers().toString(), "--delimiter", "ab").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("profile", "--data", customers().toString(), "--header", "sometimes").exitCode()).isEqualTo(2);
    }

    @Test
    void theSourceFileIsNeverModified() throws IOException {
        Path data = customers();
        byte[] before = Files.readAllBytes(data);
        CliRun.of("profile", "--data", data.toString(), "--out", dir.resolve("r.html").toString());
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }

    /// 400 rows: two honest features, a leak (the label plus noise), planted duplicates and one planted outlier.
    private Path leaky() throws IOException {
        var random = new java.util.Random(4);
        var sb = new StringBuilder("x,z,leak,segment,label\n");
        for (int i = 0; i < 400; i++) {
            double x = random.nextGaussian();
            double z = i == 7 ? 900 : random.nextGaussian();
            boolean yes = random.nextDouble() < 1 / (1 + Math.exp(-2 * x));
            String line = String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.3f,%s,%s%n", x, z,
                    (yes ? 50 : 0) + random.nextDouble(), "s" + random.nextInt(3), yes ? "yes" : "no");
            sb.append(line);
            if (i % 100 == 3) {
                sb.append(line);
            }
        }
        return Files.writeString(dir.resolve("leaky.csv"), sb.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasInsightsWithLeakageQuickModelPowerAndAnomalies() throws IOException {
        CliRun run = CliRun.of("profile", "--data", leaky().toString(), "--target", "label", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = Json.MAPPER.readValue(run.out(), Map.class);
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) json.get("warnings");
        assertThat(warnings).allSatisfy(w -> assertThat(w).containsOnlyKeys("type", "column", "detail"));
        assertThat(warnings).filteredOn(w -> "TARGET_LEAKAGE".equals(w.get("type")))
                .extracting(w -> w.get("column")).containsExactly("leak");
        assertThat(warnings).extracting(w -> w.get("type")).contains("DUPLICATE_ROWS", "OUTLIERS");
        Map<String, Object> quick = (Map<String, Object>) json.get("quick_model");
        assertThat(quick).containsEntry("algorithm", "xgboost").containsEntry("metric", "auc");
        assertThat((Double) quick.get("score")).isGreaterThan(0.9);
        List<Map<String, Object>> power = (List<Map<String, Object>>) json.get("feature_power");
        assertThat(power).extracting(p -> p.get("column")).startsWith("leak").contains("x", "z", "segment");
        assertThat(power.getFirst()).containsKeys("metric", "score");
        Map<String, Object> duplicates = (Map<String, Object>) json.get("duplicates");
        assertThat(duplicates).containsEntry("count", 4);
        assertThat((List<List<Integer>>) duplicates.get("groups")).first().isEqualTo(List.of(4, 5));
        Map<String, Object> anomalies = (Map<String, Object>) json.get("anomalies");
        assertThat(anomalies).containsEntry("method", "random cut forest");
        assertThat((List<Map<String, Object>>) anomalies.get("top")).first()
                .satisfies(a -> assertThat(a).containsEntry("row", 9));   // the planted outlier (i = 7, after one copied row)
    }

    @Test
    void htmlReportHasTheInsightSections() throws IOException {
        Path html = dir.resolve("leaky.html");
        CliRun run = CliRun.of("profile", "--data", leaky().toString(), "--target", "label", "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("Quick model and prediction power", "Duplicate rows", "Outliers",
                "Anomalous rows", "Target leakage", "<svg").doesNotContain("http://", "https://", "<script");
    }

    @Test
    void summaryShowsTheQuickModelAndPower() throws IOException {
        CliRun run = CliRun.of("profile", "--data", leaky().toString(), "--target", "label");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Quick model (xgboost, auc", "Prediction power", "TARGET_LEAKAGE",
                "Anomalous rows");
    }

    @Test
    @SuppressWarnings("unchecked")
    void profilesExcelSqliteAndJsonLinesWithTheirOptions() throws Exception {
        Path xlsx = dir.resolve("book.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            wb.createSheet("Intro").createRow(0).createCell(0).setCellValue("hello");
            var sheet = wb.createSheet("Data");
            var h = sheet.createRow(0);
            h.createCell(0).setCellValue("city");
            h.createCell(1).setCellValue("sales");
            for (int i = 1; i <= 6; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue(i % 2 == 0 ? "Oslo" : "Rome");
                row.createCell(1).setCellValue(i * 10);
            }
            wb.write(out);
        }
        CliRun excel = CliRun.of("profile", "--data", xlsx.toString(), "--sheet", "Data", "--json");
        assertThat(excel.exitCode()).as(excel.err()).isZero();
        Map<String, Object> json = Json.MAPPER.readValue(excel.out(), Map.class);
        assertThat(json.get("rows")).isEqualTo(6);
        assertThat((Map<String, Object>) json.get("format")).containsEntry("source", "excel");
        assertThat((Map<String, Object>) ((Map<String, Object>) json.get("format")).get("inferred"))
                .containsEntry("sheet", "Data");

        CliRun wrongSheet = CliRun.of("profile", "--data", xlsx.toString(), "--sheet", "Budget");
        assertThat(wrongSheet.exitCode()).isEqualTo(1);
        assertThat(wrongSheet.err()).contains("no sheet \"Budget\"", "Intro, Data").doesNotContain("Exception");

        Path db = dir.resolve("shop.sqlite");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE a (x INTEGER)");
            st.execute("CREATE TABLE orders (id INTEGER, amount REAL)");
            st.execute("INSERT INTO orders VALUES (1, 9.5), (2, 3.0), (3, 4.25)");
        }
        CliRun sql = CliRun.of("profile", "--data", db.toString(), "--table", "orders");
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        assertThat(sql.out()).contains("3 rows × 2 columns", "sql, table orders");
        CliRun query = CliRun.of("profile", "--data", db.toString(), "--query", "SELECT amount FROM orders", "--json");
        assertThat(Json.MAPPER.readTree(query.out()).path("columns").size()).isEqualTo(1);
        CliRun noTable = CliRun.of("profile", "--data", db.toString());
        assertThat(noTable.exitCode()).isEqualTo(1);
        assertThat(noTable.err()).contains("--table");

        Path jsonl = Files.writeString(dir.resolve("e.jsonl"), "{\"a\": {\"b\": 1}}\n{broken\n{\"a\": {\"b\": 2}}\n");
        CliRun lines = CliRun.of("profile", "--data", jsonl.toString());
        assertThat(lines.exitCode()).as(lines.err()).isZero();
        assertThat(lines.out()).contains("a.b", "line 2");
    }

    @Test
    void anUnknownFormatNameIsAUsageError() throws IOException {
        assertThat(CliRun.of("profile", "--data", customers().toString(), "--format", "pdf").exitCode()).isEqualTo(2);
    }
}
