package dev.atelier.engine.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/// Everything a user's piece of work consists of: the datasets it reads, the recipes that prepare them, the
/// experiments run on them and the models they produced. Immutable; every edit returns a new `Project`.
/// Persisted by `dev.atelier.engine.persist.ProjectStore` as versioned JSON (`*.atelier`).
///
/// @param name        the project's display name
/// @param created     when the project was first created
/// @param datasets    data sources, by reference (the source files are never copied or modified)
/// @param recipes     data-preparation recipes
/// @param experiments training experiments and their runs
/// @param models      trained models, stored as bundles beside the project
public record Project(String name, Instant created, List<DatasetEntry> datasets, List<RecipeEntry> recipes,
                      List<ExperimentEntry> experiments, List<ModelEntry> models) {
    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        datasets = List.copyOf(datasets);
        recipes = List.copyOf(recipes);
        experiments = List.copyOf(experiments);
        models = List.copyOf(models);
    }

    /// An empty project.
    public static Project empty(String name, Instant now) {
        return new Project(name, now, List.of(), List.of(), List.of(), List.of());
    }

    /// This project renamed.
    public Project withName(String newName) {
        return new Project(newName, created, datasets, recipes, experiments, models);
    }

    /// The dataset with this id.
    public Optional<DatasetEntry> dataset(String id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /// This project with `entry` added, or replacing the dataset of the same id.
    public Project withDataset(DatasetEntry entry) {
        return new Project(name, created, upsert(datasets, entry, DatasetEntry::id), recipes, experiments, models);
    }

    /// This project without the dataset of this id (recipes and experiments that use it stay, and show as
    /// broken until a dataset is linked again).
    public Project withoutDataset(String id) {
        return new Project(name, created, datasets.stream().filter(d -> !d.id().equals(id)).toList(),
                recipes, experiments, models);
    }

    /// This project with `entry` added or replaced.
    public Project withRecipe(RecipeEntry entry) {
        return new Project(name, created, datasets, upsert(recipes, entry, RecipeEntry::id), experiments, models);
    }

    /// This project with `entry` added or replaced.
    public Project withExperiment(ExperimentEntry entry) {
        return new Project(name, created, datasets, recipes, upsert(experiments, entry, ExperimentEntry::id), models);
    }

    /// This project with `entry` added or replaced.
    public Project withModel(ModelEntry entry) {
        return new Project(name, created, datasets, recipes, experiments, upsert(models, entry, ModelEntry::id));
    }

    private static <T> List<T> upsert(List<T> list, T entry, java.util.function.Function<T, String> id) {
        var out = new ArrayList<T>(list.size() + 1);
        boolean replaced = false;
        for (T t : list) {
            if (id.apply(t).equals(id.apply(entry))) {
                out.add(entry);
                replaced = true;
            } else {
                out.add(t);
            }
        }
        if (!replaced) {
            out.add(entry);
        }
        return out;
    }
}
