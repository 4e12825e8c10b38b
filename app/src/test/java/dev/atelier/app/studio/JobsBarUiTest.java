package dev.atelier.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.common.jobs.RunningJob;
import dev.atelier.app.project.DataLoader;
import dev.atelier.app.project.EngineDataLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// A running load shows in the status bar with a cancel button; cancelling is not an error.
@Tag("ui")
class JobsBarUiTest extends StudioUiTestBase {
    private final CountDownLatch started = new CountDownLatch(1);

    @Test
    void aRunningLoadIsListedAndCanBeCancelledFromTheStatusBar() throws Exception {
        DataLoader real = new EngineDataLoader();
        DataLoader slowForOneFile = (file, options, roles, ctx) -> {
            if (!file.getFileName().toString().startsWith("slow")) {
                return real.load(file, options, roles, ctx);
            }
            started.countDown();
            CountDownLatch never = new CountDownLatch(1);
            while (true) {      // the fake work: waits until cancelled
                ctx.throwIfCancelled();
                try {
                    never.await(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw new CancellationException("interrupted");
                }
            }
        };
        Path good = home.resolve("good-" + System.nanoTime() + ".csv");
        Files.writeString(good, "a,b\n1,2\n3,4\n");
        startStudio(new StudioArgs(null, good, null), b -> b.dataLoader(slowForOneFile));
        waitUntilLoaded();
        var before = app.dataViewModel().getTableData();
        assertThat(before.rowCount()).isEqualTo(2);

        Path slow = home.resolve("slow-" + System.nanoTime() + ".csv");
        Files.writeString(slow, "a\n1\n");
        files.data = slow;
        clickOn("#openDataButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#importButton").tryQuery().isPresent()
                && !lookup("#importButton").queryButton().isDisabled());
        interact(() -> lookup("#importButton").queryButton().fire());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        HBox bar = lookup("#jobsBar").queryAs(HBox.class);
        assertThat(bar.getChildren()).hasSize(1);
        RunningJob job = app.services().jobs().runningJobs().jobs().getFirst();
        assertThat(job.getTitle()).isEqualTo("Opening " + slow.getFileName());
        assertThat(lookup("#loadingIndicator").query().isVisible()).isTrue();
        Button cancel = lookup("#job-" + job.number() + "-cancel").queryButton();

        clickOn(cancel);
        waitUntilLoaded();

        assertThat(bar.getChildren()).isEmpty();
        assertThat(errors.errors()).isEmpty();
        assertThat(app.dataViewModel().getTableData()).isSameAs(before);
        assertThat(lookup("#statusMessage").queryLabeled().getText())
                .isEqualTo("Opening " + slow.getFileName() + " was cancelled; the previous data is still shown.");
    }
}
