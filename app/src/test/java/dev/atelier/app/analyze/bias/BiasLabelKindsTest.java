package dev.atelier.app.analyze.bias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.automl.AutopilotSession;
import dev.atelier.app.build.AutopilotSetupViewModel;
import dev.atelier.app.build.BuildViewModel;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.automl.AutopilotSpec;
import dev.atelier.engine.bias.BiasMetric;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.sampledata.SampleDataset;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Bias tab on a multiclass label (several classes counted together, one-vs-rest) and on a continuous label
/// (a threshold), each after a one-candidate Autopilot run.
class BiasLabelKindsTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final JobRunner jobs = JobRunner.direct(messages, errors, new RunningJobsViewModel());
    private final Learners learners = Learners.builtIn();

    private BiasViewModel trained(SampleDataset sample, String target, String id) throws IOException {
        Path csv = SampleDatasets.extract(sample, dir);
        Dataset ds = CsvImporter.read(csv, CsvOptions.defaults(), JobContext.silent()).dataset();
        ds = ds.withSchema(ds.schema().withTarget(target).withRole(id, ColumnRole.ID));
        var state = new ProjectState(Clock.systemUTC(), "Untitled project");
        state.setData(new LoadedDataset(LoadedDataset.DEFAULT_ID, sample.fileName(), csv, null, ds,
                CsvOptions.defaults(), List.of(), null));
        var session = new AutopilotSession();
        BuildViewModel build = new BuildViewModel(state, learners, jobs, new FakeFiles(), messages, Runnable::run,
                Clock.systemUTC());
        var autopilot = new AutopilotSetupViewModel(build, state, learners, jobs, messages, Runnable::run, session,
                () -> { });
        autopilot.maxCandidatesProperty().set(1);
        autopilot.modeProperty().set(AutopilotSpec.Mode.HPO);
        autopilot.start();
        assertThat(errors.errors()).isEmpty();
        return new BiasViewModel(session, learners.catalog(), jobs, n -> Optional.empty(), messages, Clock.systemUTC());
    }

    @Test
    void severalClassesOfAMulticlassLabelCountTogether() throws IOException {
        BiasViewModel vm = trained(SampleDatasets.SUPPORT_TICKET_PRIORITY, "priority", "ticket_id");
        assertThat(vm.labelNumericProperty().get()).isFalse();
        assertThat(vm.labelValues()).hasSize(4);
        vm.facetColumnProperty().set("customer_tier");
        vm.facetValueProperty().set("free");
        vm.positives().setAll("high", "urgent");
        vm.run();
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.getResult()).isNotNull();
        assertThat(vm.getResult().spec().positive().values()).containsExactly("high", "urgent");
        assertThat(vm.rows()).hasSize(BiasMetric.values().length);
        assertThat(vm.rows().getFirst().reading()).contains("customer_tier = free");
        assertThat(vm.getResult().pre().value(BiasMetric.TVD))
                .isCloseTo(Math.abs(vm.getResult().pre().value(BiasMetric.DPL)), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aContinuousLabelUsesAThreshold() throws IOException {
        BiasViewModel vm = trained(SampleDatasets.HOUSE_PRICES, "price", "property_id");
        assertThat(vm.labelNumericProperty().get()).isTrue();
        assertThat(vm.labelThresholdProperty().get()).isNotBlank();   // the median price
        vm.facetColumnProperty().set("has_garage");
        assertThat(vm.facetValues()).hasSize(2);
        vm.labelThresholdProperty().set("300000");
        vm.run();
        assertThat(errors.errors()).isEmpty();
        assertThat(vm.getResult()).isNotNull();
        assertThat(vm.getResult().spec().positive().threshold()).isEqualTo(300000.0);
        assertThat(vm.getResult().post()).isNotNull();
        assertThat(vm.rows().stream().filter(r -> r.metric() == BiasMetric.DPL).findFirst().orElseThrow().reading())
                .contains("price > 300000");
    }
}
