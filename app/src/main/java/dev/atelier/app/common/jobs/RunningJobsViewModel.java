package dev.atelier.app.common.jobs;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The status bar's model: the jobs running now, and the last thing worth telling the user about a job that
/// ended ("Opening sales.csv was cancelled."). [JobRunner] adds a job when it starts and removes it when it
/// ends.
public final class RunningJobsViewModel {
    private final ObservableList<RunningJob> jobs = FXCollections.observableArrayList();
    private final ObservableList<RunningJob> readOnlyJobs = FXCollections.unmodifiableObservableList(jobs);
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper(this, "lastMessage", "");

    /// The jobs running now, oldest first.
    public ObservableList<RunningJob> jobs() {
        return readOnlyJobs;
    }

    /// A short note about the last job that ended unusually (cancelled or failed); empty otherwise.
    public ReadOnlyStringProperty lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    public String getLastMessage() {
        return lastMessage.get();
    }

    /// Shows `text` in the status bar until the next note.
    public void setLastMessage(String text) {
        lastMessage.set(text);
    }

    /// Cancels every running job (when the window closes).
    public void cancelAll() {
        for (RunningJob job : java.util.List.copyOf(jobs)) {
            job.cancel();
        }
    }

    void added(RunningJob job) {
        jobs.add(job);
    }

    void removed(RunningJob job) {
        jobs.remove(job);
    }
}
