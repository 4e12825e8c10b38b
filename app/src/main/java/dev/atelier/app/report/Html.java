package dev.atelier.app.report;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// Shared pieces of Atelier's self-contained HTML reports ([ProfileHtml], [AnalysisHtml]): escaping, number
/// formats, the page stylesheet and inline-SVG bar charts. No scripts, no network.
public final class Html {
    private Html() {
    }

    /// One horizontal bar.
    ///
    /// @param label    the text left of the bar
    /// @param fraction the bar's length as a share of the full width, 0…1 (clamped)
    /// @param value    the text right of the bar
    /// @param title    the tooltip
    /// @param cssClass a class for the bar (e.g. `leak`, `outside`), or null
    public record Bar(String label, double fraction, String value, String title, @Nullable String cssClass) {
    }

    /// Horizontal bars with their labels and values, one row each, as an inline SVG.
    public static void hbars(StringBuilder h, String ariaLabel, List<Bar> bars, int labelWidth, int barWidth) {
        int rowH = 18;
        h.append("<svg class=\"power\" width=\"").append(labelWidth + barWidth + 60).append("\" height=\"")
                .append(bars.size() * rowH + 4).append("\" role=\"img\" aria-label=\"").append(esc(ariaLabel))
                .append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double w = Math.max(0, Math.min(1, Double.isNaN(b.fraction()) ? 0 : b.fraction())) * barWidth;
            int y = i * rowH;
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    labelWidth - 6, y + 13, esc(b.label())));
            h.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"%s><title>%s</title></rect>",
                    labelWidth, y + 3, w, rowH - 6, b.cssClass() == null ? "" : " class=\"" + b.cssClass() + "\"",
                    esc(b.title())));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", labelWidth + w + 4, y + 13,
                    esc(b.value())));
        }
        h.append("</svg>");
    }

    /// `v` with three decimals.
    public static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /// `s` cut to `width` characters with an ellipsis.
    public static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /// A share as a percentage with one decimal ("12.5%").
    public static String percent(double f) {
        return String.format(Locale.ROOT, "%.1f%%", f * 100);
    }

    /// A number for people: integers with thousands separators, others with three significant digits; "—" if null.
    public static String num(@Nullable Double v) {
        if (v == null) {
            return "—";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e12) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        return a >= 1000 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /// `s` escaped for HTML text and attribute values.
    public static String esc(String s) {
        var b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /// The stylesheet every report page starts with: typography, header, sections, tables, bar charts.
    public static final String BASE_CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;margin:0;background:#f7f8fa}
            header,section,footer{max-width:1180px;margin:0 auto;padding:16px 24px}
            header{background:#fff;border-bottom:1px solid #e4e7eb;max-width:none}
            h1{margin:0;font-size:22px}h2{font-size:17px;margin:18px 0 8px}h3{font-size:14px;margin:0 0 6px}
            table{border-collapse:collapse;background:#fff}td,th{padding:6px 10px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}
            .ok{color:#0e7c3a}footer{color:#7b8794;font-size:12px}.hint{color:#52606d;font-size:13px}
            svg rect{fill:#4c63b6}svg.power text{font-size:12px;fill:#1f2933}svg rect.leak{fill:#d64545}
            """;
}
