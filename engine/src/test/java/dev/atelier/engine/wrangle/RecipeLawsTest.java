package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.persist.Recipes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static dev.atelier.engine.wrangle.Fixtures.col;
import static dev.atelier.engine.wrangle.Fixtures.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/// Laws every fitted recipe obeys, on random data.
class RecipeLawsTest {

    private static Dataset data(List<Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).toArray();
        double[] w = new double[v.length];
        String[] c = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = i % 4 == 0 ? Double.NaN : v[(i * 7) % v.length] * 0.5 + i;
            c[i] = "k" + (int) Math.abs(v[i] % 3);
        }
        return Dataset.builder("r").numeric("v", v).numeric("w", w).categorical("c", c).build();
    }

    private static final Recipe RECIPE = Recipe.EMPTY
            .add("fill_median", p("columns", "w"))
            .add("yeo_johnson", p("column", "v", "output", "vy"))
            .add("clip_quantile", p("columns", "v,w", "lower", 0.1, "upper", 0.9))
            .add("scale_standard", p("columns", "w"))
            .add("bin_frequency", p("column", "v", "bins", 3, "labels", "index", "output", "vb"))
            .add("one_hot", p("column", "c"))
            .add("formula", p("formula", "if(v > 0, log(v + 1), -v)", "output", "f"))
            .add("pca", p("columns", "v,w", "components", 1, "keep_original", true));

    @Property(tries = 25)
    void aFittedRecipeReadBackFromJsonReplaysTheFitExactly(
            @ForAll @Size(min = 3, max = 40) List<@DoubleRange(min = -1e3, max = 1e3) Double> values) {
        Dataset d = data(values);
        var fit = RECIPE.fit(d, JobContext.silent());
        FittedRecipe back = Recipes.parseFitted(Recipes.toBytes(fit.fitted()), "memory");
        Dataset replay = back.apply(d, Phase.TRAINING, JobContext.silent());
        assertThat(replay.schema()).isEqualTo(fit.data().schema());
        for (int c = 0; c < replay.columnCount(); c++) {
            for (int r = 0; r < replay.rowCount(); r++) {
                assertThat(replay.text(r, c)).isEqualTo(fit.data().text(r, c));
            }
        }
    }

    @Property(tries = 25)
    void standardisedTrainingColumnsHaveMeanZeroAndUnitSpread(
            @ForAll @Size(min = 3, max = 40) List<@DoubleRange(min = -1e3, max = 1e3) Double> values) {
        Dataset d = data(values);
        Dataset out = Recipe.EMPTY.add("scale_standard", p("columns", "v")).fit(d, JobContext.silent()).data();
        double[] v = out.numbers(0);
        if (Ops.std(d.numbers(0)) > 1e-9) {
            assertThat(Ops.mean(v)).isCloseTo(0, within(1e-9));
            assertThat(Ops.std(v)).isCloseTo(1, within(1e-9));
        }
        assertThat(col(out, "c")).isEqualTo(col(d, "c"));
    }
}
