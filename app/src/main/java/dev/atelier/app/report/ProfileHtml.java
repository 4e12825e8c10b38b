package dev.atelier.app.report;

import static dev.atelier.app.report.Html.clip;
import static dev.atelier.app.report.Html.esc;
import static dev.atelier.app.report.Html.fixed;
import static dev.atelier.app.report.Html.num;
import static dev.atelier.app.report.Html.percent;

import java.util.List;
import java.util.Locale;

/// Renders a [ProfileReport] as one self-contained HTML page (inline CSS and SVG, no scripts, no network),
/// for `atelier profile --out report.html` and the studio's export.
public final class ProfileHtml {
    private static final int CHART_W = 220;
    private static final int CHART_H = 48;

    private ProfileHtml() {
    }

    /// The page.
    public static String render(ProfileReport r) {
        var h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Data profile — ")
                .append(esc(r.file())).append("</title>\n<style>\n").append(Html.BASE_CSS).append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>Data profile</h1><p class=\"file\">").append(esc(r.file())).append("</p>")
                .append("<p class=\"summary\"><b>").append(r.rows()).append("</b> rows × <b>")
                .append(r.columns().size()).append("</b> columns · read as ").append(esc(r.format().describe()))
                .append("</p></header>\n");

        h.append("<section><h2>Warnings</h2>");
        if (r.warnings().isEmpty()) {
            h.append("<p class=\"ok\">No data-quality problems were found.</p>");
        } else {
            h.append("<table class=\"warnings\"><tr><th>Problem</th><th>Column</th><th>What it means</th></tr>");
            for (ProfileReport.Warning w : r.warnings()) {
                h.append("<tr><td><span class=\"tag\">").append(esc(title(w.type()))).append("</span></td><td>")
                        .append(esc(w.column() == null ? "(whole table)" : w.column())).append("</td><td>")
                        .append(esc(w.detail())).append("</td></tr>");
            }
            h.append("</table>");
        }
        if (!r.diagnostics().isEmpty()) {
            h.append("<h3>How the file was read</h3><ul class=\"notes\">");
            for (ProfileReport.Note n : r.diagnostics()) {
                h.append("<li class=\"").append(esc(n.severity())).append("\">").append(esc(n.message())).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
        insights(h, r);
        h.append("<section><h2>Columns</h2><div class=\"grid\">\n");
        for (ProfileReport.Column c : r.columns()) {
            column(h, c);
        }
        h.append("</div></section>\n<footer>Made by Atelier. Missing = empty cells or markers such as NA; ")
                .append("distinct counts ignore missing values; quantiles interpolate between values.</footer>")
                .append("</body></html>\n");
        return h.toString();
    }

    private static void insights(StringBuilder h, ProfileReport r) {
        if (r.quick_model() != null || !r.feature_power().isEmpty()) {
            h.append("<section><h2>Quick model and prediction power</h2>");
            ProfileReport.QuickModel q = r.quick_model();
            if (q != null) {
                h.append("<p>An ").append(esc(q.algorithm())).append(" model trained on ").append(q.train_rows())
                        .append(" rows to predict <b>").append(esc(String.valueOf(r.target()))).append("</b> scores <b>")
                        .append(esc(q.metric())).append(" ").append(q.score() == null ? "—" : fixed(q.score()))
                        .append("</b> on ").append(q.test_rows()).append(" rows it did not see.</p>");
            }
            if (!r.feature_power().isEmpty()) {
                String metric = r.feature_power().getFirst().metric();
                h.append("<p class=\"hint\">How well each column predicts the target on its own (")
                        .append("auc".equals(metric) ? "AUC: 0.5 is guessing, 1 is perfect"
                                : "R²: 0 is guessing, 1 is perfect")
                        .append("). Red bars reach the leakage threshold of 0.95.</p>");
                powerChart(h, r.feature_power(), "auc".equals(metric) ? 0.5 : 0.0);
            }
            h.append("</section>\n");
        }
        h.append("<section><h2>Duplicate rows</h2>");
        ProfileReport.Duplicates d = r.duplicates();
        if (d.count() == 0) {
            h.append("<p class=\"ok\">No row is an exact copy of another.</p>");
        } else {
            h.append("<p>").append(d.count()).append(d.count() == 1 ? " row repeats" : " rows repeat")
                    .append(" an earlier row, in ").append(d.groups_total())
                    .append(d.groups_total() == 1 ? " group" : " groups")
                    .append(". Row numbers count from 1 below the header.</p><table><tr><th>Identical rows</th></tr>");
            for (List<Integer> g : d.groups().subList(0, Math.min(20, d.groups().size()))) {
                h.append("<tr><td>").append(esc(join(g))).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("</section>\n");
        if (!r.outliers().isEmpty()) {
            h.append("<section><h2>Outliers</h2><table><tr><th>Column</th><th>Outliers</th><th>Median</th>")
                    .append("<th>Most extreme rows</th></tr>");
            for (ProfileReport.Outliers o : r.outliers()) {
                h.append("<tr><td>").append(esc(o.column())).append("</td><td>").append(o.count()).append("</td><td>")
                        .append(esc(num(o.median()))).append("</td><td>").append(esc(join(o.example_rows())))
                        .append("</td></tr>");
            }
            h.append("</table></section>\n");
        }
        ProfileReport.Anomalies a = r.anomalies();
        if (a != null) {
            h.append("<section><h2>Anomalous rows</h2><p>A ").append(esc(a.method())).append(" over ")
                    .append(a.columns().size()).append(a.columns().size() == 1 ? " column" : " columns")
                    .append(" scored ").append(a.scored_rows()).append(" rows; ").append(a.count())
                    .append(a.count() == 1 ? " stands" : " stand")
                    .append(" out (score above the mean plus three standard deviations). The strangest:</p>");
            anomalyChart(h, a);
            h.append("</section>\n");
        }
        bias(h, r.bias());
        if (!r.notes().isEmpty()) {
            h.append("<section><ul class=\"notes\">");
            for (String n : r.notes()) {
                h.append("<li class=\"info\">").append(esc(n)).append("</li>");
            }
            h.append("</ul></section>\n");
        }
    }

    private static void bias(StringBuilder h, ProfileReport.@org.jspecify.annotations.Nullable Bias b) {
        if (b == null) {
            return;
        }
        h.append("<section><h2>Pre-training bias</h2><p class=\"hint\">SageMaker Clarify's data-only measures for")
                .append(" each sensitive column: does the selected group (facet) get the positive outcome as often as")
                .append(" everyone else in the data? Values within ±").append(fixed(b.tolerance()))
                .append(" read as balanced (green); larger ones deserve a look (amber).</p>");
        for (ProfileReport.BiasFacet f : b.facets()) {
            h.append("<h3>").append(esc(f.facet())).append(" <span class=\"type\">positive outcome: ")
                    .append(esc(f.positive_outcome())).append("</span></h3><p class=\"hint\">").append(f.facet_rows())
                    .append(" rows in the group, ").append(f.other_rows()).append(" other rows");
            if (f.skipped_rows() > 0) {
                h.append(", ").append(f.skipped_rows()).append(" left out (missing values)");
            }
            h.append(".</p><table class=\"bias\"><tr><th>Measure</th><th>Value</th><th>Range</th>")
                    .append("<th>How to read it</th></tr>");
            for (ProfileReport.BiasValue v : f.metrics()) {
                String cls = v.value() == null ? "na" : v.within_tolerance() ? "fine" : "flag";
                h.append("<tr><td><b>").append(esc(v.metric())).append("</b> ").append(esc(v.title()))
                        .append("</td><td class=\"").append(cls).append("\">")
                        .append(v.value() == null ? "undefined" : String.format(Locale.ROOT, "%.4f", v.value()))
                        .append("</td><td>").append(esc(v.range())).append("</td><td>").append(esc(v.reading()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        if (!b.notes().isEmpty()) {
            h.append("<ul class=\"notes\">");
            for (String n : b.notes()) {
                h.append("<li class=\"info\">").append(esc(n)).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    private static void powerChart(StringBuilder h, List<ProfileReport.FeaturePower> power, double floor) {
        var bars = new java.util.ArrayList<Html.Bar>();
        for (ProfileReport.FeaturePower p : power.subList(0, Math.min(30, power.size()))) {
            double v = p.score() == null ? floor : p.score();
            bars.add(new Html.Bar(clip(p.column(), 26), (v - floor) / (1 - floor), fixed(v), p.column() + ": " + fixed(v),
                    v >= 0.95 ? "leak" : null));
        }
        Html.hbars(h, "prediction power", bars, 180, 360);
    }

    private static void anomalyChart(StringBuilder h, ProfileReport.Anomalies a) {
        List<ProfileReport.AnomalousRow> top = a.top();
        if (top.isEmpty()) {
            return;
        }
        double max = top.getFirst().score();
        var bars = new java.util.ArrayList<Html.Bar>();
        for (ProfileReport.AnomalousRow row : top) {
            boolean out = a.threshold() != null && row.score() > a.threshold();
            bars.add(new Html.Bar("row " + row.row(), max <= 0 ? 0 : row.score() / max, fixed(row.score()),
                    "row " + row.row() + ": " + fixed(row.score()), out ? "leak" : null));
        }
        Html.hbars(h, "anomaly scores", bars, 90, 360);
    }

    private static String join(List<Integer> rows) {
        var sb = new StringBuilder();
        for (int row : rows) {
            sb.append(sb.isEmpty() ? "" : ", ").append(row);
        }
        return sb.toString();
    }



    private static void column(StringBuilder h, ProfileReport.Column c) {
        h.append("<article><h3>").append(esc(c.name())).append(" <span class=\"type\">").append(esc(c.type()))
                .append("</span>");
        if (!"feature".equals(c.role())) {
            h.append(" <span class=\"role\">").append(esc(c.role())).append("</span>");
        }
        h.append("</h3><dl>");
        dl(h, "missing", c.missing() + " (" + percent(c.missing_fraction()) + ")");
        dl(h, "distinct", Integer.toString(c.distinct()));
        ProfileReport.Numeric n = c.numeric();
        if (n != null) {
            dl(h, "min / max", num(n.min()) + " / " + num(n.max()));
            dl(h, "mean ± std", num(n.mean()) + " ± " + num(n.std()));
            dl(h, "quartiles", num(n.p25()) + " · " + num(n.median()) + " · " + num(n.p75()));
            h.append("</dl>");
            histogram(h, n.histogram());
        } else if (c.top_values() != null) {
            if (c.average_length() != null) {
                dl(h, "average length", num(c.average_length()));
            }
            h.append("</dl>");
            topValues(h, c.top_values(), c.count());
        } else {
            if (c.min_datetime() != null) {
                dl(h, "from", c.min_datetime());
                dl(h, "to", c.max_datetime() == null ? "" : c.max_datetime());
            }
            h.append("</dl>");
        }
        h.append("</article>\n");
    }

    private static void histogram(StringBuilder h, List<ProfileReport.Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        int max = bars.stream().mapToInt(ProfileReport.Bar::count).max().orElse(1);
        double w = (double) CHART_W / bars.size();
        h.append("<svg width=\"").append(CHART_W).append("\" height=\"").append(CHART_H)
                .append("\" role=\"img\" aria-label=\"histogram\">");
        for (int i = 0; i < bars.size(); i++) {
            ProfileReport.Bar b = bars.get(i);
            double bh = max == 0 ? 0 : (double) b.count() / max * (CHART_H - 2);
            h.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s – %s: %d</title></rect>",
                    i * w, CHART_H - bh, Math.max(1, w - 1), bh, num(b.lower()), num(b.upper()), b.count()));
        }
        h.append("</svg>");
    }

    private static void topValues(StringBuilder h, List<ProfileReport.Value> values, int present) {
        h.append("<table class=\"top\">");
        for (ProfileReport.Value v : values.subList(0, Math.min(6, values.size()))) {
            double share = present == 0 ? 0 : (double) v.count() / present;
            h.append("<tr><td class=\"v\">").append(esc(v.value())).append("</td><td class=\"bar\"><span style=\"width:")
                    .append(String.format(Locale.ROOT, "%.0f", share * 100)).append("%\"></span></td><td class=\"n\">")
                    .append(v.count()).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void dl(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private static String title(String type) {
        String s = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final String CSS = """
            .file{color:#52606d;margin:2px 0}.summary{margin:6px 0 0}
            .tag{background:#fff3c4;color:#8d2b0b;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
            .notes li.warning{color:#8d2b0b}.notes li.info{color:#52606d}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
            article{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px}
            .type,.role{font-size:11px;font-weight:normal;border-radius:8px;padding:1px 6px;background:#e0e8f9;color:#2d3a8c}
            .role{background:#e3f9e5;color:#0e7c3a}
            dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0;font-size:13px}dt{color:#7b8794}dd{margin:0}
            table.top{width:100%;font-size:12px}table.top td{border:0;padding:2px 4px}
            td.v{max-width:110px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}td.n{text-align:right;color:#52606d}
            td.bar{width:50%}td.bar span{display:block;height:8px;background:#4c63b6;border-radius:4px}
            table.bias td.fine{background:#e3f9e5;color:#0e7c3a;font-weight:600}table.bias td.flag{background:#fff3c4;color:#8d2b0b;font-weight:600}
            table.bias td.na{color:#7b8794}
            """;
}
