package dev.atelier.app.prepare;

import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.StringParam;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.wrangle.ColumnSummary;
import dev.atelier.engine.wrangle.Preview;
import dev.atelier.engine.wrangle.TransformInfo;
import dev.atelier.engine.wrangle.Wrangler;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/// Toolkit-free helpers of the Prepare screen's view-model: the preview sample, the columns a column parameter
/// can pick, and which column of a preview to show first.
final class PrepareColumns {
    private PrepareColumns() {
    }

    /// At most [PrepareViewModel#SAMPLE_ROWS] rows: all of a small table, else a seeded random subset in the original order.
    static Dataset sampleOf(Dataset data) {
        int n = data.rowCount();
        if (n <= PrepareViewModel.SAMPLE_ROWS) {
            return data;
        }
        Random random = new Random(42);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < PrepareViewModel.SAMPLE_ROWS; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, PrepareViewModel.SAMPLE_ROWS);
        Arrays.sort(chosen);
        return data.rows(chosen);
    }

    /// The columns a column parameter accepts: for the transform's own `column`/`columns` those whose type the
    /// transform takes; for others (a target, a group, a second column) any column.
    static List<String> columnChoices(TransformInfo info, ParamSpec spec, Schema reaching) {
        boolean typed = spec.name().equals("column") || spec.name().equals("columns");
        return reaching.columns().stream().filter(c -> !typed || info.fits(c.type())).map(ColumnSchema::name)
                .toList();
    }

    /// Whether a column parameter takes several names.
    static boolean isColumnList(ParamSpec spec) {
        return spec instanceof StringParam s && s.hint().endsWith("names");
    }

    static boolean hasTouched(Preview p) {
        return p.changedCells().values().stream().anyMatch(n -> n > 0) || !p.addedColumns().isEmpty()
                || !p.afterStats().isEmpty();
    }

    static @Nullable String firstTouched(Preview p) {
        for (var e : p.changedCells().entrySet()) {
            if (e.getValue() > 0) {
                return e.getKey();
            }
        }
        if (!p.addedColumns().isEmpty()) {
            return p.addedColumns().getFirst();
        }
        if (!p.afterStats().isEmpty()) {
            return p.afterStats().getFirst().name();
        }
        return p.after().columnCount() > 0 ? p.after().schema().columns().getFirst().name() : null;
    }

    static @Nullable ColumnSummary summary(Dataset data, List<ColumnSummary> known, String column) {
        for (ColumnSummary s : known) {
            if (s.name().equals(column)) {
                return s;
            }
        }
        return data.schema().indexOf(column) >= 0 ? Wrangler.summary(data, column) : null;
    }
}
