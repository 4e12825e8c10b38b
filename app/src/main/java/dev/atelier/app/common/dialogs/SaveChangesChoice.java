package dev.atelier.app.common.dialogs;

/// The answer to "Save the changes to this project?".
public enum SaveChangesChoice {
    /// Save, then go on.
    SAVE,
    /// Go on and lose the changes.
    DISCARD,
    /// Stop; nothing happens.
    CANCEL
}
