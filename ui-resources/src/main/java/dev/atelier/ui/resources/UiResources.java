package dev.atelier.ui.resources;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/// URLs of the studio's stylesheets. Other modules never build resource paths into this one themselves; they
/// ask here, so the layout of `css/` can change without touching the app.
///
/// A scene's stylesheets are, in this order: one token sheet ([#tokens(Theme)]), which defines only looked-up
/// colours such as `-studio-accent`; [#base()], the rules for standard controls written only in terms of those
/// tokens; and the per-screen sheets ([#screens()]). Switching the theme swaps the token sheet and nothing else.
public final class UiResources {

    /// The colour themes the studio ships.
    public enum Theme {
        /// Near-white surfaces, dark text.
        LIGHT("css/tokens-light.css"),
        /// Dark grey surfaces, light text.
        DARK("css/tokens-dark.css");

        private final String path;

        Theme(String path) {
            this.path = path;
        }
    }

    /// The per-screen sheets, in the order they are added to a scene.
    public static final List<String> SCREEN_SHEETS = List.of("shell", "data", "build", "autopilot", "placeholder", "dialogs");

    private UiResources() {
    }

    /// The token sheet of `theme`.
    public static String tokens(Theme theme) {
        return url(theme.path);
    }

    /// The rules for standard controls, written only in terms of tokens.
    public static String base() {
        return url("css/base.css");
    }

    /// The sheet of one screen (`css/screens/<name>.css`).
    ///
    /// @throws IllegalArgumentException if there is no such sheet
    public static String screen(String name) {
        return url("css/screens/" + name + ".css");
    }

    /// Every per-screen sheet, in [#SCREEN_SHEETS] order.
    public static List<String> screens() {
        return SCREEN_SHEETS.stream().map(UiResources::screen).toList();
    }

    /// The complete list of sheets for a scene in `theme`: tokens, base, screens.
    public static List<String> stylesheets(Theme theme) {
        var out = new java.util.ArrayList<String>();
        out.add(tokens(theme));
        out.add(base());
        out.addAll(screens());
        return List.copyOf(out);
    }

    private static String url(String relative) {
        URL url = UiResources.class.getResource(Objects.requireNonNull(relative, "relative"));
        if (url == null) {
            throw new IllegalArgumentException("no UI resource " + relative);
        }
        return url.toExternalForm();
    }
}
