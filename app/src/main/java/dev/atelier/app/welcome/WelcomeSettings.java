package dev.atelier.app.welcome;

import dev.atelier.app.common.settings.AtelierHome;
import dev.atelier.app.common.settings.Settings;
import java.nio.file.Path;
import java.util.Objects;

/// What the welcome screen remembers, in a small file of its own (`<atelier home>/first-run.properties`,
/// replaced atomically on every change): whether it was ever shown, and whether it should show at every start.
/// Never fails: an unreadable file means a first run, an unwritable one is logged and ignored (see [Settings]).
public final class WelcomeSettings {
    /// The file's name inside the Atelier home.
    public static final String FILE_NAME = "first-run.properties";
    static final String SEEN = "welcomeSeen";
    static final String SHOW_AT_STARTUP = "showWelcomeAtStartup";

    private final Settings store;

    /// The settings kept in `file`.
    public WelcomeSettings(Path file) {
        this.store = new Settings(Objects.requireNonNull(file, "file"));
    }

    /// The settings in the Atelier home (the `atelier.home` system property, else `~/.atelier`).
    public static WelcomeSettings inAtelierHome() {
        return new WelcomeSettings(AtelierHome.path().resolve(FILE_NAME));
    }

    /// Whether the welcome screen has been shown on this computer before.
    public boolean seen() {
        return Boolean.parseBoolean(store.get(SEEN, "false"));
    }

    /// Records that the welcome screen was shown.
    public void markSeen() {
        if (!seen()) {
            store.put(SEEN, "true");
        }
    }

    /// Whether the user asked to see the welcome screen at every start ("Show at start-up"); off by default.
    public boolean showAtStartup() {
        return Boolean.parseBoolean(store.get(SHOW_AT_STARTUP, "false"));
    }

    /// Turns "Show at start-up" on or off.
    public void setShowAtStartup(boolean show) {
        if (show != showAtStartup()) {
            store.put(SHOW_AT_STARTUP, Boolean.toString(show));
        }
    }

    /// The start-up decision: show the welcome on a first run and whenever "Show at start-up" is on; otherwise
    /// the studio opens as before (the most recent project, else the loan-approval sample).
    public boolean welcomeAtStartup() {
        return !seen() || showAtStartup();
    }
}
