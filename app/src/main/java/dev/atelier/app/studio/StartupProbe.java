package dev.atelier.app.studio;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;

/// Measures cold start for the installers' benchmark: with `-Datelier.startup.probe=report` (or `=exit`), the
/// studio prints the milliseconds from JVM start to the first laid-out frame of its window on standard error
/// (`atelier: first window after N ms`); with `exit` it then quits, so a script can time start-ups in a loop.
final class StartupProbe {
    static final String PROPERTY = "atelier.startup.probe";

    private StartupProbe() {
    }

    /// Arms the probe on `scene` if the property asks for it.
    static void arm(Scene scene, Runnable quit) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || mode.isBlank()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf(Locale.ROOT, "atelier: first window after %d ms%n", ms);
            System.err.flush();
            if (mode.strip().equalsIgnoreCase("exit")) {
                Platform.runLater(quit);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
