package dev.atelier.app.common.i18n;

import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/// The one place where message keys become plain-language text, for the studio and the CLI alike.
/// Keys follow `screen.element.purpose`; engine error codes render through `error.<CODE>`.
public final class Messages {
    /// The bundles, one per area of the studio, under `dev/atelier/app/i18n/`. An area without a file yet is
    /// skipped, so a new screen adds its own `<area>.properties` without touching a shared file. A key must be
    /// defined in one bundle only (a test checks it).
    public static final List<String> AREAS = List.of("messages", "errors", "data", "prepare", "build",
            "leaderboard", "analyze", "bias", "predict", "deploy", "welcome", "cli");

    private final Map<String, String> patterns;
    private final Locale locale;

    private Messages(Map<String, String> patterns, Locale locale) {
        this.patterns = patterns;
        this.locale = locale;
    }

    /// The messages for `locale` (English is the fallback).
    public static Messages forLocale(Locale locale) {
        var patterns = new HashMap<String, String>();
        for (String area : AREAS) {
            bundle(area, locale).ifPresent(b -> b.keySet().forEach(k -> patterns.putIfAbsent(k, b.getString(k))));
        }
        return new Messages(Map.copyOf(patterns), locale);
    }

    /// The bundle of one area, if it exists.
    public static Optional<ResourceBundle> bundle(String area, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle("dev.atelier.app.i18n." + area, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /// English messages.
    public static Messages english() {
        return forLocale(Locale.ENGLISH);
    }

    /// The text for `key` with `args` filled in; the key itself if it is unknown (never throws).
    public String get(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            return args.length == 0 ? key : key + " " + List.of(args);
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /// Whether the bundle defines `key`.
    public boolean has(String key) {
        return patterns.containsKey(key);
    }

    /// The plain-language sentence for an engine error.
    public String error(ErrorCode code, List<Object> args) {
        return get(code.messageKey(), args.stream().map(Messages::display).toArray());
    }

    /// The plain-language sentence for an engine exception.
    public String error(AtelierException e) {
        return error(e.code(), e.args());
    }

    /// The plain-language sentence for a diagnostic.
    public String diagnostic(Diagnostic d) {
        return error(d.code(), d.args());
    }

    // Numbers are shown as given ("1234", not "1,234" or "1 234") unless the pattern formats them.
    private static Object display(Object o) {
        return o instanceof Integer || o instanceof Long ? o.toString() : o;
    }
}
