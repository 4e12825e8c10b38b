package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.build.BuildViewModel;
import dev.atelier.app.common.controls.ParamField;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.common.jobs.JobRunner;
import dev.atelier.app.common.jobs.RunningJobsViewModel;
import dev.atelier.app.prepare.Debouncer;
import dev.atelier.app.prepare.PrepareViewModel;
import dev.atelier.app.prepare.RecipeFiles;
import dev.atelier.app.prepare.StepRow;
import dev.atelier.app.project.EngineDataLoader;
import dev.atelier.app.project.LoadedDataset;
import dev.atelier.app.project.ProjectState;
import dev.atelier.app.testing.FakeFiles;
import dev.atelier.app.testing.RecordingErrorPresenter;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.CsvWriter;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.Predictions;
import dev.atelier.engine.persist.ModelBundle;
import dev.atelier.engine.persist.ProjectStore;
import dev.atelier.engine.project.Project;
import dev.atelier.engine.wrangle.Preview;
import dev.atelier.engine.wrangle.Recipe;
import dev.atelier.engine.wrangle.TransformRegistry;
import dev.atelier.sampledata.SampleDatasets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue 4's "done when", on the loan-approval sample: a realistic recipe built through the Prepare screen's
/// view-model replays byte-identically through `atelier wrangle`, is saved with the project, and a model trained
/// on it in the Build screen's view-model predicts exactly what `atelier predict` predicts on the raw file (which
/// replays the recipe stored in the bundle).
class RecipeEndToEndTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.english();
    private final RecordingErrorPresenter errors = new RecordingErrorPresenter(messages);
    private final ProjectState state = new ProjectState(Clock.systemUTC(), "Untitled project");
    private final FakeFiles files = new FakeFiles();

    private static void add(PrepareViewModel vm, String transform, Map<String, Object> parameters) {
        vm.addStep(TransformRegistry.info(transform), null);
        vm.setParameters(parameters);
    }

    @Test
    void aStudioRecipeReplaysThroughWrangleAndThroughAModelsPrediction() throws Exception {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        LoadedDataset loaded = new EngineDataLoader().load(csv, CsvOptions.defaults(),
                s -> s.withTarget("approved").withRole("gender", ColumnRole.SENSITIVE), JobContext.silent());
        state.setData(loaded);
        Path recipeFile = dir.resolve("loan-recipe.json");
        PrepareViewModel prepare = new PrepareViewModel(state, JobRunner.direct(messages, errors), new RecipeFiles() {
            @Override
            public Optional<Path> chooseRecipeToOpen() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseRecipeToSave(String suggestedName) {
                return Optional.of(recipeFile);
            }
        }, messages, Debouncer.IMMEDIATE);

        // Seven steps from six families, one of them training-only (the filter).
        add(prepare, "fill_median", Map.of("columns", "credit_score"));                           // handle missing
        add(prepare, "filter_formula", Map.of("formula", "age >= 25"));                           // manage rows
        add(prepare, "date_parts", Map.of("column", "application_date", "parts", "year,month"));  // datetime
        add(prepare, "one_hot", Map.of("column", "region"));                                      // encode
        add(prepare, "formula", Map.of("formula", "loan_amount / income", "output", "loan_to_income"));
        add(prepare, "scale_standard", Map.of("columns", "income,loan_to_income"));               // scale
        add(prepare, "drop_columns", Map.of("columns", "applicant_id,application_date"));         // columns
        assertThat(prepare.steps()).hasSize(7).allMatch(StepRow::valid);
        assertThat(errors.errors()).isEmpty();

        // The studio's prepared table: the preview after the last step (the sample is the whole table).
        Preview last = prepare.getPreview();
        assertThat(last).isNotNull();
        assertThat(last.before().rowCount() + last.after().rowCount()).isGreaterThan(0);
        assertThat(last.statuses().getLast().stepId()).isEqualTo(prepare.getRecipe().steps().getLast().id());
        Path studioCsv = dir.resolve("studio-prepared.csv");
        CsvWriter.write(last.after(), studioCsv, JobContext.silent());
        assertThat(last.after().schema().names()).contains("loan_to_income", "application_date_year",
                "region_East").doesNotContain("applicant_id", "application_date", "region");
        assertThat(last.after().rowCount()).isLessThan(loaded.dataset().rowCount());     // the filter ran

        // The same recipe, exported as the studio does, replayed by `atelier wrangle`: the same bytes.
        prepare.exportTo(recipeFile);
        Path cliCsv = dir.resolve("cli-prepared.csv");
        CliRun wrangle = CliRun.of("wrangle", "--data", csv.toString(), "--recipe", recipeFile.toString(),
                "--out", cliCsv.toString());
        assertThat(wrangle.exitCode()).as(wrangle.err()).isZero();
        assertThat(Files.readAllBytes(cliCsv)).isEqualTo(Files.readAllBytes(studioCsv));

        // The recipe is saved with the project file and comes back when it is read.
        Path projectFile = dir.resolve("loans.atelier");
        new ProjectStore().write(state.getProject(), projectFile);
        Project reread = new ProjectStore().read(projectFile);
        assertThat(Recipe.fromEntry(reread.recipes().getFirst())).isEqualTo(prepare.getRecipe());

        // The Build screen trains on the prepared data (fitted on its training rows only) and saves the bundle.
        BuildViewModel build = new BuildViewModel(state, Learners.builtIn(),
                JobRunner.direct(messages, errors, new RunningJobsViewModel()), files, messages, Runnable::run,
                Clock.systemUTC());
        assertThat(build.recipeNoteProperty().get()).startsWith("Trained on the prepared data: 7 steps");
        assertThat(build.algorithmProperty().get().key()).isEqualTo("xgboost");
        field(build, "num_round").setText("20");
        build.train();
        assertThat(errors.errors()).isEmpty();
        BuildViewModel.Trained trained = build.trainedProperty().get();
        assertThat(trained).isNotNull();
        assertThat(trained.recipe()).isNotNull();
        assertThat(trained.recipe().steps()).hasSize(7);
        assertThat(build.statusProperty().get()).contains("Trained on the prepared data: 7 steps.");
        Path bundle = dir.resolve("loans-model");
        files.modelFolder = bundle;
        build.saveModel();
        assertThat(bundle.resolve(ModelBundle.RECIPE)).exists();
        assertThat(Files.readString(bundle.resolve(ModelBundle.MANIFEST))).contains("\"formatVersion\": 2");

        // `atelier predict` on the raw file replays the bundle's recipe: every row (the filter is training-only)
        // gets exactly the studio's prediction.
        Path predictions = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", "--model", bundle.toString(), "--data", csv.toString(),
                "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        Predictions studio = trained.predictor().predict(loaded.dataset());
        assertThat(studio.size()).isEqualTo(loaded.dataset().rowCount());
        var expected = new StringWriter();
        PredictCommand.write(studio, expected);
        assertThat(Files.readString(predictions)).isEqualTo(expected.toString());

        // The bundle's fitted recipe replayed by `atelier wrangle --fitted` is what the model was given.
        Path replayed = dir.resolve("replayed.csv");
        CliRun replay = CliRun.of("wrangle", "--data", csv.toString(), "--fitted",
                bundle.resolve(ModelBundle.RECIPE).toString(), "--out", replayed.toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        Path studioReplay = dir.resolve("studio-replayed.csv");
        CsvWriter.write(trained.recipe().apply(loaded.dataset()), studioReplay, JobContext.silent());
        assertThat(Files.readAllBytes(replayed)).isEqualTo(Files.readAllBytes(studioReplay));
        assertThat(Files.readAllLines(replayed)).hasSize(loaded.dataset().rowCount() + 1);
    }

    private static ParamField field(BuildViewModel vm, String name) {
        return vm.params().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
