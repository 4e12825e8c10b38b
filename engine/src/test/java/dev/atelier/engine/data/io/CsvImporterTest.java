package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.TestJobContexts;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return file(name, content, StandardCharsets.UTF_8);
    }

    private Path file(String name, String content, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(charset));
        return p;
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static List<ErrorCode> codes(ImportResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    private static Diagnostic only(ImportResult r, ErrorCode code) {
        List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code() == code).toList();
        assertThat(found).as("diagnostics %s", code).hasSize(1);
        return found.getFirst();
    }

    private static ColumnType type(Dataset d, String column) {
        return d.schema().column(column).type();
    }

    private static ErrorCode failureCode(Path p) {
        try {
            CsvImporter.read(p);
        } catch (DataException e) {
            return e.code();
        }
        throw new AssertionError("no DataException for " + p);
    }

    @Nested
    class Header {
        @Test
        void detectsHeaderAboveNumbers() throws IOException {
            var r = CsvImporter.read(file("people.csv", "name,age,score\nAnn,34,1.5\nBob,29,2.25\n"));
            Dataset d = r.dataset();
            assertThat(d.schema().names()).containsExactly("name", "age", "score");
            assertThat(d.rowCount()).isEqualTo(2);
            assertThat(type(d, "age")).isEqualTo(ColumnType.NUMERIC);
            assertThat(d.number(1, 2)).isEqualTo(2.25);
            assertThat(r.format().header()).isEqualTo(HeaderMode.PRESENT);
            assertThat(only(r, ErrorCode.IMPORT_FORMAT_DETECTED).args())
                    .containsExactly("comma", "UTF-8", "with a header row");
        }

        @Test
        void detectsMissingHeaderWhenFirstRowHasTheColumnsTypes() throws IOException {
            var r = CsvImporter.read(file("nums.csv", "1,2.5,x\n3,4.5,y\n5,6.5,x\n"));
            assertThat(r.dataset().schema().names()).containsExactly("column_1", "column_2", "column_3");
            assertThat(r.dataset().rowCount()).isEqualTo(3);
            assertThat(r.format().header()).isEqualTo(HeaderMode.ABSENT);
            assertThat(only(r, ErrorCode.IMPORT_FORMAT_DETECTED).args().get(2)).isEqualTo("no header row");
        }

        @Test
        void allTextFileIsTakenToHaveAHeader() throws IOException {
            var r = CsvImporter.read(file("t.csv", "city,country\nParis,France\nLyon,France\n"));
            assertThat(r.dataset().schema().names()).containsExactly("city", "country");
            assertThat(r.dataset().rowCount()).isEqualTo(2);
        }

        @Test
        void firstRowValueRepeatedBelowMeansNoHeader() throws IOException {
            var r = CsvImporter.read(file("sms.tsv", "ham\tGo until later\nspam\tWin a prize now\nham\tSee you\n"));
            assertThat(r.format().header()).isEqualTo(HeaderMode.ABSENT);
            assertThat(r.dataset().rowCount()).isEqualTo(3);
            assertThat(r.dataset().text(0, 0)).isEqualTo("ham");
        }

        @Test
        void headerWithAnEmptyIndexNameIsStillDetected() throws IOException {
            var r = CsvImporter.read(file("pandas.csv", ",name,age\n0,Ann,30\n1,Bob,40\n"));
            assertThat(r.dataset().schema().names()).containsExactly("column_1", "name", "age");
            assertThat(only(r, ErrorCode.IMPORT_HEADER_RENAMED).args()).containsExactly("", "column_1");
        }

        @Test
        void emptyAndDuplicateHeaderNamesAreRenamedAndTrimmed() throws IOException {
            var r = CsvImporter.read(file("h.csv", " id ,name,,name\n1,a,b,c\n2,d,e,f\n"),
                    CsvOptions.defaults().withHeader(HeaderMode.PRESENT), TestJobContexts.recording());
            assertThat(r.dataset().schema().names()).containsExactly("id", "name", "column_3", "name_2");
            assertThat(r.diagnostics().stream().filter(d -> d.code() == ErrorCode.IMPORT_HEADER_RENAMED)
                    .map(Diagnostic::args)).containsExactly(List.of("", "column_3"), List.of("name", "name_2"));
        }

        @Test
        void pinnedAbsentHeaderKeepsFirstRowAsData() throws IOException {
            var r = CsvImporter.read(file("a.csv", "a,b\nc,d\n"), CsvOptions.defaults().withHeader(HeaderMode.ABSENT),
                    TestJobContexts.recording());
            assertThat(r.dataset().rowCount()).isEqualTo(2);
            assertThat(r.dataset().text(0, 0)).isEqualTo("a");
        }

        @Test
        void titleLinesAboveTheTableAreSkipped() throws IOException {
            Path p = file("report.csv",
                    "Sales report 2024\nGenerated by the shop system\n\nregion,units,price\nEU,5,1.5\nUS,7,2.5\n");
            var r = CsvImporter.read(p);
            assertThat(r.dataset().schema().names()).containsExactly("region", "units", "price");
            assertThat(r.dataset().rowCount()).isEqualTo(2);
            assertThat(only(r, ErrorCode.IMPORT_LINES_SKIPPED).args()).containsExactly(2);
            assertSameCells(r.dataset(), CsvImporter.read(p, r.format(), TestJobContexts.recording()).dataset());
        }

        @Test
        void headerOnlyFileIsAnError() throws IOException {
            assertThat(failureCode(file("h.csv", "name,age,city\n"))).isEqualTo(ErrorCode.IMPORT_NO_ROWS);
        }

        @Test
        void singleNumericRowIsData() throws IOException {
            var r = CsvImporter.read(file("one.csv", "1,2,3\n"));
            assertThat(r.dataset().rowCount()).isEqualTo(1);
            assertThat(r.dataset().schema().names()).containsExactly("column_1", "column_2", "column_3");
        }
    }

    @Nested
    class Quoting {
        @Test
        void quotedFieldsKeepDelimitersAndLineBreaks() throws IOException {
            var r = CsvImporter.read(file("q.csv", "id,comment\n1,\"Hello, world\nsecond line\"\n2,plain\n"));
            assertThat(r.dataset().rowCount()).isEqualTo(2);
            assertThat(r.dataset().text(0, 1)).isEqualTo("Hello, world\nsecond line");
            assertThat(r.dataset().text(1, 1)).isEqualTo("plain");
        }

        @Test
        void doubledQuotesBecomeOneQuote() throws IOException {
            var r = CsvImporter.read(file("q.csv", "id,quote\n1,\"She said \"\"hi\"\"\"\n2,\"\"\"\"\n"));
            assertThat(r.dataset().text(0, 1)).isEqualTo("She said \"hi\"");
            assertThat(r.dataset().text(1, 1)).isEqualTo("\"");
        }

        @Test
        void crLfAndCrLineEndingsReadLikeLf() throws IOException {
            String lf = "a,b\n1,x\n2,\"y\nz\"\n";
            Dataset expected = CsvImporter.read(file("lf.csv", lf)).dataset();
            for (String ending : List.of("\r\n", "\r")) {
                Dataset d = CsvImporter.read(file("e.csv", lf.replace("\n", ending))).dataset();
                assertThat(d.rowCount()).isEqualTo(2);
                assertThat(d.text(0, 1)).isEqualTo("x");
                assertThat(d.text(1, 1)).isEqualTo("y" + ending + "z");
                assertThat(d.number(1, 0)).isEqualTo(expected.number(1, 0));
            }
        }

        @Test
        void unquotedSpacesAreTrimmedButQuotedSpacesKept() throws IOException {
            var r = CsvImporter.read(file("s.csv", "a, b\nx ,  \" zed \"\n"));
            assertThat(r.dataset().schema().names()).containsExactly("a", "b");
            assertThat(r.dataset().text(0, 0)).isEqualTo("x");
            assertThat(r.dataset().text(0, 1)).isEqualTo(" zed ");
        }

        @Test
        void unterminatedQuoteIsADiagnosticNotACrash() throws IOException {
            var r = CsvImporter.read(file("u.csv", "a,b\n1,ok\n2,\"never closed\n3,more\n"));
            assertThat(only(r, ErrorCode.IMPORT_UNTERMINATED_QUOTE).args()).containsExactly(3L);
            assertThat(r.dataset().rowCount()).isEqualTo(2);
            assertThat(r.dataset().text(1, 1)).isEqualTo("never closed\n3,more\n");
        }

        @Test
        void blankLinesAreSkipped() throws IOException {
            var r = CsvImporter.read(file("b.csv", "a,b\n\n1,2\n   \n3,4\n\n"));
            assertThat(r.dataset().rowCount()).isEqualTo(2);
        }
    }

    @Nested
    class Encoding {
        @Test
        void utf8BomIsNotPartOfTheFirstName() throws IOException {
            Path p = bytes("bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    "name,size\ncafé,1\n".getBytes(StandardCharsets.UTF_8)));
            var r = CsvImporter.read(p);
            assertThat(r.dataset().schema().names()).containsExactly("name", "size");
            assertThat(r.dataset().text(0, 0)).isEqualTo("café");
            assertThat(r.format().charset()).isEqualTo("UTF-8");
            // the pinned format reads the BOM file the same way
            assertThat(CsvImporter.read(p, r.format(), TestJobContexts.recording()).dataset().schema().names())
                    .containsExactly("name", "size");
        }

        @Test
        void utf16WithBomIsDecoded() throws IOException {
            byte[] body = "name,size\nnaïve,1\n".getBytes(StandardCharsets.UTF_16LE);
            var r = CsvImporter.read(bytes("u16.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, body)));
            assertThat(r.dataset().schema().names()).containsExactly("name", "size");
            assertThat(r.dataset().text(0, 0)).isEqualTo("naïve");
            assertThat(r.format().charset()).isEqualTo("UTF-16LE");
        }

        @Test
        void utf16WithoutBomIsDetectedFromItsZeroBytes() throws IOException {
            var r = CsvImporter.read(bytes("u16be.csv", "name,size\nÅsa,1\nBo,2\n".getBytes(StandardCharsets.UTF_16BE)));
            assertThat(r.format().charset()).isEqualTo("UTF-16BE");
            assertThat(r.dataset().text(0, 0)).isEqualTo("Åsa");
        }

        @Test
        void latin1FileReadsAsWindows1252() throws IOException {
            var r = CsvImporter.read(file("l1.csv", "drink,price\ncafé,2.5\nthé,3\n", StandardCharsets.ISO_8859_1));
            assertThat(r.format().charset()).isEqualTo("windows-1252");
            assertThat(r.dataset().text(0, 0)).isEqualTo("café");
            assertThat(only(r, ErrorCode.IMPORT_FORMAT_DETECTED).args().get(1)).isEqualTo("windows-1252");
        }

        @Test
        void invalidUtf8FarIntoTheFileFallsBackToWindows1252() throws IOException {
            StringBuilder sb = new StringBuilder("word,n\n");
            for (int i = 0; i < 20_000; i++) {
                sb.append("plain").append(i).append(',').append(i).append('\n');
            }
            byte[] ascii = sb.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "caf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1);
            var r = CsvImporter.read(bytes("late.csv", concat(ascii, tail)));
            assertThat(r.format().charset()).isEqualTo("windows-1252");
            assertThat(r.dataset().text(20_000, 0)).isEqualTo("café");
        }

        @Test
        void pinnedCharsetThatDoesNotFitIsAnError() throws IOException {
            Path p = file("l1.csv", "drink\ncafé\n", StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> CsvImporter.read(p, CsvOptions.defaults().withCharset("UTF-8"),
                    TestJobContexts.recording()))
                    .isInstanceOf(DataException.class)
                    .extracting(e -> ((DataException) e).code()).isEqualTo(ErrorCode.IMPORT_BAD_ENCODING);
        }

        @Test
        void unknownCharsetNameIsABadEncoding() throws IOException {
            Path p = file("x.csv", "a\n1\n");
            assertThatThrownBy(() -> CsvImporter.read(p, CsvOptions.defaults().withCharset("no-such-charset"),
                    TestJobContexts.recording()))
                    .isInstanceOf(DataException.class)
                    .extracting(e -> ((DataException) e).code()).isEqualTo(ErrorCode.IMPORT_BAD_ENCODING);
        }
    }

    @Nested
    class Delimiters {
        @Test
        void semicolonFileWithDecimalCommasIsDetected() throws IOException {
            var r = CsvImporter.read(file("eu.csv", "Name;Preis;Menge\nApfel;1,5;3\nBirne;2,25;4\nKiwi;0,75;1\n"));
            assertThat(r.format().delimiter()).isEqualTo(';');
            assertThat(r.dataset().schema().names()).containsExactly("Name", "Preis", "Menge");
            assertThat(type(r.dataset(), "Preis")).isEqualTo(ColumnType.NUMERIC);
            assertThat(r.dataset().number(1, 1)).isEqualTo(2.25);
            assertThat(only(r, ErrorCode.IMPORT_FORMAT_DETECTED).args().getFirst()).isEqualTo("semicolon");
        }

        @Test
        void tabFileIsDetected() throws IOException {
            var r = CsvImporter.read(file("t.tsv", "a\tb c\tcomment\n1\t2\thello, there\n3\t4\tbye, now\n"));
            assertThat(r.format().delimiter()).isEqualTo('\t');
            assertThat(r.dataset().schema().names()).containsExactly("a", "b c", "comment");
            assertThat(r.dataset().text(0, 2)).isEqualTo("hello, there");
            assertThat(only(r, ErrorCode.IMPORT_FORMAT_DETECTED).args().getFirst()).isEqualTo("tab");
        }

        @Test
        void pipeFileIsDetected() throws IOException {
            var r = CsvImporter.read(file("p.txt", "a|b\n1|x\n2|y\n"));
            assertThat(r.format().delimiter()).isEqualTo('|');
            assertThat(r.dataset().columnCount()).isEqualTo(2);
        }

        @Test
        void quotedDelimitersDoNotMisleadDetection() throws IOException {
            var r = CsvImporter.read(file("q.csv", "name,notes\n\"a;b;c\",\"x;y\"\n\"d;e;f\",\"z;w\"\n"));
            assertThat(r.format().delimiter()).isEqualTo(',');
            assertThat(r.dataset().text(0, 0)).isEqualTo("a;b;c");
        }

        @Test
        void spreadsheetSepLineNamesTheDelimiterAndIsSkipped() throws IOException {
            Path p = file("excel.csv", "sep=;\r\na;b\r\n1,5;x\r\n2;y\r\n");
            var r = CsvImporter.read(p);
            assertThat(r.format().delimiter()).isEqualTo(';');
            assertThat(r.dataset().schema().names()).containsExactly("a", "b");
            assertThat(r.dataset().numbers(0)).containsExactly(1.5, 2);
            assertSameCells(r.dataset(), CsvImporter.read(p, r.format(), TestJobContexts.recording()).dataset());
        }

        @Test
        void singleColumnFileIsReadWithComma() throws IOException {
            var r = CsvImporter.read(file("one.csv", "value\n1\n2\n3\n"));
            assertThat(r.format().delimiter()).isEqualTo(',');
            assertThat(r.dataset().schema().names()).containsExactly("value");
            assertThat(r.dataset().rowCount()).isEqualTo(3);
        }
    }

    @Nested
    class RaggedRows {
        @Test
        void shortRowsArePaddedAndLongRowsCutWithOneDiagnostic() throws IOException {
            var r = CsvImporter.read(file("r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n13\n"));
            Dataset d = r.dataset();
            assertThat(d.rowCount()).isEqualTo(5);
            assertThat(d.columnCount()).isEqualTo(3);
            assertThat(d.isMissing(1, 2)).isTrue();
            assertThat(d.number(2, 2)).isEqualTo(8);
            assertThat(only(r, ErrorCode.IMPORT_RAGGED_ROWS).args()).containsExactly(3, 3, 3L);
        }

        @Test
        void trailingDelimitersDoNotAddAColumnOrWarn() throws IOException {
            var r = CsvImporter.read(file("t.csv", "a,b,c\n1,2,3,\n4,5,6,\n7,8,9,\n"));
            assertThat(r.dataset().schema().names()).containsExactly("a", "b", "c");
            assertThat(codes(r)).doesNotContain(ErrorCode.IMPORT_RAGGED_ROWS);
        }

        @Test
        void headerShorterThanTheDataGetsAGeneratedName() throws IOException {
            var r = CsvImporter.read(file("t.csv", "a,b\n1,2,3\n4,5,6\n7,8,9\n"));
            assertThat(r.dataset().schema().names()).containsExactly("a", "b", "column_3");
            assertThat(r.dataset().number(2, 2)).isEqualTo(9);
        }
    }

    @Nested
    class Types {
        @Test
        void missingMarkersBecomeMissing() throws IOException {
            var r = CsvImporter.read(file("m.csv", "x,y\n1,a\nNA,b\n3, \n?,n/a\n5,c\n"));
            Dataset d = r.dataset();
            assertThat(type(d, "x")).isEqualTo(ColumnType.NUMERIC);
            assertThat(d.isMissing(1, 0)).isTrue();
            assertThat(d.isMissing(3, 0)).isTrue();
            assertThat(d.isMissing(2, 1)).isTrue();
            assertThat(d.isMissing(3, 1)).isTrue();
            assertThat(d.missingCount(1)).isEqualTo(2);
        }

        @Test
        void customMissingMarkersAreMatchedAfterTrimming() throws IOException {
            CsvOptions opts = new CsvOptions(null, '"', HeaderMode.DETECT, null, Set.of("", "-999", "unknown"), 0,
                    Map.of());
            var r = CsvImporter.read(file("m.csv", "x,y\n1,a\n -999 ,unknown\n3,NA\n"), opts, TestJobContexts.recording());
            assertThat(r.dataset().isMissing(1, 0)).isTrue();
            assertThat(r.dataset().isMissing(1, 1)).isTrue();
            assertThat(r.dataset().text(2, 1)).isEqualTo("NA");
        }

        @Test
        void leadingZerosKeepACodeColumnAsTextWithANote() throws IOException {
            var r = CsvImporter.read(file("ids.csv", "id,amount\n007,1\n012,2\n0123,3\n100,4\n"));
            Dataset d = r.dataset();
            assertThat(type(d, "id")).isEqualTo(ColumnType.TEXT);
            assertThat(d.text(0, 0)).isEqualTo("007");
            Diagnostic note = only(r, ErrorCode.IMPORT_LEADING_ZEROS_KEPT);
            assertThat(note.severity()).isEqualTo(Severity.INFO);
            assertThat(note.column()).isEqualTo("id");
            assertThat(type(d, "amount")).isEqualTo(ColumnType.NUMERIC);
        }

        @Test
        void repeatedZipCodesWithLeadingZerosAreCategorical() throws IOException {
            StringBuilder sb = new StringBuilder("zip\n");
            for (int i = 0; i < 30; i++) {
                sb.append(i % 2 == 0 ? "02134" : "10001").append('\n');
            }
            var r = CsvImporter.read(file("zip.csv", sb.toString()));
            assertThat(type(r.dataset(), "zip")).isEqualTo(ColumnType.CATEGORICAL);
        }

        @Test
        void zeroAndDecimalsBelowOneAreNotLeadingZeros() throws IOException {
            var r = CsvImporter.read(file("z.csv", "x\n0\n0.5\n-0.25\n10\n"));
            assertThat(type(r.dataset(), "x")).isEqualTo(ColumnType.NUMERIC);
            assertThat(codes(r)).doesNotContain(ErrorCode.IMPORT_LEADING_ZEROS_KEPT);
        }

        @Test
        void zeroOneColumnIsNumericNotBoolean() throws IOException {
            var r = CsvImporter.read(file("b.csv", "flag\n0\n1\n1\n0\n"));
            assertThat(type(r.dataset(), "flag")).isEqualTo(ColumnType.NUMERIC);
        }

        @Test
        void trueFalseWordsAreBoolean() throws IOException {
            var r = CsvImporter.read(file("b.csv", "a,b,c,d\ntrue,Yes,y,T\nFALSE,no,N,f\n,yes,n,t\n"));
            Dataset d = r.dataset();
            for (String c : List.of("a", "b", "c", "d")) {
                assertThat(type(d, c)).as(c).isEqualTo(ColumnType.BOOLEAN);
            }
            assertThat(d.value(0, 0)).isEqualTo(true);
            assertThat(d.value(1, 1)).isEqualTo(false);
            assertThat(d.isMissing(2, 0)).isTrue();
        }

        @Test
        void numbersWithSignsExponentsAndThousandsSeparators() throws IOException {
            var r = CsvImporter.read(file("n.csv", "a,b\n-1.5e3,\"1,234.5\"\n+2,\"12,345,678\"\n.5,999\n"));
            Dataset d = r.dataset();
            assertThat(d.numbers(0)).containsExactly(-1500, 2, 0.5);
            assertThat(type(d, "b")).isEqualTo(ColumnType.NUMERIC);
            assertThat(d.numbers(1)).containsExactly(1234.5, 12_345_678, 999);
        }

        @Test
        void misplacedThousandsSeparatorsAreNotNumbers() throws IOException {
            var r = CsvImporter.read(file("n.csv", "b\n\"1,2,3\"\n\"12,34,5\"\n\"1,234\"\n"));
            assertThat(type(r.dataset(), "b")).isEqualTo(ColumnType.CATEGORICAL);
        }

        @Test
        void decimalCommasInQuotedFieldsAreNumbers() throws IOException {
            var r = CsvImporter.read(file("n.csv", "b\n\"1,5\"\n\"12,25\"\n3\n"));
            assertThat(type(r.dataset(), "b")).isEqualTo(ColumnType.NUMERIC);
            assertThat(r.dataset().numbers(0)).containsExactly(1.5, 12.25, 3);
        }

        @Test
        void percentagesStayText() throws IOException {
            var r = CsvImporter.read(file("p.csv", "rate\n5%\n10%\n"));
            assertThat(type(r.dataset(), "rate")).isEqualTo(ColumnType.CATEGORICAL);
        }

        @Test
        void isoDatesAndDateTimesAreRead() throws IOException {
            var r = CsvImporter.read(file("d.csv",
                    "day,stamp,slashed\n2024-01-31,2024-01-31T08:30,2024/01/31\n2024-02-29,2024-02-29 17:45:10.5,2024/2/29\n"));
            Dataset d = r.dataset();
            assertThat(type(d, "day")).isEqualTo(ColumnType.DATETIME);
            assertThat(type(d, "stamp")).isEqualTo(ColumnType.DATETIME);
            assertThat(type(d, "slashed")).isEqualTo(ColumnType.DATETIME);
            assertThat(d.value(1, 0)).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
            assertThat(d.value(0, 1)).isEqualTo(LocalDateTime.of(2024, 1, 31, 8, 30));
            assertThat(d.value(1, 1)).isEqualTo(LocalDateTime.of(2024, 2, 29, 17, 45, 10, 500_000_000));
            assertThat(d.value(1, 2)).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        }

        @Test
        void dayFirstAndMonthFirstDatesAreToldApartByTheirValues() throws IOException {
            var r = CsvImporter.read(file("d.csv", "eu,us\n31/01/2024,01/31/2024\n05/02/2024,02/05/2024\n"));
            Dataset d = r.dataset();
            assertThat(d.value(1, 0)).isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0));
            assertThat(d.value(1, 1)).isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0));
            assertThat(codes(r)).doesNotContain(ErrorCode.IMPORT_DATE_ORDER_ASSUMED);
        }

        @Test
        void ambiguousDatesAreReadMonthFirstWithANote() throws IOException {
            var r = CsvImporter.read(file("d.csv", "when\n01/02/2024\n03/04/2024\n"));
            assertThat(r.dataset().value(0, 0)).isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
            assertThat(only(r, ErrorCode.IMPORT_DATE_ORDER_ASSUMED).args()).containsExactly("when", "month/day/year");
        }

        @Test
        void aFewUnreadableNumbersBecomeMissingWithOneDiagnostic() throws IOException {
            StringBuilder sb = new StringBuilder("x\n");
            for (int i = 0; i < 100; i++) {
                sb.append(i == 17 ? "oops" : i == 60 ? "n.a." : Integer.toString(i)).append('\n');
            }
            var r = CsvImporter.read(file("n.csv", sb.toString()));
            assertThat(type(r.dataset(), "x")).isEqualTo(ColumnType.NUMERIC);
            assertThat(r.dataset().isMissing(17, 0)).isTrue();
            assertThat(only(r, ErrorCode.IMPORT_VALUES_SET_MISSING).args()).containsExactly(2, "x", "numbers", "oops");
        }

        @Test
        void tooManyUnreadableNumbersKeepTheColumnAsText() throws IOException {
            StringBuilder sb = new StringBuilder("x\n");
            for (int i = 0; i < 100; i++) {
                sb.append(i % 10 == 0 ? "none" : Integer.toString(i)).append('\n');
            }
            var r = CsvImporter.read(file("n.csv", sb.toString()));
            assertThat(type(r.dataset(), "x")).isIn(ColumnType.CATEGORICAL, ColumnType.TEXT);
            assertThat(codes(r)).doesNotContain(ErrorCode.IMPORT_VALUES_SET_MISSING);
        }

        @Test
        void manyDistinctOrLongValuesAreTextFewAreCategorical() throws IOException {
            StringBuilder sb = new StringBuilder("name,colour,comment\n");
            for (int i = 0; i < 120; i++) {
                sb.append("person").append(i).append(',').append(i % 3 == 0 ? "red" : "blue").append(',')
                        .append("this is a rather long free text comment number ").append(i % 5).append('\n');
            }
            Dataset d = CsvImporter.read(file("t.csv", sb.toString())).dataset();
            assertThat(type(d, "name")).isEqualTo(ColumnType.TEXT);
            assertThat(type(d, "colour")).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(type(d, "comment")).isEqualTo(ColumnType.TEXT);
        }

        @Test
        void allMissingColumnIsText() throws IOException {
            var r = CsvImporter.read(file("e.csv", "a,b\n1,\n2,NA\n"));
            assertThat(type(r.dataset(), "b")).isEqualTo(ColumnType.TEXT);
            assertThat(r.dataset().missingCount(1)).isEqualTo(2);
        }

        @Test
        void typeOverridesWin() throws IOException {
            Path p = file("o.csv", "id,flag,amount\n007,1,12\n008,0,x\n009,yes,14\n");
            CsvOptions opts = CsvOptions.defaults().withTypeOverrides(Map.of(
                    "id", ColumnType.NUMERIC, "flag", ColumnType.BOOLEAN, "amount", ColumnType.NUMERIC));
            var r = CsvImporter.read(p, opts, TestJobContexts.recording());
            Dataset d = r.dataset();
            assertThat(d.numbers(0)).containsExactly(7, 8, 9);
            assertThat(d.value(0, 1)).isEqualTo(true);
            assertThat(d.value(1, 1)).isEqualTo(false);
            assertThat(d.value(2, 1)).isEqualTo(true);
            assertThat(d.isMissing(1, 2)).isTrue();
            assertThat(only(r, ErrorCode.IMPORT_VALUES_SET_MISSING).args()).containsExactly(1, "amount", "numbers", "x");
            assertThat(codes(r)).doesNotContain(ErrorCode.IMPORT_LEADING_ZEROS_KEPT);
        }
    }

    @Nested
    class FileProblems {
        @Test
        void missingFileIsNotFound() {
            assertThat(failureCode(dir.resolve("nope.csv"))).isEqualTo(ErrorCode.FILE_NOT_FOUND);
        }

        @Test
        void directoryIsRejected() {
            assertThat(failureCode(dir)).isEqualTo(ErrorCode.FILE_IS_DIRECTORY);
        }

        @Test
        void zeroByteAndWhitespaceOnlyFilesAreEmpty() throws IOException {
            assertThat(failureCode(bytes("zero.csv", new byte[0]))).isEqualTo(ErrorCode.FILE_EMPTY);
            assertThat(failureCode(file("ws.csv", "  \n\t\r\n  "))).isEqualTo(ErrorCode.FILE_EMPTY);
            assertThat(failureCode(bytes("bomonly.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})))
                    .isEqualTo(ErrorCode.FILE_EMPTY);
        }

        @Test
        void binaryFilesAreRecognised() throws IOException {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
            assertBinary(bytes("img.csv", png), "a PNG image");
            assertBinary(bytes("x.csv", "%PDF-1.7\nstuff".getBytes(StandardCharsets.US_ASCII)), "a PDF document");
            assertBinary(bytes("g.csv", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0}), "a GZIP-compressed file");
            assertBinary(bytes("j.csv", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}),
                    "a JPEG image");
            assertBinary(bytes("n.csv", "a,b\n1,\u0000\u00012\n".getBytes(StandardCharsets.ISO_8859_1)),
                    "binary data");
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("xl/workbook.xml"));
                z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            assertBinary(bytes("book.xlsx", zip.toByteArray()), "a ZIP archive (maybe an Excel .xlsx file)");
        }

        private void assertBinary(Path p, String description) {
            assertThatThrownBy(() -> CsvImporter.read(p))
                    .isInstanceOfSatisfying(DataException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.FILE_BINARY);
                        assertThat(e.args()).containsExactly(p.toString(), description);
                    });
        }
    }

    @Nested
    class Limits {
        private Path numbers(int rows) throws IOException {
            StringBuilder sb = new StringBuilder("i,sq\n");
            for (int i = 0; i < rows; i++) {
                sb.append(i).append(',').append((long) i * i).append('\n');
            }
            return file("big.csv", sb.toString());
        }

        @Test
        void rowLimitStopsEarlyWithAWarning() throws IOException {
            var r = CsvImporter.read(numbers(100), CsvOptions.defaults().withMaxRows(10), TestJobContexts.recording());
            assertThat(r.dataset().rowCount()).isEqualTo(10);
            assertThat(r.dataset().number(9, 1)).isEqualTo(81);
            assertThat(only(r, ErrorCode.IMPORT_ROW_LIMIT_REACHED).args()).containsExactly(10, 10L);
        }

        @Test
        void rowLimitAboveTheRowCountIsSilent() throws IOException {
            var r = CsvImporter.read(numbers(10), CsvOptions.defaults().withMaxRows(10), TestJobContexts.recording());
            assertThat(r.dataset().rowCount()).isEqualTo(10);
            assertThat(codes(r)).doesNotContain(ErrorCode.IMPORT_ROW_LIMIT_REACHED);
        }

        @Test
        void rowLimitCountsDataRowsOfAHeaderlessFile() throws IOException {
            var r = CsvImporter.read(file("h.csv", "1,2\n3,4\n5,6\n7,8\n"), CsvOptions.defaults().withMaxRows(2),
                    TestJobContexts.recording());
            assertThat(r.format().header()).isEqualTo(HeaderMode.ABSENT);
            assertThat(r.dataset().numbers(0)).containsExactly(1, 3);
            assertThat(codes(r)).contains(ErrorCode.IMPORT_ROW_LIMIT_REACHED);
        }

        @Test
        void previewReadsOnlyTheFirstRows() throws IOException {
            var r = CsvImporter.preview(numbers(1000), CsvOptions.defaults(), 5);
            assertThat(r.dataset().rowCount()).isEqualTo(5);
            assertThat(r.dataset().schema().names()).containsExactly("i", "sq");
        }

        @Test
        void cancellationStopsReading() throws IOException {
            Path p = numbers(50_000);
            var ctx = TestJobContexts.cancelAfterProgressCalls(3);
            assertThatThrownBy(() -> CsvImporter.read(p, CsvOptions.defaults(), ctx))
                    .isInstanceOf(CancellationException.class);
        }

        @Test
        void progressIsMonotoneAndEndsAtOne() throws IOException {
            Path p = numbers(50_000);
            var ctx = TestJobContexts.recording();
            CsvImporter.read(p, CsvOptions.defaults(), ctx);
            assertThat(ctx.fractions).hasSizeGreaterThan(3);
            assertThat(ctx.fractions).isSorted();
            assertThat(ctx.fractions.getLast()).isEqualTo(1.0);
            assertThat(ctx.fractions).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
            assertThat(ctx.statusKeys).containsExactly("job.import.reading", "job.import.inferring");
            assertThat(ctx.statusArgs.getFirst()).containsExactly("big.csv");
        }
    }

    @Nested
    class Results {
        @Test
        void datasetIsNamedAfterTheFile() throws IOException {
            assertThat(CsvImporter.read(file("sales.2024.csv", "a\n1\n")).dataset().name()).isEqualTo("sales.2024");
        }

        @Test
        void readingWithThePinnedFormatGivesTheSameDataset() throws IOException {
            Path p = file("mix.csv", "id;when;amount;ok\n007;01/02/2024;1,5;yes\n008;03/04/2024;2;no\n");
            var first = CsvImporter.read(p);
            assertThat(first.format().delimiter()).isNotNull();
            assertThat(first.format().charset()).isNotNull();
            assertThat(first.format().header()).isNotEqualTo(HeaderMode.DETECT);
            var second = CsvImporter.read(p, first.format(), TestJobContexts.recording());
            assertSameCells(first.dataset(), second.dataset());
            assertThat(second.diagnostics()).isEqualTo(first.diagnostics());
        }
    }

    static void assertSameCells(Dataset a, Dataset b) {
        assertThat(b.schema()).isEqualTo(a.schema());
        assertThat(b.rowCount()).isEqualTo(a.rowCount());
        for (int r = 0; r < a.rowCount(); r++) {
            for (int c = 0; c < a.columnCount(); c++) {
                assertThat(b.value(r, c)).as("row %d column %d", r, c).isEqualTo(a.value(r, c));
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
