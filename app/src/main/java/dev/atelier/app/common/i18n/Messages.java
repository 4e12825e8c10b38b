package dev.atelier.app.common.i18n;

import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// The one place where message keys become plain-language text, for the studio and the CLI alike.
/// Keys follow `screen.element.purpose`; engine error codes render through `error.<CODE>`.
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /// The messages for `locale` (English is the fallback).
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle("dev.atelier.app.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /// English messages.
    public static Messages english() {
        return forLocale(Locale.ENGLISH);
    }

    /// The text for `key` with `args` filled in; the key itself if it is unknown (never throws).
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return args.length == 0 ? key : key + " " + List.of(args);
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /// Whether the bundle defines `key`.
    public boolean has(String key) {
        return bundle.containsKey(key);
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
