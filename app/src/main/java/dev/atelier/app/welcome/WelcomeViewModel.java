package dev.atelier.app.welcome;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.sampledata.SampleDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

/// The welcome screen: the bundled samples as cards, the recent projects, "Open your own data…", "Take the guided
/// tour", and the "Show at start-up" choice. Every way out closes the screen first, then does its action.
/// Toolkit-free; call it on the FX thread.
public final class WelcomeViewModel {
    /// How many recent projects the screen lists.
    public static final int RECENT_SHOWN = 5;

    /// What the screen's buttons do, supplied by the studio.
    ///
    /// @param openSample  opens a bundled sample on the Data screen
    /// @param openRecent  opens a recent project (after the unsaved-changes question)
    /// @param openOwnData asks for a data file and opens it on the Data screen
    /// @param startTour   starts the guided tour
    public record Actions(Consumer<SampleDataset> openSample, Consumer<Path> openRecent, Runnable openOwnData,
                          Runnable startTour) {
        public Actions {
            Objects.requireNonNull(openSample, "openSample");
            Objects.requireNonNull(openRecent, "openRecent");
            Objects.requireNonNull(openOwnData, "openOwnData");
            Objects.requireNonNull(startTour, "startTour");
        }
    }

    private final WelcomeSettings settings;
    private final Actions actions;
    private final List<SampleCard> cards;
    private final ObservableList<Path> recent;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);
    private final BooleanProperty showAtStartup = new SimpleBooleanProperty(this, "showAtStartup");

    /// A welcome screen listing `samples` and `recent` (newest first), remembering its state in `settings`.
    public WelcomeViewModel(List<SampleDataset> samples, ObservableList<Path> recent, WelcomeSettings settings,
                            Messages messages, Actions actions) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.cards = samples.stream().map(s -> SampleCard.of(s, messages)).toList();
        showAtStartup.set(settings.showAtStartup());
        showAtStartup.addListener((o, a, b) -> settings.setShowAtStartup(b));
    }

    /// Whether the screen should open when the studio starts with nothing asked: on a first run, and whenever
    /// "Show at start-up" is on. Otherwise the studio reopens the last project as before.
    public boolean showsAtStartup() {
        return settings.welcomeAtStartup();
    }

    /// Shows the screen and remembers that it was seen.
    public void show() {
        settings.markSeen();
        showing.set(true);
    }

    /// Hides the screen ("Go to the studio", Esc).
    public void close() {
        showing.set(false);
    }

    /// Whether the screen is on show.
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public boolean isShowing() {
        return showing.get();
    }

    /// "Show at start-up": saved as soon as it changes.
    public BooleanProperty showAtStartupProperty() {
        return showAtStartup;
    }

    /// One card per bundled sample, in menu order.
    public List<SampleCard> cards() {
        return cards;
    }

    /// The recent projects, newest first (the screen shows the first [#RECENT_SHOWN]).
    public ObservableList<Path> recent() {
        return recent;
    }

    /// Opens the card's sample.
    public void open(SampleCard card) {
        close();
        actions.openSample().accept(card.sample());
    }

    /// Opens a recent project.
    public void openRecent(Path project) {
        close();
        actions.openRecent().accept(project);
    }

    /// "Open your own data…".
    public void openOwnData() {
        close();
        actions.openOwnData().run();
    }

    /// "Take the guided tour".
    public void startTour() {
        close();
        actions.startTour().run();
    }
}
