package dev.atelier.engine.natives;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// DJL runs PyTorch 2.7.1 (CPU) from the `pytorch-native-cpu` jar in offline mode, cached in the Atelier
/// home (docs/adr/0006).
@Tag("natives")
class PytorchNativesTest {
    @TempDir
    Path home;

    @Test
    void runsOfflineFromTheClassPathAndTrainsOneLayer() {
        NativeLoad load = NativeLibraries.in(home).ensureLoaded(NativeLibrary.PYTORCH);
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        if (load.directory() != null && load.directory().startsWith(home)) {
            assertThat(load.directory()).isEqualTo(home.resolve("djl/pytorch"));
            assertThat(load.loaded()).anyMatch(f -> f.endsWith("libtorch_cpu.so"));
        }
        assertThat(Engine.getEngine("PyTorch").getVersion()).isEqualTo("2.7.1");

        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            assertThat(a.matMul(a.transpose()).sum().getFloat()).isEqualTo(155f);
        }

        try (Model model = Model.newInstance("one-layer", "PyTorch")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            var config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(8, 3));
                NDManager manager = trainer.getManager();
                manager.getEngine().setRandomSeed(11);
                NDArray x = manager.randomNormal(new Shape(8, 3));
                NDArray y = x.sum(new int[] {1}, true);
                float first = 0;
                float last = 0;
                for (int step = 0; step < 30; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                        collector.backward(loss);
                    }
                    trainer.step();
                }
                assertThat(last).isLessThan(first / 2);
            }
        }
    }
}
