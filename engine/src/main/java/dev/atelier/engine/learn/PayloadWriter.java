package dev.atelier.engine.learn;

/// Where a [Model] writes its fitted parameters inside a model bundle. Implemented by
/// `dev.atelier.engine.persist.ModelBundle`, so that only `persist` knows the file format.
public interface PayloadWriter {
    /// Writes `value` (a record of numbers, strings, lists and nested records) as the JSON file `name`.
    void json(String name, Object value);

    /// Writes `bytes` unchanged as the file `name` (e.g. XGBoost's own `model.ubj`).
    void bytes(String name, byte[] bytes);
}
