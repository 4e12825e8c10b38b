package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.project.EngineProjectRepository;
import dev.atelier.app.project.RecentProjects;
import dev.atelier.app.welcome.WelcomeSettings;
import dev.atelier.engine.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// With nothing asked, once the welcome was seen, the studio reopens the most recent project, or shows the
/// loan-approval sample (a first run shows the welcome: see WelcomeUiTest).
@Tag("ui")
class StartupUiTest extends StudioUiTestBase {

    @BeforeEach
    void welcomeSeen() {
        new WelcomeSettings(home.resolve(WelcomeSettings.FILE_NAME)).markSeen();
    }

    @AfterEach
    void forgetRecent() throws Exception {
        Files.deleteIfExists(home.resolve("recent.json"));
    }

    @Test
    void withoutRecentProjectsTheLoanApprovalSampleOpens() throws Exception {
        Files.deleteIfExists(home.resolve("recent.json"));
        startStudio(StudioArgs.none(), b -> b);
        waitUntilLoaded();
        assertThat(app.services().project().getData().sampleId()).isEqualTo("loan-approval");
        assertThat(dataTable().getItems()).hasSize(2000);
    }

    @Test
    void otherwiseTheMostRecentProjectThatStillExistsOpens() throws Exception {
        Path project = home.resolve("Quarterly review.atelier");
        new EngineProjectRepository().write(Project.empty("Quarterly review", Instant.now()), project);
        RecentProjects recent = new RecentProjects(home.resolve("recent.json"));
        recent.add(home.resolve("deleted long ago.atelier"));
        recent.add(project);

        startStudio(StudioArgs.none(), b -> b);
        waitUntilLoaded();

        assertThat(errors.errors()).isEmpty();
        assertThat(app.services().project().getFile()).isEqualTo(project);
        assertThat(app.services().project().name()).isEqualTo("Quarterly review");
        assertThat(app.windowViewModel().titleProperty().get()).isEqualTo("Atelier — Quarterly review");
        assertThat(lookup("#dataEmptyState").query().isVisible()).isTrue();
    }
}
