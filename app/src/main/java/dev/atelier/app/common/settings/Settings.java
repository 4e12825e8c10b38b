package dev.atelier.app.common.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Small user preferences (the theme, ...) in `<atelier home>/settings.properties`. Never fails: an unreadable
/// file means defaults, an unwritable one is logged and ignored.
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private final Path file;
    private final Properties values = new Properties();

    /// Settings stored in `file`.
    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable settings file {}: {}", file, e.toString());
            }
        }
    }

    /// Settings in the default place.
    public static Settings inAtelierHome() {
        return new Settings(AtelierHome.path().resolve("settings.properties"));
    }

    /// The value of `key`, or `fallback`.
    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    /// Sets `key` and writes the file.
    public void put(String key, @Nullable String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".settings-", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "Atelier settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not write settings to {}: {}", file, e.toString());
        }
    }
}
