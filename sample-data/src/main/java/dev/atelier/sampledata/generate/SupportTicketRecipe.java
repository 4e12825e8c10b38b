package dev.atelier.sampledata.generate;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// `support-ticket-priority.csv`: help-desk tickets and the priority (low, medium, high, urgent) a senior agent
/// gave each one.
///
/// Ground truth, an ordered-logit ("proportional odds") rule on the columns exactly as written:
///
/// ```
/// s = 0.85·ln(affected_users) + 2.0·[outage_reported] + tier + product + channel
///     − 1.5·sentiment + 0.20·min(previous_tickets_30d, 5) + ε,      ε ~ Logistic(0, 0.5)
/// priority = low if s < 1.25, medium if s < 2.55, high if s < 3.8, else urgent
/// override: outage_reported = true and customer_tier ∈ {premium, enterprise} → urgent, always
/// ```
///
/// with tier effects free 0, standard 0.4, premium 0.9, enterprise 1.5; product effects billing 0.3,
/// mobile app 0, web dashboard 0.2, api 0.6, hardware 0.4; channel effects email 0, web form −0.2, chat 0.3,
/// phone 0.6. `account_age_months` and the creation time have no effect.
final class SupportTicketRecipe implements TableRecipe {
    static final int ROWS = 1_500;

    static final List<String> CHANNELS = List.of("email", "web form", "chat", "phone");
    static final double[] CHANNEL_EFFECT = {0, -0.2, 0.3, 0.6};
    static final List<String> PRODUCTS = List.of("billing", "mobile app", "web dashboard", "api", "hardware");
    static final double[] PRODUCT_EFFECT = {0.3, 0, 0.2, 0.6, 0.4};
    private static final double[] PRODUCT_OUTAGE_RATE = {0.02, 0.07, 0.10, 0.16, 0.06};
    static final List<String> TIERS = List.of("free", "standard", "premium", "enterprise");
    static final double[] TIER_EFFECT = {0, 0.4, 0.9, 1.5};
    private static final double[] TIER_LOG_USERS = {-0.3, 0.2, 0.8, 2.0};

    static final double LOG_USERS_EFFECT = 0.85;
    static final double OUTAGE_EFFECT = 2.0;
    static final double SENTIMENT_EFFECT = -1.5;
    static final double PREVIOUS_TICKET_EFFECT = 0.20;
    static final int PREVIOUS_TICKET_CAP = 5;
    static final List<String> PRIORITIES = List.of("low", "medium", "high", "urgent");
    /// Cut points between consecutive priorities on the latent scale.
    static final double[] CUT_POINTS = {1.25, 2.55, 3.8};
    /// Scale of the logistic noise ε on the latent scale.
    static final double NOISE_SCALE = 0.5;

    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 6, 0, 0);
    private static final int DAYS = 26 * 7;
    /// Relative ticket volume per hour of day, 00–23.
    private static final double[] HOUR_WEIGHT = {
        0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.9, 2.0, 3.0, 3.2, 3.0, 2.4, 2.8, 3.0, 2.8, 2.4, 1.8, 1.2, 0.9, 0.7, 0.6, 0.4, 0.3
    };

    @Override
    public String fileName() {
        return "support-ticket-priority.csv";
    }

    @Override
    public CsvTable generate(Draws draws) {
        CsvTable table = new CsvTable(List.of("ticket_id", "created_at", "channel", "product", "customer_tier",
                "affected_users", "outage_reported", "previous_tickets_30d", "account_age_months", "sentiment",
                "priority"));

        List<LocalDateTime> times = new ArrayList<>(ROWS);
        while (times.size() < ROWS) {
            LocalDateTime day = START.plusDays(draws.intBetween(0, DAYS - 1));
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && !draws.chance(0.3)) {
                continue;
            }
            times.add(day.plusHours(draws.pick(HOUR_WEIGHT)).plusMinutes(draws.intBetween(0, 59))
                    .plusSeconds(draws.intBetween(0, 59)));
        }
        times.sort(null);

        int id = 24_180;
        for (LocalDateTime time : times) {
            id += draws.intBetween(1, 3);
            int channel = draws.pick(0.38, 0.24, 0.22, 0.16);
            int product = draws.pick(0.22, 0.24, 0.26, 0.14, 0.14);
            int tier = draws.pick(0.34, 0.36, 0.20, 0.10);
            long users = StrictMath.clamp(StrictMath.round(StrictMath.exp(draws.gaussian(TIER_LOG_USERS[tier], 1.0))),
                    1, 5_000);
            boolean outage = draws.chance(PRODUCT_OUTAGE_RATE[product]);
            int previous = draws.poisson(tier >= 2 ? 1.2 : 0.7);
            int accountAge = (int) StrictMath.min(180, 1 + StrictMath.floor(draws.exponential(30)));
            double sentiment = Double.parseDouble(CsvTable.number(
                    draws.truncatedGaussian(outage ? -0.35 : -0.15, 0.35, -1, 1), 2));

            double latent = latentScore(users, outage, TIERS.get(tier), PRODUCTS.get(product),
                    CHANNELS.get(channel), sentiment, previous) + NOISE_SCALE * draws.logistic();
            String priority = outage && tier >= 2 ? "urgent" : priorityOf(latent);

            table.add(List.of(
                    String.format(Locale.ROOT, "TCK-%06d", id),
                    time.toLocalDate() + "T" + String.format(Locale.ROOT, "%02d:%02d:%02d",
                            time.getHour(), time.getMinute(), time.getSecond()),
                    CHANNELS.get(channel),
                    PRODUCTS.get(product),
                    TIERS.get(tier),
                    CsvTable.integer(users),
                    CsvTable.bool(outage),
                    CsvTable.integer(previous),
                    CsvTable.integer(accountAge),
                    CsvTable.number(sentiment, 2),
                    priority));
        }
        return table;
    }

    /// The systematic part of the latent urgency score (the formula in the class comment, without ε).
    static double latentScore(long affectedUsers, boolean outage, String tier, String product, String channel,
                              double sentiment, int previousTickets) {
        return LOG_USERS_EFFECT * StrictMath.log(affectedUsers)
                + (outage ? OUTAGE_EFFECT : 0)
                + TIER_EFFECT[TIERS.indexOf(tier)]
                + PRODUCT_EFFECT[PRODUCTS.indexOf(product)]
                + CHANNEL_EFFECT[CHANNELS.indexOf(channel)]
                + SENTIMENT_EFFECT * sentiment
                + PREVIOUS_TICKET_EFFECT * StrictMath.min(previousTickets, PREVIOUS_TICKET_CAP);
    }

    private static String priorityOf(double latent) {
        for (int i = 0; i < CUT_POINTS.length; i++) {
            if (latent < CUT_POINTS[i]) {
                return PRIORITIES.get(i);
            }
        }
        return PRIORITIES.getLast();
    }
}
