package dev.atelier.engine.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.TestJobContexts;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.job.JobContext;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ProfilerTest {

    private static DatasetProfile profile(Dataset d) {
        return Profiler.profile(d, null, JobContext.silent());
    }

    private static DatasetProfile profile(Dataset d, String target) {
        return Profiler.profile(d, target, JobContext.silent());
    }

    private static List<WarningType> types(DatasetProfile p, String column) {
        return p.warningsFor(column).stream().map(ProfileWarning::type).toList();
    }

    private static Dataset tiny() {
        return Dataset.builder("tiny")
                .numeric("x", 1, 2, 3, 4, 100, Double.NaN)
                .categorical("c", "a", "b", "a", "a", null, "c")
                .bool("b", true, false, true, null, null, null)
                .dateTime("d", LocalDateTime.of(2024, 3, 1, 0, 0), null, LocalDateTime.of(2023, 1, 5, 8, 30),
                        LocalDateTime.of(2024, 3, 1, 0, 0), null, null)
                .build();
    }

    @Test
    void numericStatisticsMatchHandComputedValues() {
        ColumnProfile x = profile(tiny()).column("x").orElseThrow();
        assertThat(x.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(x.role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(x.count()).isEqualTo(5);
        assertThat(x.missing()).isEqualTo(1);
        assertThat(x.missingFraction()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(x.distinct()).isEqualTo(5);
        NumericStats s = (NumericStats) x.stats();
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.mean()).isEqualTo(22);
        assertThat(s.std()).isCloseTo(Math.sqrt(7610.0 / 4), within(1e-12));
        assertThat(s.p5()).isCloseTo(1.2, within(1e-12));
        assertThat(s.p25()).isEqualTo(2);
        assertThat(s.p50()).isEqualTo(3);
        assertThat(s.p75()).isEqualTo(4);
        assertThat(s.p95()).isCloseTo(80.8, within(1e-12));
        assertThat(s.zeros()).isZero();
        assertThat(s.histogram()).hasSize(20);
        assertThat(s.histogram().getFirst()).isEqualTo(new Bin(1, 1 + 99.0 / 20, 4));
        assertThat(s.histogram().getLast().count()).isEqualTo(1);
        assertThat(s.histogram().getLast().upper()).isEqualTo(100);
        assertThat(s.histogram().stream().mapToInt(Bin::count).sum()).isEqualTo(5);
    }

    @Test
    void smallWholeNumberRangesGetOneBarPerValue() {
        Dataset d = Dataset.builder("t").numeric("k", 0, 1, 1, 2, 2, 2, 0).build();
        NumericStats s = (NumericStats) profile(d).column("k").orElseThrow().stats();
        assertThat(s.histogram()).containsExactly(new Bin(-0.5, 0.5, 2), new Bin(0.5, 1.5, 2), new Bin(1.5, 2.5, 3));
        assertThat(s.zeros()).isEqualTo(2);
    }

    @Test
    void labelStatisticsCountTopValuesAndLengths() {
        DatasetProfile p = profile(tiny());
        ColumnProfile c = p.column("c").orElseThrow();
        assertThat(c.count()).isEqualTo(5);
        assertThat(c.distinct()).isEqualTo(3);
        LabelStats s = (LabelStats) c.stats();
        assertThat(s.topValues()).containsExactly(new ValueCount("a", 3), new ValueCount("b", 1), new ValueCount("c", 1));
        assertThat(s.averageLength()).isEqualTo(1.0);

        ColumnProfile b = p.column("b").orElseThrow();
        assertThat(b.distinct()).isEqualTo(2);
        assertThat(((LabelStats) b.stats()).topValues())
                .containsExactly(new ValueCount("true", 2), new ValueCount("false", 1));
        assertThat(((LabelStats) b.stats()).averageLength()).isNaN();
    }

    @Test
    void dateStatisticsGiveIsoRange() {
        ColumnProfile d = profile(tiny()).column("d").orElseThrow();
        assertThat(d.distinct()).isEqualTo(2);
        assertThat(d.stats()).isEqualTo(new DateTimeStats("2023-01-05T08:30", "2024-03-01"));
    }

    @Test
    void datasetSizeAndColumnOrder() {
        DatasetProfile p = profile(tiny());
        assertThat(p.rows()).isEqualTo(6);
        assertThat(p.columns()).isEqualTo(4);
        assertThat(p.columnProfiles()).extracting(ColumnProfile::name).containsExactly("x", "c", "b", "d");
        assertThat(p.duplicateRows()).isZero();
    }

    @Test
    void emptyNumericColumnHasNaNStatistics() {
        Dataset d = Dataset.builder("t").numeric("x", Double.NaN, Double.NaN).build();
        ColumnProfile x = profile(d).column("x").orElseThrow();
        NumericStats s = (NumericStats) x.stats();
        assertThat(s.mean()).isNaN();
        assertThat(s.histogram()).isEmpty();
        assertThat(types(profile(d), "x")).containsExactly(WarningType.HIGH_MISSING, WarningType.CONSTANT_COLUMN);
    }

    // ---- warnings ------------------------------------------------------------------------------------

    @Test
    void highMissingFiresFromTwentyPercent() {
        Dataset d = Dataset.builder("t")
                .numeric("many", 1, 2, 3, 4, 5, 6, 7, 8, Double.NaN, Double.NaN)
                .numeric("few", 1, 2, 3, 4, 5, 6, 7, 8, 9, Double.NaN)
                .build();
        DatasetProfile p = profile(d);
        assertThat(p.warningsFor("many")).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo(WarningType.HIGH_MISSING);
            assertThat(w.detail()).isEqualTo("20% of values are missing.");
        });
        assertThat(types(p, "few")).doesNotContain(WarningType.HIGH_MISSING);
    }

    @Test
    void constantColumnFiresOnlyForASingleValue() {
        Dataset d = Dataset.builder("t")
                .categorical("same", "x", "x", null, "x")
                .categorical("two", "x", "y", "x", "x")
                .build();
        DatasetProfile p = profile(d);
        assertThat(p.warnings(WarningType.CONSTANT_COLUMN)).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("same");
            assertThat(w.detail()).isEqualTo("Every row has the same value (\"x\"), so it cannot help a model.");
        });
    }

    @Test
    void duplicateRowsAreCountedExactly() {
        Dataset d = Dataset.builder("t")
                .numeric("x", 1, 2, 1, 1, Double.NaN, Double.NaN, 3)
                .categorical("c", "a", "a", "a", "a", "b", "b", "b")
                .build();
        DatasetProfile p = profile(d);
        assertThat(p.duplicateRows()).isEqualTo(3);
        assertThat(p.warnings(WarningType.DUPLICATE_ROWS)).singleElement().satisfies(w -> {
            assertThat(w.column()).isNull();
            assertThat(w.detail()).isEqualTo("3 rows (43%) are exact copies of an earlier row.");
        });
    }

    @Test
    void noDuplicateWarningWhenRowsDifferInOneCell() {
        Dataset d = Dataset.builder("t").numeric("x", 1, 1, 1).categorical("c", "a", "b", "c").build();
        DatasetProfile p = profile(d);
        assertThat(p.duplicateRows()).isZero();
        assertThat(p.warnings(WarningType.DUPLICATE_ROWS)).isEmpty();
    }

    @Test
    void highCardinalityFiresForManyCategoriesButNotForTextOrFewCategories() {
        String[] many = IntStream.range(0, 300).mapToObj(i -> "v" + (i % 150)).toArray(String[]::new);
        String[] few = IntStream.range(0, 300).mapToObj(i -> "v" + (i % 5)).toArray(String[]::new);
        Dataset d = Dataset.builder("t").categorical("many", many).text("text", many).categorical("few", few).build();
        DatasetProfile p = profile(d);
        assertThat(p.warnings(WarningType.HIGH_CARDINALITY)).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("many");
            assertThat(w.detail()).isEqualTo(
                    "There are 150 different values in 300 rows, too many categories for most models to learn from.");
        });
    }

    @Test
    void idLikeFiresForUniqueCodesButNotForIdRoleOrRepeatedValues() {
        String[] codes = IntStream.range(0, 20).mapToObj(i -> String.format("C%03d", i)).toArray(String[]::new);
        String[] repeated = IntStream.range(0, 20).mapToObj(i -> "C" + (i % 19)).toArray(String[]::new);
        Dataset d = Dataset.builder("t")
                .categorical("customer", codes)
                .categorical("already", codes)
                .categorical("repeated", repeated)
                .role("already", ColumnRole.ID)
                .build();
        DatasetProfile p = profile(d);
        assertThat(types(p, "customer")).containsExactly(WarningType.ID_LIKE);
        assertThat(types(p, "already")).isEmpty();
        assertThat(types(p, "repeated")).doesNotContain(WarningType.ID_LIKE);
    }

    @Test
    void rowNumberColumnsAreIdLike() {
        double[] ids = IntStream.rangeClosed(1, 12).mapToDouble(i -> i).toArray();
        double[] gaps = IntStream.rangeClosed(1, 12).mapToDouble(i -> i * 2).toArray();
        Dataset d = Dataset.builder("t").numeric("PassengerId", ids).numeric("even", gaps).build();
        DatasetProfile p = profile(d);
        assertThat(p.warningsFor("PassengerId")).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo(WarningType.ID_LIKE);
            assertThat(w.detail()).startsWith("The values count up one by one (1, 2, 3, …)");
        });
        assertThat(types(p, "even")).isEmpty();
    }

    @Test
    void skewedColumnsAreNotReportedAsOutliers() {
        double[] skewed = IntStream.range(0, 100).mapToDouble(i -> i < 80 ? i % 5 : 100 + i * 10).toArray();
        Dataset d = Dataset.builder("t").numeric("skewed", skewed).build();
        assertThat(profile(d).warnings(WarningType.OUTLIERS)).isEmpty();
    }

    @Test
    void outliersFireForFarValuesOnly() {
        Dataset d = Dataset.builder("t")
                .numeric("spiky", 1, 2, 3, 4, 100, Double.NaN)
                .numeric("smooth", 1, 2, 3, 4, 5, 6)
                .numeric("binary", 0, 0, 0, 0, 0, 1)
                .build();
        DatasetProfile p = profile(d);
        assertThat(p.warnings(WarningType.OUTLIERS)).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("spiky");
            assertThat(w.detail())
                    .isEqualTo("1 value (20%) is far outside the typical range (robust z-score above 3.5).");
        });
    }

    @Test
    void classImbalanceFiresForARareCategoricalClass() {
        Dataset d = Dataset.builder("t").categorical("churn", labels(95, "no", 5, "yes")).build();
        DatasetProfile p = profile(d, "churn");
        assertThat(p.warnings(WarningType.CLASS_IMBALANCE)).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("churn");
            assertThat(w.detail()).isEqualTo(
                    "The rarest class \"yes\" has 5% of the rows and the most common, \"no\", has 95%.");
        });
    }

    @Test
    void classImbalanceUsesTheSchemaTargetAndNumericClasses() {
        double[] y = new double[100];
        for (int i = 0; i < 10; i++) {
            y[i] = 1;
        }
        Dataset d = Dataset.builder("t").numeric("y", y).target("y").build();
        assertThat(profile(d).warnings(WarningType.CLASS_IMBALANCE)).singleElement()
                .satisfies(w -> assertThat(w.detail()).contains("\"1\" has 10%"));
    }

    @Test
    void noClassImbalanceForBalancedTargetsContinuousTargetsOrNoTarget() {
        Dataset balanced = Dataset.builder("t").categorical("y", labels(60, "a", 40, "b")).build();
        assertThat(profile(balanced, "y").warnings(WarningType.CLASS_IMBALANCE)).isEmpty();
        double[] continuous = IntStream.range(0, 100).mapToDouble(i -> i * 0.5).toArray();
        assertThat(profile(Dataset.builder("t").numeric("y", continuous).build(), "y")
                .warnings(WarningType.CLASS_IMBALANCE)).isEmpty();
        Dataset imbalancedButNotTarget = Dataset.builder("t").categorical("y", labels(95, "a", 5, "b")).build();
        assertThat(profile(imbalancedButNotTarget).warnings(WarningType.CLASS_IMBALANCE)).isEmpty();
    }

    @Test
    void booleanTargetCanBeImbalanced() {
        Boolean[] flags = new Boolean[50];
        Arrays.fill(flags, Boolean.FALSE);
        flags[0] = Boolean.TRUE;
        Dataset d = Dataset.builder("t").bool("fraud", flags).build();
        assertThat(profile(d, "fraud").warnings(WarningType.CLASS_IMBALANCE)).hasSize(1);
    }

    @Test
    void unknownTargetIsAColumnNotFoundError() {
        assertThatThrownBy(() -> profile(tiny(), "nope"))
                .isInstanceOfSatisfying(SpecException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
                    assertThat(e.args()).containsExactly("nope");
                });
    }

    @Test
    void progressIsMonotoneAndEndsAtOne() {
        var ctx = TestJobContexts.recording();
        Profiler.profile(tiny(), null, ctx);
        assertThat(ctx.fractions).isSorted();
        assertThat(ctx.fractions.getLast()).isEqualTo(1.0);
        assertThat(ctx.statusKeys).containsOnly("job.profile.column");
    }

    @Test
    void cancellationStopsProfiling() {
        assertThatThrownBy(() -> Profiler.profile(tiny(), null, TestJobContexts.cancelAfterProgressCalls(2)))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void percentagesReadNaturally() {
        assertThat(Profiler.percent(0.38)).isEqualTo("38%");
        assertThat(Profiler.percent(0.004)).isEqualTo("0.4%");
        assertThat(Profiler.percent(0.0000001)).isEqualTo("less than 0.1%");
        assertThat(Profiler.percent(0.9999)).isEqualTo("more than 99.9%");
        assertThat(Profiler.percent(0.996)).isEqualTo("99.6%");
        assertThat(Profiler.percent(1)).isEqualTo("100%");
    }

    private static @Nullable String[] labels(int n1, String a, int n2, String b) {
        String[] out = new String[n1 + n2];
        Arrays.fill(out, 0, n1, a);
        Arrays.fill(out, n1, n1 + n2, b);
        return out;
    }
}
