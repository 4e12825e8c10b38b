package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;

import java.util.List;
import java.util.Map;

/// What one step does to the sample: the data before and after it, which cells changed, and before/after
/// statistics of the columns it touched.
///
/// @param stepId          the previewed step
/// @param before          the sample after the earlier steps
/// @param after           the sample after this step
/// @param statuses        every step's status up to and including this one
/// @param changedCells    per column present before and after with the same row count: how many cells differ
/// @param addedColumns    columns the step added
/// @param removedColumns  columns the step removed
/// @param beforeStats     statistics of the touched columns before the step
/// @param afterStats      statistics of the touched and added columns after it
public record Preview(String stepId, Dataset before, Dataset after, List<StepStatus> statuses,
                      Map<String, Integer> changedCells, List<String> addedColumns, List<String> removedColumns,
                      List<ColumnSummary> beforeStats, List<ColumnSummary> afterStats) {

    /// Whether the previewed step itself is valid.
    public boolean valid() {
        return statuses.getLast().valid();
    }

    /// Total changed cells.
    public int totalChanged() {
        return changedCells.values().stream().mapToInt(Integer::intValue).sum();
    }
}
