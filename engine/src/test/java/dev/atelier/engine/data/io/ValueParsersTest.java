package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.data.io.ValueParsers.DateOrder;
import dev.atelier.engine.data.io.ValueParsers.NumberStyle;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ValueParsersTest {

    @Test
    void readsPlainNumbers() {
        assertThat(ValueParsers.parseNumber("42", NumberStyle.POINT)).isEqualTo(42);
        assertThat(ValueParsers.parseNumber(" -3.25 ", NumberStyle.POINT)).isEqualTo(-3.25);
        assertThat(ValueParsers.parseNumber("+.5", NumberStyle.POINT)).isEqualTo(0.5);
        assertThat(ValueParsers.parseNumber("5.", NumberStyle.POINT)).isEqualTo(5);
        assertThat(ValueParsers.parseNumber("1e3", NumberStyle.POINT)).isEqualTo(1000);
        assertThat(ValueParsers.parseNumber("2.5E-3", NumberStyle.POINT)).isEqualTo(0.0025);
        assertThat(ValueParsers.parseNumber("-Infinity", NumberStyle.POINT)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ValueParsers.parseNumber("0.1", NumberStyle.POINT)).isEqualTo(0.1);
        assertThat(ValueParsers.parseNumber("123456789012345678901234567890", NumberStyle.POINT))
                .isEqualTo(1.2345678901234568E29);
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String s : List.of("", " ", "-", "+", ".", "e5", "1e", "1.2.3", "12%", "$5", "1 000", "NaN", "inf",
                "0x1F", "1-2", "--1", "one")) {
            assertThat(ValueParsers.parseNumber(s, NumberStyle.POINT)).as(s).isNaN();
        }
    }

    @Test
    void readsThousandsSeparatorsOnlyInValidPositions() {
        assertThat(ValueParsers.parseNumber("1,234", NumberStyle.POINT)).isEqualTo(1234);
        assertThat(ValueParsers.parseNumber("-1,234,567.89", NumberStyle.POINT)).isEqualTo(-1234567.89);
        assertThat(ValueParsers.parseNumber("1,23", NumberStyle.POINT)).isNaN();
        assertThat(ValueParsers.parseNumber("1234,567", NumberStyle.POINT)).isNaN();
        assertThat(ValueParsers.parseNumber(",123", NumberStyle.POINT)).isNaN();
        assertThat(ValueParsers.parseNumber("0,123", NumberStyle.POINT)).isNaN();
        assertThat(ValueParsers.parseNumber("1.5,000", NumberStyle.POINT)).isNaN();
    }

    @Test
    void readsDecimalCommasInCommaStyle() {
        assertThat(ValueParsers.parseNumber("1,5", NumberStyle.COMMA)).isEqualTo(1.5);
        assertThat(ValueParsers.parseNumber("1.234,5", NumberStyle.COMMA)).isEqualTo(1234.5);
        assertThat(ValueParsers.parseNumber("0,75", NumberStyle.COMMA)).isEqualTo(0.75);
        assertThat(ValueParsers.parseNumber("1.5", NumberStyle.COMMA)).isNaN();
        assertThat(ValueParsers.bestNumberStyle(Arrays.asList("1,5", "2", null, "3,25"))).isEqualTo(NumberStyle.COMMA);
        assertThat(ValueParsers.bestNumberStyle(List.of("1,500", "2.5"))).isEqualTo(NumberStyle.POINT);
    }

    @Test
    void leadingZerosAreRecognised() {
        assertThat(ValueParsers.hasLeadingZero("007")).isTrue();
        assertThat(ValueParsers.hasLeadingZero("0123")).isTrue();
        assertThat(ValueParsers.hasLeadingZero("-01")).isTrue();
        assertThat(ValueParsers.hasLeadingZero("0")).isFalse();
        assertThat(ValueParsers.hasLeadingZero("0.5")).isFalse();
        assertThat(ValueParsers.hasLeadingZero("10")).isFalse();
    }

    @Test
    void readsTrueFalseWordsButNotDigitsUnlessAsked() {
        for (String t : List.of("true", "TRUE", "Yes", "y", "T")) {
            assertThat(ValueParsers.parseBoolean(t, false)).as(t).isTrue();
        }
        for (String f : List.of("false", "No", "N", "f")) {
            assertThat(ValueParsers.parseBoolean(f, false)).as(f).isFalse();
        }
        assertThat(ValueParsers.parseBoolean("1", false)).isNull();
        assertThat(ValueParsers.parseBoolean("1", true)).isTrue();
        assertThat(ValueParsers.parseBoolean("0", true)).isFalse();
        assertThat(ValueParsers.parseBoolean("maybe", true)).isNull();
    }

    @Test
    void readsDatesInEachOrder() {
        LocalDateTime d = LocalDateTime.of(2024, 3, 7, 0, 0);
        assertThat(ValueParsers.parseDateTime("2024-03-07", DateOrder.YMD)).isEqualTo(d);
        assertThat(ValueParsers.parseDateTime("2024/3/7", DateOrder.YMD)).isEqualTo(d);
        assertThat(ValueParsers.parseDateTime("07/03/2024", DateOrder.DMY)).isEqualTo(d);
        assertThat(ValueParsers.parseDateTime("7.3.2024", DateOrder.DMY)).isEqualTo(d);
        assertThat(ValueParsers.parseDateTime("03/07/2024", DateOrder.MDY)).isEqualTo(d);
        assertThat(ValueParsers.parseDateTime("2024-03-07", DateOrder.DMY)).isNull();
        assertThat(ValueParsers.parseDateTime("07/03/2024", DateOrder.YMD)).isNull();
    }

    @Test
    void readsTimesAfterTOrSpace() {
        assertThat(ValueParsers.parseDateTime("2024-03-07T09:05", DateOrder.YMD))
                .isEqualTo(LocalDateTime.of(2024, 3, 7, 9, 5));
        assertThat(ValueParsers.parseDateTime("2024-03-07 09:05:30", DateOrder.YMD))
                .isEqualTo(LocalDateTime.of(2024, 3, 7, 9, 5, 30));
        assertThat(ValueParsers.parseDateTime("2024-03-07T09:05:30.123456Z", DateOrder.YMD))
                .isEqualTo(LocalDateTime.of(2024, 3, 7, 9, 5, 30, 123_456_000));
        assertThat(ValueParsers.parseDateTime("07/03/2024 23:59", DateOrder.DMY))
                .isEqualTo(LocalDateTime.of(2024, 3, 7, 23, 59));
    }

    @Test
    void rejectsImpossibleDates() {
        for (String s : List.of("2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024-01-01T24:00",
                "2024-01-01 12:60", "2024-01-01T12", "2024-01/01", "24-01-01", "2024-01-01x", "20240101")) {
            assertThat(ValueParsers.parseDateTime(s, DateOrder.YMD)).as(s).isNull();
        }
        assertThat(ValueParsers.parseDateTime("2024-02-29", DateOrder.YMD)).isNotNull();
    }

    @Test
    void bestDateOrderPrefersTheOrderThatReadsEverything() {
        assertThat(ValueParsers.bestDateOrder(List.of("12/25/2024", "01/02/2024"))).isEqualTo(DateOrder.MDY);
        assertThat(ValueParsers.bestDateOrder(List.of("25/12/2024", "01/02/2024"))).isEqualTo(DateOrder.DMY);
        assertThat(ValueParsers.bestDateOrder(List.of("01/02/2024"))).isEqualTo(DateOrder.MDY);
        assertThat(ValueParsers.bestDateOrder(List.of("2024-01-02"))).isEqualTo(DateOrder.YMD);
    }

    @Property
    void anyJavaDoubleTextReadsBackExactly(@ForAll double value) {
        if (Double.isNaN(value)) {
            return;
        }
        assertThat(ValueParsers.parseNumber(Double.toString(value), NumberStyle.POINT)).isEqualTo(value);
    }

    @Property
    void decimalTextReadsLikeDoubleParseDouble(@ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L)
                                               long unscaled, @ForAll @IntRange(min = 0, max = 12) int scale) {
        String text = new BigDecimal(java.math.BigInteger.valueOf(unscaled), scale).toPlainString();
        assertThat(ValueParsers.parseNumber(text, NumberStyle.POINT)).isEqualTo(Double.parseDouble(text));
    }

    @Property
    void longDigitStringsReadLikeDoubleParseDouble(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0)
                                                   long b, @ForAll @IntRange(min = -30, max = 30) int exponent) {
        String text = a + "." + b + "e" + exponent;
        assertThat(ValueParsers.parseNumber(text, NumberStyle.POINT)).isEqualTo(Double.parseDouble(text));
    }
}
