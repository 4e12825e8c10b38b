package dev.atelier.engine.wrangle;

import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.data.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/// A fluent way to declare a transform: `T.of(key, family, name, description).types(...).params(...).apply(...)`.
final class T {
    static final Set<ColumnType> NUMERIC = Set.of(ColumnType.NUMERIC);
    static final Set<ColumnType> STRINGS = Set.of(ColumnType.CATEGORICAL, ColumnType.TEXT);
    static final Set<ColumnType> CATEGORIES = Set.of(ColumnType.CATEGORICAL, ColumnType.TEXT, ColumnType.BOOLEAN,
            ColumnType.NUMERIC);
    static final Set<ColumnType> DATES = Set.of(ColumnType.DATETIME);
    static final Set<ColumnType> ANY = Set.of();

    private final String key;
    private final Family family;
    private final String name;
    private final String description;
    private Set<ColumnType> types = ANY;
    private RowRule rows = RowRule.KEEPS_ROWS;
    private final List<ParamSpec> params = new ArrayList<>();

    private T(String key, Family family, String name, String description) {
        this.key = key;
        this.family = family;
        this.name = name;
        this.description = description;
    }

    static T of(String key, Family family, String name, String description) {
        return new T(key, family, name, description);
    }

    T types(Set<ColumnType> accepted) {
        this.types = accepted;
        return this;
    }

    T rows(RowRule rule) {
        this.rows = rule;
        return this;
    }

    T params(ParamSpec... specs) {
        params.addAll(List.of(specs));
        return this;
    }

    TransformInfo info() {
        return new TransformInfo(key, family, name, description, params, types, rows);
    }

    Transform apply(Transform.Apply apply) {
        return new Transform.Def(info(), (f, p, s) -> State.EMPTY, (f, p, s, ph) -> apply.apply(f, p));
    }

    Transform fitted(Transform.Fit fit, Transform.ApplyFitted apply) {
        return new Transform.Def(info(), fit, apply);
    }
}
