package dev.atelier.app.cli;

import dev.atelier.app.report.ProfileReport;
import java.io.PrintWriter;
import java.util.Locale;

/// The human-readable table `atelier profile` prints by default.
final class ProfileSummary {
    private ProfileSummary() {
    }

    static void print(ProfileReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %d rows × %d columns (%s)%n%n", r.file(), r.rows(),
                r.columns().size(), r.format().describe());
        int nameWidth = Math.max(6, r.columns().stream().mapToInt(c -> c.name().length()).max().orElse(6));
        nameWidth = Math.min(nameWidth, 32);
        String row = "%-" + nameWidth + "s  %-11s  %-9s  %8s  %8s  %s%n";
        out.printf(Locale.ROOT, row, "column", "type", "role", "missing", "distinct", "summary");
        for (ProfileReport.Column c : r.columns()) {
            out.printf(Locale.ROOT, row, clip(c.name(), nameWidth), c.type(), c.role(),
                    String.format(Locale.ROOT, "%.1f%%", c.missing_fraction() * 100), c.distinct(), summary(c));
        }
        out.println();
        if (r.warnings().isEmpty()) {
            out.println("No data-quality warnings.");
        } else {
            out.println("Warnings:");
            for (ProfileReport.Warning w : r.warnings()) {
                out.printf(Locale.ROOT, "  %-16s %s%s%n", w.type(), w.column() == null ? "" : w.column() + ": ", w.detail());
            }
        }
        if (r.quick_model() != null) {
            var q = r.quick_model();
            out.printf(Locale.ROOT, "%nQuick model (%s, %s on %d held-out rows): %s%n", q.algorithm(), q.metric(),
                    q.test_rows(), q.score() == null ? "—" : String.format(Locale.ROOT, "%.3f", q.score()));
        }
        if (!r.feature_power().isEmpty()) {
            out.println("Prediction power of each column alone (" + r.feature_power().getFirst().metric() + "):");
            for (ProfileReport.FeaturePower p : r.feature_power().subList(0, Math.min(10, r.feature_power().size()))) {
                out.printf(Locale.ROOT, "  %-32s %s%n", clip(p.column(), 32),
                        p.score() == null ? "—" : String.format(Locale.ROOT, "%.3f", p.score()));
            }
        }
        if (r.anomalies() != null && !r.anomalies().top().isEmpty()) {
            var a = r.anomalies();
            var sb = new StringBuilder();
            for (ProfileReport.AnomalousRow top : a.top().subList(0, Math.min(5, a.top().size()))) {
                sb.append(sb.isEmpty() ? "" : ", ").append(top.row());
            }
            out.printf(Locale.ROOT, "%nAnomalous rows (%s): %d of %d stand out; the strangest are rows %s.%n",
                    a.method(), a.count(), a.scored_rows(), sb);
        }
        for (String note : r.notes()) {
            out.println("Note: " + note);
        }
        for (ProfileReport.Note n : r.diagnostics()) {
            if (!"info".equals(n.severity())) {
                out.println("Note: " + n.message());
            }
        }
    }

    private static String summary(ProfileReport.Column c) {
        if (c.numeric() != null) {
            var n = c.numeric();
            return "min " + num(n.min()) + ", median " + num(n.median()) + ", max " + num(n.max());
        }
        if (c.top_values() != null && !c.top_values().isEmpty()) {
            var sb = new StringBuilder("top: ");
            var top = c.top_values();
            for (int i = 0; i < Math.min(3, top.size()); i++) {
                sb.append(i == 0 ? "" : ", ").append(clip(top.get(i).value(), 18)).append(" (").append(top.get(i).count()).append(')');
            }
            return sb.toString();
        }
        if (c.min_datetime() != null) {
            return c.min_datetime() + " … " + c.max_datetime();
        }
        return "";
    }

    private static String num(Double v) {
        if (v == null) {
            return "—";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
