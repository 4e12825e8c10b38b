package dev.atelier.app.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The first-run decision and its memory.
class WelcomeSettingsTest {
    @TempDir
    Path home;

    private Path file() {
        return home.resolve(WelcomeSettings.FILE_NAME);
    }

    @Test
    void aFirstRunShowsTheWelcomeAndLaterStartsDoNot() {
        WelcomeSettings first = new WelcomeSettings(file());
        assertThat(first.seen()).isFalse();
        assertThat(first.welcomeAtStartup()).isTrue();

        first.markSeen();

        WelcomeSettings later = new WelcomeSettings(file());
        assertThat(later.seen()).isTrue();
        assertThat(later.showAtStartup()).isFalse();
        assertThat(later.welcomeAtStartup()).isFalse();
    }

    @Test
    void showAtStartupBringsTheWelcomeBackAtEveryStart() {
        WelcomeSettings settings = new WelcomeSettings(file());
        settings.markSeen();
        settings.setShowAtStartup(true);

        assertThat(new WelcomeSettings(file()).welcomeAtStartup()).isTrue();

        new WelcomeSettings(file()).setShowAtStartup(false);
        assertThat(new WelcomeSettings(file()).welcomeAtStartup()).isFalse();
    }

    @Test
    void theFileIsReplacedWholeWithNoTemporaryFilesLeft() throws Exception {
        WelcomeSettings settings = new WelcomeSettings(file());
        settings.markSeen();
        settings.setShowAtStartup(true);

        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(WelcomeSettings.FILE_NAME);
        }
        assertThat(Files.readString(file(), StandardCharsets.UTF_8))
                .contains(WelcomeSettings.SEEN + "=true")
                .contains(WelcomeSettings.SHOW_AT_STARTUP + "=true");
    }

    @Test
    void aDamagedFileMeansAFirstRun() throws Exception {
        Files.writeString(file(), "welcomeSeen=\\u12", StandardCharsets.UTF_8);   // a broken escape
        assertThat(new WelcomeSettings(file()).welcomeAtStartup()).isTrue();
    }

    @Test
    void theDefaultFileLiesInTheAtelierHome() {
        String before = System.getProperty("atelier.home");
        System.setProperty("atelier.home", home.toString());
        try {
            WelcomeSettings.inAtelierHome().markSeen();
            assertThat(file()).exists();
        } finally {
            if (before == null) {
                System.clearProperty("atelier.home");
            } else {
                System.setProperty("atelier.home", before);
            }
        }
    }
}
