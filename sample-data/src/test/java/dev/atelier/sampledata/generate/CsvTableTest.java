package dev.atelier.sampledata.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void quotesOnlyWhenRfc4180RequiresItAndEndsEveryLineWithNewline() {
        CsvTable table = new CsvTable(List.of("id", "text"));
        table.add(List.of("007", "plain"));
        table.add(List.of("008", "a, b"));
        table.add(List.of("009", "say \"hi\""));
        table.add(List.of("010", "two\nlines"));
        table.add(List.of("011", " padded"));
        table.add(List.of("012", ""));

        assertThat(table.toCsv()).isEqualTo("""
                id,text
                007,plain
                008,"a, b"
                009,"say ""hi\"""
                010,"two
                lines"
                011," padded"
                012,
                """);
    }

    @Test
    void numbersHaveFixedDecimalsWhateverTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(CsvTable.number(1234.5, 2)).isEqualTo("1234.50");
            assertThat(CsvTable.number(0.125, 2)).isEqualTo("0.12");
            assertThat(CsvTable.number(-0.001, 2)).isEqualTo("0.00");
            assertThat(CsvTable.number(-0.0, 1)).isEqualTo("0.0");
            assertThat(CsvTable.number(1e9, 0)).isEqualTo("1000000000");
            assertThat(CsvTable.integer(-42)).isEqualTo("-42");
        } finally {
            Locale.setDefault(previous);
        }
        assertThatThrownBy(() -> CsvTable.number(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRaggedRows() {
        CsvTable table = new CsvTable(List.of("a", "b"));
        assertThatThrownBy(() -> table.add(List.of("1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
