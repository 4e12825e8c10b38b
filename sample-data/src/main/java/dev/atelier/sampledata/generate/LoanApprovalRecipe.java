package dev.atelier.sampledata.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// `loan-approval.csv`: consumer-loan applications and whether each was approved, with a **planted gender bias
/// in the label**.
///
/// Ground truth (all columns as written in the file, except that the decision used the true credit score even
/// where the file has it missing):
///
/// ```
/// dti   = loan_amount / income
/// z     = INTERCEPT + 0.020·(credit_score − 680) − 5.0·(dti − 0.30) + 0.09·min(employment_years, 10)
///         + 0.35·[home_owner] − 0.80·[gender = female]
/// P(approved = yes) = 1 / (1 + e^(−z))
/// ```
///
/// Gender is drawn independently of every feature (age, income, credit score, employment, home ownership,
/// loan size), so the bias lives only in the label: at equal qualifications a female applicant's odds of
/// approval are multiplied by e^(−0.8) ≈ 0.45. Region and purpose have no direct effect (purpose only shapes
/// the loan amount, and so the debt-to-income ratio). Data-quality issues planted for the profile: about 3 % of
/// credit scores blanked at random after the decision, 5 exact duplicate rows inserted at random later positions,
/// and a high-income tail (about 0.6 % of incomes multiplied by 3–8).
final class LoanApprovalRecipe implements TableRecipe {
    /// Distinct applications drawn.
    static final int UNIQUE_ROWS = 1_995;
    /// Exact duplicate rows inserted afterwards (so the file has 2,000 data rows).
    static final int DUPLICATES = 5;

    static final double INTERCEPT = 0.55;
    static final double CREDIT_SCORE_PER_POINT = 0.020;
    static final double CREDIT_SCORE_CENTRE = 680;
    static final double DTI_COEFFICIENT = -5.0;
    static final double DTI_CENTRE = 0.30;
    static final double EMPLOYMENT_PER_YEAR = 0.09;
    static final int EMPLOYMENT_CAP = 10;
    static final double HOME_OWNER_EFFECT = 0.35;
    /// The planted bias: change in approval log-odds for `gender = female` at equal qualifications.
    static final double FEMALE_BIAS = -0.80;

    static final double MISSING_CREDIT_SCORE_RATE = 0.03;
    static final double HIGH_INCOME_TAIL_RATE = 0.006;

    static final List<String> GENDERS = List.of("female", "male", "nonbinary");
    static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central");
    static final List<String> PURPOSES = List.of("debt consolidation", "home improvement", "car", "education",
            "small business", "medical", "wedding");
    /// Median loan amount as a share of income, per purpose (same order as [#PURPOSES]).
    private static final double[] PURPOSE_LOAN_SHARE = {0.30, 0.35, 0.40, 0.30, 0.55, 0.15, 0.20};

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final double WEEKEND_WEIGHT = 0.45;

    @Override
    public String fileName() {
        return "loan-approval.csv";
    }

    @Override
    public CsvTable generate(Draws draws) {
        CsvTable table = new CsvTable(List.of("applicant_id", "application_date", "age", "gender", "income",
                "loan_amount", "credit_score", "employment_years", "home_owner", "region", "purpose", "approved"));

        List<LocalDate> dates = new ArrayList<>(UNIQUE_ROWS);
        int span = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
        while (dates.size() < UNIQUE_ROWS) {
            LocalDate day = FIRST_DAY.plusDays(draws.intBetween(0, span));
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend || draws.chance(WEEKEND_WEIGHT)) {
                dates.add(day);
            }
        }
        dates.sort(null);

        int id = 136;
        for (LocalDate date : dates) {
            id += draws.intBetween(1, 4);
            String gender = draws.pick(GENDERS, 0.480, 0.495, 0.025);
            int age = (int) StrictMath.round(draws.truncatedGaussian(40, 11.5, 21, 75));
            int employment = (int) StrictMath.min(age - 18,
                    StrictMath.floor(draws.exponential(2.5 + 0.22 * (age - 21))));
            double logIncome = StrictMath.log(36_000) + 0.022 * StrictMath.min(age - 21, 25)
                    + 0.025 * StrictMath.min(employment, 15) + draws.gaussian(0, 0.35);
            double rawIncome = StrictMath.exp(logIncome);
            if (draws.chance(HIGH_INCOME_TAIL_RATE)) {
                rawIncome *= draws.uniform(3, 8);
            }
            long income = StrictMath.max(12_000, 100 * StrictMath.round(rawIncome / 100));
            boolean homeOwner = draws.chance(sigmoid(-1.6 + 0.07 * (age - 21) + 0.9 * StrictMath.log(income / 50_000.0)));
            String region = draws.pick(REGIONS, 0.18, 0.22, 0.20, 0.16, 0.24);
            int purpose = draws.pick(0.32, 0.20, 0.17, 0.10, 0.08, 0.08, 0.05);
            double rawLoan = income * PURPOSE_LOAN_SHARE[purpose] * StrictMath.exp(draws.gaussian(0, 0.40));
            long loan = StrictMath.clamp(500 * StrictMath.round(rawLoan / 500), 1_000, 250_000);
            int creditScore = (int) StrictMath.round(draws.truncatedGaussian(
                    655 + 1.6 * StrictMath.min(age - 21, 30) + (homeOwner ? 15 : 0), 65, 300, 850));

            double z = logOdds(creditScore, (double) loan / income, employment, homeOwner, gender);
            boolean approved = draws.chance(sigmoid(z));
            boolean scoreMissing = draws.chance(MISSING_CREDIT_SCORE_RATE);

            table.add(List.of(
                    String.format(Locale.ROOT, "%06d", id),
                    date.toString(),
                    CsvTable.integer(age),
                    gender,
                    CsvTable.integer(income),
                    CsvTable.integer(loan),
                    scoreMissing ? "" : CsvTable.integer(creditScore),
                    CsvTable.integer(employment),
                    CsvTable.bool(homeOwner),
                    region,
                    PURPOSES.get(purpose),
                    approved ? "yes" : "no"));
        }

        List<List<String>> originals = List.copyOf(table.rows());
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < DUPLICATES) {
            int pick = draws.intBetween(0, originals.size() - 1);
            if (!chosen.contains(pick)) {
                chosen.add(pick);
            }
        }
        for (int pick : chosen) {
            List<String> row = originals.get(pick);
            int at = table.rows().indexOf(row);
            table.insert(draws.intBetween(at + 1, table.rows().size()), row);
        }
        return table;
    }

    /// The planted approval log-odds for one applicant (the formula in the class comment).
    static double logOdds(double creditScore, double debtToIncome, int employmentYears, boolean homeOwner,
                          String gender) {
        return INTERCEPT
                + CREDIT_SCORE_PER_POINT * (creditScore - CREDIT_SCORE_CENTRE)
                + DTI_COEFFICIENT * (debtToIncome - DTI_CENTRE)
                + EMPLOYMENT_PER_YEAR * StrictMath.min(employmentYears, EMPLOYMENT_CAP)
                + (homeOwner ? HOME_OWNER_EFFECT : 0)
                + ("female".equals(gender) ? FEMALE_BIAS : 0);
    }

    static double sigmoid(double z) {
        return 1 / (1 + StrictMath.exp(-z));
    }
}
