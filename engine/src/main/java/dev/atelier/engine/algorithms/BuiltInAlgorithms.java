package dev.atelier.engine.algorithms;

import java.util.ArrayList;
import java.util.List;

/// The built-in catalogue's descriptors, in display order: supervised tabular learners first, then unsupervised,
/// time series, text and vision.
final class BuiltInAlgorithms {
    private BuiltInAlgorithms() {
    }

    static List<AlgorithmDescriptor> all() {
        var all = new ArrayList<AlgorithmDescriptor>();
        all.addAll(SupervisedAlgorithms.all());
        all.addAll(AutoMlAlgorithms.all());
        all.addAll(UnsupervisedAlgorithms.all());
        all.addAll(TimeSeriesAlgorithms.all());
        all.addAll(TextAlgorithms.all());
        all.addAll(VisionAlgorithms.all());
        return List.copyOf(all);
    }
}
