package dev.atelier.app.shell;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// The steps of the flow, in the order the navigation lists them (Ctrl+1 … Ctrl+7).
public enum Screen {
    /// Open and inspect data; choose column roles.
    DATA(null),
    /// Clean and transform the data.
    PREPARE(DATA),
    /// Train models.
    BUILD(DATA),
    /// Compare the models built.
    LEADERBOARD(BUILD),
    /// Understand a model: metrics, explanations, bias.
    ANALYZE(BUILD),
    /// Score new rows with a model.
    PREDICT(BUILD),
    /// Export a model.
    DEPLOY(BUILD);

    private final @Nullable Screen comesAfter;

    Screen(@Nullable Screen comesAfter) {
        this.comesAfter = comesAfter;
    }

    /// The key used in ids and message keys (`data`, `build`, ...).
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// The step to do first, if any.
    public @Nullable Screen comesAfter() {
        return comesAfter;
    }

    /// The digit of its keyboard shortcut (Ctrl+1 for Data).
    public int shortcutDigit() {
        return ordinal() + 1;
    }
}
