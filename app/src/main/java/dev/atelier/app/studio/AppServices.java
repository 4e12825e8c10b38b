package dev.atelier.app.studio;

import dev.atelier.app.common.dialogs.DialogService;
import dev.atelier.app.common.dialogs.ErrorPresenter;
import dev.atelier.app.common.dialogs.FileChooserService;
import dev.atelier.app.common.dialogs.FxDialogService;
import dev.atelier.app.common.dialogs.FxErrorPresenter;
import dev.atelier.app.common.dialogs.FxFileChooserService;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.common.settings.AtelierHome;
import dev.atelier.app.common.settings.Settings;
import dev.atelier.app.common.theme.ThemeChoice;
import dev.atelier.app.common.theme.ThemeService;
import dev.atelier.app.data.SampleSource;
import dev.atelier.app.project.DataLoader;
import dev.atelier.app.project.EngineDataLoader;
import dev.atelier.app.project.EngineProjectRepository;
import dev.atelier.app.project.ProjectRepository;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.project.RecentProjects;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/// The composition root: every service of the studio, wired by hand with constructors (no DI container). Built
/// once in [StudioApplication#start]; tests replace single services through the [Builder].
///
/// @param messages    the message bundle
/// @param errors      where failures go
/// @param dialogs     modal questions and notes
/// @param files       file pickers
/// @param jobs        runs long work off the FX thread
/// @param theme       light / dark / follow the system
/// @param settings    small preferences (theme)
/// @param recent      recent projects
/// @param project     the open project
/// @param dataLoader  reads data files (import + statistics + profile)
/// @param projects    reads and writes project files
/// @param samples     the bundled sample datasets
public record AppServices(Messages messages, ErrorPresenter errors, DialogService dialogs, FileChooserService files,
                          JobRunner jobs, ThemeService theme, Settings settings, RecentProjects recent,
                          ProjectState project, DataLoader dataLoader, ProjectRepository projects,
                          SampleSource samples) {

    /// Threads for background jobs: few, since the machine is shared with the UI.
    public static final int JOB_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    /// A builder with the real services, owned by the window `owner` supplies.
    public static Builder builder(Supplier<@Nullable Window> owner) {
        return new Builder(owner);
    }

    /// Builds [AppServices]; anything not set gets the real implementation.
    public static final class Builder {
        private final Supplier<@Nullable Window> owner;
        private @Nullable Messages messages;
        private @Nullable ErrorPresenter errors;
        private @Nullable DialogService dialogs;
        private @Nullable FileChooserService files;
        private @Nullable DataLoader dataLoader;
        private @Nullable ProjectRepository projects;
        private @Nullable SampleSource samples;
        private @Nullable Clock clock;

        Builder(Supplier<@Nullable Window> owner) {
            this.owner = owner;
        }

        public Builder messages(Messages value) {
            this.messages = value;
            return this;
        }

        public Builder errors(ErrorPresenter value) {
            this.errors = value;
            return this;
        }

        public Builder dialogs(DialogService value) {
            this.dialogs = value;
            return this;
        }

        public Builder files(FileChooserService value) {
            this.files = value;
            return this;
        }

        public Builder dataLoader(DataLoader value) {
            this.dataLoader = value;
            return this;
        }

        public Builder projects(ProjectRepository value) {
            this.projects = value;
            return this;
        }

        public Builder samples(SampleSource value) {
            this.samples = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /// Wires everything. Call on the FX thread with the toolkit running.
        public AppServices build() {
            Messages m = messages != null ? messages : Messages.forLocale(Locale.getDefault());
            Settings settings = Settings.inAtelierHome();
            ThemeService theme = ThemeService.forPlatform(themeChoice(settings));
            theme.choiceProperty().addListener((o, a, b) -> settings.put("theme", b.name()));
            ErrorPresenter e = errors != null ? errors : new FxErrorPresenter(m, owner, theme::apply);
            DialogService d = dialogs != null ? dialogs : new FxDialogService(m, owner, theme::apply);
            FileChooserService f = files != null ? files : new FxFileChooserService(m, owner);
            JobRunner jobs = JobRunner.background(m, e, new RunningJobsViewModel(), JOB_THREADS);
            RecentProjects recent = new RecentProjects(AtelierHome.path().resolve("recent.json"));
            ProjectState project = new ProjectState(clock != null ? clock : Clock.systemUTC(),
                    m.get("project.untitled"));
            DataLoader loader = dataLoader != null ? dataLoader : new EngineDataLoader();
            ProjectRepository repo = projects != null ? projects : new EngineProjectRepository();
            SampleSource s = samples != null ? samples : SampleSource.bundled();
            return new AppServices(m, e, d, f, jobs, theme, settings, recent, project, loader, repo, s);
        }

        private static ThemeChoice themeChoice(Settings settings) {
            try {
                return ThemeChoice.valueOf(settings.get("theme", ThemeChoice.SYSTEM.name()));
            } catch (IllegalArgumentException e) {
                return ThemeChoice.SYSTEM;
            }
        }
    }
}
