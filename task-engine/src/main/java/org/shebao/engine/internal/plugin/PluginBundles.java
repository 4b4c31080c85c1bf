package org.shebao.engine.internal.plugin;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.shebao.api.spi.Plugins;

/** What the platform reads of a plugin from its bundle and its services' properties. */
public final class PluginBundles {

    private PluginBundles() {
    }

    /** The plugin id of the bundle ({@code Shebao-Plugin} header), or null when it is not a plugin. */
    public static String pluginId(Bundle bundle) {
        String id = bundle == null ? null : bundle.getHeaders("").get(Plugins.HEADER);
        return id == null || id.isBlank() ? null : id.trim();
    }

    /** {@code major.minor.micro} of the bundle's version. */
    public static String version(Bundle bundle) {
        Version v = bundle.getVersion();
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    /** A service property as a string, or the fallback when absent or blank. */
    static String string(ServiceReference<?> ref, String key, String fallback) {
        Object value = ref.getProperty(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    /** A service property of one or many strings (a String, a String[] or a collection) as a set. */
    static Set<String> strings(ServiceReference<?> ref, String key) {
        Object value = ref.getProperty(key);
        Set<String> out = new TreeSet<>();
        if (value instanceof String[] many) {
            out.addAll(Arrays.asList(many));
        } else if (value instanceof Collection<?> many) {
            many.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null && !value.toString().isBlank()) {
            out.add(value.toString());
        }
        out.removeIf(String::isBlank);
        return out;
    }

    /** Where the console serves a plugin's ES module from its bundle's {@code ui/} folder. */
    public static String moduleUrl(String pluginId, String module) {
        return "/console/plugins/" + pluginId + "/" + module;
    }
}
