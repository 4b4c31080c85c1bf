package org.shebao.api.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * A bundle's texts, bound to its class loader: the resource bundle {@value #BASE_NAME} (a plugin's
 * {@code src/main/resources/OSGI-INF/l10n/messages.properties}, Simplified Chinese, and {@code messages_en.properties}).
 * A plugin keeps one: {@code static final Texts TEXTS = Texts.of(MyBusiness.class)}, then {@code TEXTS.t("name")}.
 * The platform reads the same bundle for what it shows of the plugin: its name ({@code name}), its menu entries
 * ({@code entry.<id>}) and the texts of its screens ({@code ui.*}).
 */
public final class Texts {

    /** Where a plugin's texts are. */
    public static final String BASE_NAME = "OSGI-INF.l10n.messages";

    private final ClassLoader loader;
    private final String baseName;

    private Texts(ClassLoader loader, String baseName) {
        this.loader = loader;
        this.baseName = baseName;
    }

    /** The texts of the bundle that holds the class. */
    public static Texts of(Class<?> anchor) {
        return new Texts(anchor.getClassLoader(), BASE_NAME);
    }

    /** The texts of the bundle behind the class loader. */
    public static Texts of(ClassLoader loader) {
        return new Texts(loader, BASE_NAME);
    }

    /** Texts of another resource bundle beside the class (the platform's own). */
    public static Texts of(Class<?> anchor, String baseName) {
        return new Texts(anchor.getClassLoader(), baseName);
    }

    /** The text of the key, formatted with the arguments (a {@link Text} argument in the same language). */
    public Text t(String key, Object... args) {
        Object[] copy = args.clone();
        return locale -> Text.format(bundle(locale), key, copy, locale);
    }

    /** Whether the key has a text in the default language. */
    public boolean has(String key) {
        ResourceBundle bundle = bundle(Text.DEFAULT_LOCALE);
        return bundle != null && bundle.containsKey(key);
    }

    /** Every text whose key starts with the prefix, in the language: what a plugin's screen reads. */
    public Map<String, String> all(Locale locale, String prefix) {
        Map<String, String> texts = new TreeMap<>();
        ResourceBundle bundle = bundle(locale);
        if (bundle != null) {
            bundle.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> texts.put(k, bundle.getString(k)));
        }
        return texts;
    }

    private ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(baseName, locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
