package dev.atelier.app.shell;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.project.ProjectState;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// The main window's state: which screen shows, and the window title ("Atelier — Loan approval •" while there
/// are unsaved changes).
public final class MainWindowViewModel {
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.DATA);
    private final StringBinding title;
    private final ProjectState project;

    public MainWindowViewModel(ProjectState project, Messages messages) {
        this.project = Objects.requireNonNull(project, "project");
        this.title = Bindings.createStringBinding(
                () -> messages.get(project.isDirty() ? "shell.window.titleDirty" : "shell.window.title",
                        project.name()),
                project.projectProperty(), project.dirtyProperty());
    }

    /// The screen on show.
    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public Screen getScreen() {
        return screen.get();
    }

    /// Shows `target`.
    public void navigate(Screen target) {
        screen.set(Objects.requireNonNull(target, "target"));
    }

    /// The window title.
    public StringBinding titleProperty() {
        return title;
    }

    /// The project the window shows.
    public ProjectState project() {
        return project;
    }
}
