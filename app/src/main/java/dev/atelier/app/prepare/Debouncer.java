package dev.atelier.app.prepare;

/// Runs the latest requested action once requests stop arriving for a moment (the studio waits a short pause
/// on the FX thread; tests run each request at once).
@FunctionalInterface
public interface Debouncer {
    /// A debouncer that runs every request immediately.
    Debouncer IMMEDIATE = Runnable::run;

    /// Asks for `action` to run; an earlier pending request is dropped.
    void request(Runnable action);
}
