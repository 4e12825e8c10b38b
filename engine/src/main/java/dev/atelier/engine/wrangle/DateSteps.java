package dev.atelier.engine.wrangle;

import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static dev.atelier.engine.wrangle.Family.FEATURIZE_DATETIME;

/// Featurize dates: parts, weekday, weekend, cyclical sine/cosine, elapsed time, differences, truncation.
final class DateSteps {
    private DateSteps() {
    }

    static final List<String> PARTS = List.of("year", "quarter", "month", "week", "day", "dayofyear", "hour", "minute", "second");

    static List<Transform> all() {
        return List.of(
                T.of("date_parts", FEATURIZE_DATETIME, "Extract date parts",
                                "Adds numeric columns for parts of each date: year, quarter, month, week, day, day of year, hour, minute, second.")
                        .types(T.DATES)
                        .params(P.column(), P.text("parts", "year,month,day", "Parts to extract, comma-separated: " + String.join(", ", PARTS) + "."))
                        .apply((f, p) -> {
                            LocalDateTime[] d = f.dates(p.column());
                            String after = p.column();
                            for (String part : ColumnSteps.list(p.text("parts"))) {
                                if (!PARTS.contains(part)) {
                                    throw new DataException(ErrorCode.TRANSFORM_PARAMETER_INVALID, "parts", "date_parts", part,
                                            String.join(", ", PARTS));
                                }
                                double[] o = new double[d.length];
                                for (int i = 0; i < d.length; i++) {
                                    o[i] = d[i] == null ? Double.NaN : part(d[i], part);
                                }
                                String name = p.column() + "_" + part;
                                f.putNumbers(name, o, after);
                                after = name;
                            }
                        }),
                T.of("weekday", FEATURIZE_DATETIME, "Day of week", "Adds the day of the week as a number, Monday = 1 to Sunday = 7.")
                        .types(T.DATES).params(P.column(), P.output("Name of the new column; empty = <column>_weekday."))
                        .apply((f, p) -> {
                            LocalDateTime[] d = f.dates(p.column());
                            double[] o = new double[d.length];
                            for (int i = 0; i < d.length; i++) {
                                o[i] = d[i] == null ? Double.NaN : d[i].getDayOfWeek().getValue();
                            }
                            f.putNumbers(p.output(p.column() + "_weekday"), o, p.column());
                        }),
                T.of("is_weekend", FEATURIZE_DATETIME, "Is weekend", "Adds a true/false column: whether the date is a Saturday or Sunday.")
                        .types(T.DATES).params(P.column(), P.output("Name of the new column; empty = <column>_weekend."))
                        .apply((f, p) -> {
                            LocalDateTime[] d = f.dates(p.column());
                            Boolean[] o = new Boolean[d.length];
                            for (int i = 0; i < d.length; i++) {
                                o[i] = d[i] == null ? null : d[i].getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
                            }
                            f.putBooleans(p.output(p.column() + "_weekend"), o, p.column());
                        }),
                T.of("cyclical", FEATURIZE_DATETIME, "Cyclical encoding",
                                "Adds sine and cosine of a repeating part (month, weekday, hour, day of year) so December sits next to January.")
                        .types(T.DATES)
                        .params(P.column(), P.choice("unit", "month", List.of("month", "weekday", "hour", "dayofyear", "minute"), "The cycle."))
                        .apply((f, p) -> {
                            LocalDateTime[] d = f.dates(p.column());
                            String u = p.text("unit");
                            double[] sin = new double[d.length];
                            double[] cos = new double[d.length];
                            for (int i = 0; i < d.length; i++) {
                                if (d[i] == null) {
                                    sin[i] = cos[i] = Double.NaN;
                                    continue;
                                }
                                double[] pv = switch (u) {
                                    case "month" -> new double[]{d[i].getMonthValue() - 1, 12};
                                    case "weekday" -> new double[]{d[i].getDayOfWeek().getValue() - 1, 7};
                                    case "hour" -> new double[]{d[i].getHour(), 24};
                                    case "minute" -> new double[]{d[i].getMinute(), 60};
                                    default -> new double[]{d[i].getDayOfYear() - 1, d[i].toLocalDate().lengthOfYear()};
                                };
                                double angle = 2 * Math.PI * pv[0] / pv[1];
                                sin[i] = clean(Math.sin(angle));
                                cos[i] = clean(Math.cos(angle));
                            }
                            f.putNumbers(p.column() + "_" + u + "_sin", sin, p.column());
                            f.putNumbers(p.column() + "_" + u + "_cos", cos, p.column() + "_" + u + "_sin");
                        }),
                T.of("elapsed", FEATURIZE_DATETIME, "Time elapsed",
                                "Adds the time since a reference date (default: the earliest training date) in days, hours, seconds or years.")
                        .types(T.DATES)
                        .params(P.column(), P.text("reference", "", "The reference date, e.g. 2020-01-01; empty = earliest training date."),
                                unit(), P.output("Name of the new column; empty = <column>_elapsed."))
                        .fitted((f, p, s) -> {
                            LocalDateTime ref;
                            if (p.text("reference").isEmpty()) {
                                ref = null;
                                for (LocalDateTime d : f.dates(p.column())) {
                                    if (d != null && (ref == null || d.isBefore(ref))) {
                                        ref = d;
                                    }
                                }
                            } else {
                                ref = parse(p.text("reference"));
                            }
                            return State.builder().put("reference", ref == null ? "" : ref.toString()).build();
                        }, (f, p, s, ph) -> {
                            LocalDateTime ref = s.text("reference").isEmpty() ? null : LocalDateTime.parse(s.text("reference"));
                            LocalDateTime[] d = f.dates(p.column());
                            double[] o = new double[d.length];
                            for (int i = 0; i < d.length; i++) {
                                o[i] = d[i] == null || ref == null ? Double.NaN : between(ref, d[i], p.text("unit"));
                            }
                            f.putNumbers(p.output(p.column() + "_elapsed"), o, p.column());
                        }),
                T.of("date_diff", FEATURIZE_DATETIME, "Difference between dates",
                                "Adds the time from one date column to another (other − column) in days, hours, seconds or years.")
                        .types(T.DATES)
                        .params(P.column(), P.column("other", "The later date column."), unit(),
                                P.requiredText("output", "new column name", "Name of the new column."))
                        .apply((f, p) -> {
                            LocalDateTime[] a = f.dates(p.column());
                            LocalDateTime[] b = f.dates(p.column("other"));
                            double[] o = new double[a.length];
                            for (int i = 0; i < a.length; i++) {
                                o[i] = a[i] == null || b[i] == null ? Double.NaN : between(a[i], b[i], p.text("unit"));
                            }
                            f.putNumbers(p.text("output"), o, p.column("other"));
                        }),
                T.of("truncate_date", FEATURIZE_DATETIME, "Truncate date",
                                "Rounds dates down to the start of their year, quarter, month, week (Monday), day or hour.")
                        .types(T.DATES)
                        .params(P.column(), P.choice("unit", "month", List.of("year", "quarter", "month", "week", "day", "hour"), "The unit."),
                                P.output())
                        .apply((f, p) -> {
                            LocalDateTime[] d = f.dates(p.column());
                            for (int i = 0; i < d.length; i++) {
                                d[i] = d[i] == null ? null : truncate(d[i], p.text("unit"));
                            }
                            f.putDates(p.output(p.column()), d, p.column());
                        }));
    }

    private static double clean(double x) {
        return Math.abs(x) < 1e-12 ? 0 : x;
    }

    private static dev.atelier.engine.algorithms.ParamSpec unit() {
        return P.choice("unit", "days", List.of("days", "hours", "seconds", "years"), "The unit of the result.");
    }

    static LocalDateTime parse(String s) {
        LocalDateTime t = ColumnSteps.parseDate(s.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        if (t == null) {                                         // "2024-02-29 12:30" as Dataset.text writes it
            t = ColumnSteps.parseDate(s.strip().replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (t == null) {
            throw new DataException(ErrorCode.TRANSFORM_PARAMETER_INVALID, "reference", "elapsed", s, "a date such as 2024-01-31");
        }
        return t;
    }

    static double between(LocalDateTime a, LocalDateTime b, String unit) {
        double seconds = ChronoUnit.SECONDS.between(a, b);
        return switch (unit) {
            case "hours" -> seconds / 3600;
            case "seconds" -> seconds;
            case "years" -> seconds / (365.2425 * 86400);
            default -> seconds / 86400;
        };
    }

    static double part(LocalDateTime d, String part) {
        return switch (part) {
            case "year" -> d.getYear();
            case "quarter" -> (d.getMonthValue() - 1) / 3 + 1;
            case "month" -> d.getMonthValue();
            case "week" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "day" -> d.getDayOfMonth();
            case "dayofyear" -> d.getDayOfYear();
            case "hour" -> d.getHour();
            case "minute" -> d.getMinute();
            default -> d.getSecond();
        };
    }

    static LocalDateTime truncate(LocalDateTime d, String unit) {
        return switch (unit) {
            case "year" -> d.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "quarter" -> d.toLocalDate().withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).atStartOfDay();
            case "month" -> d.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "week" -> d.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "day" -> d.toLocalDate().atStartOfDay();
            case "minute" -> d.truncatedTo(ChronoUnit.MINUTES);
            default -> d.truncatedTo(ChronoUnit.HOURS);
        };
    }
}
