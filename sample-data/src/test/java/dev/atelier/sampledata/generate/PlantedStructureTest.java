package dev.atelier.sampledata.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.sampledata.CsvFile;
import dev.atelier.sampledata.SampleDatasets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Checks the committed files against the structure their recipes (and `DATASETS.md`) say was planted. The exact
/// counts asserted here are the numbers quoted in `DATASETS.md`; if a recipe changes, both must be updated.
class PlantedStructureTest {

    private static final CsvFile LOANS = CsvFile.of(SampleDatasets.LOAN_APPROVAL);
    private static final CsvFile TICKETS = CsvFile.of(SampleDatasets.SUPPORT_TICKET_PRIORITY);
    private static final CsvFile HOUSES = CsvFile.of(SampleDatasets.HOUSE_PRICES);
    private static final CsvFile DEMAND = CsvFile.of(SampleDatasets.RETAIL_DEMAND);

    // ---------------------------------------------------------------- loan-approval

    @Test
    void femaleApplicantsAreApprovedClearlyLessOftenThanMaleApplicants() {
        Map<String, int[]> byGender = approvalsByGender(LOANS.rows());

        assertThat(byGender.get("female")).containsExactly(921, 504);
        assertThat(byGender.get("male")).containsExactly(1033, 712);
        assertThat(byGender.get("nonbinary")).containsExactly(46, 28);
        double female = rate(byGender.get("female"));
        double male = rate(byGender.get("male"));
        assertThat(male - female).as("approval-rate gap, male − female").isGreaterThan(0.12);
        assertThat(female / male).as("disparate impact (female / male)").isCloseTo(0.794, within(0.001));
        assertThat(LOANS.values("approved").stream().filter("yes"::equals).count()).isEqualTo(1244);
    }

    @Test
    void genderIsIndependentOfTheFeaturesSoTheBiasIsInTheLabelOnly() {
        for (String column : List.of("income", "credit_score", "employment_years", "age")) {
            double female = median(numbers(LOANS, column, "female"));
            double male = median(numbers(LOANS, column, "male"));
            assertThat(female / male).as(column + " median, female / male").isCloseTo(1.0, within(0.05));
        }
    }

    @Test
    void refittingThePlantedLogisticModelRecoversItsCoefficients() {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (List<String> row : distinct(LOANS.rows())) {
            String score = row.get(LOANS.column("credit_score"));
            if (score.isEmpty()) {
                continue;
            }
            double dti = Double.parseDouble(row.get(LOANS.column("loan_amount")))
                    / Double.parseDouble(row.get(LOANS.column("income")));
            x.add(new double[] {
                1,
                Double.parseDouble(score) - LoanApprovalRecipe.CREDIT_SCORE_CENTRE,
                dti - LoanApprovalRecipe.DTI_CENTRE,
                Math.min(Integer.parseInt(row.get(LOANS.column("employment_years"))), LoanApprovalRecipe.EMPLOYMENT_CAP),
                Boolean.parseBoolean(row.get(LOANS.column("home_owner"))) ? 1 : 0,
                "female".equals(row.get(LOANS.column("gender"))) ? 1 : 0});
            y.add("yes".equals(row.get(LOANS.column("approved"))));
        }
        double[] beta = LogisticFit.fit(x, y);

        assertThat(beta[5]).as("female coefficient").isCloseTo(LoanApprovalRecipe.FEMALE_BIAS, within(0.3));
        assertThat(beta[1]).as("credit score").isCloseTo(LoanApprovalRecipe.CREDIT_SCORE_PER_POINT, within(0.004));
        assertThat(beta[2]).as("debt to income").isCloseTo(LoanApprovalRecipe.DTI_COEFFICIENT, within(1.5));
        assertThat(beta[3]).as("employment").isCloseTo(LoanApprovalRecipe.EMPLOYMENT_PER_YEAR, within(0.05));
        assertThat(beta[0]).as("intercept").isCloseTo(LoanApprovalRecipe.INTERCEPT, within(0.35));
    }

    @Test
    void loanDataHasThePlantedQualityIssues() {
        assertThat(LOANS.rows()).hasSize(2_000);
        assertThat(distinct(LOANS.rows())).hasSize(1_995);
        Set<List<String>> seen = new HashSet<>();
        List<String> duplicatedIds = new ArrayList<>();
        for (List<String> row : LOANS.rows()) {
            if (!seen.add(row)) {
                duplicatedIds.add(row.getFirst());
            }
        }
        assertThat(duplicatedIds).containsExactlyInAnyOrder("000446", "000473", "001649", "002894", "004660");

        assertThat(LOANS.values("credit_score").stream().filter(String::isEmpty).count()).isEqualTo(57);
        List<Double> incomes = LOANS.values("income").stream().map(Double::parseDouble).toList();
        assertThat(incomes.stream().filter(i -> i >= 200_000).count()).isEqualTo(17);
        assertThat(incomes.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isEqualTo(794_900);
        assertThat(median(incomes)).isEqualTo(60_900);
    }

    @Test
    void applicantIdsAreSixDigitTextWithLeadingZeros() {
        List<String> ids = LOANS.values("applicant_id");
        assertThat(ids).allMatch(id -> id.matches("0\\d{5}"));
        assertThat(ids).contains("000138");
        assertThat(new HashSet<>(ids)).hasSize(1_995);
        assertThat(LOANS.values("application_date"))
                .allMatch(d -> d.compareTo("2024-01-01") >= 0 && d.compareTo("2025-12-31") <= 0);
    }

    // ---------------------------------------------------------------- support-ticket-priority

    @Test
    void ticketPrioritiesHaveTheDocumentedMildImbalance() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String p : SupportTicketRecipe.PRIORITIES) {
            counts.put(p, 0);
        }
        TICKETS.values("priority").forEach(p -> counts.merge(p, 1, Integer::sum));
        assertThat(counts).containsExactly(Map.entry("low", 552), Map.entry("medium", 488), Map.entry("high", 272),
                Map.entry("urgent", 188));
    }

    @Test
    void outagesFromPremiumAndEnterpriseCustomersAreAlwaysUrgent() {
        int ruled = 0;
        for (List<String> row : TICKETS.rows()) {
            String tier = row.get(TICKETS.column("customer_tier"));
            if (Boolean.parseBoolean(row.get(TICKETS.column("outage_reported")))
                    && (tier.equals("premium") || tier.equals("enterprise"))) {
                ruled++;
                assertThat(row.get(TICKETS.column("priority"))).isEqualTo("urgent");
            }
        }
        assertThat(ruled).isEqualTo(28);
    }

    @Test
    void meanLatentScoreRisesWithPriority() {
        Map<String, List<Double>> scores = new HashMap<>();
        for (List<String> row : TICKETS.rows()) {
            double s = SupportTicketRecipe.latentScore(
                    Long.parseLong(row.get(TICKETS.column("affected_users"))),
                    Boolean.parseBoolean(row.get(TICKETS.column("outage_reported"))),
                    row.get(TICKETS.column("customer_tier")),
                    row.get(TICKETS.column("product")),
                    row.get(TICKETS.column("channel")),
                    Double.parseDouble(row.get(TICKETS.column("sentiment"))),
                    Integer.parseInt(row.get(TICKETS.column("previous_tickets_30d"))));
            scores.computeIfAbsent(row.get(TICKETS.column("priority")), _ -> new ArrayList<>()).add(s);
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (String p : SupportTicketRecipe.PRIORITIES) {
            double mean = mean(scores.get(p));
            assertThat(mean).as("mean latent score of " + p).isGreaterThan(previous + 0.5);
            previous = mean;
        }
        assertThat(new HashSet<>(TICKETS.values("ticket_id"))).hasSize(1_500);
    }

    // ---------------------------------------------------------------- house-prices

    @Test
    void pricesFollowTheDocumentedFormulaWithTheDocumentedNoise() {
        List<Double> residuals = new ArrayList<>();
        for (List<String> row : HOUSES.rows()) {
            String built = row.get(HOUSES.column("year_built"));
            if (built.isEmpty()) {
                continue;
            }
            LocalDate sold = LocalDate.parse(row.get(HOUSES.column("sold_date")));
            double expected = HousePriceRecipe.expectedPrice(
                    Double.parseDouble(row.get(HOUSES.column("living_area_m2"))),
                    row.get(HOUSES.column("neighbourhood")),
                    row.get(HOUSES.column("condition")),
                    Boolean.parseBoolean(row.get(HOUSES.column("has_garage"))),
                    Double.parseDouble(row.get(HOUSES.column("distance_to_centre_km"))),
                    sold.getYear() - Integer.parseInt(built),
                    12 * (sold.getYear() - 2023) + sold.getMonthValue() - 1);
            residuals.add(Double.parseDouble(row.get(HOUSES.column("price"))) - expected);
        }
        assertThat(residuals).hasSize(1_435);
        List<Double> prices = HOUSES.values("price").stream().map(Double::parseDouble).toList();
        double variance = sd(prices) * sd(prices);
        double residualVariance = residuals.stream().mapToDouble(r -> r * r).sum() / residuals.size();
        assertThat(1 - residualVariance / variance).as("R² of the true formula").isCloseTo(0.967, within(0.002));
        assertThat(mean(residuals)).isCloseTo(0, within(2_000.0));
        assertThat(sd(residuals)).isCloseTo(HousePriceRecipe.NOISE_SD, within(1_500.0));
    }

    @Test
    void houseDataHasTheDocumentedMissingValuesAndRanges() {
        assertThat(HOUSES.values("year_built").stream().filter(String::isEmpty).count()).isEqualTo(65);
        assertThat(HOUSES.header().stream().filter(c -> !c.equals("year_built"))
                .allMatch(c -> !HOUSES.values(c).contains(""))).isTrue();
        List<Double> prices = HOUSES.values("price").stream().map(Double::parseDouble).toList();
        assertThat(prices.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isEqualTo(74_400);
        assertThat(prices.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isEqualTo(926_300);
        assertThat(median(prices)).isEqualTo(345_850);
        assertThat(new HashSet<>(HOUSES.values("property_id"))).hasSize(1_500);
    }

    // ---------------------------------------------------------------- retail-demand-timeseries

    @Test
    void demandHasWeeklySeasonalityAndAPromotionLift() {
        double observed = 0;
        double expected = 0;
        List<Double> promoRatio = new ArrayList<>();
        Map<DayOfWeek, List<Double>> byWeekday = new HashMap<>();
        int promoDays = 0;
        for (List<String> row : DEMAND.rows()) {
            String store = row.get(0);
            LocalDate date = LocalDate.parse(row.get(1));
            boolean promo = Boolean.parseBoolean(row.get(2));
            double units = Double.parseDouble(row.get(3));
            observed += units;
            expected += RetailDemandRecipe.expectedUnits(store, date, promo);
            if (promo) {
                promoDays++;
                promoRatio.add(units / RetailDemandRecipe.expectedUnits(store, date, false));
            }
            byWeekday.computeIfAbsent(date.getDayOfWeek(), _ -> new ArrayList<>()).add(units);
        }
        assertThat(DEMAND.rows()).hasSize(3 * 731);
        assertThat(promoDays).isEqualTo(280);
        assertThat(observed / expected).isCloseTo(1.0, within(0.01));
        assertThat(mean(promoRatio)).isCloseTo(RetailDemandRecipe.PROMO_UPLIFT, within(0.03));
        assertThat(mean(byWeekday.get(DayOfWeek.SATURDAY)) / mean(byWeekday.get(DayOfWeek.MONDAY)))
                .isGreaterThan(1.4);
    }

    // ---------------------------------------------------------------- ceilings quoted in DATASETS.md

    @Test
    void theTrueRulesGiveTheDocumentedBestPossibleScores() {
        int loanRows = 0;
        int loanCorrect = 0;
        for (List<String> row : LOANS.rows()) {
            String score = row.get(LOANS.column("credit_score"));
            if (score.isEmpty()) {
                continue;
            }
            double p = LoanApprovalRecipe.sigmoid(LoanApprovalRecipe.logOdds(Double.parseDouble(score),
                    Double.parseDouble(row.get(LOANS.column("loan_amount")))
                            / Double.parseDouble(row.get(LOANS.column("income"))),
                    Integer.parseInt(row.get(LOANS.column("employment_years"))),
                    Boolean.parseBoolean(row.get(LOANS.column("home_owner"))),
                    row.get(LOANS.column("gender"))));
            loanRows++;
            if ((p >= 0.5) == "yes".equals(row.get(LOANS.column("approved")))) {
                loanCorrect++;
            }
        }
        assertThat(loanRows).isEqualTo(1_943);
        assertThat(loanCorrect).as("loan rows the true formula classifies correctly").isEqualTo(1_500);

        int ticketCorrect = 0;
        for (List<String> row : TICKETS.rows()) {
            boolean outage = Boolean.parseBoolean(row.get(TICKETS.column("outage_reported")));
            String tier = row.get(TICKETS.column("customer_tier"));
            double s = SupportTicketRecipe.latentScore(
                    Long.parseLong(row.get(TICKETS.column("affected_users"))), outage, tier,
                    row.get(TICKETS.column("product")), row.get(TICKETS.column("channel")),
                    Double.parseDouble(row.get(TICKETS.column("sentiment"))),
                    Integer.parseInt(row.get(TICKETS.column("previous_tickets_30d"))));
            String best = outage && (tier.equals("premium") || tier.equals("enterprise"))
                    ? "urgent" : mostLikelyPriority(s);
            if (best.equals(row.get(TICKETS.column("priority")))) {
                ticketCorrect++;
            }
        }
        assertThat(ticketCorrect).as("tickets the true rule classifies correctly").isEqualTo(964);
    }

    private static String mostLikelyPriority(double latent) {
        double[] cuts = SupportTicketRecipe.CUT_POINTS;
        double[] cumulative = new double[cuts.length + 2];
        for (int i = 0; i < cuts.length; i++) {
            cumulative[i + 1] = 1 / (1 + Math.exp(-(cuts[i] - latent) / SupportTicketRecipe.NOISE_SCALE));
        }
        cumulative[cuts.length + 1] = 1;
        int best = 0;
        for (int k = 1; k <= cuts.length; k++) {
            if (cumulative[k + 1] - cumulative[k] > cumulative[best + 1] - cumulative[best]) {
                best = k;
            }
        }
        return SupportTicketRecipe.PRIORITIES.get(best);
    }

    // ---------------------------------------------------------------- small statistics

    private static Map<String, int[]> approvalsByGender(List<List<String>> rows) {
        Map<String, int[]> result = new HashMap<>();
        int g = LOANS.column("gender");
        int a = LOANS.column("approved");
        for (List<String> row : rows) {
            int[] counts = result.computeIfAbsent(row.get(g), _ -> new int[2]);
            counts[0]++;
            if ("yes".equals(row.get(a))) {
                counts[1]++;
            }
        }
        return result;
    }

    private static double rate(int[] counts) {
        return (double) counts[1] / counts[0];
    }

    private static List<List<String>> distinct(List<List<String>> rows) {
        return List.copyOf(new java.util.LinkedHashSet<>(rows));
    }

    private static List<Double> numbers(CsvFile csv, String column, String gender) {
        int c = csv.column(column);
        int g = csv.column("gender");
        return csv.rows().stream().filter(r -> r.get(g).equals(gender) && !r.get(c).isEmpty())
                .map(r -> Double.parseDouble(r.get(c))).toList();
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double sd(List<Double> xs) {
        double m = mean(xs);
        return Math.sqrt(xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (xs.size() - 1));
    }

    static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
