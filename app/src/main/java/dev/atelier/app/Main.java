package dev.atelier.app;

import dev.atelier.app.cli.AtelierCli;

/// The one entry point of the distribution (jpackage, `packaging/bin/atelier`): with no arguments it opens
/// the studio, otherwise it runs a command-line command. Deliberately not a JavaFX `Application`, so that the
/// JavaFX runtime is only touched when the studio is really wanted.
public final class Main {
    private Main() {
    }

    /// Starts the studio (no arguments) or runs a command and exits with its status.
    public static void main(String[] args) {
        if (args.length == 0) {
            AtelierCli.launchStudio(StudioArgs.none());
            return;
        }
        int code = AtelierCli.run(args);
        // The studio command returns only when its window closes; everything else ends the JVM here.
        System.exit(code);
    }
}
