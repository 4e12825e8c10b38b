package dev.atelier.engine.persist;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/// Reads JSON *data* (records to import, not Atelier's own files) into plain Java values, so that importers need
/// no Jackson types: objects become `Map<String, Object>` (in document order), arrays `List<Object>`, numbers
/// `BigDecimal`, strings `String`, booleans `Boolean` and `null` stays `null`.
public final class JsonDocuments {
    private JsonDocuments() {
    }

    /// JSON that could not be parsed, with the 1-based line where the parser stopped (−1 if unknown).
    public static final class MalformedJsonException extends RuntimeException {
        private final long line;

        MalformedJsonException(long line, String reason, Throwable cause) {
            super(reason, cause);
            this.line = line;
        }

        /// The line where the problem was found.
        public long line() {
            return line;
        }
    }

    /// Parses one JSON value from text (e.g. one JSON Lines record).
    ///
    /// @throws MalformedJsonException if it is not valid JSON
    public static @Nullable Object parse(String text) {
        try {
            return plain(Json.MAPPER.readTree(text));
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    /// Parses one JSON value from a stream (a whole `.json` file).
    ///
    /// @throws MalformedJsonException if it is not valid JSON
    /// @throws UncheckedIOException if the stream cannot be read
    public static @Nullable Object parse(InputStream in) {
        try {
            return plain(Json.MAPPER.readTree(in));
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    /// A plain value (as [#parse] returns) written back as compact JSON text, e.g. for an array kept in one cell.
    public static String toText(@Nullable Object value) {
        try {
            return Json.MAPPER.writer().without(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(value);
        } catch (JacksonException e) {
            return String.valueOf(value);
        }
    }

    private static MalformedJsonException malformed(JacksonException e) {
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return new MalformedJsonException(line, e.getOriginalMessage(), e);
    }

    private static @Nullable Object plain(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode v : node.values()) {
                list.add(plain(v));
            }
            return list;
        }
        if (node.isNumber()) {
            try {
                return new BigDecimal(node.asString());
            } catch (NumberFormatException e) {
                return node.doubleValue(); // NaN or an infinity
            }
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asString();
    }
}
