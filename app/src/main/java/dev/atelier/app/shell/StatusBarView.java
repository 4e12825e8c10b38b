package dev.atelier.app.shell;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.project.ProjectState;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;

/// The status bar: where the project is saved, the last note about a job, and every running job with its
/// progress, status, time left and a cancel button.
public final class StatusBarView {
    private final HBox root = new HBox();
    private final HBox jobsBar = new HBox();
    private final Messages messages;

    public StatusBarView(RunningJobsViewModel jobs, ProjectState project, Messages messages) {
        this.messages = messages;
        root.setId("statusBar");
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);

        Label file = new Label();
        file.setId("statusProject");
        file.getStyleClass().add("status-project");
        file.textProperty().bind(Bindings.createStringBinding(() -> {
            @Nullable Path p = project.getFile();
            String where = p == null ? messages.get("status.project.notSaved") : p.toString();
            return project.isDirty() ? messages.get("status.project.unsaved", where) : where;
        }, project.fileProperty(), project.dirtyProperty()));
        file.setMinWidth(0);

        Label last = new Label();
        last.setId("statusMessage");
        last.getStyleClass().add("status-message");
        last.textProperty().bind(jobs.lastMessageProperty());
        last.setMinWidth(0);

        jobsBar.setId("jobsBar");
        jobsBar.getStyleClass().add("jobs-bar");
        jobsBar.setAlignment(Pos.CENTER_RIGHT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(file, last, spacer, jobsBar);

        jobs.jobs().addListener((ListChangeListener<RunningJob>) c -> rebuild(jobs));
        rebuild(jobs);
    }

    /// The bar's root node.
    public Node root() {
        return root;
    }

    private void rebuild(RunningJobsViewModel jobs) {
        jobsBar.getChildren().setAll(jobs.jobs().stream().map(this::jobItem).toList());
    }

    private Node jobItem(RunningJob job) {
        String id = "job-" + job.number();
        Label title = new Label();
        title.textProperty().bind(job.titleProperty());
        title.getStyleClass().add("job-title");
        title.setId(id + "-title");

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(job.progressProperty());
        bar.getStyleClass().add("job-progress");
        bar.setId(id + "-progress");

        Label status = new Label();
        status.textProperty().bind(job.statusProperty());
        status.getStyleClass().add("job-status");
        status.setId(id + "-status");

        Label eta = new Label();
        eta.textProperty().bind(job.etaProperty());
        eta.getStyleClass().add("job-eta");
        eta.setId(id + "-eta");

        Button cancel = new Button("✕");
        cancel.setId(id + "-cancel");
        cancel.getStyleClass().addAll("job-cancel", "flat");
        cancel.setTooltip(new Tooltip(messages.get("status.job.cancel.tooltip")));
        cancel.setOnAction(e -> job.cancel());

        HBox item = new HBox(title, bar, status, eta, cancel);
        item.setId(id);
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().add("job-item");
        return item;
    }
}
