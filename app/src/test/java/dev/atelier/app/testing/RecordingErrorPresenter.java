package dev.atelier.app.testing;

import dev.atelier.app.common.dialogs.ErrorPresenter;
import dev.atelier.app.common.dialogs.ErrorReport;
import dev.atelier.app.common.i18n.Messages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/// An [ErrorPresenter] that records what it was asked to show, as the real one would render it.
public final class RecordingErrorPresenter implements ErrorPresenter {
    private final Messages messages;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    public RecordingErrorPresenter(Messages messages) {
        this.messages = messages;
    }

    public RecordingErrorPresenter() {
        this(Messages.english());
    }

    @Override
    public void present(Throwable error) {
        errors.add(error);
    }

    /// Everything presented, oldest first.
    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /// The plain messages the user would have read, oldest first.
    public List<String> shownMessages() {
        return errors.stream().map(e -> ErrorReport.of(e, messages).message()).toList();
    }
}
