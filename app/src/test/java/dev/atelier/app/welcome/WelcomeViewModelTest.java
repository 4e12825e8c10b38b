package dev.atelier.app.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.sampledata.SampleDataset;
import dev.atelier.sampledata.SampleDatasets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The welcome screen's cards, actions and memory.
class WelcomeViewModelTest {
    @TempDir
    Path home;

    private final Messages messages = Messages.english();
    private final List<String> calls = new ArrayList<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    private WelcomeViewModel vm(WelcomeSettings settings) {
        return new WelcomeViewModel(SampleDatasets.all(), recent, settings, messages, new WelcomeViewModel.Actions(
                (SampleDataset s) -> calls.add("sample " + s.id()),
                p -> calls.add("recent " + p.getFileName()),
                () -> calls.add("own data"),
                () -> calls.add("tour")));
    }

    private WelcomeSettings settings() {
        return new WelcomeSettings(home.resolve(WelcomeSettings.FILE_NAME));
    }

    @Test
    void oneCardPerSampleSaysWhatItPredictsItsSizeAndWhatItTeaches() {
        List<SampleCard> cards = vm(settings()).cards();

        assertThat(cards).extracting(SampleCard::id).containsExactly("loan-approval", "support-ticket-priority",
                "house-prices", "retail-demand-timeseries");
        assertThat(cards).extracting(SampleCard::problem).containsExactly("Predict yes / no", "Predict a category",
                "Predict a number", "Predict a number over time");
        assertThat(cards.getFirst().size()).isEqualTo("2,000 rows × 12 columns");
        assertThat(cards.getFirst().teaches()).contains("planted bias");
        assertThat(cards).allSatisfy(c -> assertThat(c.teaches()).isNotBlank().doesNotContain("welcome."));
    }

    @Test
    void aSampleTheBundleDoesNotKnowIsDescribedByItsFirstSentence() {
        SampleDataset other = new SampleDataset("plants", "Plants", "plants.csv", "species", SampleDataset.MULTICLASS,
                null, "Measurements of three kinds of iris. Classic.", 150, 5);
        assertThat(SampleCard.of(other, messages).teaches()).isEqualTo("Measurements of three kinds of iris.");
    }

    @Test
    void showingTheScreenRemembersItWasSeen() {
        WelcomeViewModel vm = vm(settings());
        assertThat(vm.showsAtStartup()).isTrue();

        vm.show();

        assertThat(vm.isShowing()).isTrue();
        assertThat(settings().seen()).isTrue();
        assertThat(vm(settings()).showsAtStartup()).isFalse();
    }

    @Test
    void theShowAtStartupCheckboxIsSavedAtOnce() {
        WelcomeViewModel vm = vm(settings());
        vm.show();
        assertThat(vm.showAtStartupProperty().get()).isFalse();

        vm.showAtStartupProperty().set(true);

        assertThat(settings().showAtStartup()).isTrue();
        assertThat(vm(settings()).showsAtStartup()).isTrue();
        assertThat(vm(settings()).showAtStartupProperty().get()).isTrue();
    }

    @Test
    void everyWayOutClosesTheScreenThenActs() {
        WelcomeViewModel vm = vm(settings());
        Path project = home.resolve("Review.atelier");
        recent.add(project);

        vm.show();
        vm.open(vm.cards().get(2));
        assertThat(vm.isShowing()).isFalse();
        vm.show();
        vm.openRecent(vm.recent().getFirst());
        assertThat(vm.isShowing()).isFalse();
        vm.show();
        vm.openOwnData();
        vm.show();
        vm.startTour();
        assertThat(vm.isShowing()).isFalse();
        vm.show();
        vm.close();

        assertThat(vm.isShowing()).isFalse();
        assertThat(calls).containsExactly("sample house-prices", "recent Review.atelier", "own data", "tour");
    }
}
