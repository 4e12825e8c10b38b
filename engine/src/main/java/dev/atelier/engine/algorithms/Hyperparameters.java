package dev.atelier.engine.algorithms;

import java.util.List;
import org.jspecify.annotations.Nullable;

/// Short factories for the built-in catalogue's [ParamSpec]s. Real ranges are written as intervals:
/// `"[0,1]"`, `"(0,1]"`, `"[0,inf)"`, `"(-inf,inf)"`.
final class Hyperparameters {
    /// No upper limit for whole numbers.
    static final long NO_LIMIT = Long.MAX_VALUE;
    private static final List<String> AUTO = List.of("auto");

    private Hyperparameters() {
    }

    static IntParam integer(String name, long defaultValue, long min, long max, String description) {
        return IntParam.of(name, defaultValue, min, max, description);
    }

    static IntParam integerOrAuto(String name, long min, long max, String description) {
        return new IntParam(name, "auto", min, max, AUTO, Requirement.OPTIONAL, description);
    }

    static IntParam integerUnset(String name, long min, long max, String description) {
        return new IntParam(name, null, min, max, List.of(), Requirement.UNSET, description);
    }

    static IntParam integerRequired(String name, long min, long max, String description) {
        return new IntParam(name, null, min, max, List.of(), Requirement.REQUIRED, description);
    }

    static IntParam integerFromData(String name, long min, long max, String description) {
        return new IntParam(name, null, min, max, List.of(), Requirement.FROM_DATA, description);
    }

    static DoubleParam real(String name, String defaultText, String interval, String description) {
        return real(name, defaultText, interval, false, List.of(), Requirement.OPTIONAL, description);
    }

    static DoubleParam realLog(String name, String defaultText, String interval, String description) {
        return real(name, defaultText, interval, true, List.of(), Requirement.OPTIONAL, description);
    }

    static DoubleParam realOrAuto(String name, String interval, String description) {
        return real(name, "auto", interval, false, AUTO, Requirement.OPTIONAL, description);
    }

    static DoubleParam realOrAutoLog(String name, String interval, String description) {
        return real(name, "auto", interval, true, AUTO, Requirement.OPTIONAL, description);
    }

    static DoubleParam realUnset(String name, String interval, String description) {
        return real(name, null, interval, false, List.of(), Requirement.UNSET, description);
    }

    static DoubleParam real(String name, @Nullable String defaultText, String interval,
                            boolean logScale, List<String> keywords, Requirement requirement, String description) {
        String body = interval.strip();
        char open = body.charAt(0);
        char close = body.charAt(body.length() - 1);
        String[] bounds = body.substring(1, body.length() - 1).split(",", -1);
        if ((open != '[' && open != '(') || (close != ']' && close != ')') || bounds.length != 2) {
            throw new IllegalArgumentException(name + ": bad interval " + interval);
        }
        Double min = ParamSyntax.parseDouble(bounds[0].strip());
        Double max = ParamSyntax.parseDouble(bounds[1].strip());
        if (min == null || max == null) {
            throw new IllegalArgumentException(name + ": bad interval " + interval);
        }
        return new DoubleParam(name, defaultText, min, open == '(', max, close == ')', logScale, keywords,
                requirement, description);
    }

    static ChoiceParam choice(String name, String defaultValue, List<String> choices, String description) {
        return ChoiceParam.of(name, defaultValue, choices, description);
    }

    static ChoiceParam choiceUnset(String name, List<String> choices, String description) {
        return new ChoiceParam(name, null, choices, Requirement.UNSET, description);
    }

    static ChoiceParam choiceRequired(String name, List<String> choices, String description) {
        return new ChoiceParam(name, null, choices, Requirement.REQUIRED, description);
    }

    static ChoiceParam choiceFromData(String name, List<String> choices, String description) {
        return new ChoiceParam(name, null, choices, Requirement.FROM_DATA, description);
    }

    static BoolParam bool(String name, boolean defaultValue, String description) {
        return BoolParam.of(name, defaultValue, description);
    }

    static StringParam text(String name, String defaultText, String hint, String description) {
        return new StringParam(name, defaultText, hint, Requirement.OPTIONAL, description);
    }

    static StringParam textUnset(String name, String hint, String description) {
        return new StringParam(name, null, hint, Requirement.UNSET, description);
    }

    static StringParam textFromData(String name, String hint, String description) {
        return new StringParam(name, null, hint, Requirement.FROM_DATA, description);
    }
}
