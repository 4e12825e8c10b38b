package dev.atelier.app.common.i18n;

import dev.atelier.engine.algorithms.AlgorithmCatalog;
import dev.atelier.engine.algorithms.AlgorithmDescriptor;

/// Algorithm names as the studio shows them, alike on every screen.
public final class AlgorithmNames {
    private AlgorithmNames() {
    }

    /// The algorithm's name from the catalogue ("XGBoost"); the ensemble's own name; else the key itself.
    public static String of(AlgorithmCatalog catalog, Messages messages, String key) {
        if (key.contains("ensemble")) {
            return messages.get("leaderboard.algorithm.ensemble");
        }
        return catalog.find(key).map(AlgorithmDescriptor::displayName).orElse(key);
    }
}
