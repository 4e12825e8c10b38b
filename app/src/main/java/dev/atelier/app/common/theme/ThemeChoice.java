package dev.atelier.app.common.theme;

/// The theme the user picked in the View menu.
public enum ThemeChoice {
    /// Always light.
    LIGHT,
    /// Always dark.
    DARK,
    /// Light or dark as the operating system is.
    SYSTEM
}
