package dev.atelier.engine.persist;

import dev.atelier.engine.learn.Model;
import java.util.Locale;
import java.util.Map;

/// Writes a model bundle's `model-card.md`: what the model predicts, from what, and how well, in plain English.
final class ModelCards {
    private ModelCards() {
    }

    static String render(ModelManifest m, Model model, Map<String, Double> metrics) {
        var s = new StringBuilder();
        s.append("# Model card: ").append(m.algorithm()).append(" predicting \"").append(m.target()).append("\"\n\n");
        s.append("## What it predicts\n\n");
        switch (m.problemType()) {
            case "regression" -> s.append("A number: the value of \"").append(m.target()).append("\".\n\n");
            default -> s.append("Which of ").append(m.classes().size()).append(" labels a row has in \"")
                    .append(m.target()).append("\": ").append(String.join(", ", m.classes()))
                    .append(". It also gives the probability of each label.\n\n");
        }
        s.append("## What it was trained on\n\n");
        var p = m.provenance();
        s.append(p.trainingRows()).append(" rows and ").append(p.trainingColumns()).append(" columns");
        if (p.trainingData() != null) {
            s.append(" from ").append(p.trainingData());
        }
        s.append(". It reads these columns: ").append(String.join(", ", model.pipeline().inputColumns()))
                .append(".\n\n");
        s.append("## How well it did\n\n");
        if (metrics.isEmpty()) {
            s.append("No validation rows were available, so its accuracy on new data is unknown.\n\n");
        } else {
            s.append("Measured on validation rows it did not learn from:\n\n");
            new java.util.TreeMap<>(metrics).forEach((k, v) -> s.append("- ").append(k).append(": ")
                    .append(String.format(Locale.ROOT, "%.4f", v)).append('\n'));
            s.append('\n');
        }
        s.append("## How it was made\n\n");
        s.append("Algorithm `").append(m.algorithm()).append("` with seed ").append(m.seed())
                .append(" on Atelier ").append(m.engineVersion()).append(" (Java ").append(p.javaVersion())
                .append(", ").append(p.os()).append(' ').append(p.arch()).append("). Hyperparameters set by hand: ")
                .append(m.explicitHyperparameters().isEmpty() ? "none (all defaults)"
                        : String.join(", ", m.explicitHyperparameters())).append(".\n");
        return s.toString();
    }
}
