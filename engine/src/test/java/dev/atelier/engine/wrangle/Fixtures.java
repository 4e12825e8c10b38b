package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// Small datasets and helpers for the wrangle tests.
final class Fixtures {
    private Fixtures() {
    }

    static final double NA = Double.NaN;

    /// Five rows with every column type; `label` is the target.
    static Dataset base() {
        return Dataset.builder("base")
                .numeric("x", 1, 2, 3, 4, 10)
                .numeric("y", 2, NA, 6, 8, 10)
                .numeric("z", -1.5, 0, 2.5, -3, NA)
                .categorical("c", "a", "b", "a", null, "c")
                .text("t", "Hello world", "  two  spaces ", "ABC-123", null, "é café")
                .dateTime("d", LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 6, 0, 0),
                        LocalDateTime.of(2024, 2, 29, 12, 30), null, LocalDateTime.of(2024, 12, 31, 0, 0))
                .categorical("label", "yes", "no", "yes", "no", "yes")
                .bool("flag", true, false, null, true, false)
                .target("label").build();
    }

    static Map<String, Object> p(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /// Fits a one-step recipe on `data` and returns the prepared data.
    static Dataset run(Dataset data, String key, Map<String, Object> params, Sources sources) {
        return Wrangler.fit(Recipe.of(Step.of("s1", key, params)), data, sources, JobContext.silent()).data();
    }

    /// A column's cells joined by `|`; numbers rounded to 4 decimals, missing cells empty.
    static String col(Dataset d, String name) {
        int c = d.schema().indexOf(name);
        if (c < 0) {
            return "<no column " + name + " in " + d.schema().names() + ">";
        }
        var out = new ArrayList<String>();
        for (int r = 0; r < d.rowCount(); r++) {
            if (d.schema().get(c).type() == ColumnType.NUMERIC && !d.isMissing(r, c)) {
                double v = Math.round(d.number(r, c) * 1e4) / 1e4;
                out.add(Dataset.formatNumber(v == 0 ? 0 : v));
            } else {
                out.add(d.text(r, c));
            }
        }
        return String.join("|", out);
    }

    static String names(Dataset d) {
        return String.join(",", d.schema().names());
    }

    /// `value=count` of a column, sorted by value.
    static String counts(Dataset d, String name) {
        int c = d.schema().indexOf(name);
        var m = new TreeMap<String, Integer>();
        for (int r = 0; r < d.rowCount(); r++) {
            m.merge(d.text(r, c), 1, Integer::sum);
        }
        var parts = new ArrayList<String>();
        m.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    static List<String> list(String... s) {
        return List.of(s);
    }
}
