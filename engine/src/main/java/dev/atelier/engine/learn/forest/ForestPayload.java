package dev.atelier.engine.learn.forest;

import java.util.List;

/// The persisted shape of `forest.json`.
///
/// @param kind    `random-forest` or `extra-trees`
/// @param outputs values per node: the number of classes, or 1 for regression
/// @param trees   the trees' node tables
record ForestPayload(String kind, int outputs, List<TreeData> trees) {
    ForestPayload {
        trees = List.copyOf(trees);
    }
}
