package dev.atelier.engine.wrangle;

import java.util.Map;

/// One fitted step: the step as the user wrote it plus what it learned from the training data.
///
/// @param id         the step's id
/// @param transform  the transform's catalogue key
/// @param parameters the step's parameters
/// @param state      what it learned
public record FittedStep(String id, String transform, Map<String, Object> parameters, State state) {
    public FittedStep {
        parameters = Step.of(id, transform, parameters).parameters();
    }
}
