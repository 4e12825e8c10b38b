package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.atelier.engine.wrangle.Fixtures.base;
import static dev.atelier.engine.wrangle.Fixtures.col;
import static dev.atelier.engine.wrangle.Fixtures.p;
import static dev.atelier.engine.wrangle.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormulaTest {

    private static String eval(String formula) {
        Dataset out = run(base(), "formula", p("formula", formula, "output", "f"), Sources.NONE);
        return col(out, "f");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "1 + 2 * 3 ; 7|7|7|7|7",
            "(1 + 2) * 3 ; 9|9|9|9|9",
            "2 ^ 3 ^ 2 ; 512|512|512|512|512",
            "-2 ^ 2 ; -4|-4|-4|-4|-4",
            "x % 3 ; 1|2|0|1|1",
            "x / (x - 2) ; -1||3|2|1.25",
            "y + 1 ; 3||7|9|11",
            "coalesce(y, 0) ; 2|0|6|8|10",
            "isnull(y) ; false|true|false|false|false",
            "x > 2 and not (c = 'c') ; false|false|true||false",
            "x > 2 && c != 'c' ; false|false|true||false",
            "x < 2 or c = 'b' ; true|true|false||false",
            "case(x < 2, 'low', x < 4, 'mid', 'high') ; low|mid|mid|high|high",
            "if(flag, 'on', 'off') ; on|off|off|on|off",
            "round(sqrt(x), 2) ; 1|1.41|1.73|2|3.16",
            "max(x, y, 5) ; 5||6|8|10",
            "min(abs(z), 1) ; 1|0|1|1|",
            "log(x, 10) ; 0|0.301|0.4771|0.6021|1",
            "len(trim(t)) ; 11|11|7||6",
            "substr(t, 1, 5) ; Hello|  two|ABC-1||é caf",
            "contains(lower(t), 'world') ; true|false|false||false",
            "replace(c, 'a', 'A') + '!' ; A!|b!|A!||c!",
            "concat(c, '-', label) ; a-yes|b-no|a-yes|-no|c-yes",
            "number('12.5') * 2 ; 25|25|25|25|25",
            "weekday(d) ; 1|6|4||2",
            "datediff(d, date(2024, 1, 1)) ; 0|5|59.5208||365",
            "adddays(d, 1) ; 2024-01-02|2024-01-07|2024-03-01 12:30||2025-01-01",
            "d - date('2023-12-31') ; 1|6|60.5208||366",
            "[x] * 10 ; 10|20|30|40|100"})
    void evaluates(String formula, String expected) {
        assertThat(eval(formula.strip())).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "1 + ; 4",
            "(x + 1 ; 7",
            "x + * 2 ; 5",
            "foo(x) ; 1",
            "round() ; 1",
            "'abc ; 1",
            "x @ 2 ; 3",
            "x 2 ; 3",
            "x < 1 < 2 ; 7",
            "[unclosed ; 1"})
    void syntaxErrorsSayWhere(String formula, int position) {
        assertThatThrownBy(() -> Formula.parse(formula.strip()))
                .isInstanceOfSatisfying(AtelierException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORMULA_SYNTAX);
                    assertThat(e.args().getFirst()).isEqualTo(position);
                });
    }

    @Test
    void wrongKindsAreTypedErrors() {
        assertThatThrownBy(() -> eval("c * 2")).isInstanceOfSatisfying(AtelierException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FORMULA_INVALID));
        assertThatThrownBy(() -> eval("if(x > 2, 'big', 1)")).isInstanceOfSatisfying(AtelierException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FORMULA_INVALID));
        assertThatThrownBy(() -> eval("nosuch + 1")).isInstanceOfSatisfying(AtelierException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
            assertThat(e.args()).containsExactly("nosuch");
        });
    }

    @Test
    void listsTheColumnsItReads() {
        assertThat(Formula.parse("if([unit price] > 0, qty * [unit price], 0)").columns())
                .containsExactly("unit price", "qty");
    }
}
