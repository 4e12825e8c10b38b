package dev.atelier.app.report;

import static dev.atelier.app.report.Html.clip;
import static dev.atelier.app.report.Html.esc;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.bias.BiasMetric;
import dev.atelier.engine.bias.OutcomeRates;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Renders an [AnalysisReport] as one self-contained HTML page (inline CSS and SVG, no scripts, no network): the
/// model, the pre- and post-training bias metrics coloured against the tolerance, outcome rates per group, global
/// SHAP bars and a few single predictions.
public final class AnalysisHtml {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AnalysisHtml() {
    }

    /// The page.
    public static String render(AnalysisReport r, Messages m) {
        var h = new StringBuilder(32_768);
        String title = m.get("bias.report.title");
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append(" — ").append(esc(r.model().name())).append("</title>\n<style>\n").append(Html.BASE_CSS)
                .append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1><p class=\"file\">")
                .append(esc(r.model().name())).append(" · ").append(esc(r.dataName())).append(" · ")
                .append(esc(m.get("bias.report.generated"))).append(" ").append(WHEN.format(r.generatedAt()))
                .append("</p></header>\n");
        model(h, r, m);
        setup(h, r, m);
        rates(h, r, m);
        metrics(h, r, m, false);
        metrics(h, r, m, true);
        shap(h, r, m);
        h.append("<footer>").append(esc(m.get("bias.report.footer"))).append("</footer></body></html>\n");
        return h.toString();
    }

    private static void model(StringBuilder h, AnalysisReport r, Messages m) {
        AnalysisReport.ModelSummary s = r.model();
        h.append("<section><h2>").append(esc(m.get("bias.report.model"))).append("</h2><dl class=\"facts\">");
        dl(h, m.get("bias.report.algorithm"), s.algorithm());
        dl(h, m.get("bias.report.problem"), s.problem().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        dl(h, m.get("bias.report.target"), s.target());
        if (!s.classes().isEmpty()) {
            dl(h, m.get("bias.report.classes"), String.join(", ", s.classes()));
        }
        dl(h, m.get("bias.report.inputs"), String.join(", ", s.inputs()));
        if (!s.metrics().isEmpty()) {
            var scores = new ArrayList<String>();
            for (Map.Entry<String, Double> e : s.metrics().entrySet()) {
                scores.add(e.getKey() + " " + Html.fixed(e.getValue()));
            }
            dl(h, m.get("bias.report.metrics"), String.join(" · ", scores));
        }
        h.append("</dl></section>\n");
    }

    private static void setup(StringBuilder h, AnalysisReport r, Messages m) {
        h.append("<section><h2>").append(esc(m.get("bias.setup.title"))).append("</h2><dl class=\"facts\">");
        dl(h, m.get("bias.report.facet"), r.facet());
        dl(h, m.get("bias.report.outcome"), r.outcome());
        if (r.groupColumn() != null) {
            dl(h, m.get("bias.report.groupColumn"), r.groupColumn());
        }
        dl(h, m.get("bias.report.data"), r.dataName() + " — " + m.get("bias.report.rows",
                count(r.dataRows()), count(r.pre().facetRows()), count(r.pre().otherRows()),
                count(r.pre().skippedRows())));
        dl(h, m.get("bias.report.tolerance"), Html.fixed(r.tolerance()));
        h.append("</dl><p class=\"legend\"><span class=\"badge within\">")
                .append(esc(m.get("bias.legend.within", Html.fixed(r.tolerance())))).append("</span> ")
                .append("<span class=\"badge outside\">")
                .append(esc(m.get("bias.legend.outside", Html.fixed(r.tolerance())))).append("</span> ")
                .append("<span class=\"badge undefined\">").append(esc(m.get("bias.legend.undefined")))
                .append("</span><br>").append(esc(m.get("bias.legend.di"))).append("</p>");
        h.append("<details><summary>").append(esc(m.get("bias.help.title"))).append("</summary>");
        for (String p : m.get("bias.help.text").split("\n\n")) {
            h.append("<p class=\"hint\">").append(esc(p)).append("</p>");
        }
        h.append("</details></section>\n");
    }

    private static void rates(StringBuilder h, AnalysisReport r, Messages m) {
        h.append("<section><h2>").append(esc(m.get("bias.rates.title"))).append("</h2>");
        boolean model = !r.predictedRates().isEmpty();
        // the CLI checks the model on the same rows as the data: then one "in the data" bar is enough
        boolean same = model && r.dataRows() == r.evaluatedRows();
        List<String> series = new ArrayList<>();
        series.add(m.get(same ? "bias.rates.series.dataOnly" : "bias.rates.series.data"));
        if (model && !same) {
            series.add(m.get("bias.rates.series.test"));
        }
        if (model) {
            series.add(m.get(same ? "bias.rates.series.predictedAll" : "bias.rates.series.predicted"));
        }
        var groups = new ArrayList<Integer>();
        for (int g = 0; g < r.rates().size(); g++) {
            OutcomeRates.Rate rate = r.rates().get(g);
            boolean facetValue = rate.kind() == OutcomeRates.Kind.VALUE
                    && r.facet().endsWith(" = " + rate.group());   // repeats the facet's own bar
            if (!facetValue) {
                groups.add(g);
            }
        }
        int labelW = 170;
        int barW = 380;
        int barH = 12;
        int perGroup = series.size() * barH + 10;
        int height = groups.size() * perGroup + 24;
        h.append("<svg class=\"rates\" width=\"").append(labelW + barW + 70).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(m.get("bias.rates.title"))).append("\">");
        for (int k = 0; k < groups.size(); k++) {
            int g = groups.get(k);
            OutcomeRates.Rate data = r.rates().get(g);
            OutcomeRates.Rate test = model && g < r.predictedRates().size() ? r.predictedRates().get(g) : null;
            int y0 = k * perGroup;
            String name = data.kind() == OutcomeRates.Kind.OTHERS ? m.get("bias.rates.others") : data.group();
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>%s</text>",
                    labelW - 6, y0 + 11, data.kind() == OutcomeRates.Kind.VALUE ? "" : " font-weight=\"bold\"",
                    esc(clip(name, 26))));
            var values = new ArrayList<double[]>();   // {share, rows, series class}
            values.add(new double[] {data.observed(), data.rows(), 0});
            if (test != null && !same) {
                values.add(new double[] {test.observed(), test.rows(), 1});
            }
            if (test != null) {
                values.add(new double[] {test.predicted(), test.rows(), 2});
            }
            for (int s = 0; s < values.size(); s++) {
                double share = values.get(s)[0];
                double v = Double.isNaN(share) ? 0 : share;
                int y = y0 + s * barH;
                h.append(String.format(Locale.ROOT,
                        "<rect class=\"s%d\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s — %s</title></rect>",
                        (int) values.get(s)[2], labelW, y + 1, v * barW, barH - 2, esc(series.get(s)),
                        esc(m.get("bias.rates.bar", name, BiasTable.percent(share), count((int) values.get(s)[1])))));
                h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"v\">%s</text>",
                        labelW + v * barW + 4, y + barH - 2, esc(BiasTable.percent(share))));
            }
        }
        int ly = groups.size() * perGroup + 12;
        int lx = labelW;
        int[] classes = same ? new int[] {0, 2} : new int[] {0, 1, 2};
        for (int s = 0; s < series.size(); s++) {
            h.append(String.format(Locale.ROOT, "<rect class=\"s%d\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", classes[s], lx, ly, lx + 14, ly + 9, esc(series.get(s))));
            lx += 14 + 7 * series.get(s).length() + 18;
        }
        h.append("</svg></section>\n");
    }

    private static void metrics(StringBuilder h, AnalysisReport r, Messages m, boolean post) {
        List<BiasTable.Row> rows = r.bias().stream().filter(x -> x.postTraining() == post).toList();
        if (rows.isEmpty()) {
            return;
        }
        h.append("<section><h2>").append(esc(m.get(post ? "bias.post.title" : "bias.pre.title"))).append("</h2>")
                .append("<p class=\"hint\">").append(esc(m.get(post ? "bias.post.tooltip" : "bias.pre.tooltip")));
        if (post) {
            h.append(" ").append(esc(m.get("bias.report.evaluated", count(r.evaluatedRows()))));
        }
        h.append("</p><table class=\"metrics\"><tr><th>").append(esc(m.get("bias.column.metric"))).append("</th><th>")
                .append(esc(m.get("bias.column.value"))).append("</th><th>").append(esc(m.get("bias.column.status")))
                .append("</th><th>").append(esc(m.get("bias.column.range"))).append("</th><th>")
                .append(esc(m.get("bias.column.reading"))).append("</th><th>").append(esc(m.get("bias.report.formula")))
                .append("</th></tr>");
        for (BiasTable.Row row : rows) {
            BiasMetric metric = row.metric();
            String status = row.status().name().toLowerCase(Locale.ROOT);
            h.append("<tr class=\"").append(status).append("\"><td><b>").append(esc(row.abbreviation()))
                    .append("</b><br><span class=\"name\">").append(esc(metric.title())).append("</span></td>")
                    .append("<td class=\"num\">").append(esc(row.valueText())).append("</td><td><span class=\"badge ")
                    .append(status).append("\">").append(esc(m.get("bias.status." + status))).append("</span></td><td>")
                    .append(esc(metric.range())).append("</td><td>").append(esc(row.reading())).append("</td><td><code>")
                    .append(esc(metric.formula())).append("</code></td></tr>");
        }
        h.append("</table><p class=\"hint\">").append(esc(m.get("bias.formula.terms"))).append("</p></section>\n");
    }

    private static void shap(StringBuilder h, AnalysisReport r, Messages m) {
        h.append("<section><h2>").append(esc(m.get("bias.report.shap.title"))).append("</h2>");
        AnalysisReport.Shap s = r.shap();
        if (s == null) {
            h.append("<p class=\"hint\">").append(esc(m.get("bias.report.shap.none"))).append("</p></section>\n");
            return;
        }
        h.append("<p class=\"hint\">").append(esc(m.get("bias.report.shap.global", count(s.rows()), s.method(),
                s.scale()))).append("</p>");
        double max = s.global().stream().mapToDouble(AnalysisReport.Importance::meanAbs).max().orElse(0);
        var bars = new ArrayList<Html.Bar>();
        for (AnalysisReport.Importance i : s.global()) {
            bars.add(new Html.Bar(clip(i.column(), 26), max <= 0 ? 0 : i.meanAbs() / max, shapNumber(i.meanAbs()),
                    i.column() + ": " + shapNumber(i.meanAbs()), null));
        }
        Html.hbars(h, m.get("bias.report.shap.title"), bars, 180, 360);
        if (!s.local().isEmpty()) {
            h.append("<h3>").append(esc(m.get("bias.report.shap.local"))).append("</h3><div class=\"locals\">");
            for (AnalysisReport.Local l : s.local()) {
                local(h, l, m);
            }
            h.append("</div>");
        }
        h.append("</section>\n");
    }

    private static void local(StringBuilder h, AnalysisReport.Local l, Messages m) {
        h.append("<article><h3>").append(esc(m.get("bias.report.shap.row", count(l.row()), l.why()))).append("</h3>");
        double max = 1e-12;
        for (AnalysisReport.Contribution c : l.contributions()) {
            max = Math.max(max, Math.abs(c.shap()));
        }
        int labelW = 200;
        int half = 110;
        int rowH = 18;
        h.append("<svg class=\"local\" width=\"").append(labelW + 2 * half + 60).append("\" height=\"")
                .append(l.contributions().size() * rowH + 4).append("\" role=\"img\">");
        int mid = labelW + half;
        for (int i = 0; i < l.contributions().size(); i++) {
            AnalysisReport.Contribution c = l.contributions().get(i);
            String label = c.column().isEmpty() ? m.get("bias.report.shap.other")
                    : c.value().isEmpty() ? c.column() : c.column() + " = " + c.value();
            double w = Math.abs(c.shap()) / max * half;
            int y = i * rowH;
            double x = c.shap() >= 0 ? mid : mid - w;
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6,
                    y + 13, esc(clip(label, 30))));
            h.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                    + "<title>%s: %s</title></rect>", c.shap() >= 0 ? "up" : "down", x, y + 3, w, rowH - 6,
                    esc(label), shapNumber(c.shap())));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"v\">%s</text>", labelW + 2 * half + 6,
                    y + 13, shapSigned(c.shap())));
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\"/>", mid, mid,
                l.contributions().size() * rowH + 4));
        h.append("</svg><p class=\"hint\">").append(esc(m.get("bias.report.shap.base", shapNumber(l.base()),
                shapNumber(l.prediction())))).append("</p></article>");
    }

    private static String shapNumber(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String shapSigned(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }

    private static void dl(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static final String CSS = """
            .file{color:#52606d;margin:2px 0}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:6px 0}dl.facts dt{color:#7b8794}dl.facts dd{margin:0}
            table.metrics{width:100%;font-size:13px}table.metrics td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
            table.metrics .name{color:#52606d;font-size:12px}code{font-size:12px;color:#323f4b}
            tr.outside td:first-child{border-left:4px solid #d64545}tr.within td:first-child{border-left:4px solid #2f9e5b}
            tr.undefined td:first-child{border-left:4px solid #9aa5b1}
            .badge{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
            .badge.within{background:#e3f9e5;color:#0e7c3a}.badge.outside{background:#ffe3e3;color:#a61b1b}
            .badge.undefined{background:#e4e7eb;color:#52606d}.legend{font-size:13px;line-height:2}
            svg.rates text,svg.local text{font-size:12px;fill:#1f2933}svg text.v{fill:#52606d}
            svg rect.s0{fill:#9aa5b1}svg rect.s1{fill:#4c63b6}svg rect.s2{fill:#e8833a}
            svg rect.up{fill:#d64545}svg rect.down{fill:#2d7ff9}svg line{stroke:#7b8794;stroke-width:1}
            .locals{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}
            article{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px}
            details{margin-top:8px}summary{cursor:pointer;color:#2d3a8c}
            """;
}
