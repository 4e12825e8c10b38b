package dev.atelier.engine.learn.forest;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerContract;
import java.util.Map;

class RandomForestLearnerTest extends LearnerContract {
    @Override
    protected Learner learner() {
        return ForestLearner.randomForest();
    }

    @Override
    protected Map<String, String> hyperparameters(ProblemType problem) {
        return problem == ProblemType.REGRESSION ? Map.of("n_estimators", "40", "max_features", "1.0")
                : Map.of("n_estimators", "40");
    }
}
