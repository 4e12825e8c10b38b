package dev.atelier.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The Data screen's table and Columns panel on a small dataset.
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DataViewUiTest {
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");

    @Start
    void start(Stage stage) {
        Dataset ds = Dataset.builder("people")
                .numeric("age", 31, Double.NaN, 45)
                .categorical("city", "Oslo", "Bergen", null)
                .bool("member", true, false, null)
                .build();
        Messages messages = Messages.english();
        DataViewModel vm = new DataViewModel(state, (file, options, roles, ctx) -> new LoadedDataset("dataset-1",
                "people.csv", file, null, ds.withSchema(roles.apply(ds.schema())), CsvOptions.defaults(), List.of(),
                null), JobRunner.direct(messages, new RecordingErrorPresenter(messages)), new FakeFiles(), messages,
                SampleSource.bundled());
        stage.setScene(new Scene(new DataView(vm, messages).root(), 1100, 700));
        dev.atelier.app.common.theme.ThemeService theme = new dev.atelier.app.common.theme.ThemeService(
                new javafx.beans.property.SimpleObjectProperty<>(javafx.application.ColorScheme.LIGHT),
                dev.atelier.app.common.theme.ThemeChoice.SYSTEM);
        theme.apply(stage.getScene());
        stage.show();
        vm.openFile(Path.of("people.csv"));
    }

    @Test
    void missingCellsShowADimmedDashAndHeadersCarryTypeBadges(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<Integer> table = robot.lookup("#dataTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        TableColumn<Integer, ?> age = table.getColumns().stream().filter(c -> "col-age".equals(c.getId()))
                .findFirst().orElseThrow();
        assertThat(age.getText()).isEqualTo("age");
        assertThat(((Label) age.getGraphic()).getText()).isEqualTo("123");
        assertThat(((Label) age.getGraphic()).getTooltip().getText()).startsWith("Number — ");

        TableCell<?, ?> missing = robot.lookup(".table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == age && c.getIndex() == 1)
                .findFirst().orElseThrow();
        assertThat(missing.getText()).isEqualTo("—");
        assertThat(missing.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("missing"));
    }

    @Test
    void choosingARoleInTheColumnsPanelChangesTheProject(FxRobot robot) {
        assertThat(robot.lookup("#columnsTable").queryTableView().getItems()).hasSize(3);
        long before = state.getRevision();
        @SuppressWarnings("unchecked")
        ComboBox<ColumnRole> role = robot.lookup("#role-member").queryAs(ComboBox.class);
        robot.interact(() -> role.getSelectionModel().select(ColumnRole.TARGET));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(state.getRevision()).isGreaterThan(before);
        assertThat(state.getData().dataset().schema().target()).get().extracting(c -> c.name()).isEqualTo("member");
        assertThat(robot.lookup("#dataTarget").queryLabeled().getText()).isEqualTo("Predicting: member");
        assertThat(role.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("target"));
    }
}
