package org.shebao.api.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A user-visible text, resolved in the caller's language only when it is shown.
 * Bundles follow the platform convention: the base file ({@code messages.properties})
 * is Simplified Chinese, the default language; {@code messages_en.properties} is English.
 */
@FunctionalInterface
public interface Text {

    /** The platform's default language. */
    Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    String in(Locale locale);

    /** A text from a resource bundle beside {@code anchor} (same class loader), formatted with {@code args}. */
    static Text of(Class<?> anchor, String baseName, String key, Object... args) {
        return Texts.of(anchor, baseName).t(key, args);
    }

    /** The key's pattern in the bundle formatted with the arguments in the language; the key itself when missing. */
    static String format(ResourceBundle bundle, String key, Object[] args, Locale locale) {
        if (bundle == null || !bundle.containsKey(key)) {
            return key;
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(localized(args, locale));
    }

    /** A text that is the same in every language (a name, a number). */
    static Text literal(String value) {
        return locale -> value;
    }

    /** The language to answer in, from the caller's acceptable languages in order: English or Chinese (the default). */
    static Locale preferred(java.util.List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            if ("en".equals(wanted.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(wanted.getLanguage())) {
                return DEFAULT_LOCALE;
            }
        }
        return DEFAULT_LOCALE;
    }

    private static Object[] localized(Object[] args, Locale locale) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] instanceof Text t ? t.in(locale) : args[i];
        }
        return out;
    }
}
