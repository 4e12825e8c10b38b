package dev.atelier.engine.automl;

import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.learn.ProblemTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/// The problem type worked out from a target column, with the reason in plain language: a message key plus
/// arguments the app renders (the engine holds no user-facing text).
///
/// Reason keys (arguments in order):
/// - `automl.reason.twoValues` (target, the values joined by " and "): binary
/// - `automl.reason.categories` (target, number of distinct values): multiclass, the values are not numbers
/// - `automl.reason.fewWholeNumbers` (target, number of distinct values): multiclass, few repeating whole numbers
/// - `automl.reason.numbers` (target, number of distinct values): regression
/// - `automl.reason.chosen` (target, problem in words): the user chose it
///
/// @param problem   binary, multiclass or regression
/// @param reasonKey the message key of the reason
/// @param args      the reason's arguments
public record ProblemGuess(ProblemType problem, String reasonKey, List<Object> args) {
    public ProblemGuess {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(reasonKey, "reasonKey");
        args = List.copyOf(args);
    }

    /// Infers the problem as [ProblemTypes#infer] does and says why.
    ///
    /// @throws dev.atelier.engine.error.SpecException `COLUMN_NOT_FOUND` if there is no such column
    public static ProblemGuess infer(Dataset data, String target) {
        ProblemType problem = ProblemTypes.infer(data, target);
        int col = data.schema().indexOf(target);
        var distinct = new LinkedHashSet<String>();
        for (int r = 0; r < data.rowCount() && distinct.size() <= 1000; r++) {
            if (!data.isMissing(r, col)) {
                distinct.add(data.text(r, col));
            }
        }
        return switch (problem) {
            case BINARY_CLASSIFICATION -> {
                var values = new ArrayList<>(distinct);
                yield new ProblemGuess(problem, "automl.reason.twoValues", List.of(target, String.join(" and ",
                        dev.atelier.engine.learn.Target.sortClasses(values))));
            }
            case MULTICLASS_CLASSIFICATION -> new ProblemGuess(problem,
                    data.schema().column(target).type() == ColumnType.NUMERIC ? "automl.reason.fewWholeNumbers"
                            : "automl.reason.categories", List.of(target, distinct.size()));
            default -> new ProblemGuess(problem, "automl.reason.numbers", List.of(target,
                    distinct.size() > 1000 ? "more than 1000" : String.valueOf(distinct.size())));
        };
    }

    /// The user's own choice.
    public static ProblemGuess chosen(ProblemType problem, String target) {
        return new ProblemGuess(problem, "automl.reason.chosen", List.of(target, ProblemTypes.words(problem)));
    }
}
