package dev.atelier.app.welcome;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.shell.Screen;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/// The guided tour for teaching demos: an ordered list of [TourStep]s, the step on show, and Next / Back / End.
/// Each step moves the main window to its screen (through `navigate`) and says, in plain English for students,
/// what happens there and why it matters. Where a step's screen is not built yet, the step says what it will do
/// instead, so the tour never describes something that is not there. Starting the tour opens the loan-approval
/// sample when no data is open. Runs offline: it only navigates and reads texts. Toolkit-free; FX thread.
public final class TourViewModel {
    /// The teaching tour: import → prepare → build → leaderboard → explain → bias.
    public static final List<TourStep> STEPS = List.of(
            new TourStep("import", Screen.DATA),
            new TourStep("prepare", Screen.PREPARE),
            new TourStep("build", Screen.BUILD),
            new TourStep("leaderboard", Screen.LEADERBOARD),
            new TourStep("explain", Screen.ANALYZE),
            new TourStep("bias", Screen.ANALYZE));

    /// What the tour needs from the studio.
    ///
    /// @param navigate    shows a screen in the main window
    /// @param hasData     whether data is open (or being opened)
    /// @param openSample  opens the loan-approval sample
    /// @param screenBuilt whether a screen is built (`false` for a placeholder)
    public record Hooks(Consumer<Screen> navigate, BooleanSupplier hasData, Runnable openSample,
                        Predicate<Screen> screenBuilt) {
        public Hooks {
            Objects.requireNonNull(navigate, "navigate");
            Objects.requireNonNull(hasData, "hasData");
            Objects.requireNonNull(openSample, "openSample");
            Objects.requireNonNull(screenBuilt, "screenBuilt");
        }
    }

    private final List<TourStep> steps;
    private final Messages messages;
    private final Hooks hooks;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper screenReady = new ReadOnlyBooleanWrapper(this, "screenReady", true);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper(this, "what", "");
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper(this, "why", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper nextLabel = new ReadOnlyStringWrapper(this, "nextLabel", "");
    private final BooleanBinding canGoBack;

    /// The [standard tour][#STEPS].
    public TourViewModel(Messages messages, Hooks hooks) {
        this(STEPS, messages, hooks);
    }

    /// A tour of `steps` (at least one).
    public TourViewModel(List<TourStep> steps, Messages messages, Hooks hooks) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a tour needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.messages = Objects.requireNonNull(messages, "messages");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.canGoBack = Bindings.createBooleanBinding(() -> running.get() && index.get() > 0, running, index);
    }

    /// The steps, in order.
    public List<TourStep> steps() {
        return steps;
    }

    /// Starts at the first step (again, if the tour was running), opening the loan-approval sample if no data is
    /// open.
    public void start() {
        if (!hooks.hasData().getAsBoolean()) {
            hooks.openSample().run();
        }
        running.set(true);
        go(0);
    }

    /// The next step; after the last, ends the tour.
    public void next() {
        if (!running.get()) {
            return;
        }
        if (index.get() >= steps.size() - 1) {
            end();
        } else {
            go(index.get() + 1);
        }
    }

    /// The step before; nothing on the first.
    public void back() {
        if (running.get() && index.get() > 0) {
            go(index.get() - 1);
        }
    }

    /// Ends the tour, leaving the main window where it is.
    public void end() {
        running.set(false);
        index.set(-1);
    }

    private void go(int i) {
        TourStep step = steps.get(i);
        boolean built = hooks.screenBuilt().test(step.screen());
        screenReady.set(built);
        title.set(messages.get(step.titleKey()));
        what.set(messages.get(built ? step.whatKey() : step.notYetKey()));
        why.set(messages.get(step.whyKey()));
        progress.set(messages.get("tour.progress", i + 1, steps.size()));
        nextLabel.set(messages.get(i == steps.size() - 1 ? "tour.finish" : "tour.next"));
        index.set(i);
        hooks.navigate().accept(step.screen());
    }

    /// Whether the tour is on.
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /// The step on show, counted from 0; `-1` while the tour is off.
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int getIndex() {
        return index.get();
    }

    /// The step on show; `null` while the tour is off.
    public @Nullable TourStep current() {
        int i = index.get();
        return i < 0 ? null : steps.get(i);
    }

    /// Whether the current step's screen is built (if not, [#whatProperty()] says what it will do).
    public ReadOnlyBooleanProperty screenReadyProperty() {
        return screenReady.getReadOnlyProperty();
    }

    /// The step's title.
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// What happens on the step's screen (or what it will do, while it is not built yet).
    public ReadOnlyStringProperty whatProperty() {
        return what.getReadOnlyProperty();
    }

    /// Why the step matters.
    public ReadOnlyStringProperty whyProperty() {
        return why.getReadOnlyProperty();
    }

    /// "Step 2 of 6".
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /// "Next", or "Finish" on the last step.
    public ReadOnlyStringProperty nextLabelProperty() {
        return nextLabel.getReadOnlyProperty();
    }

    /// Whether there is a step before this one.
    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }
}
