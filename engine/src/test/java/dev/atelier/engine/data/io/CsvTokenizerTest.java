package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

    private static List<List<String>> records(String text, int bufferSize) throws IOException {
        CsvTokenizer t = new CsvTokenizer(new StringReader(text), ',', '"', bufferSize);
        List<List<String>> out = new ArrayList<>();
        while (t.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < t.fieldCount(); i++) {
                row.add(t.field(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void splitsFieldsAndRecords() throws IOException {
        assertThat(records("a,b\r\nc,\"d,e\"\n,\n", 8192))
                .containsExactly(List.of("a", "b"), List.of("c", "d,e"), List.of("", ""));
    }

    @Test
    void keepsTextAfterAClosingQuoteLiterally() throws IOException {
        assertThat(records("\"ab\"cd,x\n", 8192)).containsExactly(List.of("abcd", "x"));
    }

    @Test
    void quoteInsideAnUnquotedFieldIsOrdinary() throws IOException {
        assertThat(records("5'11\",x\n", 8192)).containsExactly(List.of("5'11\"", "x"));
    }

    @Test
    void countsLinesAcrossQuotedLineBreaks() throws IOException {
        CsvTokenizer t = new CsvTokenizer(new StringReader("a\n\"b\r\nc\"\n\nd\n"), ',', '"');
        List<Long> lines = new ArrayList<>();
        while (t.next()) {
            lines.add(t.recordLine());
        }
        assertThat(lines).containsExactly(1L, 2L, 5L);
    }

    @Test
    void dropsAByteOrderMark() throws IOException {
        assertThat(records("\uFEFFa,b\n", 1)).containsExactly(List.of("a", "b"));
    }

    @Property(tries = 500)
    void tinyBuffersGiveTheSameRecordsAsLargeOnes(
            @ForAll @Chars({'a', 'b', ',', '"', '\n', '\r', ' ', ';'}) @StringLength(max = 60) String text,
            @ForAll @IntRange(min = 1, max = 7) int bufferSize) throws IOException {
        assertThat(records(text, bufferSize)).isEqualTo(records(text, 1 << 16));
    }
}
