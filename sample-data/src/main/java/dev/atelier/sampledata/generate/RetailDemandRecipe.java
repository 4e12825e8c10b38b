package dev.atelier.sampledata.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/// `retail-demand-timeseries.csv`: daily units sold by three shops over 2024–2025, in long format (one row per
/// shop and day), for forecasting lessons.
///
/// Ground truth: `units_sold ~ Poisson(μ)` with
///
/// ```
/// μ = base(store_id) · weekday(date) · (1 + 0.10·sin(2π·(day_of_year − 105) / 365.25))
///     · (1 + 0.08·days_since_2024-01-01 / 365) · (1.30 if promo)
/// ```
///
/// base: S01 140, S02 90, S03 45 units/day. Weekday factors Mon 0.85, Tue 0.85, Wed 0.90, Thu 0.95, Fri 1.15,
/// Sat 1.35, Sun 0.95 (mean 1). The yearly wave peaks in mid-July. Promotions run for whole weeks (Monday–Sunday):
/// each shop runs one in a given week with probability 0.15, independently of the other shops.
final class RetailDemandRecipe implements TableRecipe {
    static final List<String> STORES = List.of("S01", "S02", "S03");
    static final double[] STORE_BASE = {140, 90, 45};
    /// Weekday multipliers, Monday first.
    static final double[] WEEKDAY_FACTOR = {0.85, 0.85, 0.90, 0.95, 1.15, 1.35, 0.95};
    static final double YEARLY_AMPLITUDE = 0.10;
    static final int YEARLY_PEAK_SHIFT = 105;
    static final double TREND_PER_YEAR = 0.08;
    static final double PROMO_UPLIFT = 1.30;
    static final double PROMO_WEEK_RATE = 0.15;
    /// A Monday.
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    @Override
    public String fileName() {
        return "retail-demand-timeseries.csv";
    }

    @Override
    public CsvTable generate(Draws draws) {
        CsvTable table = new CsvTable(List.of("store_id", "date", "promo", "units_sold"));
        int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
        for (int s = 0; s < STORES.size(); s++) {
            List<Boolean> promoWeeks = new ArrayList<>();
            for (int week = 0; week * 7 < days; week++) {
                promoWeeks.add(draws.chance(PROMO_WEEK_RATE));
            }
            for (int d = 0; d < days; d++) {
                LocalDate date = FIRST_DAY.plusDays(d);
                boolean promo = promoWeeks.get(d / 7);
                int units = draws.poisson(expectedUnits(STORES.get(s), date, promo));
                table.add(List.of(STORES.get(s), date.toString(), CsvTable.bool(promo), CsvTable.integer(units)));
            }
        }
        return table;
    }

    /// The Poisson mean μ for one shop and day (the formula in the class comment).
    static double expectedUnits(String store, LocalDate date, boolean promo) {
        double yearly = 1 + YEARLY_AMPLITUDE
                * StrictMath.sin(2 * StrictMath.PI * (date.getDayOfYear() - YEARLY_PEAK_SHIFT) / 365.25);
        double trend = 1 + TREND_PER_YEAR * (date.toEpochDay() - FIRST_DAY.toEpochDay()) / 365.0;
        return STORE_BASE[STORES.indexOf(store)]
                * WEEKDAY_FACTOR[date.getDayOfWeek().getValue() - 1]
                * yearly * trend * (promo ? PROMO_UPLIFT : 1);
    }
}
