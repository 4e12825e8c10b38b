package dev.atelier.engine.learn.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.Contributions;
import dev.atelier.engine.learn.Learner;
import dev.atelier.engine.learn.LearnerContract;
import dev.atelier.engine.learn.LearnerSpec;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.SyntheticData;
import dev.atelier.engine.learn.TrainingData;
import dev.atelier.engine.learn.TrainingPoint;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("natives")
class XgboostLearnerTest extends LearnerContract {
    @Override
    protected Learner learner() {
        return new XgboostLearner();
    }

    @Override
    protected Map<String, String> hyperparameters(ProblemType problem) {
        return Map.of("num_round", "40", "max_depth", "3", "subsample", "0.8", "eta", "0.2");
    }

    @Test
    void contributionsPlusBiasSumToTheMargin() {
        for (Dataset data : new Dataset[] {SyntheticData.logistic(300, 9, true), SyntheticData.multiclass(300, 9)}) {
            String target = data.schema().target().orElseThrow().name();
            ProblemType problem = target.equals("churn") ? ProblemType.BINARY_CLASSIFICATION
                    : ProblemType.MULTICLASS_CLASSIFICATION;
            var model = (XgboostModel) fit(data, spec(problem, target, 3));
            Contributions c = model.contributions(data);
            double[][] margins = model.margins(data);
            assertThat(c.rows()).isEqualTo(data.rowCount());
            assertThat(c.groups()).isEqualTo(margins[0].length);
            for (int r = 0; r < c.rows(); r++) {
                for (int g = 0; g < c.groups(); g++) {
                    double sum = c.bias(r, g);
                    for (int f = 0; f < c.features().size(); f++) {
                        sum += c.value(r, g, f);
                    }
                    assertThat(sum).isCloseTo(margins[r][g], within(1e-4));
                }
            }
        }
    }

    @Test
    void reportsOneCurvePointPerRoundAndStopsEarly() {
        Dataset data = SyntheticData.logistic(400, 10, false);
        LearnerSpec spec = LearnerSpec.of(Learners.builtIn().catalog(), "xgboost", ProblemType.BINARY_CLASSIFICATION,
                "churn", Map.of("num_round", "300", "eta", "0.5", "early_stopping_rounds", "5"), 1);
        var points = new ArrayList<TrainingPoint>();
        var model = (XgboostModel) learner().fit(TrainingData.of(data), spec, JobContext.silent(), points::add);
        assertThat(points).isNotEmpty().allSatisfy(p -> {
            assertThat(p.metric()).isEqualTo("logloss");
            assertThat(p.validation()).isFinite();
        });
        assertThat(points.getLast().step()).isLessThan(300);
        assertThat(model.rounds().rounds()).isEqualTo(points.getLast().step());
        assertThat(model.rounds().iterationLimit()).isBetween(1, model.rounds().rounds() - 1);
    }
}
