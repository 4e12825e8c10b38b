package dev.atelier.engine.learn;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// The fitted preprocessing stored with every model: which columns are inputs and how each becomes numbers.
///
/// Fitting ([#fit]) uses only `FEATURE` columns — never the target, `ID`, `IGNORED` or `SENSITIVE` columns — and
/// skips `TEXT` columns with a `FEATURE_TEXT_SKIPPED` diagnostic. Numeric and boolean columns become one input
/// (median-imputed with a missing indicator when training saw missing values and [PipelineOptions#impute()];
/// standardized when [PipelineOptions#scale()]); date-times become year, month, day of week and epoch day; categorical
/// columns are one-hot encoded with an `(other)` slot (see [FeatureStep.Categorical] for the unseen-category rule).
///
/// @param steps one step per input column, in the dataset's column order
public record FeaturePipeline(List<FeatureStep> steps) {

    public FeaturePipeline {
        steps = List.copyOf(steps);
    }

    /// A fitted pipeline plus what fitting noticed.
    ///
    /// @param pipeline    the pipeline
    /// @param diagnostics skipped columns
    public record Fitted(FeaturePipeline pipeline, List<Diagnostic> diagnostics) {
        public Fitted {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /// Fits the pipeline on the chosen `rows` of `data` (the rows that have a target).
    ///
    /// @throws DataException `NO_FEATURES` (dataset) when no usable input column is left
    public static Fitted fit(Dataset data, String target, int[] rows, PipelineOptions options) {
        var steps = new ArrayList<FeatureStep>();
        var diagnostics = new ArrayList<Diagnostic>();
        for (int c = 0; c < data.columnCount(); c++) {
            ColumnSchema cs = data.schema().get(c);
            if (cs.role() != ColumnRole.FEATURE || cs.name().equals(target)) {
                continue;
            }
            switch (cs.type()) {
                case NUMERIC, BOOLEAN -> {
                    double[] raw = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        raw[i] = data.number(rows[i], c);
                    }
                    steps.add(new FeatureStep.Numeric(cs.name(), encoding(raw, options, cs.type() == ColumnType.NUMERIC)));
                }
                case DATETIME -> {
                    double[][] parts = new double[4][rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        double[] p = dateParts(data.value(rows[i], c));
                        for (int k = 0; k < 4; k++) {
                            parts[k][i] = p[k];
                        }
                    }
                    steps.add(new FeatureStep.DateTime(cs.name(), encoding(parts[0], options, true),
                            encoding(parts[1], options, true), encoding(parts[2], options, true),
                            encoding(parts[3], options, true)));
                }
                case CATEGORICAL -> steps.add(categorical(data, c, cs.name(), rows, options));
                case TEXT -> diagnostics.add(Diagnostic.ofColumn(cs.name(), ErrorCode.FEATURE_TEXT_SKIPPED, cs.name()));
            }
        }
        if (steps.isEmpty()) {
            throw new DataException(ErrorCode.NO_FEATURES, data.name());
        }
        return new Fitted(new FeaturePipeline(steps), diagnostics);
    }

    private static ScalarEncoding encoding(double[] raw, PipelineOptions options, boolean scalable) {
        double[] present = Arrays.stream(raw).filter(v -> !Double.isNaN(v)).sorted().toArray();
        boolean sawMissing = present.length < raw.length;
        double median = present.length == 0 ? 0 : present.length % 2 == 1 ? present[present.length / 2]
                : (present[present.length / 2 - 1] + present[present.length / 2]) / 2;
        double mean = 0;
        double scale = 1;
        if (options.scale() && scalable && present.length > 0) {
            double sum = 0;
            for (double v : raw) {
                sum += Double.isNaN(v) ? median : v;
            }
            mean = sum / raw.length;
            double ss = 0;
            for (double v : raw) {
                double d = (Double.isNaN(v) ? median : v) - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / raw.length);
            scale = sd > 1e-12 && Double.isFinite(sd) ? sd : 1;
        }
        return new ScalarEncoding(median, options.impute(), options.impute() && sawMissing, mean, scale);
    }

    private static FeatureStep.Categorical categorical(Dataset data, int c, String name, int[] rows,
                                                       PipelineOptions options) {
        Map<String, Integer> counts = new HashMap<>();
        boolean missing = false;
        for (int r : rows) {
            if (data.isMissing(r, c)) {
                missing = true;
            } else {
                counts.merge(data.text(r, c), 1, Integer::sum);
            }
        }
        int minCount = Math.min(5, Math.max(1, (int) Math.ceil(rows.length * 0.01)));
        List<String> levels = counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(options.maxLevels())
                .map(Map.Entry::getKey)
                .sorted(Comparator.naturalOrder())
                .toList();
        return new FeatureStep.Categorical(name, levels, missing);
    }

    /// The names of all model inputs, in order.
    public List<String> outputNames() {
        var names = new ArrayList<String>();
        for (FeatureStep step : steps) {
            names.addAll(step.outputs());
        }
        return List.copyOf(names);
    }

    /// The input columns the model needs, in order.
    public List<String> inputColumns() {
        return steps.stream().map(FeatureStep::column).toList();
    }

    /// Turns every row of `data` into model inputs.
    ///
    /// @throws DataException `FEATURE_COLUMN_MISSING` (column) if an input column is absent
    public FeatureMatrix transform(Dataset data) {
        List<String> names = outputNames();
        int d = names.size();
        int n = data.rowCount();
        double[] out = new double[n * d];
        int offset = 0;
        for (FeatureStep step : steps) {
            int c = data.schema().indexOf(step.column());
            if (c < 0) {
                throw new DataException(ErrorCode.FEATURE_COLUMN_MISSING, step.column());
            }
            switch (step) {
                case FeatureStep.Numeric(String _, ScalarEncoding e) -> {
                    for (int r = 0; r < n; r++) {
                        double raw = number(data, r, c);
                        out[r * d + offset] = e.encode(raw);
                        if (e.indicator()) {
                            out[r * d + offset + 1] = Double.isNaN(raw) ? 1 : 0;
                        }
                    }
                }
                case FeatureStep.DateTime dt -> {
                    ScalarEncoding[] parts = {dt.year(), dt.month(), dt.dayOfWeek(), dt.epochDay()};
                    for (int r = 0; r < n; r++) {
                        double[] p = dateParts(dateValue(data, r, c));
                        for (int k = 0; k < 4; k++) {
                            out[r * d + offset + k] = parts[k].encode(p[k]);
                        }
                        if (dt.year().indicator()) {
                            out[r * d + offset + 4] = Double.isNaN(p[0]) ? 1 : 0;
                        }
                    }
                }
                case FeatureStep.Categorical cat -> {
                    Map<String, Integer> index = new HashMap<>();
                    for (int i = 0; i < cat.levels().size(); i++) {
                        index.put(cat.levels().get(i), i);
                    }
                    int other = cat.levels().size();
                    for (int r = 0; r < n; r++) {
                        if (data.isMissing(r, c)) {
                            if (cat.missing()) {
                                out[r * d + offset + other + 1] = 1;
                            } else {
                                out[r * d + offset + other] = 1;
                            }
                        } else {
                            out[r * d + offset + index.getOrDefault(data.text(r, c), other)] = 1;
                        }
                    }
                }
            }
            offset += step.outputs().size();
        }
        return new FeatureMatrix(out, n, names);
    }

    /// A numeric cell; text that parses as a number is accepted (a prediction file may infer another type).
    private static double number(Dataset data, int r, int c) {
        return switch (data.schema().get(c).type()) {
            case NUMERIC, BOOLEAN, DATETIME -> data.number(r, c);
            case CATEGORICAL, TEXT -> {
                String t = data.text(r, c).strip();
                if (t.equalsIgnoreCase("true")) {
                    yield 1;
                }
                if (t.equalsIgnoreCase("false")) {
                    yield 0;
                }
                try {
                    yield t.isEmpty() ? Double.NaN : Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    private static Object dateValue(Dataset data, int r, int c) {
        Object v = data.value(r, c);
        if (v instanceof String s) {
            try {
                return s.length() == 10 ? java.time.LocalDate.parse(s).atStartOfDay()
                        : LocalDateTime.parse(s.replace(' ', 'T'));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return v;
    }

    private static double[] dateParts(Object value) {
        if (!(value instanceof LocalDateTime t)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {t.getYear(), t.getMonthValue(), t.getDayOfWeek().getValue(),
                t.toLocalDate().toEpochDay() + t.toLocalTime().toSecondOfDay() / 86_400.0};
    }
}
