package dev.atelier.engine.wrangle;

import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.error.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Every transform of the catalogue, by key, in family order. The CLI's `atelier transforms` and the Prepare
/// screen's menus list [#all()]; [Wrangler#transformsFor] filters them by column type.
public final class TransformRegistry {
    private static final Map<String, Transform> TRANSFORMS = build();

    private TransformRegistry() {
    }

    private static Map<String, Transform> build() {
        var list = new ArrayList<Transform>();
        list.addAll(ColumnSteps.all());
        list.addAll(RowSteps.all());
        list.addAll(MissingSteps.all());
        list.addAll(NumericSteps.all());
        list.addAll(EncodeSteps.all());
        list.addAll(DateSteps.all());
        list.addAll(TextSteps.all());
        list.addAll(CombineSteps.all());
        list.addAll(SampleSteps.all());
        list.addAll(FeatureSteps.all());
        list.addAll(TimeSteps.all());
        list.sort(java.util.Comparator.comparing((Transform t) -> t.info().family()));
        var map = new LinkedHashMap<String, Transform>();
        for (Transform t : list) {
            if (map.put(t.info().key(), t) != null) {
                throw new IllegalStateException("duplicate transform key " + t.info().key());
            }
        }
        return map;
    }

    /// Every transform's catalogue entry, grouped by family.
    public static List<TransformInfo> all() {
        return TRANSFORMS.values().stream().map(Transform::info).toList();
    }

    /// The entry for `key`.
    ///
    /// @throws SpecException `TRANSFORM_UNKNOWN`
    public static TransformInfo info(String key) {
        return transform(key).info();
    }

    static Transform transform(String key) {
        Transform t = TRANSFORMS.get(key);
        if (t == null) {
            throw new SpecException(ErrorCode.TRANSFORM_UNKNOWN, key);
        }
        return t;
    }
}
