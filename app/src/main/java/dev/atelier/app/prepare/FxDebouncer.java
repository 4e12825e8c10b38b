package dev.atelier.app.prepare;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/// Runs the latest request after a short pause on the FX thread, so typing in a step's form recomputes the
/// preview once the user pauses rather than on every key.
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable pending = () -> { };

    /// Waits `millis` milliseconds after the last request.
    public FxDebouncer(double millis) {
        pause = new PauseTransition(Duration.millis(millis));
        pause.setOnFinished(e -> pending.run());
    }

    @Override
    public void request(Runnable action) {
        pending = action;
        pause.playFromStart();
    }
}
