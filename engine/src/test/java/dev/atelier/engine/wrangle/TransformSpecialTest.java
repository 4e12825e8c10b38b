package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.atelier.engine.wrangle.Fixtures.base;
import static dev.atelier.engine.wrangle.Fixtures.col;
import static dev.atelier.engine.wrangle.Fixtures.counts;
import static dev.atelier.engine.wrangle.Fixtures.p;
import static dev.atelier.engine.wrangle.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/// Random row steps: checked by their properties (sizes, proportions, membership, reproducibility).
class TransformSpecialTest {

    private static Dataset classes() {
        double[] x = new double[10];
        String[] y = new String[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i;
            y[i] = i < 7 ? "big" : "small";
        }
        return Dataset.builder("k").numeric("x", x).categorical("y", y).target("y").build();
    }

    @Test
    void sampleKeepsAShareInOriginalOrderReproducibly() {
        Dataset out = run(classes(), "sample_rows", p("fraction", 0.4, "seed", 7), Sources.NONE);
        assertThat(out.rowCount()).isEqualTo(4);
        double[] x = out.numbers(0);
        assertThat(x).isSorted();
        assertThat(col(out, "x")).isEqualTo(col(run(classes(), "sample_rows", p("fraction", 0.4, "seed", 7), Sources.NONE), "x"));
        assertThat(col(out, "x")).isNotEqualTo(col(run(classes(), "sample_rows", p("fraction", 0.4, "seed", 8), Sources.NONE), "x"));
    }

    @Test
    void oversamplingRepeatsMinorityRows() {
        Dataset out = run(classes(), "oversample_random", p(), Sources.NONE);
        assertThat(counts(out, "y")).isEqualTo("big=7,small=7");
        assertThat(Arrays.stream(out.numbers(0)).skip(10)).allMatch(v -> v >= 7);
    }

    @Test
    void undersamplingKeepsTheSmallestClassSize() {
        Dataset out = run(classes(), "undersample_random", p(), Sources.NONE);
        assertThat(counts(out, "y")).isEqualTo("big=3,small=3");
        assertThat(col(out, "x")).endsWith("7|8|9");
    }

    @Test
    void smoteInterpolatesBetweenNeighboursOfTheSameClass() {
        Dataset out = run(classes(), "smote", p("neighbours", 2), Sources.NONE);
        assertThat(counts(out, "y")).isEqualTo("big=7,small=7");
        double[] x = out.numbers(0);
        for (int i = 10; i < x.length; i++) {
            assertThat(x[i]).isBetween(7.0, 9.0);
            assertThat(out.text(i, 1)).isEqualTo("small");
        }
        assertThat(Arrays.stream(x).skip(10).distinct().count()).isGreaterThan(1);
    }

    @Test
    void randomSplitMarksExactlyTheShare() {
        Dataset out = run(classes(), "split_random", p("test_share", 0.3), Sources.NONE);
        assertThat(counts(out, "split")).isEqualTo("test=3,train=7");
    }

    @Test
    void stratifiedSplitKeepsProportions() {
        Dataset out = run(classes(), "split_stratified", p("test_share", 0.5, "keep", "test"), Sources.NONE);
        assertThat(counts(out, "y")).isEqualTo("big=4,small=2");       // round(3.5) = 4, round(1.5) = 2
    }

    @Test
    void keySplitKeepsAKeyOnOneSide() {
        Dataset out = run(base(), "split_by_key", p("column", "c", "test_share", 0.5), Sources.NONE);
        List<String> split = List.of(col(out, "split").split("\\|", -1));
        assertThat(split.get(0)).isEqualTo(split.get(2));                 // both rows of key "a"
        assertThat(counts(out, "split")).matches("test=\\d,train=\\d");
        assertThat(split.stream().filter("test"::equals).count()).isBetween(1L, 4L);
    }
}
