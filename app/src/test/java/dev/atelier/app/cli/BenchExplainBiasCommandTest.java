package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchExplainBiasCommandTest {
    @Test
    void benchExplainReportsEveryMeasurementWithItsMethodAndAdditivity() {
        CliRun run = CliRun.of("bench", "explain", "--train", "300", "--rows", "20", "--runs", "1", "--samples", "32",
                "--folds", "2", "--members", "linear-learner");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Reproduce: atelier bench explain --train 300 --rows 20 --runs 1",
                "TreeSHAP, XGBoost 100 trees depth 6", "TreeSHAP, random forest 100 trees", "method tree",
                "Kernel SHAP, Autopilot weighted ensemble", "blend: linear-learner 1.00 (2 models)", "method kernel",
                "Kernel SHAP, 50/50 Linear Learner + XGBoost");
    }

    @Test
    void benchBiasReportsPreAndPostTrainingMetrics() {
        CliRun run = CliRun.of("bench", "bias", "--rows", "2000", "--post-rows", "400", "--runs", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Reproduce: atelier bench bias --rows 2000 --post-rows 400 --runs 1",
                "Pre-training (CI DPL KL JS LP TVD KS CDDL), 2,000 rows", "CDDL=", "FT=", "GE=");
    }
}
