package dev.atelier.app.welcome;

import dev.atelier.app.shell.Screen;
import java.util.Objects;
import java.util.regex.Pattern;

/// One step of the guided tour: the screen it shows and the key of its texts in `welcome.properties`:
/// `tour.<id>.title`, `tour.<id>.what` (what happens on the screen), `tour.<id>.notYet` (what the screen will do,
/// shown instead while it is not built yet) and `tour.<id>.why` (why it matters).
///
/// @param id     the step's key (`import`, `prepare`, …)
/// @param screen the screen the main window shows during the step
public record TourStep(String id, Screen screen) {
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9]*");

    public TourStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(screen, "screen");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a tour step id is one word: " + id);
        }
    }

    /// The key of the step's title.
    public String titleKey() {
        return "tour." + id + ".title";
    }

    /// The key of what happens on the step's screen.
    public String whatKey() {
        return "tour." + id + ".what";
    }

    /// The key of what the screen will do once it is built.
    public String notYetKey() {
        return "tour." + id + ".notYet";
    }

    /// The key of why the step matters.
    public String whyKey() {
        return "tour." + id + ".why";
    }
}
