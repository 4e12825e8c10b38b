package dev.atelier.sampledata.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// `house-prices.csv`: residential sales in one mid-sized city and the price each home sold for.
///
/// Ground truth on the columns as written (the true `year_built` is used where the file has it missing):
///
/// ```
/// age    = year(sold_date) − year_built
/// months = 12·(year(sold_date) − 2023) + month(sold_date) − 1            (0 … 35)
/// price  = 110,000 + 1,900·living_area_m2 + 1,300·living_area_m2·premium(neighbourhood)
///          + condition + 14,000·[has_garage] − 30,000·√distance_to_centre_km
///          − 1,400·age + 14·age² + 1,200·months + ε,      ε ~ Normal(0, 25,000)
/// ```
///
/// then rounded to the nearest 100 and floored at 50,000. Premiums: Old Town 1.0, Lakeview 0.8, Hillcrest 0.6,
/// Riverside 0.4, Millbrook 0.2, Northgate 0. Condition: poor −35,000, fair −10,000, good 0, excellent +30,000.
/// `bedrooms` and `bathrooms` have no direct effect: they matter only through their correlation with living area.
/// About 5 % of `year_built` values are blanked completely at random.
final class HousePriceRecipe implements TableRecipe {
    static final int ROWS = 1_500;

    static final List<String> NEIGHBOURHOODS = List.of("Old Town", "Lakeview", "Hillcrest", "Riverside", "Millbrook",
            "Northgate");
    static final double[] PREMIUM = {1.0, 0.8, 0.6, 0.4, 0.2, 0.0};
    private static final double[] NEIGHBOURHOOD_SHARE = {0.12, 0.14, 0.18, 0.20, 0.20, 0.16};
    private static final double[] DISTANCE_MIN = {0.2, 3.0, 2.0, 1.0, 6.0, 4.0};
    private static final double[] DISTANCE_MAX = {1.8, 7.0, 5.0, 4.0, 14.0, 10.0};
    private static final double[] BUILT_MEAN = {1925, 1995, 1975, 1965, 2005, 1970};
    private static final double[] BUILT_SD = {22, 15, 18, 25, 12, 15};
    private static final double[] AREA_FACTOR = {0.85, 1.15, 1.10, 0.95, 1.05, 0.90};
    static final List<String> CONDITIONS = List.of("poor", "fair", "good", "excellent");
    static final double[] CONDITION_EFFECT = {-35_000, -10_000, 0, 30_000};

    static final double BASE = 110_000;
    static final double PER_M2 = 1_900;
    static final double PER_M2_PER_PREMIUM = 1_300;
    static final double GARAGE = 14_000;
    static final double PER_SQRT_KM = -30_000;
    static final double PER_YEAR_OF_AGE = -1_400;
    static final double PER_YEAR_OF_AGE_SQUARED = 14;
    static final double PER_MONTH = 1_200;
    static final double NOISE_SD = 25_000;
    static final double MISSING_YEAR_BUILT_RATE = 0.05;

    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    @Override
    public String fileName() {
        return "house-prices.csv";
    }

    @Override
    public CsvTable generate(Draws draws) {
        CsvTable table = new CsvTable(List.of("property_id", "sold_date", "neighbourhood", "living_area_m2",
                "bedrooms", "bathrooms", "year_built", "condition", "has_garage", "distance_to_centre_km", "price"));

        List<LocalDate> dates = new ArrayList<>(ROWS);
        int span = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
        while (dates.size() < ROWS) {
            LocalDate day = FIRST_DAY.plusDays(draws.intBetween(0, span));
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(day);
            }
        }
        dates.sort(null);

        Set<Integer> usedIds = new HashSet<>();
        for (LocalDate sold : dates) {
            int propertyId;
            do {
                propertyId = draws.intBetween(10_000, 99_999);
            } while (!usedIds.add(propertyId));
            int nb = draws.pick(NEIGHBOURHOOD_SHARE);
            double distance = Double.parseDouble(CsvTable.number(draws.uniform(DISTANCE_MIN[nb], DISTANCE_MAX[nb]), 1));
            int area = StrictMath.clamp(StrictMath.round(
                    AREA_FACTOR[nb] * StrictMath.exp(draws.gaussian(StrictMath.log(115), 0.33))), 35, 420);
            int bedrooms = StrictMath.clamp(StrictMath.round(area / 35.0 + draws.gaussian(0, 0.5)),
                    1, StrictMath.clamp(area / 20, 1, 7));
            int bathrooms = StrictMath.min(4, 1 + area / 85 + (area >= 70 && draws.chance(0.3) ? 1 : 0));
            int yearBuilt = (int) StrictMath.round(
                    draws.truncatedGaussian(BUILT_MEAN[nb], BUILT_SD[nb], 1880, sold.getYear()));
            int condition = draws.pick(0.07, 0.26, 0.46, 0.21);
            boolean garage = draws.chance(0.25 + 0.06 * StrictMath.min(distance, 10));

            int months = 12 * (sold.getYear() - 2023) + sold.getMonthValue() - 1;
            double price = expectedPrice(area, NEIGHBOURHOODS.get(nb), CONDITIONS.get(condition), garage, distance,
                    sold.getYear() - yearBuilt, months) + draws.gaussian(0, NOISE_SD);
            long rounded = StrictMath.max(50_000, 100 * StrictMath.round(price / 100));
            boolean yearMissing = draws.chance(MISSING_YEAR_BUILT_RATE);

            table.add(List.of(
                    "PR-" + propertyId,
                    sold.toString(),
                    NEIGHBOURHOODS.get(nb),
                    CsvTable.integer(area),
                    CsvTable.integer(bedrooms),
                    CsvTable.integer(bathrooms),
                    yearMissing ? "" : CsvTable.integer(yearBuilt),
                    CONDITIONS.get(condition),
                    CsvTable.bool(garage),
                    CsvTable.number(distance, 1),
                    CsvTable.integer(rounded)));
        }
        return table;
    }

    /// The noise-free price (the formula in the class comment, without ε and before rounding).
    static double expectedPrice(double livingArea, String neighbourhood, String condition, boolean garage,
                                double distanceKm, int age, int months) {
        return BASE
                + PER_M2 * livingArea
                + PER_M2_PER_PREMIUM * livingArea * PREMIUM[NEIGHBOURHOODS.indexOf(neighbourhood)]
                + CONDITION_EFFECT[CONDITIONS.indexOf(condition)]
                + (garage ? GARAGE : 0)
                + PER_SQRT_KM * StrictMath.sqrt(distanceKm)
                + PER_YEAR_OF_AGE * age + PER_YEAR_OF_AGE_SQUARED * age * age
                + PER_MONTH * months;
    }
}
