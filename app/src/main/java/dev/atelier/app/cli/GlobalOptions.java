package dev.atelier.app.cli;

import picocli.CommandLine.Option;

/// Options every command accepts.
public final class GlobalOptions {
    @Option(names = "--verbose", description = "On failure, also print the technical details (stack trace).")
    boolean verbose;

    /// Whether `--verbose` was given.
    public boolean verbose() {
        return verbose;
    }
}
