package dev.atelier.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The data table shows a million rows without building a million row objects, and scrolls to the last one.
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BigTableUiTest {
    private static final int ROWS = 1_000_000;
    private DataViewModel vm;

    @Start
    void start(Stage stage) {
        double[] values = IntStream.range(0, ROWS).mapToDouble(i -> i * 2.0).toArray();
        Dataset big = Dataset.builder("big").numeric("n", values).build();
        Messages messages = Messages.english();
        ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
        vm = new DataViewModel(state, (file, options, roles, ctx) -> new LoadedDataset("dataset-1", "big.csv", file,
                null, big, CsvOptions.defaults(), List.of(), null),
                JobRunner.direct(messages, new RecordingErrorPresenter(messages)), new FakeFiles(), messages,
                SampleSource.bundled());
        DataView view = new DataView(vm, messages);
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
        vm.openFile(Path.of("big.csv"));
    }

    @Test
    void aMillionRowsScrollToTheEnd(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<Integer> table = robot.lookup("#dataTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(ROWS);
        robot.interact(() -> table.scrollTo(ROWS - 1));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.lookup(".table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getIndex() == ROWS - 1 && "col-n".equals(c.getTableColumn().getId()))
                .map(TableCell::getText).toList();
        assertThat(shown).containsExactly(Long.toString((ROWS - 1) * 2L));
        long rendered = robot.lookup(".table-row-cell").queryAll().size();
        assertThat(rendered).as("only the visible rows have cells").isLessThan(100);
    }
}
