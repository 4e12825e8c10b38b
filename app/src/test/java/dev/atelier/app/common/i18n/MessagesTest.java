package dev.atelier.app.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = Messages.english();

    @Test
    void everyErrorCodeHasAnEnglishSentence() {
        List<String> missing = Arrays.stream(ErrorCode.values())
                .map(ErrorCode::messageKey)
                .filter(k -> !messages.has(k))
                .toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void errorsRenderTheirArgumentsInPlainLanguage() {
        String text = messages.error(new DataException(ErrorCode.FILE_NOT_FOUND, "/tmp/sales.csv"));
        assertThat(text).isEqualTo("The file /tmp/sales.csv does not exist.");
    }

    @Test
    void countsAreNotGroupedLikeMoney() {
        String text = messages.error(ErrorCode.IMPORT_ROW_LIMIT_REACHED, List.of(20000, 20000L));
        assertThat(text).contains("20000");
    }

    @Test
    void unknownKeysFallBackToTheKeyInsteadOfFailing() {
        assertThat(messages.get("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void apostrophesAreEscapedInEveryPattern() {
        // MessageFormat drops a single quote: every message with arguments must write it as ''.
        for (ErrorCode code : ErrorCode.values()) {
            String rendered = messages.error(code, List.of("a", "b", "c", "d"));
            assertThat(rendered).as(code.name()).doesNotContain("{0}").doesNotContain("{1}");
        }
    }
}
