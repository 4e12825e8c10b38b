package dev.atelier.app.common.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {
    private final Messages messages = Messages.english();

    @Test
    void anEngineErrorReadsInPlainLanguageWithTheTechnicalPartInTheDetails() {
        var e = new ProjectException(ErrorCode.PROJECT_TOO_NEW, "/home/ann/churn.atelier", 3, 1);
        ErrorReport report = ErrorReport.of(e, messages);

        assertThat(report.headline()).isEqualTo("Atelier could not do that");
        assertThat(report.message()).isEqualTo("The project file /home/ann/churn.atelier was saved by a newer Atelier"
                + " (format 3; this version reads up to 1). Update Atelier to open it; the file was not changed.");
        assertThat(report.code()).isEqualTo("PROJECT_TOO_NEW");
        assertThat(report.details()).contains("Code: PROJECT_TOO_NEW", "Technical message:", "at dev.atelier");
        assertThat(report.message()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anEngineErrorWrappedByAnotherExceptionIsStillShownPlainly() {
        var inner = new ProjectException(ErrorCode.PROJECT_CORRUPT, "p.atelier", "not JSON");
        ErrorReport report = ErrorReport.of(new RuntimeException("wrapper", inner), messages);
        assertThat(report.code()).isEqualTo("PROJECT_CORRUPT");
        assertThat(report.message()).startsWith("The project file p.atelier is damaged");
    }

    @Test
    void anythingElseIsAnUnexpectedErrorWithDetails() {
        ErrorReport report = ErrorReport.of(new UncheckedIOException(new java.io.IOException("disk on fire")),
                messages);
        assertThat(report.headline()).isEqualTo("Something unexpected went wrong");
        assertThat(report.message()).startsWith("Something unexpected went wrong inside Atelier.");
        assertThat(report.code()).isNull();
        assertThat(report.details()).contains("disk on fire");
    }
}
