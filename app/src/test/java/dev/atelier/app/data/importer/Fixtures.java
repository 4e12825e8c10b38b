package dev.atelier.app.data.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/// Small data sources of every format, and the bad-input corpus, written into a test's temporary folder.
public final class Fixtures {
    private Fixtures() {
    }

    /// A bad input: what it is, where, and whether reading it must fail (otherwise it reads with a warning).
    public record Bad(String name, Path path, boolean fails) {
    }

    public static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /// A workbook with a "Summary" sheet (a title, then a table) and a "Sales" sheet (region, units).
    public static Path workbook(Path file) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet summary = wb.createSheet("Summary");
            Row h = summary.createRow(0);
            h.createCell(0).setCellValue("quarter");
            h.createCell(1).setCellValue("revenue");
            for (int i = 1; i <= 4; i++) {
                Row r = summary.createRow(i);
                r.createCell(0).setCellValue("Q" + i);
                r.createCell(1).setCellValue(100.0 * i);
            }
            Sheet sales = wb.createSheet("Sales");
            String[][] rows = {{"region", "units"}, {"North", "12"}, {"South", "7"}, {"East", "9"}};
            for (int i = 0; i < rows.length; i++) {
                Row r = sales.createRow(i);
                r.createCell(0).setCellValue(rows[i][0]);
                if (i == 0) {
                    r.createCell(1).setCellValue(rows[i][1]);
                } else {
                    r.createCell(1).setCellValue(Double.parseDouble(rows[i][1]));
                }
            }
            wb.write(out);
        }
        return file;
    }

    /// An SQLite database with the tables `customers` (3 rows) and `orders` (4 rows).
    public static Path sqlite(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (name TEXT, city TEXT, age INTEGER)");
            s.execute("INSERT INTO customers VALUES ('Ann','Oslo',31),('Bob','Rome',45),('Cid','Lima',28)");
            s.execute("CREATE TABLE orders (order_id INTEGER, customer TEXT, total REAL)");
            s.execute("INSERT INTO orders VALUES (1,'Ann',10.5),(2,'Bob',3.0),(3,'Ann',7.25),(4,'Cid',1.0)");
        }
        return file;
    }

    /// An image folder `cat` (3 images) and `dog` (2 images, one in a nested folder); with `corrupt`, one cat
    /// image is cut short.
    public static Path images(Path root, boolean corrupt) throws IOException {
        Files.createDirectories(root.resolve("cat"));
        Files.createDirectories(root.resolve("dog/puppies"));
        Files.write(root.resolve("cat/a.png"), png(64, 48));
        Files.write(root.resolve("cat/b.png"), png(32, 32));
        Files.write(root.resolve("cat/c.png"), corrupt ? Arrays.copyOf(png(8, 8), 14) : png(16, 16));
        Files.write(root.resolve("dog/d.png"), png(40, 30));
        Files.write(root.resolve("dog/puppies/e.png"), png(20, 10));
        Files.writeString(root.resolve("dog/readme.md"), "not an image");
        return root;
    }

    /// The header of a PNG image of `w` × `h` pixels (enough for the importer, which reads only sizes).
    public static byte[] png(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return b.array();
    }

    /// The engine's Parquet test file.
    public static Path parquet() {
        Path p = Path.of("../engine/src/test/resources/data/customers.parquet");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing " + p.toAbsolutePath());
        }
        return p;
    }

    /// The bad-input corpus of issue 3, written below `dir`.
    public static List<Bad> badInputs(Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Bad> out = new ArrayList<>();
        out.add(new Bad("empty file", Files.write(dir.resolve("empty.csv"), new byte[0]), true));
        out.add(new Bad("header only", write(dir.resolve("header-only.csv"), "a,b,c\n"), true));
        byte[] binary = new byte[600];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 37 % 251);
        }
        out.add(new Bad("binary named .csv", Files.write(dir.resolve("picture.csv"), binary), true));
        byte[] utf8 = "name,city\nAnn,Zürich\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin = "Bob,Genève\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mixed = new byte[utf8.length + latin.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(latin, 0, mixed, utf8.length, latin.length);
        out.add(new Bad("mixed encodings", Files.write(dir.resolve("mixed.csv"), mixed), false));
        StringBuilder wide = new StringBuilder();
        for (int j = 0; j < 10_000; j++) {
            wide.append(j == 0 ? "" : ",").append("c").append(j);
        }
        wide.append('\n');
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 10_000; j++) {
                wide.append(j == 0 ? "" : ",").append((r * 7 + j) % 13);
            }
            wide.append('\n');
        }
        out.add(new Bad("10,000 columns", write(dir.resolve("wide.csv"), wide.toString()), false));
        out.add(new Bad("all-missing column", write(dir.resolve("all-missing.csv"), "a,b\n1,\n2,\n3,\n"), false));
        out.add(new Bad("duplicate column names", write(dir.resolve("dup.csv"), "a,a,b\n1,2,3\n4,5,6\n"), false));
        out.add(new Bad("ragged rows", write(dir.resolve("ragged.csv"), "a,b,c\n1,2,3\n4,5\n6,7,8,9\n1,1,1\n"), false));
        out.add(new Bad("Excel with merged cells and formulas", mergedWorkbook(dir.resolve("merged.xlsx")), false));
        out.add(new Bad("JSONL with a broken line", write(dir.resolve("broken.jsonl"),
                "{\"a\":1}\n{\"a\":2\n{\"a\":3}\n"), false));
        out.add(new Bad("corrupt PNG in an image folder", images(dir.resolve("pets"), true), false));
        byte[] parquet = Files.readAllBytes(parquet());
        out.add(new Bad("truncated Parquet", Files.write(dir.resolve("cut.parquet"),
                Arrays.copyOf(parquet, parquet.length / 2)), true));
        return out;
    }

    private static Path mergedWorkbook(Path file) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("Report");
            s.createRow(0).createCell(0).setCellValue("Quarterly report");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            Row h = s.createRow(2);
            h.createCell(0).setCellValue("item");
            h.createCell(1).setCellValue("price");
            h.createCell(2).setCellValue("per_unit");
            for (int i = 0; i < 4; i++) {
                Row r = s.createRow(3 + i);
                r.createCell(0).setCellValue("i" + i);
                r.createCell(1).setCellValue(10.0 * i);
                r.createCell(2).setCellFormula("B" + (4 + i) + "/" + i); // B/0 is #DIV/0!
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return file;
    }
}
