package dev.atelier.engine.bias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.job.JobContext;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataBiasTest {
    private static Dataset loan(Path dir, String... sensitive) throws IOException {
        Dataset data = CsvImporter.read(SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir)).dataset();
        data = data.withSchema(data.schema().withTarget("approved"));
        for (String s : sensitive) {
            data = data.withSchema(data.schema().withRole(s, ColumnRole.SENSITIVE));
        }
        return data;
    }

    @Test
    void theLoanSampleGivesTheSameValuesAsAnExplicitAnalysis(@TempDir Path dir) throws IOException {
        Dataset data = loan(dir, "gender");
        DataBias.Section section = DataBias.analyze(data, null, JobContext.silent());
        // the minority values, most frequent first: female (921 rows), then nonbinary (46 rows)
        assertThat(section.findings()).extracting(f -> f.facet().toString())
                .containsExactly("gender = female", "gender = nonbinary");
        assertThat(section.findings()).allSatisfy(f -> assertThat(f.report().results()).hasSize(8));
        BiasReport explicit = BiasAnalysis.run(data, new BiasAnalysis.Spec("approved", OutcomeRule.parse("yes"),
                Facet.parse("gender=female"), null), null, JobContext.silent());
        BiasReport found = section.findings().getFirst().report();
        for (BiasMetric m : List.of(BiasMetric.CI, BiasMetric.DPL, BiasMetric.KL, BiasMetric.JS, BiasMetric.LP,
                BiasMetric.TVD, BiasMetric.KS, BiasMetric.CDDL)) {
            assertThat(found.value(m)).as(m.name()).isEqualTo(explicit.value(m));
        }
        // the values `atelier bias --facet gender=female --positive yes` prints for the sample
        assertThat(found.value(BiasMetric.CI)).isEqualTo(0.079, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(found.value(BiasMetric.DPL)).isEqualTo(0.1386, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(DataBias.withinTolerance(found.value(BiasMetric.CI))).isTrue();
        assertThat(DataBias.withinTolerance(found.value(BiasMetric.DPL))).isFalse();
    }

    @Test
    void aNumericSensitiveColumnIsSplitAtItsMedian(@TempDir Path dir) throws IOException {
        DataBias.Section section = DataBias.analyze(loan(dir, "age"), "approved", JobContext.silent());
        assertThat(section.findings()).singleElement().satisfies(f -> {
            assertThat(f.facet().threshold()).isNotNull();
            assertThat(f.report().facetRows() + f.report().otherRows()).isEqualTo(2000);
            assertThat(Math.abs(f.report().facetRows() - f.report().otherRows())).isLessThan(400);
        });
    }

    @Test
    void upToThreeMinorityValuesOfACategoryAreFacets(@TempDir Path dir) throws IOException {
        DataBias.Section section = DataBias.analyze(loan(dir, "region"), "approved", JobContext.silent());
        assertThat(section.findings()).hasSizeBetween(1, DataBias.MAX_FACETS_PER_COLUMN)
                .allSatisfy(f -> assertThat(f.report().results()).hasSize(8));
        int[] sizes = section.findings().stream().mapToInt(f -> f.report().facetRows()).toArray();
        for (int i = 1; i < sizes.length; i++) {
            assertThat(sizes[i]).isLessThanOrEqualTo(sizes[i - 1]);
        }
    }

    @Test
    void withoutSensitiveColumnsTheSectionIsEmptyAndWithoutATwoClassTargetItSaysWhy(@TempDir Path dir)
            throws IOException {
        assertThat(DataBias.analyze(loan(dir), "approved", JobContext.silent()).isEmpty()).isTrue();
        DataBias.Section noTarget = DataBias.analyze(loan(dir, "gender").withSchema(
                loan(dir, "gender").schema().withRole("approved", ColumnRole.FEATURE)), null, JobContext.silent());
        assertThat(noTarget.findings()).isEmpty();
        assertThat(noTarget.notes()).singleElement().asString().contains("target");
        DataBias.Section numericTarget = DataBias.analyze(loan(dir, "gender"), "income", JobContext.silent());
        assertThat(numericTarget.notes()).singleElement().asString().contains("exactly two outcomes");
    }

    @Test
    void thePositiveOutcomeIsTheFavourableWordOrElseTheRarerClass() {
        assertThat(DataBias.positiveClass(List.of("no", "yes"))).isEqualTo("yes");
        assertThat(DataBias.positiveClass(List.of("true", "false"))).isEqualTo("true");
        assertThat(DataBias.positiveClass(List.of("stayed", "churned"))).isEqualTo("churned");
    }
}
