package org.shebao.api.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
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
        Object[] copy = args.clone();
        return locale -> {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, anchor.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                String pattern = bundle.getString(key);
                return copy.length == 0 ? pattern : new MessageFormat(pattern, locale).format(localized(copy, locale));
            } catch (MissingResourceException e) {
                return key;
            }
        };
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
