package dev.atelier.engine.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.DatasetBuilder;
import dev.atelier.engine.job.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/// Whatever a dataset holds, writing it as CSV and reading it back with its types pinned gives the same cells.
class CsvRoundTripTest {
    private final Path dir;

    CsvRoundTripTest() {
        try {
            dir = Files.createTempDirectory("atelier-csv-roundtrip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /// One generated column: its kind and its values (`null` = missing).
    record GeneratedColumn(ColumnType type, List<Object> values) {
    }

    @Property(tries = 200)
    void writeThenReadGivesTheSameCells(@ForAll("datasets") Dataset original) throws IOException {
        Path file = Files.createTempFile(dir, "rt", ".csv");
        CsvWriter.write(original, file);
        Map<String, ColumnType> types = new HashMap<>();
        original.schema().columns().forEach(c -> types.put(c.name(), c.type()));
        CsvOptions pinned = new CsvOptions(',', '"', HeaderMode.PRESENT, "UTF-8", Set.of(""), 0, types);
        Dataset back = CsvImporter.read(file, pinned, JobContext.silent()).dataset();

        assertThat(back.schema().names()).isEqualTo(original.schema().names());
        assertThat(back.schema().columns()).extracting(c -> c.type())
                .isEqualTo(original.schema().columns().stream().map(c -> c.type()).toList());
        assertThat(back.rowCount()).isEqualTo(original.rowCount());
        for (int r = 0; r < original.rowCount(); r++) {
            for (int c = 0; c < original.columnCount(); c++) {
                assertThat(back.isMissing(r, c)).as("missing at row %d column %d", r, c)
                        .isEqualTo(original.isMissing(r, c));
                assertThat(back.text(r, c)).as("row %d column %d", r, c).isEqualTo(original.text(r, c));
            }
        }
    }

    @Provide
    Arbitrary<Dataset> datasets() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, 25);
        return rows.flatMap(n -> column(n).list().ofMinSize(1).ofMaxSize(5).map(CsvRoundTripTest::build));
    }

    private static Dataset build(List<GeneratedColumn> columns) {
        DatasetBuilder b = Dataset.builder("generated");
        for (int i = 0; i < columns.size(); i++) {
            GeneratedColumn g = columns.get(i);
            String name = i % 2 == 0 ? "c" + i : "col, \"" + i + "\" name";
            List<Object> v = g.values();
            switch (g.type()) {
                case NUMERIC -> b.numeric(name, v.stream().mapToDouble(x -> x == null ? Double.NaN : (Double) x).toArray());
                case CATEGORICAL -> b.categorical(name, v.stream().map(x -> (String) x).toArray(String[]::new));
                case TEXT -> b.text(name, v.stream().map(x -> (String) x).toArray(String[]::new));
                case BOOLEAN -> b.bool(name, v.stream().map(x -> (Boolean) x).toArray(Boolean[]::new));
                case DATETIME -> b.dateTime(name, v.stream().map(x -> (LocalDateTime) x).toArray(LocalDateTime[]::new));
            }
        }
        return b.build();
    }

    private static Arbitrary<GeneratedColumn> column(int rows) {
        Arbitrary<ColumnType> type = Arbitraries.of(ColumnType.class);
        return type.flatMap(t -> values(t).injectNull(0.15).list().ofSize(rows)
                .map(list -> new GeneratedColumn(t, new ArrayList<>(list))));
    }

    private static Arbitrary<Object> values(ColumnType type) {
        return switch (type) {
            case NUMERIC -> Arbitraries.oneOf(
                    Arbitraries.doubles().filter(d -> !Double.isNaN(d)),
                    Arbitraries.integers().between(-1000, 1000).map(i -> (double) i),
                    Arbitraries.of(0.0, -0.0, 1e-300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, 0.1, 123456789.125))
                    .map(d -> (Object) d);
            case CATEGORICAL, TEXT -> Arbitraries.oneOf(
                    Arbitraries.strings().withChars("ab,;\"\n\r \t|0é'").ofMinLength(1).ofMaxLength(12),
                    Arbitraries.of("007", "0123", "NA", "true", "1,234.5", "2024-01-02", "  spaced  ", "x"))
                    .filter(s -> !s.isBlank())
                    .map(s -> (Object) s);
            case BOOLEAN -> Arbitraries.of(true, false).map(x -> (Object) x);
            case DATETIME -> Combinators.combine(
                    Arbitraries.integers().between(1900, 2100), Arbitraries.integers().between(1, 12),
                    Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23),
                    Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59),
                    Arbitraries.of(true, false))
                    .as((y, mo, d, h, mi, s, midnight) -> (Object) (midnight
                            ? LocalDateTime.of(y, mo, d, 0, 0) : LocalDateTime.of(y, mo, d, h, mi, s)));
        };
    }
}
