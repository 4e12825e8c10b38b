package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.shell.Screen;
import dev.atelier.app.welcome.WelcomeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// A first run shows the welcome; its sample cards open data; the guided tour walks the navigation.
@Tag("ui")
class WelcomeUiTest extends StudioUiTestBase {

    private Path settingsFile() {
        return home.resolve(WelcomeSettings.FILE_NAME);
    }

    @BeforeEach
    void firstRun() throws Exception {
        Files.deleteIfExists(settingsFile());
        Files.deleteIfExists(home.resolve("recent.json"));
    }

    private boolean visible(String query) {
        Node node = lookup(query).query();
        return node != null && node.isVisible();
    }

    @Test
    void aFirstRunShowsTheWelcomeAndASampleCardOpensItOnTheDataScreen() throws Exception {
        startStudio(StudioArgs.none(), b -> b);

        assertThat(visible("#welcome")).isTrue();
        assertThat(app.services().project().getData()).isNull();
        assertThat(new WelcomeSettings(settingsFile()).seen()).isTrue();

        clickOn("#welcome-sample-house-prices");
        waitUntilLoaded();

        assertThat(visible("#welcome")).isFalse();
        assertThat(errors.errors()).isEmpty();
        assertThat(app.windowViewModel().getScreen()).isEqualTo(Screen.DATA);
        assertThat(app.services().project().getData().sampleId()).isEqualTo("house-prices");
        assertThat(dataTable().getItems()).hasSize(1500);
    }

    @Test
    void theTourOpensTheLoanSampleAndNextAndTheArrowKeysMoveTheNavigationAndEscEndsIt() throws Exception {
        startStudio(StudioArgs.none(), b -> b);
        clickOn("#welcome-tour");
        waitUntilLoaded();

        assertThat(visible("#welcome")).isFalse();
        assertThat(visible("#tour-panel")).isTrue();
        assertThat(app.services().project().getData().sampleId()).isEqualTo("loan-approval");
        assertThat(app.windowViewModel().getScreen()).isEqualTo(Screen.DATA);
        assertThat(lookup("#tour-progress").queryAs(Label.class).getText()).isEqualTo("Step 1 of 6");

        clickOn("#tour-next");
        assertThat(app.windowViewModel().getScreen()).isEqualTo(Screen.PREPARE);
        assertThat(lookup("#nav-prepare").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(visible("#tour-notYet")).isFalse();  // Prepare is built: no "not built yet" note

        type(KeyCode.RIGHT);
        assertThat(app.windowViewModel().getScreen()).isEqualTo(Screen.BUILD);
        assertThat(visible("#tour-notYet")).isFalse();
        type(KeyCode.LEFT);
        assertThat(app.windowViewModel().getScreen()).isEqualTo(Screen.PREPARE);

        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#tour-panel")).isFalse();
        assertThat(app.windowViewModel().getScreen()).isEqualTo(Screen.PREPARE);
        assertThat(errors.errors()).isEmpty();
    }

    @Test
    void helpWelcomeBringsTheScreenBackAndEscClosesIt() throws Exception {
        new WelcomeSettings(settingsFile()).markSeen();
        startStudio(StudioArgs.none(), b -> b);
        waitUntilLoaded();
        assertThat(visible("#welcome")).isFalse();
        assertThat(app.services().project().getData().sampleId()).isEqualTo("loan-approval");

        MenuBar bar = lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-help-welcome".equals(i.getId())).findFirst().orElseThrow();
        interact(item::fire);
        assertThat(visible("#welcome")).isTrue();

        type(KeyCode.ESCAPE);
        assertThat(visible("#welcome")).isFalse();
    }

    @Test
    void aStudioAskedToOpenSomethingSkipsTheWelcomeButStillShowsItNextTime() throws Exception {
        startStudio(new StudioArgs(null, null, "support-ticket-priority"), b -> b);
        waitUntilLoaded();

        assertThat(visible("#welcome")).isFalse();
        assertThat(new WelcomeSettings(settingsFile()).welcomeAtStartup()).isTrue();
    }
}
