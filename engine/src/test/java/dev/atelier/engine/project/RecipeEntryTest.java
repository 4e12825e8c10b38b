package dev.atelier.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeEntryTest {
    @Test
    void stepParametersAreKeptInOneCanonicalForm() {
        var step = new RecipeEntry.Step("scale", Map.of(
                "int", 3, "short", (short) 4, "big", BigInteger.TEN, "float", 0.1f, "decimal", new BigDecimal("2.5"),
                "list", List.of(1, "a", true), "nested", Map.of("depth", 2)), true);
        assertThat(step.parameters()).isEqualTo(Map.of(
                "int", 3L, "short", 4L, "big", 10L, "float", 0.1, "decimal", 2.5,
                "list", List.of(1L, "a", true), "nested", Map.of("depth", 2L)));
        assertThat(step).isEqualTo(new RecipeEntry.Step("scale", Map.of(
                "int", 3L, "short", 4L, "big", 10L, "float", 0.1, "decimal", 2.5,
                "list", List.of(1L, "a", true), "nested", Map.of("depth", 2L)), true));
    }

    @Test
    void stepParametersAreImmutable() {
        var source = new HashMap<String, Object>(Map.of("k", List.of(1)));
        var step = new RecipeEntry.Step("t", source, true);
        source.put("other", 2);
        assertThat(step.parameters()).containsOnlyKeys("k");
        assertThatThrownBy(() -> step.parameters().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unsupportedStepParametersAreRejected() {
        var nullValue = new HashMap<String, Object>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> new RecipeEntry.Step("t", nullValue, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecipeEntry.Step("t", Map.of("k", Double.NaN), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecipeEntry.Step("t", Map.of("k", new Object()), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecipeEntry.Step("t", Map.of("k", BigInteger.TWO.pow(70)), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
