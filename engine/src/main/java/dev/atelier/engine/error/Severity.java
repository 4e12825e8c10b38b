package dev.atelier.engine.error;

/// How serious a problem is. Errors stop an operation; warnings and information are attached to results.
public enum Severity {
    /// Worth knowing; nothing is wrong.
    INFO,
    /// The operation went on, but the user should look (values set to missing, a column skipped, ...).
    WARNING,
    /// The operation could not go on.
    ERROR
}
