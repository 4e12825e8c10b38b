package dev.atelier.engine.persist;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.atelier.engine.learn.FeatureStep;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/// The one configured, immutable (hence thread-safe) Jackson mapper for every Atelier file.
///
/// Output is deterministic, so files diff cleanly and golden files compare byte for byte:
/// - indented by two spaces, lines end with `\n` on every platform, `"name": value` spacing, `[]`/`{}` when empty;
/// - record properties in declaration order, map entries and set elements sorted;
/// - `Instant`s as ISO-8601 UTC text (`2025-01-31T09:30:00Z`), never as numbers;
/// - NaN and infinities as the strings `"NaN"`, `"Infinity"`, `"-Infinity"` (also read back unquoted).
///
/// Reading ignores unknown properties, so a file written by a newer build of the same format version still opens;
/// it rejects duplicate keys, trailing content and `null` for primitives.
public final class Json {

    /// The mapper. Other packages must not use Jackson; they go through `persist` classes.
    public static final JsonMapper MAPPER = build();

    private Json() {
    }

    /// `value` as UTF-8 JSON text ending with a newline.
    ///
    /// @throws tools.jackson.core.JacksonException if `value` cannot be written
    public static byte[] toBytes(Object value) {
        byte[] json = MAPPER.writeValueAsBytes(value);
        byte[] withNewline = Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    /// `value` as JSON text ending with a newline.
    public static String toText(Object value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    /// Persists the sealed [FeatureStep] by stable logical names, never by class name (STYLE §10.4).
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = FeatureStep.Numeric.class, name = "numeric"),
            @JsonSubTypes.Type(value = FeatureStep.DateTime.class, name = "datetime"),
            @JsonSubTypes.Type(value = FeatureStep.Categorical.class, name = "categorical")})
    interface FeatureStepMixIn {
    }

    private static JsonMapper build() {
        var indenter = new DefaultIndenter("  ", "\n");
        var separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        var printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return JsonMapper.builder()
                .defaultPrettyPrinter(printer)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.ORDER_SET_ELEMENTS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addMixIn(FeatureStep.class, FeatureStepMixIn.class)
                .build();
    }
}
