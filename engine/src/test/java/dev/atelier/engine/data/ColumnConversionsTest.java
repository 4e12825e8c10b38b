package dev.atelier.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnConversionsTest {

    @Test
    void textToNumbersSetsUnreadableValuesMissingAndCountsThem() {
        Dataset d = Dataset.builder("t").categorical("x", "1", "2.5", "oops", null, "4", "n/a").build();
        ConversionResult r = ColumnConversions.convert(d, "x", ColumnType.NUMERIC);
        assertThat(r.dataset().schema().column("x").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(r.dataset().numbers(0)).containsExactly(1, 2.5, Double.NaN, Double.NaN, 4, Double.NaN);
        assertThat(r.diagnostics()).singleElement().satisfies(diag -> {
            assertThat(diag.code()).isEqualTo(ErrorCode.IMPORT_VALUES_SET_MISSING);
            assertThat(diag.args()).containsExactly(2, "x", "numbers", "oops");
            assertThat(diag.column()).isEqualTo("x");
        });
    }

    @Test
    void textToNumbersUsesDecimalCommasWhenThatFitsBest() {
        Dataset d = Dataset.builder("t").text("x", "1,5", "2", "0,25").build();
        ConversionResult r = ColumnConversions.convert(d, "x", ColumnType.NUMERIC);
        assertThat(r.dataset().numbers(0)).containsExactly(1.5, 2, 0.25);
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void leadingZeroCodesBecomeNumbersWhenTheUserAsks() {
        Dataset d = Dataset.builder("t").text("id", "007", "010").build();
        assertThat(ColumnConversions.convert(d, "id", ColumnType.NUMERIC).dataset().numbers(0)).containsExactly(7, 10);
    }

    @Test
    void numbersToTextUseDisplayText() {
        Dataset d = Dataset.builder("t").numeric("n", 1, 2.5, Double.NaN).build();
        Dataset c = ColumnConversions.convert(d, "n", ColumnType.CATEGORICAL).dataset();
        assertThat(c.schema().column("n").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(List.of(c.text(0, 0), c.text(1, 0))).containsExactly("1", "2.5");
        assertThat(c.isMissing(2, 0)).isTrue();
    }

    @Test
    void textToBooleanAcceptsWordsAndDigits() {
        Dataset d = Dataset.builder("t").categorical("b", "yes", "0", "1", "False", "perhaps").build();
        ConversionResult r = ColumnConversions.convert(d, "b", ColumnType.BOOLEAN);
        Dataset c = r.dataset();
        assertThat(List.of(c.value(0, 0), c.value(1, 0), c.value(2, 0), c.value(3, 0)))
                .containsExactly(true, false, true, false);
        assertThat(c.isMissing(4, 0)).isTrue();
        assertThat(r.diagnostics()).singleElement()
                .satisfies(diag -> assertThat(diag.args()).containsExactly(1, "b", "true/false values", "perhaps"));
    }

    @Test
    void numbersToBooleanMapOneAndZero() {
        Dataset d = Dataset.builder("t").numeric("n", 1, 0, 2, Double.NaN).build();
        ConversionResult r = ColumnConversions.convert(d, "n", ColumnType.BOOLEAN);
        assertThat(r.dataset().value(0, 0)).isEqualTo(true);
        assertThat(r.dataset().value(1, 0)).isEqualTo(false);
        assertThat(r.dataset().isMissing(2, 0)).isTrue();
        assertThat(r.diagnostics()).singleElement().satisfies(diag -> assertThat(diag.args().getFirst()).isEqualTo(1));
    }

    @Test
    void textToDatesPicksTheOrderThatReadsEveryValue() {
        Dataset d = Dataset.builder("t").text("d", "25/12/2024", "01/02/2024", "later").build();
        ConversionResult r = ColumnConversions.convert(d, "d", ColumnType.DATETIME);
        assertThat(r.dataset().value(1, 0)).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
        assertThat(r.dataset().isMissing(2, 0)).isTrue();
        assertThat(r.diagnostics()).singleElement()
                .satisfies(diag -> assertThat(diag.args()).containsExactly(1, "d", "dates", "later"));
    }

    @Test
    void booleansAndDatesToNumbers() {
        Dataset d = Dataset.builder("t")
                .bool("b", true, false, null)
                .dateTime("d", LocalDateTime.of(1970, 1, 2, 0, 0), null, null)
                .build();
        assertThat(ColumnConversions.convert(d, "b", ColumnType.NUMERIC).dataset().numbers(0))
                .containsExactly(1, 0, Double.NaN);
        assertThat(ColumnConversions.convert(d, "d", ColumnType.NUMERIC).dataset().numbers(1))
                .containsExactly(86_400, Double.NaN, Double.NaN);
    }

    @Test
    void conversionKeepsRoleAndOtherColumnsAndLeavesTheOriginalAlone() {
        Dataset d = Dataset.builder("t").text("y", "1", "2").numeric("x", 5, 6).target("y").build();
        Dataset c = ColumnConversions.convert(d, "y", ColumnType.NUMERIC).dataset();
        assertThat(c.schema().column("y").role()).isEqualTo(ColumnRole.TARGET);
        assertThat(c.numbers(1)).containsExactly(5, 6);
        assertThat(d.schema().column("y").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void sameTypeIsANoOp() {
        Dataset d = Dataset.builder("t").numeric("x", 1).build();
        ConversionResult r = ColumnConversions.convert(d, "x", ColumnType.NUMERIC);
        assertThat(r.dataset()).isSameAs(d);
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void unknownColumnIsASpecError() {
        Dataset d = Dataset.builder("t").numeric("x", 1).build();
        assertThatThrownBy(() -> ColumnConversions.convert(d, "nope", ColumnType.TEXT))
                .isInstanceOfSatisfying(SpecException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
    }
}
