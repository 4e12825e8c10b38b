package dev.atelier.engine.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvImporter;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.job.JobContext;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeRatesTest {
    @Test
    void ratesOfTheLoanSampleMatchItsPlantedCountsAndDpl(@TempDir Path dir) throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Dataset data = CsvImporter.read(csv, CsvOptions.defaults().withTypeOverrides(Map.of("approved",
                ColumnType.CATEGORICAL)), JobContext.silent()).dataset();
        var spec = new BiasAnalysis.Spec("approved", OutcomeRule.parse("yes"), Facet.parse("gender=female"), null);
        List<OutcomeRates.Rate> rates = OutcomeRates.of(data, spec, null);
        assertThat(rates.get(0).kind()).isEqualTo(OutcomeRates.Kind.FACET);
        assertThat(rates.get(0).rows()).isEqualTo(921);
        assertThat(rates.get(0).observed()).isCloseTo(504.0 / 921, within(1e-12));
        assertThat(rates.get(0).predicted()).isNaN();
        assertThat(rates.get(1).rows()).isEqualTo(1079);
        assertThat(rates.get(1).observed() - rates.get(0).observed())
                .isCloseTo(BiasAnalysis.run(data, spec, null, JobContext.silent()).value(BiasMetric.DPL), within(1e-12));
        // one entry per gender, most frequent first (DATASETS.md: male 712 / 1,033, nonbinary 28 / 46)
        assertThat(rates.subList(2, rates.size())).extracting(OutcomeRates.Rate::group)
                .containsExactly("male", "female", "nonbinary");
        assertThat(rates.get(2).observed()).isCloseTo(712.0 / 1033, within(1e-12));
        assertThat(rates.get(4).observed()).isCloseTo(28.0 / 46, within(1e-12));
    }

    @Test
    void aThresholdFacetHasNoPerValueEntries(@TempDir Path dir) throws IOException {
        Path csv = SampleDatasets.extract(SampleDatasets.LOAN_APPROVAL, dir);
        Dataset data = CsvImporter.read(csv, CsvOptions.defaults(), JobContext.silent()).dataset();
        var spec = new BiasAnalysis.Spec("approved", OutcomeRule.parse("yes"), Facet.parse("age>60"), null);
        List<OutcomeRates.Rate> rates = OutcomeRates.of(data, spec, null);
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0).rows() + rates.get(1).rows()).isEqualTo(2000);
        assertThat(rates.get(0).group()).isEqualTo("age > 60");
    }
}
