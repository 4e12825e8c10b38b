package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.atelier.engine.wrangle.Fixtures.base;
import static dev.atelier.engine.wrangle.Fixtures.col;
import static dev.atelier.engine.wrangle.Fixtures.names;
import static dev.atelier.engine.wrangle.Fixtures.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipeEngineTest {

    static Recipe realistic() {
        return Recipe.EMPTY
                .add("fill_mean", p("columns", "y"))
                .add("filter_value", p("column", "x", "operator", "less", "value", "10"))
                .add("one_hot", p("column", "c"))
                .add("scale_standard", p("columns", "x"))
                .add("formula", p("formula", "y / 2", "output", "half"))
                .add("date_parts", p("column", "d", "parts", "month"))
                .add("drop_columns", p("columns", "t,d"));
    }

    /// New rows: no target, an unseen category, a row the training filter would drop.
    static Dataset newRows() {
        return Dataset.builder("new").numeric("x", 4, 50).numeric("y", Double.NaN, 1).numeric("z", 0, 0)
                .categorical("c", "zzz", "b").text("t", "", "").dateTime("d", null, null)
                .bool("flag", true, true).build();
    }

    @Test
    void fitLearnsFromTrainingRowsAndAppliesTheSameToNewRows() {
        var fit = realistic().fit(base(), JobContext.silent());
        Dataset train = fit.data();
        assertThat(train.rowCount()).isEqualTo(4);                                // x = 10 filtered out
        assertThat(names(train)).isEqualTo("x,y,z,c_a,c_b,d_month,label,flag,half");
        assertThat(col(train, "y")).isEqualTo("2|6.5|6|8");                        // mean of 2, 6, 8, 10

        Dataset predicted = fit.fitted().apply(newRows());
        assertThat(predicted.rowCount()).isEqualTo(2);                            // the filter never drops a new row
        assertThat(col(predicted, "y")).isEqualTo("6.5|1");                       // training mean, not the new rows'
        assertThat(col(predicted, "c_a") + " " + col(predicted, "c_b")).isEqualTo("0|0 0|1");                                        // unseen "zzz": all zeros
        // standardised with the training mean/sd (after the filter: x = 1, 2, 3, 4 → mean 2.5, sd 1.291)
        assertThat(col(predicted, "x")).isEqualTo("1.1619|36.7933");
    }

    @Test
    void replayOnTrainingDataIsIdentical() {
        var fit = realistic().fit(base(), JobContext.silent());
        Dataset replay = fit.fitted().apply(base(), Phase.TRAINING, JobContext.silent());
        assertThat(names(replay)).isEqualTo(names(fit.data()));
        for (String c : fit.data().schema().names()) {
            assertThat(col(replay, c)).as(c).isEqualTo(col(fit.data(), c));
        }
    }

    @Test
    void aMissingColumnOnNewDataIsATypedErrorNamingIt() {
        var fitted = realistic().fit(base(), JobContext.silent()).fitted();
        Dataset noC = Dataset.builder("n").numeric("x", 1).numeric("y", 1).numeric("z", 1).text("t", "a")
                .dateTime("d", (java.time.LocalDateTime) null).build();
        assertThatThrownBy(() -> fitted.apply(noC)).isInstanceOfSatisfying(AtelierException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RECIPE_COLUMN_MISSING);
            assertThat(e.args()).containsExactly("c", "One-hot encode");
        });
    }

    @Test
    void stepsOnTheTargetAreSkippedWhenItIsAbsent() {
        Recipe r = Recipe.EMPTY.add("ordinal", p("column", "label")).add("fill_mean", p("columns", "y"))
                .add("drop_columns", p("columns", "label,t"));
        var fitted = r.fit(base(), JobContext.silent()).fitted();
        Dataset out = fitted.apply(newRows());
        assertThat(out.schema().indexOf("label")).isEqualTo(-1);
        assertThat(col(out, "y")).isEqualTo("6.5|1");
        assertThat(names(out)).isEqualTo("x,y,z,c,d,flag");                   // t still dropped without the target
    }

    @Test
    void unseenCategoriesCanBeRefused() {
        Recipe r = Recipe.EMPTY.add("ordinal", p("column", "c", "unseen", "error"));
        var fitted = r.fit(base(), JobContext.silent()).fitted();
        assertThatThrownBy(() -> fitted.apply(newRows())).isInstanceOfSatisfying(AtelierException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNSEEN_CATEGORY);
            assertThat(e.args()).containsExactly("c", "zzz");
        });
    }

    @Test
    void disabledStepsDoNotRun() {
        Recipe r = realistic();
        Recipe off = r.replace(1, r.steps().get(1).withEnabled(false));
        assertThat(off.fit(base(), JobContext.silent()).data().rowCount()).isEqualTo(5);
    }

    @Test
    void validationMarksOnlyTheBrokenStepAndKeepsGoing() {
        Recipe r = Recipe.EMPTY.add("drop_columns", p("columns", "c"))
                .add("one_hot", p("column", "c"))                    // c was removed upstream
                .add("log", p("column", "t"))                        // t is text, log needs numbers
                .add("fill_mean", p("columns", "y"))
                .add("nonsense", p());
        List<StepStatus> s = Wrangler.validate(r, base(), Sources.NONE);
        assertThat(s).extracting(StepStatus::valid).containsExactly(true, false, false, true, false);
        assertThat(s.get(1).code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(s.get(1).args()).containsExactly("c");
        assertThat(s.get(2).code()).isEqualTo(ErrorCode.TRANSFORM_COLUMN_TYPE);
        assertThat(s.get(2).args()).containsExactly("t", "text", "Natural log", "numeric");
        assertThat(s.get(4).code()).isEqualTo(ErrorCode.TRANSFORM_UNKNOWN);
        assertThatThrownBy(() -> r.fit(base(), JobContext.silent())).isInstanceOf(AtelierException.class);
        // the same verdicts from the schema alone, and the realistic recipe is valid throughout
        assertThat(Wrangler.validate(r, base().schema(), Sources.NONE)).isEqualTo(s);
        assertThat(Wrangler.validate(realistic(), base().schema(), Sources.NONE)).allMatch(StepStatus::valid);
    }

    @Test
    void badParametersAreTypedErrors() {
        assertThatThrownBy(() -> Recipe.EMPTY.add("clip_quantile", p("columns", "x", "lower", 2)).fit(base(), JobContext.silent()))
                .isInstanceOfSatisfying(AtelierException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSFORM_PARAMETER_INVALID));
        assertThatThrownBy(() -> Recipe.EMPTY.add("log", p()).fit(base(), JobContext.silent()))
                .isInstanceOfSatisfying(AtelierException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSFORM_PARAMETER_MISSING));
        assertThatThrownBy(() -> Recipe.EMPTY.add("log", p("column", "x", "colour", "red")).fit(base(), JobContext.silent()))
                .isInstanceOfSatisfying(AtelierException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSFORM_PARAMETER_UNKNOWN));
    }

    @Test
    void previewShowsChangedCellsAndStatistics() {
        Preview pv = Wrangler.preview(realistic(), base(), 0, Sources.NONE);
        assertThat(pv.valid()).isTrue();
        assertThat(pv.changedCells()).containsEntry("y", 1).containsEntry("x", 0);
        assertThat(pv.beforeStats().getFirst().missing()).isEqualTo(1);
        assertThat(pv.afterStats().getFirst().missing()).isZero();
        assertThat(pv.afterStats().getFirst().mean()).isEqualTo(6.5);
        assertThat(pv.afterStats().getFirst().histogram()).hasSize(10);

        Preview oneHot = Wrangler.preview(realistic(), base(), 2, Sources.NONE);
        assertThat(oneHot.addedColumns()).containsExactly("c_a", "c_b");
        assertThat(oneHot.removedColumns()).containsExactly("c");
        assertThat(oneHot.before().rowCount()).isEqualTo(4);
    }

    @Test
    void recipesAreValuesSoUndoIsSwapping() {
        Recipe before = realistic();
        Recipe after = before.move(0, 2).remove(1).insert(0, "trim", p("columns", "t"));
        assertThat(before).isEqualTo(realistic());
        assertThat(after.steps().getFirst().id()).isEqualTo("s8");
        assertThat(after.steps()).hasSize(7);
        assertThatThrownBy(() -> new Recipe(List.of(Step.of("a", "log", p()), Step.of("a", "log", p()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fittingHonoursCancellation() {
        JobContext cancelled = new JobContext() {
            public void status(String k, Object... a) {
            }

            public void progress(long d, long t) {
            }

            public boolean isCancelled() {
                return true;
            }

            public JobContext child(double share) {
                return this;
            }
        };
        assertThatThrownBy(() -> realistic().fit(base(), cancelled)).isInstanceOf(CancellationException.class);
    }

    @Test
    void registryOffersTransformsByColumnType() {
        var forDates = Wrangler.transformsFor(ColumnType.DATETIME).stream().map(TransformInfo::key).toList();
        assertThat(forDates).contains("date_parts", "cyclical", "fill_forward").doesNotContain("log", "lowercase");
        var forNumbers = Wrangler.transformsFor(ColumnType.NUMERIC).stream().map(TransformInfo::key).toList();
        assertThat(forNumbers).contains("log", "scale_standard", "bin_width").doesNotContain("date_parts");
        for (TransformInfo i : TransformRegistry.all()) {
            assertThat(i.description()).as(i.key()).endsWith(".");
        }
    }

    @Test
    void joinsKeepTheOtherDatasetInTheFittedState() {
        Recipe r = Recipe.EMPTY.add("join_inner", p("source", "regions", "column", "c"));
        var fitted = Wrangler.fit(r, base(), TransformCasesTest.SOURCES, JobContext.silent()).fitted();
        Dataset out = fitted.apply(newRows());                          // no sources needed; rows kept, lookup
        assertThat(col(out, "region")).isEqualTo("|South");
    }
}
