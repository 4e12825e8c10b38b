package dev.atelier.engine.learn;

/// Reads what a [PayloadWriter] wrote, for [Learner#read]. Implemented by `dev.atelier.engine.persist.ModelBundle`.
public interface PayloadReader {
    /// Reads the JSON file `name` as `type`.
    ///
    /// @throws dev.atelier.engine.error.ProjectException `MODEL_CORRUPT` if it is missing or does not fit `type`
    <T> T json(String name, Class<T> type);

    /// Reads the file `name` unchanged.
    ///
    /// @throws dev.atelier.engine.error.ProjectException `MODEL_CORRUPT` if it is missing
    byte[] bytes(String name);

    /// A `MODEL_CORRUPT` failure for this bundle with `reason`, for learners that find the payload inconsistent.
    RuntimeException corrupt(String reason);
}
