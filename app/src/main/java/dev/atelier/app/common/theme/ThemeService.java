package dev.atelier.app.common.theme;

import dev.atelier.ui.resources.UiResources;
import dev.atelier.ui.resources.UiResources.Theme;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.jspecify.annotations.Nullable;

/// Applies the light or dark theme to the studio's scenes and dialogs. Switching swaps the token sheet (the
/// first stylesheet) and nothing else; "follow the system" watches `Platform.getPreferences().colorScheme`.
public final class ThemeService {
    /// The style class that makes a node outside a studio scene (a dialog pane) carry the theme's tokens.
    public static final String THEMED = "studio-themed";

    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(this, "choice", ThemeChoice.SYSTEM);
    private final ReadOnlyObjectWrapper<Theme> effective = new ReadOnlyObjectWrapper<>(this, "effective", Theme.LIGHT);
    private final ObservableValue<ColorScheme> systemScheme;
    private final List<WeakReference<ObservableList<String>>> targets = new ArrayList<>();

    /// A service that follows `systemScheme` when the choice is [ThemeChoice#SYSTEM], starting with `initial`.
    public ThemeService(ObservableValue<ColorScheme> systemScheme, ThemeChoice initial) {
        this.systemScheme = Objects.requireNonNull(systemScheme, "systemScheme");
        choice.set(initial);
        choice.addListener((o, a, b) -> update());
        systemScheme.addListener((o, a, b) -> update());
        update();
    }

    /// A service following the operating system's colour scheme (call on the FX thread, toolkit started).
    public static ThemeService forPlatform(ThemeChoice initial) {
        return new ThemeService(Platform.getPreferences().colorSchemeProperty(), initial);
    }

    /// What the user picked.
    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /// The theme in effect now.
    public ReadOnlyObjectProperty<Theme> effectiveProperty() {
        return effective.getReadOnlyProperty();
    }

    public Theme getEffective() {
        return effective.get();
    }

    /// Styles `scene` now and whenever the theme changes.
    public void apply(Scene scene) {
        attach(scene.getStylesheets());
    }

    /// Styles `root` (a dialog pane, a popup's content) now and whenever the theme changes.
    public void apply(Parent root) {
        if (!root.getStyleClass().contains(THEMED)) {
            root.getStyleClass().add(THEMED);   // token sheets define their colours on .root and on this class
        }
        attach(root.getStylesheets());
    }

    private void attach(ObservableList<String> sheets) {
        targets.add(new WeakReference<>(sheets));
        style(sheets);
    }

    private void update() {
        Theme theme = switch (choice.get()) {
            case LIGHT -> Theme.LIGHT;
            case DARK -> Theme.DARK;
            case SYSTEM -> systemScheme.getValue() == ColorScheme.DARK ? Theme.DARK : Theme.LIGHT;
        };
        effective.set(theme);
        targets.removeIf(ref -> {
            @Nullable ObservableList<String> sheets = ref.get();
            if (sheets == null) {
                return true;
            }
            style(sheets);
            return false;
        });
    }

    private void style(ObservableList<String> sheets) {
        List<String> wanted = UiResources.stylesheets(effective.get());
        if (!sheets.isEmpty() && isToken(sheets.getFirst())) {
            if (!sheets.getFirst().equals(wanted.getFirst())) {
                sheets.set(0, wanted.getFirst());     // the swap: only the token sheet changes
            }
        } else {
            sheets.addAll(0, wanted);
        }
    }

    private static boolean isToken(String url) {
        return url.endsWith("/tokens-light.css") || url.endsWith("/tokens-dark.css");
    }
}
