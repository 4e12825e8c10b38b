package dev.atelier.app.data.importer;

import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.Schema;
import dev.atelier.engine.data.io.ImportOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/// What the Import dialog hands to the Data screen: where to read, how, and the roles the user chose.
///
/// @param location    a file or folder path
/// @param displayName what the Data screen's header shows (the file name)
/// @param options     the read options, with every override the user made
/// @param roles       roles the user chose by column name (applied after the read, to the columns that exist)
public record ImportRequest(String location, String displayName, ImportOptions options, Map<String, ColumnRole> roles) {
    public ImportRequest {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(options, "options");
        roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /// The chosen roles as a schema edit; a chosen target demotes any other target.
    public UnaryOperator<Schema> roleEdit() {
        return schema -> {
            Schema out = schema;
            for (Map.Entry<String, ColumnRole> e : roles.entrySet()) {
                if (out.indexOf(e.getKey()) >= 0) {
                    out = e.getValue() == ColumnRole.TARGET ? out.withTarget(e.getKey())
                            : out.withRole(e.getKey(), e.getValue());
                }
            }
            return out;
        };
    }
}
