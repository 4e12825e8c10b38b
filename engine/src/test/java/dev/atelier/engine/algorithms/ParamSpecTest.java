package dev.atelier.engine.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamSpecTest {
    private static final IntParam ROUNDS = IntParam.of("num_round", 100, 1, 10_000, "How many trees.");
    private static final DoubleParam ETA = Hyperparameters.real("eta", "0.3", "[0,1]", "Step size.");
    private static final DoubleParam RATE = Hyperparameters.realOrAutoLog("learning_rate", "(0,inf)", "Step.");
    private static final ChoiceParam OPTIMIZER = ChoiceParam.of("optimizer", "sgd", List.of("sgd", "adam", "adagrad"),
            "The optimizer.");

    @Test
    void rangesReadNaturally() {
        assertThat(ROUNDS.range()).isEqualTo("1 – 10000");
        assertThat(IntParam.of("n", 0, 0, Long.MAX_VALUE, "N.").range()).isEqualTo("0 – ∞");
        assertThat(Hyperparameters.integerOrAuto("n", 1, Long.MAX_VALUE, "N.").range()).isEqualTo("1 – ∞, or auto");
        assertThat(Hyperparameters.real("g", "0", "[0,inf)", "G.").range()).isEqualTo("0 – ∞");
        assertThat(ETA.range()).isEqualTo("0 – 1");
        assertThat(Hyperparameters.real("s", "1", "(0,1]", "S.").range()).isEqualTo("0 – 1 (excluding 0)");
        assertThat(Hyperparameters.real("d", "0.1", "[0,1)", "D.").range()).isEqualTo("0 – 1 (excluding 1)");
        assertThat(Hyperparameters.real("b", "0", "(-inf,inf)", "B.").range()).isEqualTo("−∞ – ∞");
        assertThat(Hyperparameters.real("t", "1e-8", "[1e-9,1e-4]", "T.").range()).isEqualTo("1E-9 – 0.0001");
        assertThat(OPTIMIZER.range()).isEqualTo("one of sgd, adam, adagrad");
        assertThat(BoolParam.of("use_bias", true, "Bias.").range()).isEqualTo("true or false");
    }

    @Test
    void wholeNumbersAreWrittenStrictly() {
        assertThat(ROUNDS.parse(" 250 ")).isEqualTo(250L);
        assertThat(ROUNDS.parse("+7")).isEqualTo(7L);
        for (String bad : List.of("1.0", "1e3", "ten", "", "0", "10001", "99999999999999999999", "0x10")) {
            var e = catchThrowableOfType(SpecException.class, () -> ROUNDS.parse(bad));
            assertThat(e.code()).as(bad).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID);
            assertThat(e.args()).containsExactly("num_round", bad, "1 – 10000");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "1d", "1f", "0x1p3", "1,5", "--1", "e5", "Infinity", "-0.0001", "1.0000001"})
    void realsRejectWhatIsNotADecimalInRange(String bad) {
        var e = catchThrowableOfType(SpecException.class, () -> ETA.parse(bad));
        assertThat(e.code()).isEqualTo(ErrorCode.HYPERPARAMETER_INVALID);
        assertThat(e.args()).containsExactly("eta", bad, "0 – 1");
    }

    @Test
    void realsAcceptDecimalAndScientificNotation() {
        assertThat(ETA.parse("0.05")).isEqualTo(0.05);
        assertThat(ETA.parse(".5")).isEqualTo(0.5);
        assertThat(ETA.parse("1")).isEqualTo(1.0);
        assertThat(ETA.parse("5E-2")).isEqualTo(0.05);
        assertThat(RATE.parse("1e-6")).isEqualTo(1e-6);
        assertThatThrownBy(() -> RATE.parse("0")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> RATE.parse("inf")).isInstanceOf(SpecException.class);
    }

    @Test
    void autoIsAKeywordThatRoundTrips() {
        assertThat(RATE.defaultValue()).contains(Keyword.AUTO);
        assertThat(RATE.parse("Auto")).isEqualTo(Keyword.AUTO);
        assertThat(RATE.format(RATE.parse("auto"))).isEqualTo("auto");
        assertThatThrownBy(() -> ETA.parse("auto")).isInstanceOf(SpecException.class);
    }

    @Test
    void infinityIsAValueOnlyWhereTheRangeIncludesIt() {
        var clip = Hyperparameters.real("clip_gradient", "Infinity", "[1e-3,inf]", "Clip.");
        assertThat(clip.defaultValue()).contains(Double.POSITIVE_INFINITY);
        assertThat(clip.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(clip.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> Hyperparameters.real("g", "0", "[0,inf)", "G.").parse("Infinity"))
                .isInstanceOf(SpecException.class);
    }

    @Test
    void choicesIgnoreCaseAndAnswerInTheirOwnSpelling() {
        assertThat(OPTIMIZER.parse(" ADAM ")).isEqualTo("adam");
        assertThat(OPTIMIZER.accepts("Adagrad")).isTrue();
        assertThat(OPTIMIZER.accepts("lbfgs")).isFalse();
    }

    @Test
    void flagsAcceptEitherCapitalization() {
        var flag = new BoolParam("early_stopping", "False", Requirement.OPTIONAL, "Stop early.");
        assertThat(flag.defaultValue()).contains(false);
        assertThat(flag.parse("True")).isEqualTo(true);
        assertThat(flag.format(true)).isEqualTo("true");
        assertThatThrownBy(() -> flag.parse("yes")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> flag.parse("1")).isInstanceOf(SpecException.class);
    }

    @Test
    void freeTextIsKeptAsWritten() {
        var metric = Hyperparameters.textUnset("eval_metric", "metric names", "Metrics.");
        assertThat(metric.parse(" auc,logloss ")).isEqualTo("auc,logloss");
        assertThat(metric.range()).isEqualTo("metric names");
        assertThat(metric.defaultValue()).isEmpty();
    }

    @Test
    void specsCheckTheirOwnDefaults() {
        assertThatThrownBy(() -> IntParam.of("k", 0, 1, 10, "K.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hyperparameters.real("eta", "1.5", "[0,1]", "Eta."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hyperparameters.real("eta", "auto", "[0,1]", "Eta."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChoiceParam.of("o", "lbfgs", List.of("sgd"), "O."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoolParam("b", "yes", Requirement.OPTIONAL, "B."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyOptionalSpecsHaveADefault() {
        assertThatThrownBy(() -> new IntParam("k", null, 1, 10, List.of(), Requirement.OPTIONAL, "K."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntParam("k", "3", 1, 10, List.of(), Requirement.REQUIRED, "K."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new IntParam("k", null, 1, 10, List.of(), Requirement.FROM_DATA, "K.").defaultValue()).isEmpty();
    }

    @Test
    void specsCheckNamesDescriptionsAndRanges() {
        assertThatThrownBy(() -> IntParam.of("NumRound", 1, 1, 10, "N.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntParam.of("n", 1, 1, 10, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntParam.of("n", 1, 1, 10, "two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntParam.of("n", 5, 10, 1, "N.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hyperparameters.real("x", "0", "(0,0]", "X."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChoiceParam.of("o", "a", List.of("a", "A"), "O."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Keyword("Auto")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatRejectsForeignValues() {
        assertThatThrownBy(() -> ETA.format(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void everyCatalogueNumberInRangeRoundTripsThroughText(@ForAll("numbersInRange") SpecAndValue sample) {
        ParamSpec spec = sample.spec();
        assertThat(spec.parse(spec.format(sample.value()))).isEqualTo(sample.value());
    }

    record SpecAndValue(ParamSpec spec, Object value) {
    }

    @Provide
    Arbitrary<SpecAndValue> numbersInRange() {
        List<ParamSpec> numeric = AlgorithmCatalog.builtIn().all().stream()
                .flatMap(d -> d.hyperparameters().stream())
                .filter(p -> p instanceof IntParam || p instanceof DoubleParam)
                .toList();
        return Arbitraries.of(numeric).flatMap(spec -> switch (spec) {
            case IntParam i -> Arbitraries.longs().between(i.min(), i.max()).map(v -> new SpecAndValue(i, v));
            case DoubleParam d -> doublesWithin(d).map(v -> new SpecAndValue(d, v));
            default -> throw new IllegalStateException();
        });
    }

    private static Arbitrary<Double> doublesWithin(DoubleParam d) {
        double low = Double.isInfinite(d.min()) ? -1e12 : d.min();
        double high = Double.isInfinite(d.max()) ? 1e12 : d.max();
        return Arbitraries.oneOf(
                        Arbitraries.doubles().between(low, high).ofScale(18),
                        Arbitraries.randomValue(random -> low + (high - low) * random.nextDouble()))
                .filter(v -> (v > d.min() || (v == d.min() && !d.minExclusive()))
                        && (v < d.max() || (v == d.max() && !d.maxExclusive())));
    }
}
