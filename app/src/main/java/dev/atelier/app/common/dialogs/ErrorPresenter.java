package dev.atelier.app.common.dialogs;

/// The one place where failures reach the user: job failures, file actions and the uncaught-exception handler
/// all call [#present]. Implementations turn the failure into an [ErrorReport] (plain message first, technical
/// details on request), log it once, and show it. A cancellation is never presented.
///
/// Safe to call from any thread.
public interface ErrorPresenter {
    /// Shows `error` to the user.
    void present(Throwable error);
}
