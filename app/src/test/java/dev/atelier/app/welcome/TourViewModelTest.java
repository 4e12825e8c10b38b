package dev.atelier.app.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.shell.Screen;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The guided tour: its steps, its navigation, and texts that stay true to what is built.
class TourViewModelTest {
    private final Messages messages = Messages.english();
    private final List<Screen> shown = new ArrayList<>();
    private final Set<Screen> built = EnumSet.of(Screen.DATA, Screen.BUILD);
    private boolean hasData;
    private int samplesOpened;

    private TourViewModel tour() {
        return new TourViewModel(messages, new TourViewModel.Hooks(shown::add, () -> hasData,
                () -> samplesOpened++, built::contains));
    }

    @Test
    void theStepsGoFromImportToBiasAlongTheScreens() {
        assertThat(TourViewModel.STEPS).extracting(TourStep::id)
                .containsExactly("import", "prepare", "build", "leaderboard", "explain", "bias");
        assertThat(TourViewModel.STEPS).extracting(TourStep::screen).containsExactly(Screen.DATA, Screen.PREPARE,
                Screen.BUILD, Screen.LEADERBOARD, Screen.ANALYZE, Screen.ANALYZE);
    }

    @Test
    void everyStepHasATitleWhatHappensWhatItWillDoAndWhy() {
        for (TourStep step : TourViewModel.STEPS) {
            for (String key : List.of(step.titleKey(), step.whatKey(), step.notYetKey(), step.whyKey())) {
                assertThat(messages.has(key)).as(key).isTrue();
            }
            String why = messages.get(step.whyKey());
            long sentences = java.util.regex.Pattern.compile("[.!?;](?=\\s|$)").matcher(why).results().count();
            assertThat(sentences).as("sentences in " + step.whyKey()).isBetween(2L, 4L);
        }
    }

    @Test
    void startingWithoutDataOpensTheLoanSampleAndShowsTheDataScreen() {
        TourViewModel tour = tour();

        tour.start();

        assertThat(samplesOpened).isEqualTo(1);
        assertThat(tour.isRunning()).isTrue();
        assertThat(tour.getIndex()).isZero();
        assertThat(shown).containsExactly(Screen.DATA);
        assertThat(tour.progressProperty().get()).isEqualTo("Step 1 of 6");
        assertThat(tour.titleProperty().get()).isEqualTo(messages.get("tour.import.title"));
        assertThat(tour.canGoBackProperty().get()).isFalse();
    }

    @Test
    void startingWithDataKeepsIt() {
        hasData = true;
        tour().start();
        assertThat(samplesOpened).isZero();
    }

    @Test
    void nextAndBackMoveTheMainWindowStepByStep() {
        TourViewModel tour = tour();
        tour.start();
        for (int i = 1; i < TourViewModel.STEPS.size(); i++) {
            tour.next();
        }
        assertThat(shown).containsExactly(Screen.DATA, Screen.PREPARE, Screen.BUILD, Screen.LEADERBOARD,
                Screen.ANALYZE, Screen.ANALYZE);
        assertThat(tour.progressProperty().get()).isEqualTo("Step 6 of 6");
        assertThat(tour.nextLabelProperty().get()).isEqualTo("Finish");

        tour.back();
        tour.back();
        assertThat(shown.getLast()).isEqualTo(Screen.LEADERBOARD);
        assertThat(tour.getIndex()).isEqualTo(3);
        assertThat(tour.nextLabelProperty().get()).isEqualTo("Next");
        assertThat(tour.canGoBackProperty().get()).isTrue();
    }

    @Test
    void nextOnTheLastStepEndsTheTourWhereItIs() {
        TourViewModel tour = tour();
        tour.start();
        TourViewModel.STEPS.forEach(s -> tour.next());

        assertThat(tour.isRunning()).isFalse();
        assertThat(tour.getIndex()).isEqualTo(-1);
        assertThat(tour.current()).isNull();
        assertThat(shown).hasSize(TourViewModel.STEPS.size());

        tour.next();
        tour.back();
        assertThat(shown).hasSize(TourViewModel.STEPS.size());
    }

    @Test
    void endStopsAtOnceAndBackOnTheFirstStepDoesNothing() {
        TourViewModel tour = tour();
        tour.start();
        tour.back();
        assertThat(tour.getIndex()).isZero();
        assertThat(shown).containsExactly(Screen.DATA);

        tour.next();
        tour.end();

        assertThat(tour.isRunning()).isFalse();
        assertThat(shown).containsExactly(Screen.DATA, Screen.PREPARE);
    }

    @Test
    void aStepWhoseScreenIsNotBuiltSaysWhatItWillDoInstead() {
        TourViewModel tour = tour();
        tour.start();
        assertThat(tour.screenReadyProperty().get()).isTrue();
        assertThat(tour.whatProperty().get()).isEqualTo(messages.get("tour.import.what"));

        tour.next();   // Prepare: a placeholder here
        assertThat(tour.screenReadyProperty().get()).isFalse();
        assertThat(tour.whatProperty().get()).isEqualTo(messages.get("tour.prepare.notYet"));
        assertThat(tour.whyProperty().get()).isEqualTo(messages.get("tour.prepare.why"));

        built.add(Screen.PREPARE);   // once it is built, the step describes it
        tour.back();
        tour.next();
        assertThat(tour.screenReadyProperty().get()).isTrue();
        assertThat(tour.whatProperty().get()).isEqualTo(messages.get("tour.prepare.what"));
    }

    @Test
    void restartingBeginsAgainAtTheFirstStep() {
        hasData = true;
        TourViewModel tour = tour();
        tour.start();
        tour.next();
        tour.next();
        tour.start();
        assertThat(tour.getIndex()).isZero();
        assertThat(shown.getLast()).isEqualTo(Screen.DATA);
    }
}
