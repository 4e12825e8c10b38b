package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.HeaderMode;
import dev.atelier.engine.project.DatasetEntry;
import dev.atelier.engine.project.ExperimentEntry;
import dev.atelier.engine.project.ModelEntry;
import dev.atelier.engine.project.Project;
import dev.atelier.engine.project.RecipeEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/// `read(write(p)) == p` for generated projects: arbitrary text (quotes, newlines, non-Latin scripts), instants
/// with nanoseconds, every double including NaN and infinities, nested step parameters, absent optional values.
class ProjectRoundTripPropertyTest {
    private static Path dir;
    private final ProjectStore store = new ProjectStore();

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("atelier-roundtrip");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 300)
    void readingAWrittenProjectGivesItBack(@ForAll("projects") Project project) {
        Path file = dir.resolve("p.atelier");
        store.write(project, file);
        assertThat(store.read(file)).isEqualTo(project);
    }

    @Property(tries = 100)
    void writingIsDeterministic(@ForAll("projects") Project project) throws IOException {
        Path first = dir.resolve("first.atelier");
        Path second = dir.resolve("second.atelier");
        store.write(project, first);
        store.write(store.read(first), second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Provide
    Arbitrary<Project> projects() {
        return Builders.withBuilder(() -> Project.empty("x", Instant.EPOCH))
                .use(text()).in((p, name) -> p.withName(name))
                .use(instants()).in((p, created) -> new Project(p.name(), created, p.datasets(), p.recipes(),
                        p.experiments(), p.models()))
                .use(datasets().list().ofMaxSize(3).uniqueElements(DatasetEntry::id))
                .in((p, list) -> new Project(p.name(), p.created(), list, p.recipes(), p.experiments(), p.models()))
                .use(recipes().list().ofMaxSize(2).uniqueElements(RecipeEntry::id))
                .in((p, list) -> new Project(p.name(), p.created(), p.datasets(), list, p.experiments(), p.models()))
                .use(experiments().list().ofMaxSize(2).uniqueElements(ExperimentEntry::id))
                .in((p, list) -> new Project(p.name(), p.created(), p.datasets(), p.recipes(), list, p.models()))
                .use(models().list().ofMaxSize(2).uniqueElements(ModelEntry::id))
                .in((p, list) -> new Project(p.name(), p.created(), p.datasets(), p.recipes(), p.experiments(), list))
                .build();
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(12),
                Arbitraries.strings().withChars("\"\\\n\t/é€").ofMaxLength(6),
                Arbitraries.of("😀", "a😀b", "𝔸𝔹", "日本語"),
                Arbitraries.of("", "null", "NaN", "1e3", "—"));
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(8);
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-62_135_596_800L, 32_503_680_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(Double.NEGATIVE_INFINITY).withSpecialValue(-0.0),
                Arbitraries.longs().map(Double::longBitsToDouble));
    }

    private static Arbitrary<CsvOptions> csvOptions() {
        return Combinators.combine(
                Arbitraries.of(',', ';', '\t', '|').injectNull(0.3),
                Arbitraries.of('"', '\''),
                Arbitraries.of(HeaderMode.class),
                Arbitraries.of("UTF-8", "windows-1252", "UTF-16LE").injectNull(0.3),
                Arbitraries.subsetOf(CsvOptions.DEFAULT_MISSING_MARKERS),
                Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.maps(text(), Arbitraries.of(ColumnType.class)).ofMaxSize(3))
                .as(CsvOptions::new);
    }

    private static Arbitrary<ColumnSchema> columns() {
        return Combinators.combine(text().filter(s -> !s.isBlank()), Arbitraries.of(ColumnType.class),
                Arbitraries.of(ColumnRole.class)).as(ColumnSchema::new);
    }

    private static Arbitrary<DatasetEntry> datasets() {
        return Combinators.combine(ids(), text(), text(), Arbitraries.strings().withChars("0123456789abcdef")
                        .ofLength(64), csvOptions(), columns().list().ofMaxSize(4),
                Arbitraries.integers().between(1, 1_000_000).injectNull(0.5))
                .as(DatasetEntry::new);
    }

    private static Arbitrary<Object> parameterValues() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                text().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite).map(Object.class::cast));
        return Arbitraries.oneOf(scalars,
                scalars.list().ofMaxSize(3).map(Object.class::cast),
                Arbitraries.maps(ids(), scalars).ofMaxSize(2).map(Object.class::cast));
    }

    private static Arbitrary<RecipeEntry> recipes() {
        Arbitrary<RecipeEntry.Step> steps = Combinators.combine(ids(),
                Arbitraries.maps(ids(), parameterValues()).ofMaxSize(4), Arbitraries.of(true, false))
                .as(RecipeEntry.Step::new);
        return Combinators.combine(ids(), text(), ids(), steps.list().ofMaxSize(3)).as(RecipeEntry::new);
    }

    private static Arbitrary<ExperimentEntry.Run> runs() {
        return Builders.withBuilder(() -> new ExperimentEntry.Run("r", "xgboost", Map.of(), Map.of(),
                        ExperimentEntry.RunStatus.SUCCEEDED, null, Instant.EPOCH, 0, null))
                .use(ids()).in((r, id) -> new ExperimentEntry.Run(id, r.algorithm(), r.hyperparameters(),
                        r.metrics(), r.status(), r.failure(), r.started(), r.durationMillis(), r.modelId()))
                .use(Arbitraries.maps(ids(), text()).ofMaxSize(4)).in((r, h) -> new ExperimentEntry.Run(r.id(),
                        r.algorithm(), h, r.metrics(), r.status(), r.failure(), r.started(), r.durationMillis(),
                        r.modelId()))
                .use(Arbitraries.maps(ids(), doubles()).ofMaxSize(4)).in((r, m) -> new ExperimentEntry.Run(r.id(),
                        r.algorithm(), r.hyperparameters(), m, r.status(), r.failure(), r.started(),
                        r.durationMillis(), r.modelId()))
                .use(Arbitraries.of(ExperimentEntry.RunStatus.class)).in((r, s) -> new ExperimentEntry.Run(r.id(),
                        r.algorithm(), r.hyperparameters(), r.metrics(), s, r.failure(), r.started(),
                        r.durationMillis(), r.modelId()))
                .use(text().injectNull(0.5)).in((r, f) -> new ExperimentEntry.Run(r.id(), r.algorithm(),
                        r.hyperparameters(), r.metrics(), r.status(), f, r.started(), r.durationMillis(),
                        r.modelId()))
                .use(instants()).in((r, t) -> new ExperimentEntry.Run(r.id(), r.algorithm(), r.hyperparameters(),
                        r.metrics(), r.status(), r.failure(), t, r.durationMillis(), r.modelId()))
                .use(Arbitraries.longs().greaterOrEqual(0)).in((r, d) -> new ExperimentEntry.Run(r.id(),
                        r.algorithm(), r.hyperparameters(), r.metrics(), r.status(), r.failure(), r.started(), d,
                        r.modelId()))
                .use(ids().injectNull(0.5)).in((r, m) -> new ExperimentEntry.Run(r.id(), r.algorithm(),
                        r.hyperparameters(), r.metrics(), r.status(), r.failure(), r.started(), r.durationMillis(),
                        m))
                .build();
    }

    private static Arbitrary<ExperimentEntry> experiments() {
        return Builders.withBuilder(() -> new ExperimentEntry("e", "n", "d", null, "t",
                        ProblemType.REGRESSION, "rmse", Instant.EPOCH, List.of()))
                .use(ids()).in((e, id) -> new ExperimentEntry(id, e.name(), e.datasetId(), e.recipeId(), e.target(),
                        e.problemType(), e.objective(), e.created(), e.runs()))
                .use(text()).in((e, n) -> new ExperimentEntry(e.id(), n, e.datasetId(), e.recipeId(), e.target(),
                        e.problemType(), e.objective(), e.created(), e.runs()))
                .use(ids().injectNull(0.5)).in((e, r) -> new ExperimentEntry(e.id(), e.name(), e.datasetId(), r,
                        e.target(), e.problemType(), e.objective(), e.created(), e.runs()))
                .use(Arbitraries.of(ProblemType.class)).in((e, t) -> new ExperimentEntry(e.id(), e.name(),
                        e.datasetId(), e.recipeId(), e.target(), t, e.objective(), e.created(), e.runs()))
                .use(instants()).in((e, c) -> new ExperimentEntry(e.id(), e.name(), e.datasetId(), e.recipeId(),
                        e.target(), e.problemType(), e.objective(), c, e.runs()))
                .use(runs().list().ofMaxSize(3)).in((e, r) -> new ExperimentEntry(e.id(), e.name(), e.datasetId(),
                        e.recipeId(), e.target(), e.problemType(), e.objective(), e.created(), r))
                .build();
    }

    private static Arbitrary<ModelEntry> models() {
        return Combinators.combine(ids(), text(), ids(), text(), Arbitraries.of(ProblemType.class), text(),
                Arbitraries.maps(ids(), doubles()).ofMaxSize(3), instants()).as(ModelEntry::new);
    }
}
