package dev.atelier.app.common.dialogs;

/// The studio's modal questions and notes, behind an interface so that view-models stay toolkit-free and tests
/// answer with a fake.
public interface DialogService {
    /// Asks whether to save unsaved changes to the project called `projectName` before going on.
    SaveChangesChoice askSaveChanges(String projectName);

    /// Shows a short note (title and plain text).
    void inform(String title, String text);
}
