package dev.atelier.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class JsonTest {
    record Sample(String zeta, Instant at, Map<String, Double> scores, Set<String> tags, List<Integer> empty) {
    }

    record Point(double x, double y) {
    }

    @Test
    void outputIsIndentedSortedAndUsesIsoInstants() {
        var sample = new Sample("last", Instant.parse("2025-01-31T09:30:00.120Z"),
                Map.of("b", 2.0, "a", 1.5, "c", Double.NaN), Set.of("y", "x", "z"), List.of());
        assertThat(Json.toText(sample)).isEqualTo("""
                {
                  "zeta": "last",
                  "at": "2025-01-31T09:30:00.120Z",
                  "scores": {
                    "a": 1.5,
                    "b": 2.0,
                    "c": "NaN"
                  },
                  "tags": [
                    "x",
                    "y",
                    "z"
                  ],
                  "empty": []
                }
                """);
    }

    @Test
    void nonFiniteNumbersRoundTrip() {
        var point = new Point(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(Json.MAPPER.readValue(Json.toBytes(point), Point.class)).isEqualTo(point);
        assertThat(Json.MAPPER.readValue("{\"x\": NaN, \"y\": Infinity}", Point.class).x()).isNaN();
    }

    @Test
    void unknownPropertiesAreIgnored() {
        assertThat(Json.MAPPER.readValue("{\"x\": 1, \"y\": 2, \"z\": 3}", Point.class)).isEqualTo(new Point(1, 2));
    }

    @Test
    void duplicateKeysTrailingContentAndNullPrimitivesAreRejected() {
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"x\": 1, \"x\": 2, \"y\": 0}", Point.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"x\": 1, \"y\": 2} {}", Point.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"x\": null, \"y\": 2}", Point.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.MAPPER.readTree("{\"a\": 1, \"a\": 2}")).isInstanceOf(JacksonException.class);
    }

    @Test
    void mapsOfAnyOrderGiveTheSameText() {
        var sorted = new TreeMap<String, Integer>(Map.of("k1", 1, "k2", 2, "k3", 3));
        assertThat(Json.toText(Map.of("k3", 3, "k1", 1, "k2", 2))).isEqualTo(Json.toText(sorted));
    }
}
