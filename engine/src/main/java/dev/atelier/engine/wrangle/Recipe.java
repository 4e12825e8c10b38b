package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.project.RecipeEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/// The user's data preparation: an ordered list of [Step]s, run before a model's own preprocessing. Immutable;
/// every edit returns a new recipe, so the studio's undo/redo keeps a stack of recipe values.
///
/// @param steps the steps in order; ids are unique
public record Recipe(List<Step> steps) {
    /// The empty recipe.
    public static final Recipe EMPTY = new Recipe(List.of());

    public Recipe {
        steps = List.copyOf(steps);
        var ids = new HashSet<String>();
        for (Step s : steps) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("duplicate step id " + s.id());
            }
        }
    }

    /// A recipe of the given steps.
    public static Recipe of(Step... steps) {
        return new Recipe(List.of(steps));
    }

    /// A recipe from a project's entry; step ids are `s1`, `s2`, ...
    public static Recipe fromEntry(RecipeEntry entry) {
        var out = new ArrayList<Step>();
        int i = 1;
        for (RecipeEntry.Step s : entry.steps()) {
            out.add(new Step("s" + i++, s.transform(), s.parameters(), s.enabled()));
        }
        return new Recipe(out);
    }

    /// This recipe with a step appended, with a fresh id.
    public Recipe add(String transform, Map<String, Object> parameters) {
        return insert(steps.size(), transform, parameters);
    }

    /// This recipe with a step inserted at `index`, with a fresh id.
    public Recipe insert(int index, String transform, Map<String, Object> parameters) {
        var out = new ArrayList<>(steps);
        out.add(index, Step.of(freshId(), transform, parameters));
        return new Recipe(out);
    }

    /// This recipe with the step at `index` replaced.
    public Recipe replace(int index, Step step) {
        var out = new ArrayList<>(steps);
        out.set(index, step);
        return new Recipe(out);
    }

    /// This recipe without the step at `index`.
    public Recipe remove(int index) {
        var out = new ArrayList<>(steps);
        out.remove(index);
        return new Recipe(out);
    }

    /// This recipe with the step at `from` moved to `to`.
    public Recipe move(int from, int to) {
        var out = new ArrayList<>(steps);
        Step s = out.remove(from);
        out.add(to, s);
        return new Recipe(out);
    }

    /// The first `count` steps (for previews).
    public Recipe prefix(int count) {
        return new Recipe(steps.subList(0, Math.min(count, steps.size())));
    }

    /// The position of the step with `id`, or -1.
    public int indexOf(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /// Learns every step's parameters from `train` and returns the fitted recipe with the prepared training data.
    public Wrangler.FitResult fit(Dataset train, JobContext ctx) {
        return Wrangler.fit(this, train, Sources.NONE, ctx);
    }

    private String freshId() {
        int max = 0;
        for (Step s : steps) {
            if (s.id().matches("s\\d{1,9}")) {
                max = Math.max(max, Integer.parseInt(s.id().substring(1)));
            }
        }
        return "s" + (max + 1);
    }
}
