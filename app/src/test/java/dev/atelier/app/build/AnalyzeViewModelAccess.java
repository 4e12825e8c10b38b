package dev.atelier.app.build;

import dev.atelier.app.analyze.AnalyzeViewModel;
import java.util.List;

/// Reaches [AnalyzeViewModel]'s package-private helpers from this package's tests.
final class AnalyzeViewModelAccess {
    private AnalyzeViewModelAccess() {
    }

    static List<AnalyzeViewModel.Bin> bins(double[] values, int count) {
        return AnalyzeViewModel.histogramBins(values, count);
    }
}
