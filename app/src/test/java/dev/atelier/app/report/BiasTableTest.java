package dev.atelier.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.bias.BiasMetric;
import dev.atelier.engine.bias.BiasReport;
import dev.atelier.engine.bias.OutcomeRates;
import dev.atelier.engine.bias.OutcomeRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class BiasTableTest {
    private final Messages messages = Messages.english();

    @Test
    void theToleranceAppliesToTheSizeAndForDiToTheDistanceFromOne() {
        assertThat(BiasTable.status(BiasMetric.DPL, 0.05, 0.1)).isEqualTo(BiasTable.Status.WITHIN);
        assertThat(BiasTable.status(BiasMetric.DPL, -0.15, 0.1)).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(BiasTable.status(BiasMetric.DPL, 0.1, 0.1)).isEqualTo(BiasTable.Status.WITHIN);
        assertThat(BiasTable.status(BiasMetric.DI, 0.95, 0.1)).isEqualTo(BiasTable.Status.WITHIN);
        assertThat(BiasTable.status(BiasMetric.DI, 0.05, 0.1)).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(BiasTable.status(BiasMetric.DI, 0.794, 0.1)).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(BiasTable.status(BiasMetric.KL, Double.POSITIVE_INFINITY, 0.1)).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(BiasTable.status(BiasMetric.TE, Double.NaN, 0.1)).isEqualTo(BiasTable.Status.UNDEFINED);
        assertThat(BiasTable.value(Double.NaN)).isEqualTo("undefined");
        assertThat(BiasTable.value(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    }

    @Test
    void readingsNameTheGroupTheOutcomeAndTheDirection() {
        var report = new BiasReport("gender = female", "yes", null, 921, 1079, 0, List.of(
                new BiasReport.Result(BiasMetric.CI, 0.079), new BiasReport.Result(BiasMetric.DPL, 0.1386),
                new BiasReport.Result(BiasMetric.CDDL, -0.02)));
        var post = new BiasReport("gender = female", "yes", null, 180, 220, 0, List.of(
                new BiasReport.Result(BiasMetric.DI, 0.82), new BiasReport.Result(BiasMetric.AD, -0.03),
                new BiasReport.Result(BiasMetric.TE, Double.NaN)));
        var rates = List.of(new OutcomeRates.Rate("gender = female", OutcomeRates.Kind.FACET, 921, 504.0 / 921, Double.NaN),
                new OutcomeRates.Rate("others", OutcomeRates.Kind.OTHERS, 1079, 740.0 / 1079, Double.NaN));
        var ctx = new BiasTable.Context("gender = female", BiasTable.outcome("approved", OutcomeRule.parse("yes")),
                "purpose", rates, List.of());
        List<BiasTable.Row> rows = BiasTable.rows(report, post, ctx, 0.1, messages);
        assertThat(rows).extracting(BiasTable.Row::abbreviation).containsExactly("CI", "DPL", "CDDL", "DI", "AD", "TE");
        assertThat(rows.get(0).reading()).isEqualTo("Rows with gender = female are the smaller group: 921 rows against"
                + " 1,079 others.");
        assertThat(rows.get(1).reading()).isEqualTo("Rows with gender = female have approved = yes 13.9 points less"
                + " often than the others in the data (54.7 % vs 68.6 %).");
        assertThat(rows.get(2).reading()).contains("2.0 points less", "within each group of purpose");
        assertThat(rows.get(3).reading()).contains("0.82 times the rate");
        assertThat(rows.get(4).reading()).contains("3.0 points more accurate");
        assertThat(rows.get(5).reading()).startsWith("Undefined here");
        assertThat(rows.get(5).status()).isEqualTo(BiasTable.Status.UNDEFINED);
        assertThat(rows.get(3).status()).isEqualTo(BiasTable.Status.OUTSIDE);
        assertThat(BiasTable.retolerate(rows, 0.2).get(3).status()).isEqualTo(BiasTable.Status.WITHIN);
        assertThat(BiasTable.outcome("price", OutcomeRule.parse(">50000"))).isEqualTo("price > 50000");
        assertThat(BiasTable.outcome("priority", OutcomeRule.parse("high,urgent"))).isEqualTo("priority = high or urgent");
    }
}
